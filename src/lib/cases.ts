/**
 * The one module that reads the collections. Pages ask it for entries, facets and relations, so
 * ordering, labels and derived data are decided in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { labelOf, vocabFields, vocabularies, type VocabKind, type VocabValue } from '../schema/vocab.ts';
import { locatorOrder } from './format.ts';
import type { Filterable } from './filters.ts';
import { derivedLabel, facet, readFacet, readFacets, UNKNOWN, type Facet, type FacetKey } from './facets.ts';
import { similarFinder } from './related.ts';
import { isPublished } from './editorial.ts';
import { exportedFacets, facetColumns, sectionTexts, type ExportRecord } from './export.ts';
import type { EntryView } from '../schema/entry.ts';
import { entryView } from './entry-view.ts';
import { absolute, href } from './url.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type SourceEntry = CollectionEntry<'sources'>;

export interface CaseView extends Filterable {
  entry: CaseEntry;
  /** Every facet's value ids (src/lib/facets.ts). */
  values: Record<FacetKey, string[]>;
  /** Province id, '' when the source does not say. */
  region: string;
  domain: string;
  themes: string[];
  /** '' when the source does not say. */
  year: string;
  source: string;
  /** The entry contract (src/schema/entry.ts), computed once here; pages, exports and /cases/<id>.json read it. */
  view: EntryView;
  url: string;
  title: string;
  regionLabel: string;
  domainLabel: string;
  themeLabels: string[];
  sourceTitle: string;
}

let cache: ReturnType<typeof load> | undefined;

async function load() {
  const sources = (await getCollection('sources')).sort((a, b) => a.data.order - b.data.order);
  const sourceOrder = new Map(sources.map((s, i) => [s.id, i]));
  const entries = (await getCollection('cases', (entry) => isPublished(entry.data.status, import.meta.env.DEV))).sort(
    (a, b) =>
      sourceOrder.get(a.data.source.id)! - sourceOrder.get(b.data.source.id)! ||
      locatorOrder(a.data.source.locator) - locatorOrder(b.data.source.locator) ||
      a.id.localeCompare(b.id),
  );
  const sourceData = new Map(sources.map((s) => [s.id, s.data]));
  const cases = entries.map((entry, order): CaseView => {
    const view = entryView(entry.id, entry.data, entry.body ?? '', sourceData.get(entry.data.source.id));
    return {
      id: entry.id,
      entry,
      view,
      url: href(`/cases/${entry.id}/`),
      title: view.title,
      region: entry.data.region.province ?? '',
      regionCode: view.region.provinceCode ?? '',
      domain: entry.data.domain,
      themes: entry.data.themes,
      year: entry.data.year ? String(entry.data.year) : '',
      source: entry.data.source.id,
      values: readFacets(entry.data),
      order,
      regionLabel: view.region.label,
      domainLabel: view.domain.label,
      themeLabels: view.themes.map((t) => t.label),
      sourceTitle: view.source.title,
    };
  });
  // Pages look entries up by id thousands of times; a scan per lookup would make builds quadratic.
  const position = new Map(cases.map((c, i) => [c.id, i]));
  return { cases, sources, position, similar: similarFinder(cases) };
}

const data = () => (cache ??= load());

/** Every entry, in catalogue order (by source, then by place in the source). */
export const getCases = async () => (await data()).cases;

/** Every source document, in their fixed order. */
export const getSources = async () => (await data()).sources;

/** The entries before and after one in the catalogue order. */
export async function neighbours(id: string) {
  const { cases, position } = await data();
  const index = position.get(id)!;
  return { previous: cases[index - 1], next: cases[index + 1] };
}

/** One published entry by id (undefined for a draft or an unknown id): a lookup, not a map built per page. */
export async function caseById(id: string) {
  const { cases, position } = await data();
  const index = position.get(id);
  return index === undefined ? undefined : cases[index];
}

/** Entries the editors linked, then the most similar others (shared theme, domain, region). */
export async function relatedCases(id: string, limit = 4) {
  const { cases, position, similar: findSimilar } = await data();
  const self = cases[position.get(id)!];
  const linked = self.entry.data.related.map((r) => cases[position.get(r) ?? -1]).filter(Boolean);
  const similar = findSimilar(self, limit + linked.length).filter((c) => !linked.includes(c));
  return { linked, similar: similar.slice(0, Math.max(0, limit - linked.length)) };
}

export interface FacetValue {
  kind: FacetKey;
  id: string;
  label: string;
  definition?: string;
  count: number;
  /** Its page (/regions/guangdong/); absent when it has none. */
  url?: string;
  /** The vocabulary value, for facet-specific details (a region's full name and code). */
  vocab?: VocabValue & Record<string, unknown>;
}

/** The values a facet's vocabulary declares, in their order (years: newest first, from the entries). */
async function declared(kind: FacetKey): Promise<{ id: string; label: string; definition?: string; vocab?: VocabValue }[]> {
  const f = facet(kind);
  if (f.vocabulary === 'source') return (await getSources()).map((s) => ({ id: s.id, label: s.data.title }));
  if (f.vocabulary === 'year') {
    const years = [...new Set((await getCases()).flatMap((c) => c.values[kind]).filter((y) => y !== UNKNOWN))];
    return years.sort((a, b) => b.localeCompare(a)).map((id) => ({ id, label: derivedLabel(f, id) }));
  }
  const values: readonly VocabValue[] = vocabularies[f.vocabulary as VocabKind];
  if (!values) throw new Error(`facet "${kind}" names vocabulary "${f.vocabulary}", which src/schema/vocab.ts does not have`);
  return values.map((v) => ({ id: v.id, label: v.label, definition: v.definition, vocab: v }));
}

/**
 * All values of a facet with their entry counts, UNKNOWN last when some entries have no value.
 * `all` keeps values with no entries (for a facet whose index lists them, like /regions/).
 */
export async function facetValues(kind: FacetKey, { all = false } = {}): Promise<FacetValue[]> {
  const f = facet(kind);
  const counts = new Map<string, number>();
  for (const c of await getCases()) for (const id of c.values[kind]) counts.set(id, (counts.get(id) ?? 0) + 1);
  const list = await declared(kind);
  if (counts.has(UNKNOWN)) list.push({ id: UNKNOWN, label: derivedLabel(f, UNKNOWN), definition: f.unknownDefinition });
  const values: FacetValue[] = list.map((v) => {
    const count = counts.get(v.id) ?? 0;
    const paged = f.vocabulary === 'source' || (f.pages && (count > 0 || f.listEmpty));
    return { kind, ...v, count, ...(paged ? { url: href(`/${f.path}/${v.id}/`) } : {}) } as FacetValue;
  });
  return all ? values : values.filter((v) => v.count > 0);
}

/** Every entry file, whatever its status: for the editors' backlog page. */
export async function getAllEntries() {
  return getCollection('cases');
}

/** Entries carrying one facet value (UNKNOWN: those without a value). */
export async function casesWith(kind: FacetKey, id: string) {
  return (await getCases()).filter((c) => c.values[kind].includes(id));
}

/** The ids and labels of every vocabulary field and facet, under the columns src/lib/export.ts names. */
function vocabularyColumns(c: CaseView): ExportRecord {
  const out: ExportRecord = {};
  const put = (ids: string[], kind: string, multiple: boolean, idColumn: string, nameColumn: string) => {
    const known = ids.filter((id) => id !== UNKNOWN);
    const labels = known.map((id) => labelOf(kind as VocabKind, id));
    out[idColumn] = multiple ? known : (known[0] ?? null);
    out[nameColumn] = multiple ? labels : (labels[0] ?? null);
  };
  for (const f of exportedFacets) {
    const { ids, names } = facetColumns(f);
    put(c.values[f.key], f.vocabulary, f.multiple, ids.name, names.name);
  }
  const done = new Set(exportedFacets.map((f) => f.field));
  for (const v of vocabFields.filter((v) => !done.has(v.field))) {
    put(readFacet({ field: v.field } as Facet, c.entry.data), v.kind, v.multiple, v.field, `${v.field}_name`);
  }
  return out;
}

/** Every published entry as a flat open-data record (columns in src/lib/export.ts), read from its view. */
export async function exportRecords(): Promise<ExportRecord[]> {
  return (await getCases()).map((c) => {
    const v = c.view;
    return {
      id: v.id,
      // Full URL with SITE_URL, base-relative without (never a made-up host).
      url: absolute(`/cases/${v.id}/`),
      title: v.title,
      headline: v.headline ?? null,
      aliases: v.aliases,
      unit: v.unit,
      ...vocabularyColumns(c),
      province_code: v.region.provinceCode ?? null,
      city: v.region.city ?? null,
      county: v.region.county ?? null,
      year: v.year ?? null,
      summary: v.summary,
      background: '',
      practices: '',
      results: '',
      lessons: '',
      ...sectionTexts(v.sections),
      figures: v.figures.map((f) => `${f.label}：${f.value}`),
      questions: v.questions,
      related: v.related,
      inferred: v.inferred.map((i) => `${i.field}：${i.note}`),
      notes: v.notes ?? null,
      source_id: v.source.id,
      source_title: v.source.title,
      source_locator: v.source.locator,
      author: v.author,
      reviewed: v.reviewed,
    };
  });
}
