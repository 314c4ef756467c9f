import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/schema/case.ts';
import { sourceSchema } from '../../src/schema/source.ts';
import { textProblems } from '../../src/schema/text.ts';
import { validFrontmatter } from '../fixtures/valid-entry.ts';

const validEntry = (patch: Record<string, unknown>) => ({ ...validFrontmatter, ...patch });

const messagesFor = (data: unknown) => {
  const result = caseSchema.safeParse(data);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('front-matter text', () => {
  it.each([
    ['control character', 'a\u0007b', /控制字符 U\+0007.*第 2 个字符.*delete it/],
    ['tab', 'a\tb', /控制字符 U\+0009/],
    ['zero-width space', '“民情\u200B日记”工作法', /零宽字符 U\+200B（第 4 个字符/],
    ['word joiner', 'ab\u2060c', /零宽字符 U\+2060/],
    ['BOM inside text', 'ab\uFEFFc', /零宽字符 U\+FEFF/],
    ['right-to-left override', 'ab\u202Ecd', /文字方向.*U\+202E/],
    ['isolate', 'ab\u2067cd', /文字方向.*U\+2067/],
    ['angle bracket', '</script><script>alert(1)</script>', /尖括号“<”（第 1 个字符）.*《》/],
    ['line break', '第一行\n第二行', /不能换行（第 4 个字符处）/],
    ['line separator', '第一行\u2028第二行', /不能换行/],
  ])('a title with a %s is refused with the place and the fix', (_name, title, message) => {
    const messages = messagesFor(validEntry({ title }));
    expect(
      messages.some((m) => m.startsWith('title: ') && message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each([
    ['headline', { headline: '标题"><img src=x onerror=alert(1)>' }],
    ['unit', { unit: '<b>某村</b>党支部' }],
    ['alias', { aliases: ['正常', '别<名'] }],
    ['city', { region: { province: 'guangdong', city: '韶关<市' } }],
    ['figure label', { figures: [{ label: '人数>', value: '3 人' }] }],
    ['author', { author: '编辑<部' }],
  ])('the %s refuses angle brackets', (_name, patch) => {
    expect(messagesFor(validEntry(patch)).join('\n')).toMatch(/尖括号/);
  });

  it('prose fields keep line breaks and angle brackets, but not hidden characters', () => {
    expect(messagesFor(validEntry({ notes: '第一行\n第二行：人数 > 100' }))).toEqual([]);
    expect(messagesFor(validEntry({ summary: '摘要里有一个看不见的\u200D字符，足够十个字了' })).join('\n')).toMatch(/^summary: .*U\+200D/);
    expect(messagesFor(validEntry({ questions: ['这道题目有控制字符\u0000吗？', '第二道思考题是正常的？'] })).join('\n')).toMatch(
      /^questions\.0: .*U\+0000/m,
    );
  });

  it('source files follow the same rules', () => {
    const source = { title: '文件<标题>', kind: '文件', file: 'a.txt', lines: 10, order: 1, notes: '说明\u202E', listed: [] };
    const result = sourceSchema.safeParse(source);
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
    expect(messages).toMatch(/^title: .*尖括号/m);
    expect(messages).toMatch(/^notes: .*U\+202E/m);
  });

  it('ordinary Chinese text passes', () => {
    expect(textProblems('“三本台账”工作法（2013 年起）——《人民日报》报道', 'name')).toEqual([]);
    expect(textProblems('全村 1523 人，党员 48 人。\n投入 100 万元。', 'prose')).toEqual([]);
  });
});
