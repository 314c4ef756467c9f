import { describe, expect, it } from 'vitest';
import {
  facet,
  facetByPath,
  facetKeys,
  facets,
  pagedFacets,
  readFacet,
  readFacets,
  searchFilters,
  UNKNOWN,
  writeFacet,
} from '../../src/lib/facets.ts';
import { emptyState, parseState, toQuery, toggle } from '../../src/lib/filters.ts';
import { columns } from '../../src/lib/export.ts';
import { findLinkProblems } from '../../src/lib/quality.ts';
import { vocabularies, vocabFields } from '../../src/schema/vocab.ts';
import { validFrontmatter as validEntry } from '../fixtures/valid-entry.ts';

const entry = (over: Record<string, unknown> = {}) => ({ ...validEntry, ...over }) as Record<string, unknown>;

describe('facet registry', () => {
  it('has unique keys, paths and attributes, and names only vocabularies that exist', () => {
    expect(new Set(facets.map((f) => f.key)).size).toBe(facets.length);
    expect(new Set(facets.map((f) => f.path)).size).toBe(facets.length);
    for (const f of facets) {
      expect(f.label).toMatch(/\p{Script=Han}/u);
      expect(f.path).toMatch(/^[a-z][a-z-]*$/);
      expect(['year', 'source', ...Object.keys(vocabularies)]).toContain(f.vocabulary);
      // A facet read from a vocabulary field reads the field the schema gives that vocabulary.
      const field = vocabFields.find((v) => v.kind === f.vocabulary);
      if (field) expect([f.field, f.multiple]).toEqual([field.field, field.multiple]);
    }
  });

  it('keeps the existing keys and paths, so every old URL still works', () => {
    expect(facetKeys.slice(0, 1)).toEqual(['region']);
    expect(['region', 'domain', 'theme', 'year', 'source'].map((k) => facet(k).path)).toEqual([
      'regions',
      'domains',
      'themes',
      'years',
      'sources',
    ]);
    expect(facetByPath('regions')?.key).toBe('region');
    expect(() => facet('nope')).toThrow(/unknown facet/);
  });

  it('reads values from an entry, with one encoding of unknown', () => {
    const data = entry({ region: { note: '原文地名被遮蔽' }, themes: ['minqing-shouji', 'zoufang-lianxi'], year: 2002 });
    expect(readFacet(facet('region'), data)).toEqual([UNKNOWN]);
    expect(readFacet(facet('theme'), data)).toEqual(['minqing-shouji', 'zoufang-lianxi']);
    expect(readFacet(facet('year'), data)).toEqual(['2002']);
    expect(readFacet(facet('year'), entry({ year: undefined }))).toEqual([UNKNOWN]);
    expect(readFacet(facet('source'), data)).toEqual([(validEntry as { source: { id: string } }).source.id]);
    expect(Object.keys(readFacets(data))).toEqual(facetKeys);
  });

  it('writes a value where it reads it', () => {
    for (const f of facets) {
      const data: Record<string, unknown> = {};
      writeFacet(f, data, [f.vocabulary === 'year' ? '2010' : 'x']);
      expect(readFacet(f, data)).toEqual([f.vocabulary === 'year' ? '2010' : 'x']);
    }
  });

  it('gives search the same unknown value as the catalogue', () => {
    const filters = searchFilters(entry({ region: { note: '原文地名被遮蔽' } }));
    expect(filters.region).toEqual([UNKNOWN]);
    expect(Object.keys(filters)).toEqual(facets.filter((f) => f.search).map((f) => f.key));
  });

  it('drives the catalogue filter state and its URL', () => {
    expect(Object.keys(emptyState().selected)).toEqual(facetKeys);
    const known = Object.fromEntries(facetKeys.map((k) => [k, new Set(['a', UNKNOWN])])) as never;
    for (const key of facetKeys) {
      const state = toggle(emptyState(), key, UNKNOWN);
      expect(toQuery(state)).toBe(`?${key}=${UNKNOWN}`);
      expect(parseState(new URLSearchParams(toQuery(state)), known).state).toEqual(state);
    }
  });

  it('gives every vocabulary facet open-data columns, each column once', () => {
    const names = columns.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining(['province', 'province_name', 'domain', 'domain_name', 'themes', 'theme_names', 'year', 'source_id']),
    );
  });

  it('checks internal links against every facet with pages', () => {
    const link = (url: string) => ({ url, line: 1, image: false });
    for (const f of pagedFacets) {
      const targets = { facets: { [f.path]: new Set(['ok']) } };
      expect(findLinkProblems([link(`/${f.path}/ok/`)], targets)).toEqual([]);
      expect(findLinkProblems([link(`/${f.path}/missing/`)], targets)[0].message.zh).toContain(`链接的${f.label} missing 不存在`);
    }
    expect(findLinkProblems([link('/nowhere/ok/')], {})[0].message.zh).toContain('不是本站的页面');
  });
});
