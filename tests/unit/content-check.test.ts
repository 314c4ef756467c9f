import { describe, expect, it } from 'vitest';
import { checkCases, formatProblem, splitFrontmatter } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { dice, diceCanReach, pairCounts } from '../../src/lib/quality.ts';
import { entryText, validBody } from '../fixtures/valid-entry.ts';

const context = {
  sourceIds: new Set(['yue-qunzuban-2014-12']),
  sourceLines: new Map([['yue-qunzuban-2014-12', 2055]]),
  parseBody: parseMdxBody,
  parseMarkdown: parseMarkdownBody,
};
const check = (files: Record<string, string>) =>
  checkCases(
    Object.entries(files).map(([id, raw]) => ({ path: `content/cases/${id}.mdx`, raw })),
    context,
  );

describe('checkCases', () => {
  it('names every line that holds an invisible character, up to twenty, not only the first', () => {
    const lines = Array.from({ length: 25 }, (_, i) => `第${i + 1}条：办事\u200e方便多了。`);
    const body = validBody.replace('## 做法\n', `## 做法\n\n${lines.join('\n\n')}\n\n`);
    const hidden = check({ x: entryText({}, body) }).errors.filter((e) => e.field === '（字符）');
    expect(hidden).toHaveLength(20);
    expect(new Set(hidden.map((e) => e.line)).size).toBe(20);
    expect(hidden.at(-1)!.message.zh).toContain('后面还有别的行含有这类字符');
    expect(hidden[0].message.zh).not.toContain('后面还有');
  });
  it('reads the body as the page shows it: entities, link texts, hard-wrapped lines and table cells hide no number', () => {
    const hidden = [
      '王大爷的电话是&#49;&#51;&#56;&#49;&#50;&#51;&#52;&#53;&#54;&#55;&#56;。',
      '手机[138](#a)[12345678](#b)。',
      '请联系王大爷，电话139\n87654321，随时可以打。',
      '| 联系人 | 号码 | | |\n| --- | --- | --- | --- |\n| 王大爷 | 138 | 1234 | 5678 |',
    ];
    for (const text of hidden) {
      const body = validBody.replace('## 做法\n', `## 做法\n\n${text}\n\n`);
      const errors = check({ x: entryText({}, body) }).errors.filter((e) => e.field === '（隐私）');
      expect(errors.map((e) => e.message.zh).join(), text).toMatch(/疑似手机号码/);
      // Named at the block's own line in the file.
      const first = text.split('\n').find((l) => /\d/.test(l))!;
      const line =
        entryText({}, body)
          .split('\n')
          .findIndex((l) => l.includes(first)) + 1;
      expect(errors[0].line, text).toBe(line);
    }
  });

  it('passes a valid entry', () => {
    const result = check({ 'good-entry': entryText() });
    expect(result.errors).toEqual([]);
    expect(result.validIds).toEqual(['good-entry']);
  });

  it('reports every problem of every file at once, naming file, line and field', () => {
    const result = check({
      a: entryText({ title: '甲工作法', unit: '甲村党支部', region: { province: 'guangdon' } }),
      b: entryText({ title: '乙工作法', unit: '乙社区党委', domain: 'qita', year: '二〇〇二' }),
      c: entryText({ title: '丙工作法', unit: '丙街道党工委' }, validBody.replace('## 启示', '## 体会')),
    });
    expect(result.errors.map((e) => [e.file, e.field])).toEqual([
      ['content/cases/a.mdx', 'region.province'],
      ['content/cases/b.mdx', 'domain'],
      ['content/cases/b.mdx', 'year'],
      ['content/cases/c.mdx', '## 体会'],
      ['content/cases/c.mdx', '## 启示'],
    ]);
    const province = result.errors[0];
    expect(province.message.zh).toContain('"guangdon"');
    expect(province.message.zh).toContain('guangdong（广东）');
    expect(formatProblem(province)).toMatch(/^content\/cases\/a\.mdx:\d+ {2}\[region\.province\]/);
    expect(result.validIds).toEqual([]);
  });

  it('points at the line of the offending field', () => {
    const raw = entryText({ domain: 'qita' });
    const line = raw.split('\n').findIndex((l) => l.startsWith('domain:')) + 1;
    expect(check({ x: raw }).errors[0].line).toBe(line);
  });

  it('says when a required field is missing', () => {
    const [error] = check({ x: entryText({}, validBody, ['unit']) }).errors;
    expect(error.field).toBe('unit');
    expect(error.message.zh).toContain('缺少必填字段 unit');
  });

  it('rejects unknown related ids and unknown sources, and accepts known ones', () => {
    const result = check({
      one: entryText({ related: ['two', 'nobody'] }),
      two: entryText({ title: '另一个工作法', unit: '另一个单位', related: ['one'], source: { id: 'missing-source', locator: '第1-2行' } }),
    });
    expect(result.errors.map((e) => `${e.file} ${e.field}`)).toEqual(['content/cases/one.mdx related', 'content/cases/two.mdx source.id']);
    expect(result.errors[0].message.zh).toContain('"nobody"');
  });

  it('rejects a line range past the end of the source', () => {
    const [error] = check({ x: entryText({ source: { id: 'yue-qunzuban-2014-12', locator: '第2000-2100行' } }) }).errors;
    expect(error.field).toBe('source.locator');
    expect(error.message.zh).toContain('共 2055 行');
  });

  it('reports YAML syntax errors and missing front matter', () => {
    expect(check({ x: '---\ntitle: a: b\n---\n' + validBody }).errors[0].message.zh).toContain('YAML');
    expect(check({ x: validBody }).errors[0].field).toBe('（front matter）');
  });

  it('rejects file names that are not ASCII slugs', () => {
    expect(check({ 民情日记: entryText() }).errors[0].field).toBe('（文件名）');
  });

  it('rejects code and private data in the body, with the line', () => {
    const body = validBody.replace(
      '党员干部每周入户，记录民情。',
      'import x from "y"\n\n<script>alert(1)</script>\n\n联系人手机13800138000。',
    );
    const errors = check({ x: entryText({}, body) }).errors;
    expect(errors.map((e) => e.message.zh.split('：')[0])).toEqual([
      '正文不能使用 import / export',
      '正文不能包含<script> 标签',
      '疑似手机号码“13800138000”',
    ]);
    expect(errors.every((e) => typeof e.line === 'number')).toBe(true);
  });
});

describe('isolation', () => {
  it("a crash while checking one file becomes that file's error, and the other files are still checked", () => {
    const parseBody = (body: string) => {
      if (body.includes('引爆')) throw new RangeError('Maximum call stack size exceeded');
      return parseMdxBody(body);
    };
    const files = [
      { path: 'content/cases/a.mdx', raw: entryText({}, validBody.replace('党员干部每周入户，记录民情。', '引爆。')) },
      { path: 'content/cases/b.mdx', raw: entryText({ title: '乙工作法', unit: '乙社区党委', domain: 'qita' }) },
    ];
    const result = checkCases(files, { ...context, parseBody });
    expect(result.errors.find((e) => e.file === 'content/cases/a.mdx')?.message.zh).toContain(
      '检查这个文件时出错：Maximum call stack size exceeded',
    );
    expect(result.errors.some((e) => e.file === 'content/cases/b.mdx' && e.field === 'domain')).toBe(true);
  });
});

describe('duplicates', () => {
  it('flags an entry whose title and unit closely match another, naming it', () => {
    const result = checkCases([{ path: 'content/cases/new-one.mdx', raw: entryText({ title: '“民情日记” 工作法', unit: '某村党支部' }) }], {
      ...context,
      existing: [{ id: 'minqing-riji-gongzuofa', title: '“民情日记”工作法', unit: '某村党支部' }],
    });
    expect(result.errors).toEqual([
      expect.objectContaining({
        field: 'title',
        message: expect.objectContaining({ zh: expect.stringContaining('minqing-riji-gongzuofa') }),
      }),
    ]);
  });
  it('counts pairs as a plain Dice coefficient does, and its length bound never rules out a near pair', () => {
    // The reference: character pairs counted afresh for every comparison, as the check did before.
    const reference = (a: string, b: string) => {
      const pairs = (text: string) => {
        const chars = [...text.replace(/[\s\p{P}\p{S}]/gu, '')];
        const out = new Map<string, number>();
        for (let i = 0; i + 1 < chars.length; i++) out.set(chars[i] + chars[i + 1], (out.get(chars[i] + chars[i + 1]) ?? 0) + 1);
        return out;
      };
      const pa = pairs(a);
      const pb = pairs(b);
      const total = [...pa.values(), ...pb.values()].reduce((n, v) => n + v, 0);
      if (total === 0) return a === b ? 1 : 0;
      let shared = 0;
      for (const [pair, count] of pa) shared += Math.min(count, pb.get(pair) ?? 0);
      return (2 * shared) / total;
    };
    // A small alphabet with punctuation and spaces, so that many pairs are near and some texts are empty.
    const alphabet = [...'民情日记工作法党支部村，“” 1'];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const text = () => Array.from({ length: Math.floor(random() * 9) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    let near = 0;
    for (let i = 0; i < 4000; i++) {
      const a = text();
      const b = random() < 0.5 ? a.slice(0, -1) + text().slice(0, 1) : text();
      const expected = reference(a, b);
      expect(dice(pairCounts(a), pairCounts(b))).toBe(expected);
      if (expected >= 0.8) near++;
      for (const threshold of [0.7, 0.8])
        if (expected >= threshold) expect(diceCanReach(pairCounts(a), pairCounts(b), threshold)).toBe(true);
    }
    // Enough near pairs for the bound's test to mean something.
    expect(near).toBeGreaterThan(500);
  });
  it('lets the same method name stand for different units', () => {
    const result = checkCases([{ path: 'content/cases/new-one.mdx', raw: entryText({ unit: '另一省的某社区党委' }) }], {
      ...context,
      existing: [{ id: 'minqing-riji-gongzuofa', title: '“民情日记”工作法', unit: '某村党支部' }],
    });
    expect(result.errors).toEqual([]);
  });
});

describe('splitFrontmatter', () => {
  it('returns the body and the line it starts on', () => {
    const parts = splitFrontmatter('---\na: 1\nb: 2\n---\n正文');
    expect(parts).toEqual({ yaml: 'a: 1\nb: 2\n', body: '正文', bodyLine: 5 });
  });
});
