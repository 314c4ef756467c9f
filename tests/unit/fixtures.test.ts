/** The corpus of bad entries, one fault each, and the good ones: every rule, as an editor meets it. */
import { renderMessage } from '../../src/schema/message.ts';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCases, formatProblem } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';

const dir = new URL('../fixtures/', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, dir), 'utf8');
const expected: Record<string, { field: string; message: string }> = JSON.parse(read('bad/expected.json'));

const context = {
  sourceIds: new Set(['qunzhong-gongzuo-baodao-huibian']),
  sourceLines: new Map([['qunzhong-gongzuo-baodao-huibian', 461]]),
  existing: [{ id: 'minqing-riji-gongzuofa', title: '“民情日记”工作法', unit: '韶关市始兴县罗坝镇淋头村党支部' }],
  publicFiles: new Set(['/favicon.svg']),
  parseBody: parseMdxBody,
  parseMarkdown: parseMarkdownBody,
};
const check = (folder: string, name: string) =>
  checkCases([{ path: `tests/fixtures/${folder}/${name}.mdx`, raw: read(`${folder}/${name}.mdx`) }], context);

describe('bad entries', () => {
  const files = readdirSync(new URL('bad/', dir))
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => f.replace(/\.mdx$/, ''));

  it('has at least 30 faults, each with its expected message', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => !expected[f])).toEqual([]);
  });

  for (const name of Object.keys(expected)) {
    it(`${name}: fails with “${expected[name].message}”`, () => {
      const { errors, validIds } = check('bad', name);
      expect(validIds).toEqual([]);
      const match = errors.find((e) => e.field === expected[name].field && renderMessage(e.message).includes(expected[name].message));
      expect(match, errors.map(formatProblem).join('\n')).toBeDefined();
      // Every report names the file; line numbers point inside it.
      expect(formatProblem(match!)).toContain(`tests/fixtures/bad/${name}.mdx`);
      if (match!.line) expect(match!.line).toBeLessThanOrEqual(read(`bad/${name}.mdx`).split('\n').length);
    });
  }
});

describe('good entries', () => {
  for (const name of readdirSync(new URL('good/', dir)).map((f) => f.replace(/\.mdx$/, ''))) {
    it(`${name} passes`, () => {
      const { errors, validIds } = check('good', name);
      expect(errors.map(formatProblem)).toEqual([]);
      expect(validIds).toEqual([name]);
    });
  }

  it('a draft may keep placeholders, with a warning that names them', () => {
    const { warnings } = check('good', 'draft-with-placeholders');
    expect(warnings.map((w) => w.message.zh)).toContain('“## 成效”还有待填写的内容');
  });
});
