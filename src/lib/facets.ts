/**
 * The facet registry: every way of grouping entries (地区, 领域, 方法类别, 年份, 来源 …) declared
 * once. The catalogue filter and its counts, the cards' data attributes, the browser filter, the
 * search filters and the records written at build time, the facet pages (/<path>/ and
 * /<path>/<id>/), internal-link checking, the codebook and the open-data columns all read this
 * list, so adding a facet is one entry here plus its vocabulary file in content/vocab/.
 *
 * Pure and browser-safe: no vocabulary data is imported here (the catalogue's script would carry
 * zod and every vocabulary). Values are looked up by `vocabulary` kind where the data is at hand
 * (src/lib/cases.ts at build time, src/lib/content-check.ts in the check).
 */

/**
 * The one value id for "the source does not say" (an entry without a province or a year): in
 * URLs (/regions/none/, ?region=none), card data attributes, search filters and facet counts.
 */
export const UNKNOWN = 'none';

export interface FacetDef {
  /** Query-string key, card data attribute, Pagefind filter name: `region`. */
  readonly key: string;
  /** Chinese name shown to readers: 地区. */
  readonly label: string;
  /** URL path segment of the facet's pages: `regions` → /regions/ and /regions/<id>/. */
  readonly path: string;
  /**
   * Where the values come from: a vocabulary kind of src/schema/vocab.ts (content/vocab/*.json),
   * `year` (the years entries carry) or `source` (the sources collection).
   */
  readonly vocabulary: string;
  /** Front-matter field (dot path) holding the value or values: `region.province`. */
  readonly field: string;
  /** Whether one entry can carry several values (method families). */
  readonly multiple: boolean;
  /** Values with no entries are listed too, and get a page: /regions/ shows every province. */
  readonly listEmpty: boolean;
  /** Label of UNKNOWN, for entries without a value; absent when every entry has one. */
  readonly unknownLabel?: string;
  /** What UNKNOWN's page says. */
  readonly unknownDefinition?: string;
  /** Offered as a filter on /search/ (and written into each entry's search record). */
  readonly search: boolean;
  /** Generic pages /<path>/<id>/ (false: the facet has pages of its own, as sources do). */
  readonly pages: boolean;
  /** Title and introduction of /<path>/ (absent: no index page; breadcrumbs go to /cases/). */
  readonly index?: { readonly title: string; readonly intro: string };
  /** Open in the catalogue's filter panel without a click. */
  readonly open: boolean;
  /** Card attribute `data-<attribute>` holding the ids, space-separated (default: the key). */
  readonly attribute?: string;
  /** Open-data columns: the ids, and the labels (default `<ids>_name`). Absent: no columns. */
  readonly columns?: { readonly ids: string; readonly names: string; readonly description: string };
  /** Index page shows the tile map (regions). */
  readonly map?: boolean;
  /** Value pages list the value's aliases and related search words (method families, domains). */
  readonly synonyms?: boolean;
}

/** The registry. Order is the order of the filter panel, search filters and open-data columns. */
const registry = [
  {
    key: 'region',
    label: '地区',
    path: 'regions',
    vocabulary: 'region',
    field: 'region.province',
    multiple: false,
    listEmpty: true,
    unknownLabel: '地区未载明',
    unknownDefinition: '来源没有写明所在省份的案例（如地名被遮蔽）。',
    search: true,
    pages: true,
    index: { title: '按地区浏览', intro: '各省级行政区的工作法案例数量，包括尚无案例的地区。' },
    open: true,
    columns: { ids: 'province', names: 'province_name', description: '省级行政区 id（见地区词表；原文未载明时为空）' },
    map: true,
  },
  {
    key: 'domain',
    label: '领域',
    path: 'domains',
    vocabulary: 'domain',
    field: 'domain',
    multiple: false,
    listEmpty: false,
    search: true,
    pages: true,
    index: { title: '按领域浏览', intro: '领域即实践单位的类型：农村、城市社区、机关、企业、社会组织、窗口单位等。' },
    open: true,
    columns: { ids: 'domain', names: 'domain_name', description: '领域 id（见领域词表）' },
    synonyms: true,
  },
  {
    key: 'theme',
    label: '方法类别',
    path: 'themes',
    vocabulary: 'theme',
    field: 'themes',
    multiple: true,
    listEmpty: false,
    search: true,
    pages: true,
    index: {
      title: '按方法浏览',
      intro: '方法类别说明一个工作法主要做什么：收集民情、走访联系、便民代办、民主议事等。一个案例可属于多个类别。',
    },
    open: true,
    attribute: 'themes',
    columns: { ids: 'themes', names: 'theme_names', description: '方法类别 id（见方法词表）' },
    synonyms: true,
  },
  {
    key: 'level',
    label: '层级',
    path: 'levels',
    vocabulary: 'level',
    field: 'level',
    multiple: false,
    listEmpty: false,
    search: true,
    pages: true,
    index: {
      title: '按层级浏览',
      intro:
        '层级指实践单位本身的层级：省级、地市级、县级、乡镇街道、村社区，以及不属于地方行政层级的单位（企业、社会组织等）。多级推行的工作按设计和主导的单位定。',
    },
    open: false,
  },
  {
    key: 'year',
    label: '年份',
    path: 'years',
    vocabulary: 'year',
    field: 'year',
    multiple: false,
    listEmpty: false,
    unknownLabel: '未载明',
    unknownDefinition: '来源没有写明开始年份的案例。',
    search: false,
    pages: true,
    open: false,
  },
  {
    key: 'source',
    label: '来源',
    path: 'sources',
    vocabulary: 'source',
    field: 'source.id',
    multiple: false,
    listEmpty: true,
    search: false,
    pages: false,
    open: false,
  },
] as const satisfies readonly FacetDef[];

export type FacetKey = (typeof registry)[number]['key'];
/** A registry entry, its key narrowed to the keys that exist. */
export type Facet = FacetDef & { readonly key: FacetKey };
export const facets: readonly Facet[] = registry;

export const facetKeys = facets.map((f) => f.key) as FacetKey[];

const byKey = new Map<string, Facet>(facets.map((f) => [f.key, f]));

/** The facet with this key; throws on a key the registry does not have. */
export function facet(key: string): Facet {
  const found = byKey.get(key);
  if (!found) throw new Error(`unknown facet "${key}"`);
  return found;
}

/** The facet whose pages live under /<path>/. */
export const facetByPath = (path: string): Facet | undefined => facets.find((f) => f.path === path);

/** Card attribute name (without `data-`). */
export const attributeOf = (f: FacetDef) => f.attribute ?? f.key;

/** Label of one value of a derived facet (years); vocabulary facets use the vocabulary's label. */
export function derivedLabel(f: FacetDef, id: string): string {
  if (id === UNKNOWN) return f.unknownLabel ?? id;
  return f.vocabulary === 'year' ? `${id} 年` : id;
}

/** What a value page says about a derived value (a year). */
export function derivedDefinition(f: FacetDef, id: string): string | undefined {
  if (id === UNKNOWN) return f.unknownDefinition;
  return f.vocabulary === 'year' ? `${id} 年开始实践的工作法。` : undefined;
}

const get = (data: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), data);

/**
 * The value ids an entry's front matter carries for a facet, UNKNOWN when it has none: numbers
 * become strings (years), lists stay lists, duplicates are dropped.
 */
export function readFacet(f: FacetDef, data: unknown): string[] {
  const raw = get(data, f.field);
  const list = (Array.isArray(raw) ? raw : [raw]).filter((v) => v !== undefined && v !== null && v !== '').map(String);
  return list.length ? [...new Set(list)] : [UNKNOWN];
}

/** Every facet's value ids for an entry. */
export const readFacets = (data: unknown) =>
  Object.fromEntries(facets.map((f) => [f.key, readFacet(f, data)])) as Record<FacetKey, string[]>;

/** Sets a facet's value on front matter being written (`npm run new`, the synthetic library). */
export function writeFacet(f: FacetDef, data: Record<string, unknown>, ids: string[]): void {
  const keys = f.field.split('.');
  let target = data;
  for (const key of keys.slice(0, -1)) target = (target[key] ??= {}) as Record<string, unknown>;
  target[keys[keys.length - 1]] = f.multiple ? ids : f.vocabulary === 'year' ? Number(ids[0]) : ids[0];
}

/** Facet pages (/<path>/<id>/) an internal link may point to. */
export const pagedFacets = facets.filter((f) => f.pages);

/**
 * The Pagefind filters of an entry: every facet offered to search, `none` where the source does
 * not say, so "unknown" can be filtered in search as in the catalogue. The entry page's hidden
 * filter spans and the build's search record both come from here.
 */
export const searchFilters = (data: unknown): Record<string, string[]> =>
  Object.fromEntries(facets.filter((f) => f.search).map((f) => [f.key, readFacet(f, data)]));
