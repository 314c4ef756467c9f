/**
 * Catalogue filtering: pure, shared by the pages (counts at build time) and the browser (instant
 * filtering). Values within one facet are alternatives (OR); different facets narrow (AND).
 */

import { facetKeys, UNKNOWN, type FacetKey } from './facets.ts';

// Keys and the unknown value come from the facet registry; re-exported for the existing callers.
export { facetKeys, UNKNOWN, type FacetKey };

/** What the filter needs to know of an entry. */
export interface Filterable {
  id: string;
  /** Value ids per facet (src/lib/facets.ts), UNKNOWN where the source does not say; a facet left out counts as UNKNOWN. */
  values: Partial<Record<FacetKey, string[]>>;
  /** Position in the default (source) order. */
  order: number;
  /** Sort key for ordering by region (the GB/T 2260 code). */
  regionCode: string;
}

export const sortKeys = ['source', 'region', 'year'] as const;
export type SortKey = (typeof sortKeys)[number];

export interface FilterState {
  selected: Record<FacetKey, string[]>;
  sort: SortKey;
}

export const emptyState = (): FilterState => ({
  selected: Object.fromEntries(facetKeys.map((key) => [key, []])) as unknown as Record<FacetKey, string[]>,
  sort: 'source',
});

const valuesOf = (item: Filterable, key: FacetKey): string[] => item.values[key] ?? [UNKNOWN];

/**
 * Reads the state from a query string. Values are kept only when `known` lists them, so a stale
 * or mistyped link narrows nothing silently; the ignored ones are returned for the page to mention.
 */
export function parseState(params: URLSearchParams, known: Record<FacetKey, Set<string>>): { state: FilterState; ignored: string[] } {
  const state = emptyState();
  const ignored: string[] = [];
  for (const key of facetKeys) {
    const values = params
      .getAll(key)
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean);
    for (const value of values) {
      if (!known[key].has(value)) ignored.push(`${key}=${value}`);
      else if (!state.selected[key].includes(value)) state.selected[key].push(value);
    }
  }
  const sort = params.get('sort');
  if (sort && (sortKeys as readonly string[]).includes(sort)) state.sort = sort as SortKey;
  else if (sort) ignored.push(`sort=${sort}`);
  return { state, ignored };
}

/** The query string for a state: facets in a fixed order, default sort left out. */
export function toQuery(state: FilterState): string {
  const params = new URLSearchParams();
  for (const key of facetKeys) for (const value of state.selected[key]) params.append(key, value);
  if (state.sort !== 'source') params.set('sort', state.sort);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** True when the entry passes every facet except `except` (used for counting that facet's values). */
export function matches(item: Filterable, state: FilterState, except?: FacetKey): boolean {
  return facetKeys.every((key) => {
    const wanted = state.selected[key];
    if (key === except || wanted.length === 0) return true;
    return valuesOf(item, key).some((v) => wanted.includes(v));
  });
}

/** Entries passing the filters, in the chosen order. */
export function applyFilters<T extends Filterable>(items: T[], state: FilterState): T[] {
  return sortItems(
    items.filter((item) => matches(item, state)),
    state.sort,
  );
}

const yearOf = (item: Filterable) => Number(item.values.year?.[0]) || 0;

export function sortItems<T extends Filterable>(items: T[], sort: SortKey): T[] {
  const copy = [...items];
  if (sort === 'region') copy.sort((a, b) => (a.regionCode || '999999').localeCompare(b.regionCode || '999999') || a.order - b.order);
  else if (sort === 'year')
    // Newest first; entries whose year the source does not give go last.
    copy.sort((a, b) => yearOf(b) - yearOf(a) || a.order - b.order);
  else copy.sort((a, b) => a.order - b.order);
  return copy;
}

/**
 * How many entries each value of a facet would show, given the other facets' selections: the
 * numbers beside each filter option.
 */
export function facetCounts(items: Filterable[], state: FilterState, key: FacetKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    if (!matches(item, state, key)) continue;
    for (const value of new Set(valuesOf(item, key))) counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Toggles one value of one facet, returning a new state. */
export function toggle(state: FilterState, key: FacetKey, value: string): FilterState {
  const current = state.selected[key];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, selected: { ...state.selected, [key]: next } };
}

export const isEmpty = (state: FilterState) => facetKeys.every((key) => state.selected[key].length === 0);
