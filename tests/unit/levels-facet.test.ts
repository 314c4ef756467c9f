/**
 * The 层级 facet was added through the registry alone (issue 16: "adding a facet = one registry
 * entry + one vocabulary file"). This test lists every file in src/, scripts/ and tests/ that names
 * the facet, and fails if code outside the registry and the vocabulary's schema line has to: a
 * facet that needs a hand-written page, filter, link pattern or column is caught here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { facet, facets, readFacet, searchFilters } from '../../src/lib/facets.ts';
import { columns } from '../../src/lib/export.ts';
import { findLinkProblems } from '../../src/lib/quality.ts';
import { levels } from '../../src/schema/vocab.ts';
import { guideMarkdown } from '../../src/lib/guide.ts';

const root = join(import.meta.dirname, '../..');

/** Ways code names a facet: its pages' path, its vocabulary file, its key in the facet APIs and data attributes. */
const mentions = [
  /\/levels\//, // a page path: /levels/ or /levels/<id>/
  /['"`]levels['"`]/, // the path segment as a string
  /\blevels\.json\b/, // the vocabulary file
  /\b(facetValues|casesWith|facet|facetColumns)\(\s*['"`]level['"`]/, // the key passed to the facet API
  /\bkey:\s*['"`]level['"`]/, // a registry-like declaration
  /data-level\b|dataset\.level\b|selected\.level\b|values\.level\b/, // the card attribute and filter state
  /[?&]level=/, // a filter URL
];

function files(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return d.name === 'node_modules' || d.name === 'hostile' ? [] : files(path);
    return /\.(ts|mts|mjs|js|astro|css)$/.test(d.name) ? [path] : [];
  });
}

describe('层级 facet, added through the registry', () => {
  const touching = ['src', 'scripts', 'tests']
    .flatMap(files)
    .filter((path) => mentions.some((re) => re.test(readFileSync(join(root, path), 'utf8'))))
    .map((path) => relative(root, join(root, path)))
    .sort();

  it('is named only by the registry, the vocabulary schema and the tests', () => {
    const outsideTests = touching.filter((path) => !path.startsWith('tests/'));
    expect(outsideTests).toEqual(['src/lib/facets.ts', 'src/schema/vocab.ts']);
    // The list of test files is printed for the record (the issue asks for it).
    console.log(`files naming the 层级 facet: ${touching.join(', ')}`);
  });

  it('is one registry entry over the levels vocabulary', () => {
    expect(facets.filter((f) => f.vocabulary === 'level')).toHaveLength(1);
    expect(facet('level')).toMatchObject({ label: '层级', path: 'levels', field: 'level', search: true, pages: true });
    expect(levels.map((l) => l.label)).toEqual(['省级', '地市级', '县级', '乡镇街道', '村社区', '单位']);
  });

  it('reaches search filters, open data, link checking and the guide without code of its own', () => {
    const data = { level: 'xianji', region: { province: 'guizhou' }, domain: 'nongcun', themes: ['minqing-shouji'], source: { id: 's' } };
    expect(readFacet(facet('level'), data)).toEqual(['xianji']);
    expect(searchFilters(data).level).toEqual(['xianji']);
    expect(columns.map((c) => c.name)).toEqual(expect.arrayContaining(['level', 'level_name']));
    const link = (url: string) => ({ url, line: 1, image: false });
    expect(findLinkProblems([link('/levels/xianji/')], { facets: { levels: new Set(['xianji']) } })).toEqual([]);
    expect(findLinkProblems([link('/levels/shengbu/')], { facets: { levels: new Set(['xianji']) } })[0].message.zh).toContain(
      '链接的层级 shengbu 不存在',
    );
    expect(guideMarkdown()).toContain('| `xianji` | 县级 |');
  });
});
