import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkCases, splitFrontmatter } from '../../src/lib/content-check.ts';
import { entryFileText } from '../../src/lib/entry-file.ts';
import { firstDifference, readAsBuild } from '../../src/lib/frontmatter.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { entryText, validBody } from '../fixtures/valid-entry.ts';

const context = {
  sourceIds: new Set(['yue-qunzuban-2014-12']),
  sourceLines: new Map([['yue-qunzuban-2014-12', 2055]]),
  parseBody: parseMdxBody,
  parseMarkdown: parseMarkdownBody,
};
const check = (raw: string) => checkCases([{ path: 'content/cases/x.mdx', raw }], context);
/** The valid entry with one front-matter line replaced (by its key) or added after `reviewed`. */
const withLine = (key: string, line: string) => {
  const raw = entryText();
  return raw.includes(`\n${key}:`)
    ? raw.replace(new RegExp(`\\n${key}:.*`), `\n${line}`)
    : raw.replace(/\nreviewed:.*/, (m) => `${m}\n${line}`);
};
const lineOf = (raw: string, start: string) => raw.split('\n').findIndex((l) => l.startsWith(start)) + 1;

describe('the front matter the build reads', () => {
  it('comes from the same parseFrontmatter file that Astro and @astrojs/mdx load', () => {
    const require = createRequire(import.meta.url);
    const ours = require.resolve('@astrojs/internal-helpers/frontmatter');
    for (const user of ['astro', '@astrojs/mdx']) {
      const theirs = createRequire(require.resolve(`${user}/package.json`)).resolve('@astrojs/internal-helpers/frontmatter');
      expect(theirs, `${user} loads another copy: pin @astrojs/internal-helpers in package.json to the version it pins`).toBe(ours);
    }
    expect(dirname(ours)).toMatch(/internal-helpers/);
  });

  it('reads the text between the delimiters with js-yaml, as splitFrontmatter cuts it', () => {
    const reading = readAsBuild('---\r\ntitle: 甲\r\nreviewed: 2026-11-23\r\n---\r\n正文');
    expect(reading).toEqual({
      ok: true,
      yaml: 'title: 甲\r\nreviewed: 2026-11-23\r\n',
      data: { title: '甲', reviewed: new Date('2026-11-23') },
    });
    expect(readAsBuild('+++\ntitle = "甲"\n+++\n')).toEqual({ ok: false, reason: 'toml' });
    expect(readAsBuild('正文，没有 front matter')).toEqual({ ok: false, reason: 'none' });
    expect(readAsBuild('---\ntitle: "甲\n---\n')).toMatchObject({ ok: false, reason: 'syntax', line: 3 });
  });
});

describe('firstDifference', () => {
  it('finds where two readings differ, down to the key or item', () => {
    expect(firstDifference({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBeUndefined();
    expect(firstDifference({ a: [1, { b: 'x' }] }, { a: [1, { b: 3 }] })).toEqual(['a', 1, 'b']);
    expect(firstDifference({ a: [1] }, { a: [1, 2] })).toEqual(['a', 1]);
    expect(firstDifference({ a: 1 }, { a: 1, b: 2 })).toEqual(['b']);
    expect(firstDifference({ a: 1, b: 2 }, { a: 1 })).toEqual(['b']);
    expect(firstDifference({ a: null }, { a: undefined })).toEqual(['a']);
    expect(firstDifference({ a: '1' }, { a: 1 })).toEqual(['a']);
    expect(firstDifference({}, Object.create({ polluted: true }))).toEqual([]);
  });

  it('counts a plainly written day as the same data, and a day that does not exist as different', () => {
    expect(firstDifference({ d: '2026-11-23' }, { d: new Date('2026-11-23') })).toBeUndefined();
    expect(firstDifference({ d: '2026-02-30' }, { d: new Date(Date.UTC(2026, 1, 30)) })).toEqual(['d']);
    expect(firstDifference({ d: '2026-11-23' }, { d: new Date('2026-11-23') }, { days: false })).toEqual(['d']);
  });
});

describe('the content check and the build read one front matter', () => {
  it('refuses a value the build would read as another type, naming field and line', () => {
    // `yaml` (YAML 1.2) reads 0b11 as text, js-yaml as the number 3: the gate passed it, the build stopped.
    const raw = withLine('author', 'author: 0b11');
    const { errors } = check(raw);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field: 'author', line: lineOf(raw, 'author:') });
    expect(errors[0].message.zh).toContain('检查读作 "0b11"，构建读作 3');
    expect(
      check(withLine('author', "author: '0b11'"))
        .errors.map((e) => e.message.zh)
        .join(),
    ).not.toContain('两种读法');
  });

  it('refuses a day that does not exist, which the build would read as another day', () => {
    for (const [day, next] of [
      ['2026-02-30', '2026-03-02'],
      ['2025-13-01', '2026-01-01'],
    ]) {
      const raw = withLine('reviewed', `reviewed: ${day}`);
      const { errors } = check(raw);
      expect(errors, day).toHaveLength(1);
      expect(errors[0]).toMatchObject({ field: 'reviewed', line: lineOf(raw, 'reviewed:') });
      expect(errors[0].message.zh).toContain(`这一天不存在：${day}`);
      expect(errors[0].message.zh).toContain(`读成 ${next}`);
    }
    expect(check(withLine('reviewed', 'reviewed: 2026-11-23')).errors).toEqual([]);
  });

  it('refuses a line inside the front matter where the build would end it', () => {
    for (const marker of ['---', '+++']) {
      const raw = entryText().replace('\nreviewed:', `\n${marker}note: 1\nreviewed:`);
      const [error, ...rest] = check(raw).errors;
      expect(rest, marker).toEqual([]);
      expect(error.message.zh, marker).toContain('构建会在这一行结束 front matter');
      expect(error.line, marker).toBe(lineOf(raw, `${marker}note`));
    }
  });

  it('reads a kept block at the end with its blank lines, as the build does', () => {
    const raw = entryText().replace(/\nreviewed: (.*)\n---\n/, '\nreviewed: $1\nnotes: |+\n  原文未写明县名\n\n---\n');
    expect(check(raw).errors).toEqual([]);
    const reading = readAsBuild(raw);
    expect(reading.ok && reading.data.notes).toBe('原文未写明县名\n\n');
    expect(parse(splitFrontmatter(raw)!.yaml).notes).toBe('原文未写明县名\n\n');
  });

  it('names the closing line when something other than spaces follows its ---', () => {
    const raw = entryText().replace(/\n---\n/, '\n---\u3000\n');
    const [error, ...rest] = check(raw).errors;
    expect(rest).toEqual([]);
    expect(error.message.zh).toContain('请让“---”单独成行');
    expect(error.line).toBe(lineOf(raw, '---\u3000'));
    // Spaces and tabs are fine; an opening line with more is no front matter at all.
    expect(check(entryText().replace(/\n---\n/, '\n--- \t\n')).errors).toEqual([]);
    expect(check(entryText().replace(/^---\n/, '--- # 元数据\n')).errors[0]).toMatchObject({ line: 1, field: '（front matter）' });
  });

  it('passes a valid entry whose unquoted day is a Date to the build and text to the check', () => {
    const raw = entryText();
    const reading = readAsBuild(raw);
    expect(reading.ok).toBe(true);
    if (reading.ok) {
      expect(reading.data.reviewed).toBeInstanceOf(Date);
      expect(firstDifference(parse(reading.yaml), reading.data)).toBeUndefined();
    }
    expect(check(raw).errors).toEqual([]);
  });
});

describe('entryFileText', () => {
  it('writes every value so that the build reads back exactly what was typed', () => {
    const tricky = [
      '0b11',
      '0o17',
      '0x1F',
      '012',
      '2026-11-23',
      '2026-02-30',
      '2026-11-23 10:00:00',
      '~',
      'null',
      'true',
      '.inf',
      '-.5',
      '1e3',
      '<<',
      '=',
      '普通文字',
    ];
    const data = { title: '甲工作法', unit: tricky[0], figures: tricky.map((value) => ({ label: '数', value })) };
    const text = entryFileText(data, { 背景: validBody });
    const reading = readAsBuild(text);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(firstDifference(data, reading.data, { days: false })).toBeUndefined();
    // Plain text stays plain.
    expect(text).toContain('label: 数');
    expect(text).toContain('value: 普通文字');
  });
});
