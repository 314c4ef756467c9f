/**
 * The hostile privacy corpus (tests/fixtures/hostile/privacy/): entries and source files as careless
 * and hostile submitters write them, one fault each, through the real check functions. Each must
 * be refused with exactly one error naming the file, the line and the field; the negative cases
 * (years, money, hotlines, locators, figures from real entries) must pass.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCases, checkSources, formatProblem, type ContentFile } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { privacyKinds, type PrivacyKind } from '../../src/lib/privacy.ts';
import { checkProject } from '../../src/lib/content-files.node.ts';

const dir = new URL('../fixtures/hostile/privacy/', import.meta.url);
const read = (name: string): ContentFile => ({
  path: `tests/fixtures/hostile/privacy/${name}`,
  raw: readFileSync(new URL(name, dir), 'utf8'),
});
const expected: Record<string, { line: number; field: string; kind: PrivacyKind }> = JSON.parse(read('expected.json').raw);

const context = {
  sourceIds: new Set(['qunzhong-gongzuo-baodao-huibian']),
  sourceLines: new Map([['qunzhong-gongzuo-baodao-huibian', 461]]),
  publicFiles: new Set<string>(),
  parseBody: parseMdxBody,
  parseMarkdown: parseMarkdownBody,
};
const check = (file: ContentFile) => (file.path.endsWith('.json') ? checkSources([file]).errors : checkCases([file], context).errors);

describe('hostile privacy corpus', () => {
  const files = readdirSync(dir).filter((f) => /\.(mdx|json)$/.test(f) && f !== 'expected.json');

  it('has at least 45 files, entries and sources, each with an expectation, covering every kind', () => {
    expect(files.length).toBeGreaterThanOrEqual(45);
    expect(files.filter((f) => f.endsWith('.json')).length).toBeGreaterThanOrEqual(10);
    expect(files.filter((f) => !expected[f])).toEqual([]);
    expect(Object.keys(expected).filter((f) => !files.includes(f))).toEqual([]);
    expect(new Set(Object.values(expected).map((e) => e.kind))).toEqual(new Set(Object.keys(privacyKinds)));
  });

  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: refused at line ${want.line}, field ${want.field} (${want.kind})`, () => {
      const file = read(name);
      const all = check(file);
      // A hidden character (zero-width, direction) is a fault of its own, named apart at its line.
      // So is markup the body may not hold (139~~0000~~12345678 is struck through): both are refused.
      const apart = (e: (typeof all)[number]) => e.field === '（字符）' || e.field === '（正文）';
      const errors = all.filter((e) => !apart(e));
      // A footnote is refused as markup wherever it is (mobile-footnote-split-body.mdx: its reference and its text).
      for (const other of all.filter(apart)) if (!/脚注/.test(other.message.zh)) expect(other.line).toBe(want.line);
      // One fault each: the only error is the private datum, at the right file, line and field.
      expect(errors.map(formatProblem), errors.map(formatProblem).join('\n')).toHaveLength(1);
      const [error] = errors;
      expect(error.file).toBe(file.path);
      expect(error.line).toBe(want.line);
      expect(error.field).toBe(want.field);
      expect(error.message.zh).toContain(`疑似${privacyKinds[want.kind].label}`);
      expect(error.message.zh).toContain(privacyKinds[want.kind].fix);
      // The message quotes the text, and that text starts on the line it names (a YAML value folded
      // over two lines is quoted as folded; escapes such as \u0031 are quoted decoded).
      const quoted = /“(.+?)”：/.exec(error.message.zh)![1].replace(/\s/g, '');
      const from = file.raw.split('\n').slice(want.line - 1);
      if (!/\\u/.test(from[0])) {
        expect(from.join('').replace(/\s/g, '')).toContain(quoted);
        expect(from[0].replace(/\s/g, '')).toContain(quoted.slice(0, 3));
      }
    });
  }
});

describe('negative cases', () => {
  for (const name of readdirSync(new URL('negative/', dir))) {
    it(`${name} passes`, () => {
      const errors = check(read(`negative/${name}`));
      expect(errors.map(formatProblem)).toEqual([]);
    });
  }
});

describe('the base entry of the corpus', () => {
  it('passes with the fault removed, so each file’s one error is its fault', () => {
    // The negative entries share the base; checking one proves the base is otherwise valid.
    expect(checkCases([read('negative/hotlines.mdx')], context).validIds).toEqual(['hotlines']);
  });
});

describe('the project check (build and npm run check)', () => {
  it('checks content/sources/*.json and every front-matter field, naming file, line and field', () => {
    const work = mkdtempSync(join(tmpdir(), 'gongzuofa-privacy-'));
    try {
      cpSync('content', join(work, 'content'), { recursive: true });
      const source = JSON.parse(readFileSync('content/sources/yue-qunzuban-2014-12.json', 'utf8'));
      source.notes += '联系人：１３８ １２３４ ５６７８';
      writeFileSync(join(work, 'content/sources/yue-qunzuban-2014-12.json'), JSON.stringify(source, null, 2));
      const entry = 'content/cases/chunfeng-gongzuofa.mdx';
      const text = readFileSync(entry, 'utf8').replace(/^unit: (.*)$/m, 'unit: $1（书记微信 zhang_san88）');
      writeFileSync(join(work, entry), text);
      const { errors } = checkProject(work);
      expect(errors.map((e) => [e.file, e.field, e.message.zh.split('：')[0]])).toEqual([
        ['content/sources/yue-qunzuban-2014-12.json', 'notes', '疑似手机号码“１３８ １２３４ ５６７８”'],
        [entry, 'unit', '疑似微信号“zhang_san88”'],
      ]);
      expect(errors[0].line).toBe(
        JSON.stringify(source, null, 2)
          .split('\n')
          .findIndex((l) => l.includes('"notes"')) + 1,
      );
      expect(errors[1].line).toBe(text.split('\n').findIndex((l) => l.startsWith('unit:')) + 1);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
