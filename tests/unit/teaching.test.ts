/**
 * Teaching notes (教学提示，编者按): optional editors' content for trainers. The schema validates them,
 * the content check makes sure their further reading points at real entries, and the library carries
 * them for enough entries in every domain to be useful in training.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCases, splitFrontmatter } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { caseSchema, teachingSchema } from '../../src/schema/case.ts';
import { domains } from '../../src/schema/vocab.ts';
import { entryText, validFrontmatter } from '../fixtures/valid-entry.ts';

const teaching = {
  goals: ['理解民情日记怎样把走访记录变成待办事项', '学会设计记、办、回访的闭环'],
  audience: '村党组织书记、驻村干部',
  flow: ['先请学员说说本村怎样收集群众诉求', '再对照条目的做法讨论第二道思考题'],
  further: ['zou-qinqi-gongzuofa'],
};

describe('teaching schema', () => {
  const parseCase = (overrides: Record<string, unknown>) => caseSchema.safeParse({ ...validFrontmatter, ...overrides });

  it('is optional, and accepted when complete', () => {
    expect(parseCase({}).success).toBe(true);
    expect(parseCase({}).data?.teaching).toBeUndefined();
    const result = parseCase({ teaching });
    expect(result.success).toBe(true);
    expect(result.data?.teaching?.goals).toHaveLength(2);
  });
  it('fills further with an empty list when left out', () => {
    const { further: _, ...rest } = teaching;
    expect(teachingSchema.parse(rest).further).toEqual([]);
  });
  it.each([
    ['one goal', { goals: ['只有一条教学目标'] }, ['teaching', 'goals']],
    ['four goals', { goals: Array(4).fill('一条教学目标的说明') }, ['teaching', 'goals']],
    ['no audience', { audience: undefined }, ['teaching', 'audience']],
    ['one step of flow', { flow: ['只讨论一步就结束'] }, ['teaching', 'flow']],
    ['six steps of flow', { flow: Array(6).fill('讨论其中的一个步骤') }, ['teaching', 'flow']],
    ['a further id that is not a slug', { further: ['民情日记'] }, ['teaching', 'further', 0]],
    ['a further id twice', { further: ['zou-qinqi-gongzuofa', 'zou-qinqi-gongzuofa'] }, ['teaching', 'further']],
    ['five further ids', { further: ['a', 'b', 'c', 'd', 'e'] }, ['teaching', 'further']],
    ['an unknown key', { summary: '编者按' }, ['teaching']],
  ])('rejects %s', (_name, change, path) => {
    const result = parseCase({ teaching: { ...teaching, ...change } });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('content check of further reading', () => {
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

  it('accepts ids of existing entries', () => {
    const result = check({
      one: entryText({ teaching: { ...teaching, further: ['two'] } }),
      two: entryText({ title: '另一个工作法', unit: '另一个单位' }),
    });
    expect(result.errors).toEqual([]);
  });
  it('names the file, field and line of an unknown or self-referring id', () => {
    const result = check({
      one: entryText({ teaching: { ...teaching, further: ['two', 'nobody', 'one'] } }),
      two: entryText({ title: '另一个工作法', unit: '另一个单位' }),
    });
    expect(result.errors.map((e) => `${e.file} ${e.field}`)).toEqual([
      'content/cases/one.mdx teaching.further',
      'content/cases/one.mdx teaching.further',
    ]);
    expect(result.errors[0].message.zh).toContain('"nobody"');
    expect(result.errors[1].message.zh).toContain('条目自己');
    const lines = entryText({ teaching: { ...teaching, further: ['two', 'nobody', 'one'] } }).split('\n');
    expect(lines[result.errors[0].line! - 1]).toContain('nobody');
  });
});

describe('teaching notes in the library', () => {
  const dir = join(import.meta.dirname, '../../content/cases');
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => ({ id: f.replace(/\.mdx$/, ''), data: parse(splitFrontmatter(readFileSync(join(dir, f), 'utf8'))!.yaml) }));
  const withNotes = entries.filter((e) => e.data.teaching);

  it('has notes for at least 20 entries, in every domain', () => {
    expect(withNotes.length).toBeGreaterThanOrEqual(20);
    expect(new Set(withNotes.map((e) => e.data.domain))).toEqual(new Set(domains.map((d) => d.id)));
  });
  it('suggests a discussion flow that does not outrun the entry’s questions and reads other entries', () => {
    for (const e of withNotes) {
      expect(e.data.teaching.flow.length, e.id).toBeLessThanOrEqual(e.data.questions.length + 2);
      expect(e.data.teaching.further.length, `${e.id}: no further reading`).toBeGreaterThan(0);
    }
  });
});
