import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCases, splitFrontmatter } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { qualityHints, unitDescriptionReason } from '../../src/lib/quality.ts';
import { guideMarkdown } from '../../src/lib/guide.ts';
import { entryText, validBody } from '../fixtures/valid-entry.ts';

const unitHints = (data: Record<string, unknown>) => qualityHints(data, validBody).filter((h) => h.field === 'unit');

describe('unit that describes rather than names a body', () => {
  it.each([
    ['思南县各村党支部', '各'],
    ['某区委组织部等部门与试点村党支部', '等'],
    ['承德市（全市乡镇）', '全市'],
    ['宁波市社区党组织（全市519个社区）', '全市'],
    ['淮安市社区党组织', '统称'],
    ['杭州市西湖区社区（村）党组织', '统称'],
    ['农村党组织', '统称'],
    ['河北省饶阳县村级党组织', '统称'],
    ['深圳市盐田区（80家规模以上非公有制企业）', '数量'],
    ['某县所有村党支部', '所有'],
  ])('warns for %s', (unit, reason) => {
    expect(unitDescriptionReason(unit)).toContain(reason);
    const hints = unitHints({ unit });
    expect(hints).toHaveLength(1);
    expect(hints[0].message.zh).toContain(unit);
    expect(hints[0].placeholder).toBeFalsy();
  });

  it.each([
    '凤县县委',
    '思南县',
    '中共深圳市委',
    '福州市委组织部',
    '韶关市始兴县罗坝镇淋头村党支部',
    '某高等学校党委',
    '深圳市直机关工委',
    '淋头村党组织',
    '全椒县委',
  ])('accepts the name %s', (unit) => {
    expect(unitDescriptionReason(unit)).toBeUndefined();
    expect(unitHints({ unit })).toEqual([]);
  });

  it('is silent when the entry explains the unit in notes', () => {
    expect(unitHints({ unit: '某市所辖各县级党委', notes: '原文单位名称被遮蔽，只能写成这样。' })).toEqual([]);
    expect(unitHints({ unit: '某市所辖各县级党委', notes: '原文标题残缺。' })).toHaveLength(1);
  });

  it('is a warning in the content check, not an error', () => {
    const result = checkCases([{ path: 'content/cases/x.mdx', raw: entryText({ unit: '某县各村党支部' }) }], {
      sourceIds: new Set(['yue-qunzuban-2014-12']),
      parseBody: parseMdxBody,
      parseMarkdown: parseMarkdownBody,
    });
    expect(result.errors).toEqual([]);
    expect(result.warnings.filter((w) => w.field === 'unit')).toHaveLength(1);
  });
});

describe('rule for multi-level schemes in the guide', () => {
  it('states the rule and worked examples for unit, level and domain', () => {
    const guide = guideMarkdown();
    const row = (field: string) => guide.split('\n').find((l) => l.startsWith(`| \`${field}\` |`)) ?? '';
    expect(row('unit')).toContain('设计并推行');
    expect(row('unit')).toMatch(/例一.*例二.*例三/);
    expect(row('level')).toContain('不按执行者定');
    expect(row('domain')).toContain('不按 unit 的单位类型定');
    // The list of warnings in the guide names this one too.
    expect(guide).toContain('`unit` 像描述而不像单位名称');
  });
});

describe('the library follows the rule', () => {
  const dir = new URL('../../content/cases/', import.meta.url);
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ id: f.replace(/\.mdx$/, ''), data: parse(splitFrontmatter(readFileSync(new URL(f, dir), 'utf8'))!.yaml) }));

  it('names one body as the unit of every entry, or says why in notes', () => {
    const described = entries.filter((e) => unitHints(e.data).length > 0).map((e) => `${e.id}: ${e.data.unit}`);
    expect(described).toEqual([]);
  });

  it('files the worked examples as the guide says', () => {
    const get = (id: string) => entries.find((e) => e.id === id)!.data;
    expect([get('sinan-dianti-fuwu').unit, get('sinan-dianti-fuwu').level, get('sinan-dianti-fuwu').domain]).toEqual([
      '思南县',
      'xianji',
      'nongcun',
    ]);
    expect([get('ningbo-365-shequ-fuwu-gongzuofa').unit, get('ningbo-365-shequ-fuwu-gongzuofa').level]).toEqual(['宁波市', 'dishiji']);
    const shenzhen = [
      'shenzhen-dangdaibiao-gongzuoshi-wuhua',
      'shenzhen-shi-dangdaibiao-jin-shequ',
      'shenzhen-shi-dangdaibiao-gongtui-zhixuan',
      'shenzhen-gongtui-zhixuan',
    ].map(get);
    expect(new Set(shenzhen.map((d) => `${d.unit}/${d.level}`))).toEqual(new Set(['中共深圳市委/dishiji']));
    expect(shenzhen.map((d) => d.domain)).toEqual(['chengshi-shequ', 'chengshi-shequ', 'dangjian-tongchou', 'dangjian-tongchou']);
  });
});

describe('bold that ends with its own punctuation and a space', () => {
  it('is a hint at its line, and bold written with the punctuation outside is none', () => {
    const body = validBody.replace(
      '## 做法\n',
      '## 做法\n\n- **回访制度。** 办理情况及时回访答复群众。\n- **入户登记**。统一印制民情日记。\n',
    );
    const hints = qualityHints({}, body).filter((h) => /加粗里的句末标点/.test(h.message.zh));
    expect(hints).toHaveLength(1);
    expect(hints[0].message.zh).toContain('“**回访制度。**”：加粗里的句末标点请放到 ** 外面');
    expect(hints[0].line).toBe(body.split('\n').indexOf('- **回访制度。** 办理情况及时回访答复群众。') + 1);
  });
});

describe('a name that may be a private resident’s', () => {
  it('is a hint at its body line and in a front-matter field, not an error', () => {
    const body = validBody.replace('## 做法\n', '## 做法\n\n村民王小明七十岁，路灯坏了半个月。\n');
    const hints = qualityHints({ summary: '王景云大爷带头捐款。' }, body).filter((h) => /像是群众的姓名/.test(h.message.zh));
    expect(hints.map((h) => [h.field, h.message.zh.slice(0, 6)])).toEqual([
      ['## 做法', '“王小明”像'],
      ['summary', '“王景云大爷'],
    ]);
    const line = body.split('\n').indexOf('村民王小明七十岁，路灯坏了半个月。') + 1;
    expect(hints[0].line).toBe(line);
    expect(hints[0].placeholder).toBeUndefined();
  });
});
