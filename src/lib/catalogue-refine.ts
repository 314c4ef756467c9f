/**
 * What the catalogue adds around the facet filters: a keyword that narrows within the current
 * facets (a plain substring match, no search index), and, when nothing is left, which single
 * condition to drop and how many entries that would show ("去掉「北京」可见 3 个案例").
 * Pure, so the browser and the unit tests share it.
 */
import { facetKeys, matches, type FacetKey, type Filterable, type FilterState } from './filters.ts';

/** Variant spellings, from → to, as search folds them (content/vocab/variants.json): 台帐 finds 台账. */
export type VariantPairs = [from: string, to: string][];

/**
 * Folds text for matching: full-width letters and digits to half-width (NFKC), Latin to lower
 * case, any run of white space to one space, and the editors' variant spellings to one. Applied to
 * both the entry text and the query.
 */
export function foldText(text: string, variants: VariantPairs = []): string {
  let folded = text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  for (const [from, to] of variants) folded = folded.replaceAll(from, to);
  return folded;
}

/** The words of a keyword query; an entry must contain every one of them. */
export const keywordTerms = (query: string, variants: VariantPairs = []): string[] => foldText(query, variants).split(' ').filter(Boolean);

/** True when folded `text` contains every term (no terms: everything matches). */
export const matchesTerms = (text: string, terms: string[]): boolean => terms.every((term) => text.includes(term));

/** One condition the reader could drop, and how many entries would show without it. */
export interface Relaxation {
  /** A facet (all its selected values go together) or the keyword. */
  drop: FacetKey | 'keyword';
  /** The facet's selected values (ids), or the keyword itself. */
  values: string[];
  /** Entries shown once this condition is dropped and every other one is kept. */
  count: number;
}

/**
 * For a result that may be empty: each condition that can be dropped alone, with the number of
 * entries that would then show, largest first; conditions whose removal still shows nothing are
 * left out. A facet is dropped whole: its values are alternatives, so removing one of several
 * can only show fewer entries, never more.
 *
 * `keyword` says whether an entry matches the keyword; `query` is the keyword as typed ('' for none).
 */
export function relaxations<T extends Filterable>(items: T[], state: FilterState, keyword: (item: T) => boolean, query = ''): Relaxation[] {
  const found: Relaxation[] = [];
  for (const key of facetKeys) {
    if (state.selected[key].length === 0) continue;
    const count = items.filter((item) => keyword(item) && matches(item, state, key)).length;
    if (count > 0) found.push({ drop: key, values: state.selected[key], count });
  }
  if (query.trim()) {
    const count = items.filter((item) => matches(item, state)).length;
    if (count > 0) found.push({ drop: 'keyword', values: [query.trim()], count });
  }
  // Stable: ties keep the facets' own order, the keyword last.
  return found.sort((a, b) => b.count - a.count);
}
