import { describe, expect, it } from 'vitest';
import {
  applyFilters,
  emptyState,
  facetCounts,
  facetKeys,
  parseState,
  toQuery,
  toggle,
  UNKNOWN,
  type FacetKey,
  type Filterable,
} from '../../src/lib/filters.ts';

const orUnknown = (v: string) => [v || UNKNOWN];
const item = (id: string, region: string, domain: string, themes: string[], year: string, order: number, regionCode = ''): Filterable => ({
  id,
  values: { region: orUnknown(region), domain: [domain], theme: themes, year: orUnknown(year), source: ['s1'] },
  order,
  regionCode,
});
const items = [
  item('a', 'guangdong', 'nongcun', ['minqing-shouji'], '2002', 0, '440000'),
  item('b', 'guangdong', 'chengshi-shequ', ['bianmin-fuwu', 'zhiyuan-fuwu'], '', 1, '440000'),
  item('c', 'sichuan', 'nongcun', ['minqing-shouji', 'tiaojie-hexie'], '2012', 2, '510000'),
  item('d', '', 'chengshi-shequ', ['zuzhi-jianshe'], '2020', 3),
];
const known = Object.fromEntries(facetKeys.map((k) => [k, new Set<string>()])) as Record<FacetKey, Set<string>>;
['guangdong', 'sichuan', UNKNOWN].forEach((v) => known.region.add(v));
['nongcun', 'chengshi-shequ'].forEach((v) => known.domain.add(v));
['minqing-shouji', 'bianmin-fuwu', 'zhiyuan-fuwu', 'tiaojie-hexie', 'zuzhi-jianshe'].forEach((v) => known.theme.add(v));
['2002', '2012', '2020', UNKNOWN].forEach((v) => known.year.add(v));
known.source.add('s1');

const ids = (list: Filterable[]) => list.map((i) => i.id);

describe('filters', () => {
  it('shows everything with no filter', () => {
    expect(ids(applyFilters(items, emptyState()))).toEqual(['a', 'b', 'c', 'd']);
  });
  it('ORs values within a facet and ANDs facets', () => {
    let state = toggle(emptyState(), 'region', 'guangdong');
    state = toggle(state, 'region', 'sichuan');
    expect(ids(applyFilters(items, state))).toEqual(['a', 'b', 'c']);
    state = toggle(state, 'domain', 'nongcun');
    expect(ids(applyFilters(items, state))).toEqual(['a', 'c']);
    state = toggle(state, 'theme', 'tiaojie-hexie');
    expect(ids(applyFilters(items, state))).toEqual(['c']);
  });
  it('toggles a value off again', () => {
    const state = toggle(toggle(emptyState(), 'domain', 'nongcun'), 'domain', 'nongcun');
    expect(state.selected.domain).toEqual([]);
  });
  it('filters on "not stated" for region and year', () => {
    expect(ids(applyFilters(items, toggle(emptyState(), 'region', UNKNOWN)))).toEqual(['d']);
    expect(ids(applyFilters(items, toggle(emptyState(), 'year', UNKNOWN)))).toEqual(['b']);
  });
  it('counts each facet value given the other facets', () => {
    const state = toggle(emptyState(), 'domain', 'nongcun');
    expect(Object.fromEntries(facetCounts(items, state, 'region'))).toEqual({ guangdong: 1, sichuan: 1 });
    // The domain facet's own counts ignore the domain selection, so other domains stay choosable.
    expect(Object.fromEntries(facetCounts(items, state, 'domain'))).toEqual({ nongcun: 2, 'chengshi-shequ': 2 });
    expect(facetCounts(items, state, 'theme').get('minqing-shouji')).toBe(2);
  });
  it('sorts by region code and by year, newest first with unknown years last', () => {
    expect(ids(applyFilters(items, { ...emptyState(), sort: 'region' }))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(applyFilters(items, { ...emptyState(), sort: 'year' }))).toEqual(['d', 'c', 'a', 'b']);
  });
  it('round-trips the state through the URL', () => {
    let state = toggle(emptyState(), 'region', 'guangdong');
    state = toggle(state, 'domain', 'nongcun');
    state = { ...state, sort: 'year' };
    const query = toQuery(state);
    expect(query).toBe('?region=guangdong&domain=nongcun&sort=year');
    expect(parseState(new URLSearchParams(query), known)).toEqual({ state, ignored: [] });
    expect(toQuery(emptyState())).toBe('');
  });
  it('reads comma-separated values and reports unknown ones instead of dropping them silently', () => {
    const { state, ignored } = parseState(new URLSearchParams('region=guangdong,atlantis&domain=nongcun&sort=random'), known);
    expect(state.selected.region).toEqual(['guangdong']);
    expect(state.selected.domain).toEqual(['nongcun']);
    expect(ignored).toEqual(['region=atlantis', 'sort=random']);
  });
});
