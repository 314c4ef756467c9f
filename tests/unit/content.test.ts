/** The real library: every case with text has a valid, traceable, private-data-free entry. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { splitFrontmatter } from '../../src/lib/content-check.ts';
import { parseLocator } from '../../src/lib/format.ts';
import { findPrivateData } from '../../src/lib/safety.ts';
import { themes } from '../../src/schema/vocab.ts';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url);
const catalogue: { cases: { id: string; source: string; body: string; lines?: [number, number] }[] } = JSON.parse(
  readFileSync(new URL('content/catalogue.json', root), 'utf8'),
);
const sources = readdirSync(new URL('content/sources/', root)).map((f) => ({
  id: f.replace(/\.json$/, ''),
  ...JSON.parse(readFileSync(new URL(`content/sources/${f}`, root), 'utf8')),
}));
const entries = readdirSync(new URL('content/cases/', root))
  .filter((f) => f.endsWith('.mdx'))
  .map((f) => {
    const raw = readFileSync(new URL(`content/cases/${f}`, root), 'utf8');
    return { id: f.replace(/\.mdx$/, ''), raw, data: parse(splitFrontmatter(raw)!.yaml) };
  });
const withText = catalogue.cases.filter((c) => c.body === 'full' || c.body === 'partial');

describe('the library', () => {
  it('passes every content rule', () => {
    const result = checkProject(new URL('.', root).pathname);
    expect(result.errors.map((e) => `${e.file}:${e.line} [${e.field}] ${e.message.zh}`)).toEqual([]);
    expect(result.files).toBe(entries.length);
  });

  it('has an entry for every catalogue case with text', () => {
    const have = new Set(entries.map((e) => e.id));
    expect(withText.filter((c) => !have.has(c.id)).map((c) => c.id)).toEqual([]);
  });

  it('has no entry outside the catalogue', () => {
    const known = new Set(catalogue.cases.map((c) => c.id));
    expect(entries.filter((e) => !known.has(e.id)).map((e) => e.id)).toEqual([]);
  });

  it('cites each case within its lines in the right source', () => {
    for (const entry of entries) {
      const record = withText.find((c) => c.id === entry.id)!;
      const source = sources.find((s) => s.id === entry.data.source.id);
      expect(source?.file, entry.id).toBe(record.source);
      const { unit, start, end } = parseLocator(entry.data.source.locator);
      expect(unit, entry.id).toBe('line');
      expect(start, entry.id).toBeGreaterThanOrEqual(record.lines![0]);
      expect(end, entry.id).toBeLessThanOrEqual(record.lines![1]);
    }
  });

  it('publishes no phone number, ID number, e-mail or street address', () => {
    const found = entries.flatMap((e) => findPrivateData(e.raw).map((p) => `${e.id}:${p.line} ${p.message.zh}`));
    expect(found).toEqual([]);
  });

  it('lists every contents-only and award-list item on its source, and nothing else', () => {
    const listed = sources.reduce((n, s) => n + s.listed.length, 0);
    const tocOnly = catalogue.cases.filter((c) => c.body === 'toc-only').length;
    expect(tocOnly).toBe(29);
    expect(listed).toBe(29 + 81);
  });

  it('uses every method family in at least two entries', () => {
    const counts = new Map(themes.map((t) => [t.id, 0]));
    for (const e of entries) for (const t of e.data.themes) counts.set(t, counts.get(t)! + 1);
    expect([...counts].filter(([, n]) => n < 2)).toEqual([]);
  });

  it('links related entries both ways', () => {
    const byId = new Map(entries.map((e) => [e.id, e]));
    const oneWay = entries.flatMap((e) =>
      (e.data.related ?? []).filter((r: string) => !(byId.get(r)?.data.related ?? []).includes(e.id)).map((r: string) => `${e.id} → ${r}`),
    );
    expect(oneWay).toEqual([]);
  });
});
