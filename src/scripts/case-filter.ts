/**
 * <case-filter>: instant filtering of the catalogue. Without JavaScript the facet options are plain
 * links to the facet pages; with it, they toggle filters here and keep the state in the URL.
 */
import {
  applyFilters, emptyState, facetCounts, facetKeys, isEmpty, parseState, sortItems, toQuery, toggle,
  type FacetKey, type Filterable, type FilterState, type SortKey,
} from '../lib/filters.ts';
import { attributeOf, facets, UNKNOWN } from '../lib/facets.ts';

class CaseFilter extends HTMLElement {
  private items: (Filterable & { element: HTMLElement })[] = [];
  private options: HTMLAnchorElement[] = [];
  private state: FilterState = emptyState();
  private appliedSort: SortKey = 'source';
  private list!: HTMLElement;
  private status!: HTMLElement;

  connectedCallback() {
    this.list = this.querySelector('[data-results]')!;
    this.status = this.querySelector('[data-status]')!;
    const codes: Record<string, string> = JSON.parse(this.dataset.regionCodes ?? '{}');
    // Each card carries every facet's ids in data-<attribute> (src/lib/facets.ts), `none` when unknown.
    const read = (element: HTMLElement, attribute: string) => {
      const ids = (element.getAttribute(`data-${attribute}`) ?? '').split(' ').filter(Boolean);
      return ids.length ? ids : [UNKNOWN];
    };
    this.items = [...this.list.querySelectorAll<HTMLElement>(':scope > li')].map((element, order) => {
      const values = Object.fromEntries(facets.map((f) => [f.key, read(element, attributeOf(f))])) as Record<FacetKey, string[]>;
      return { element, id: element.dataset.id!, values, regionCode: codes[values.region[0]] ?? '', order };
    });
    this.options = [...this.querySelectorAll<HTMLAnchorElement>('a[data-facet]')];
    for (const option of this.options) {
      option.setAttribute('role', 'button');
      option.addEventListener('click', (event) => {
        event.preventDefault();
        this.update(toggle(this.state, option.dataset.facet as FacetKey, option.dataset.value!));
      });
    }
    for (const control of this.querySelectorAll<HTMLElement>('[data-js-only]')) control.hidden = false;
    this.querySelector('[data-clear]')?.addEventListener('click', () => this.update(emptyState()));
    this.querySelector<HTMLSelectElement>('[data-sort]')?.addEventListener('change', (event) => {
      this.update({ ...this.state, sort: (event.target as HTMLSelectElement).value as SortKey });
    });
    window.addEventListener('popstate', () => this.readUrl());
    this.readUrl();
  }

  private known() {
    const known = Object.fromEntries(facetKeys.map((k) => [k, new Set<string>()])) as Record<FacetKey, Set<string>>;
    for (const option of this.options) known[option.dataset.facet as FacetKey].add(option.dataset.value!);
    return known;
  }

  private readUrl() {
    const { state, ignored } = parseState(new URLSearchParams(location.search), this.known());
    this.render(state, ignored);
  }

  private update(state: FilterState) {
    history.pushState(null, '', `${location.pathname}${toQuery(state)}`);
    this.render(state, []);
  }

  private render(state: FilterState, ignored: string[]) {
    this.state = state;
    const shown = applyFilters(this.items, state);
    const visible = new Set(shown);
    for (const item of this.items) {
      const hide = !visible.has(item);
      if (item.element.hidden !== hide) item.element.hidden = hide;
    }
    // Moving a thousand cards is the slow part: reorder only when the sort order changes.
    if (state.sort !== this.appliedSort) {
      this.list.append(...sortItems(this.items, state.sort).map((i) => i.element));
      this.appliedSort = state.sort;
    }
    for (const key of facetKeys) {
      const counts = facetCounts(this.items, state, key);
      for (const option of this.options.filter((o) => o.dataset.facet === key)) {
        const count = String(counts.get(option.dataset.value!) ?? 0);
        const label = option.querySelector('[data-count]')!;
        if (label.textContent !== count) label.textContent = count;
        option.setAttribute('aria-pressed', String(state.selected[key].includes(option.dataset.value!)));
        option.toggleAttribute('data-empty', count === '0');
      }
    }
    const sort = this.querySelector<HTMLSelectElement>('[data-sort]');
    if (sort) sort.value = state.sort;
    const clear = this.querySelector<HTMLElement>('[data-clear]');
    if (clear) clear.hidden = isEmpty(state);
    const note = ignored.length ? `（已忽略无法识别的条件：${ignored.join('，')}）` : '';
    this.status.textContent = isEmpty(state) ? `共 ${shown.length} 个案例${note}` : `筛选出 ${shown.length} / ${this.items.length} 个案例${note}`;
  }
}

customElements.define('case-filter', CaseFilter);
