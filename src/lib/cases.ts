/**
 * The one module that reads the collections. Pages ask it for entries, facets and relations, so
 * ordering, labels and derived data are decided in one place.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { domains, regions, themes, type VocabKind } from '../schema/vocab.ts';
import type { EntryView } from '../schema/entry.ts';
import { locatorOrder } from './format.ts';
import type { Filterable, FacetKey } from './filters.ts';
import { UNKNOWN } from './filters.ts';
import { similarFinder } from './related.ts';
import { isPublished } from './editorial.ts';
import { sectionTexts, type ExportRecord } from './export.ts';
import { entryView } from './entry-view.ts';
import { absolute, href } from './url.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type SourceEntry = CollectionEntry<'sources'>;

export interface CaseView extends Filterable {
  entry: CaseEntry;
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

export async function getCase(id: string) {
  const { cases, position } = await data();
  const found = cases[position.get(id) ?? -1];
  if (!found) throw new Error(`no case "${id}"`);
  return found;
}

/** The entries before and after one in the catalogue order. */
export async function neighbours(id: string) {
  const { cases, position } = await data();
  const index = position.get(id)!;
  return { previous: cases[index - 1], next: cases[index + 1] };
}

/** Entries the editors linked, then the most similar others (shared method family, domain, region). */
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
  url?: string;
}

const facetPath: Partial<Record<FacetKey, string>> = { region: 'regions', domain: 'domains', theme: 'themes', source: 'sources' };

/** All values of a facet with their entry counts; `all` keeps values with no entries (for /regions/). */
export async function facetValues(kind: FacetKey, { all = false } = {}): Promise<FacetValue[]> {
  const cases = await getCases();
  const count = (match: (c: CaseView) => boolean) => cases.filter(match).length;
  const path = facetPath[kind];
  let values: FacetValue[];
  if (kind === 'year') {
    const years = [...new Set(cases.map((c) => c.year))].sort((a, b) => (b || '0').localeCompare(a || '0'));
    values = years.map((y) => ({ kind, id: y || UNKNOWN, label: y ? `${y} 年` : '未载明', count: count((c) => c.year === y) }));
  } else if (kind === 'source') {
    values = (await getSources()).map((s) => ({ kind, id: s.id, label: s.data.title, count: count((c) => c.source === s.id), url: href(`/sources/${s.id}/`) }));
  } else {
    const list = { region: regions, domain: domains, theme: themes }[kind];
    values = list.map((v) => ({
      kind,
      id: v.id,
      label: v.label,
      definition: v.definition,
      count: count((c) => (kind === 'theme' ? c.themes.includes(v.id) : c[kind] === v.id)),
      url: href(`/${path}/${v.id}/`),
    }));
    if (kind === 'region') {
      const unknown = count((c) => c.region === '');
      if (unknown) values.push({ kind, id: UNKNOWN, label: '地区未载明', count: unknown, url: href(`/regions/${UNKNOWN}/`) });
    }
  }
  return all ? values : values.filter((v) => v.count > 0);
}

/** Every entry file, whatever its status: for the editors' backlog page. */
export async function getAllEntries() {
  return getCollection('cases');
}

/** Entries carrying one facet value. */
export async function casesWith(kind: VocabKind, id: string) {
  const cases = await getCases();
  if (kind === 'region') return cases.filter((c) => (c.region || UNKNOWN) === id);
  if (kind === 'theme') return cases.filter((c) => c.themes.includes(id));
  return cases.filter((c) => c.domain === id);
}

/** Every published entry as a flat open-data record (columns in src/lib/export.ts), read from its view. */
export async function exportRecords(): Promise<ExportRecord[]> {
  return (await getCases()).map(({ view: v }) => ({
    id: v.id,
    // Full URL with SITE_URL, base-relative without (never a made-up host).
    url: absolute(`/cases/${v.id}/`),
    title: v.title,
    headline: v.headline ?? null,
    aliases: v.aliases,
    unit: v.unit,
    province: v.region.province ?? null,
    province_name: v.region.provinceLabel ?? null,
    province_code: v.region.provinceCode ?? null,
    city: v.region.city ?? null,
    county: v.region.county ?? null,
    level: v.level,
    domain: v.domain.id,
    domain_name: v.domain.label,
    themes: v.themes.map((t) => t.id),
    theme_names: v.themes.map((t) => t.label),
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
  }));
}
