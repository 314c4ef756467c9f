/**
 * <case-filter>: instant filtering of the catalogue. Without JavaScript the facet options are plain
 * links to the facet pages; with it, they toggle filters here and keep the state in the URL.
 * A keyword (`?q=`) narrows within the facets; the applied conditions show as removable tags, and
 * an empty result says which one to drop (src/client/catalogue-ui.ts draws those).
 * `data-state="ready"` is set once the first render is done, for tests to wait on.
 */
import {
  applyFilters,
  emptyState,
  facetCounts,
  facetKeys,
  isEmpty,
  parseState,
  sortItems,
  toQuery,
  toggle,
  type FacetKey,
  type Filterable,
  type FilterState,
  type SortKey,
} from '../lib/filters.ts';
import { attributeOf, facets, UNKNOWN } from '../lib/facets.ts';
import { foldText, keywordTerms, matchesTerms, relaxations, type Relaxation, type VariantPairs } from '../lib/catalogue-refine.ts';
import { renderAdvice, renderApplied, setUpSheet, type AppliedTag } from './catalogue-ui.ts';
import { ui } from '../i18n/ui.ts';
import { href } from '../lib/url.ts';

/** A card as the filter sees it; `text` is its folded title, unit, place and summary. */
type Item = Filterable & { element: HTMLElement; text: string };

class CaseFilter extends HTMLElement {
  private items: Item[] = [];
  private options: HTMLAnchorElement[] = [];
  private state: FilterState = emptyState();
  private appliedSort: SortKey = 'source';
  private list!: HTMLElement;
  private status!: HTMLElement;
  private keyword: HTMLInputElement | null = null;
  /** The editors' variant spellings, folded in the cards' text and the keyword alike. */
  private variants: VariantPairs = [];

  connectedCallback() {
    this.list = this.querySelector('[data-results]')!;
    this.status = this.querySelector('[data-status]')!;
    const codes: Record<string, string> = JSON.parse(this.dataset.regionCodes ?? '{}');
    this.variants = JSON.parse(this.dataset.variants ?? '[]');
    const names: Partial<Record<FacetKey, Record<string, string>>> = JSON.parse(this.dataset.facetNames ?? '{}');
    // Each card carries every facet's ids in data-<attribute> (src/lib/facets.ts), `none` when unknown.
    const read = (element: HTMLElement, attribute: string) => {
      const ids = (element.getAttribute(`data-${attribute}`) ?? '').split(' ').filter(Boolean);
      return ids.length ? ids : [UNKNOWN];
    };
    this.items = [...this.list.querySelectorAll<HTMLElement>(':scope > li')].map((element, order) => {
      const values = Object.fromEntries(facets.map((f) => [f.key, read(element, attributeOf(f))])) as Record<FacetKey, string[]>;
      // What the keyword looks in: title, unit, place (the meta line) and summary, read once.
      // And the names of its method families and domain, with the words readers search them by
      // (矛盾纠纷 for 矛盾调解), so a topic typed here finds that family's cases.
      const facetNames = (['theme', 'domain'] as const).flatMap((key) => values[key].map((id) => names[key]?.[id] ?? ''));
      const text = foldText(
        [...[...element.querySelectorAll('h2, h3, .meta, .summary')].map((e) => e.textContent), ...facetNames].join(' '),
        this.variants,
      );
      return { element, id: element.dataset.id!, values, regionCode: codes[values.region[0]] ?? '', order, text };
    });
    this.options = [...this.querySelectorAll<HTMLAnchorElement>('a[data-facet]')];
    for (const option of this.options) {
      option.setAttribute('role', 'button');
      option.addEventListener('click', (event) => {
        event.preventDefault();
        this.update(toggle(this.state, option.dataset.facet as FacetKey, option.dataset.value!));
      });
      // A button toggles on Space as well as Enter; a link would scroll the page instead.
      option.addEventListener('keydown', (event) => {
        if (event.key !== ' ') return;
        event.preventDefault();
        option.click();
      });
    }
    this.keyword = this.querySelector<HTMLInputElement>('[data-keyword]');
    this.keyword?.addEventListener('input', () => {
      // Typing replaces the history entry rather than adding one per key.
      history.replaceState(null, '', this.address(this.state));
      this.render(this.state, []);
    });
    const sheet = this.querySelector<HTMLDetailsElement>('[data-filter-sheet]');
    const results = this.querySelector<HTMLElement>('[data-results-start]');
    if (sheet && results) setUpSheet(sheet, results);
    for (const control of this.querySelectorAll<HTMLElement>('[data-js-only]')) control.hidden = false;
    this.querySelector('[data-clear]')?.addEventListener('click', () => this.clearAll());
    this.querySelector<HTMLSelectElement>('[data-sort]')?.addEventListener('change', (event) => {
      this.update({ ...this.state, sort: (event.target as HTMLSelectElement).value as SortKey });
    });
    window.addEventListener('popstate', () => this.readUrl());
    this.readUrl();
    this.dataset.state = 'ready';
  }

  private known() {
    const known = Object.fromEntries(facetKeys.map((k) => [k, new Set<string>()])) as Record<FacetKey, Set<string>>;
    for (const option of this.options) known[option.dataset.facet as FacetKey].add(option.dataset.value!);
    return known;
  }

  private readUrl() {
    const params = new URLSearchParams(location.search);
    const { state, ignored } = parseState(params, this.known());
    if (this.keyword) this.keyword.value = params.get('q') ?? '';
    this.render(state, ignored);
  }

  private update(state: FilterState) {
    history.pushState(null, '', this.address(state));
    this.render(state, []);
  }

  /** The page's address for a state, the keyword (`q`) last. */
  private address(state: FilterState) {
    const query = toQuery(state);
    const q = this.keyword?.value.trim();
    return `${location.pathname}${query}${q ? `${query ? '&' : '?'}q=${encodeURIComponent(q)}` : ''}`;
  }

  private label(key: FacetKey, value: string) {
    const option = this.options.find((o) => o.dataset.facet === key && o.dataset.value === value);
    return option?.querySelector('.label')?.textContent ?? value;
  }

  private describe(r: Relaxation) {
    return r.drop === 'keyword' ? `关键词「${r.values[0]}」` : `「${r.values.map((v) => this.label(r.drop as FacetKey, v)).join('、')}」`;
  }

  private setKeyword(value: string) {
    if (this.keyword) this.keyword.value = value;
    this.update(this.state);
  }

  private render(state: FilterState, ignored: string[]) {
    this.state = state;
    const query = this.keyword?.value.trim() ?? '';
    const terms = keywordTerms(query, this.variants);
    this.renderFullSearch(query);
    const inKeyword = (item: Item) => matchesTerms(item.text, terms);
    const pool = terms.length ? this.items.filter(inKeyword) : this.items;
    const shown = applyFilters(pool, state);
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
      const counts = facetCounts(pool, state, key);
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
    const filtered = !isEmpty(state) || terms.length > 0;
    if (clear) clear.hidden = !filtered;
    const note = ignored.length ? `（已忽略无法识别的条件：${ignored.join('，')}）` : '';
    this.status.textContent = filtered ? `筛选出 ${shown.length} / ${this.items.length} 个案例${note}` : `共 ${shown.length} 个案例${note}`;
    this.renderAround(state, query, shown.length, inKeyword);
  }

  /** The sheet's count and chosen number, the applied tags and, for an empty result, the advice. */
  private renderAround(state: FilterState, query: string, count: number, inKeyword: (item: Item) => boolean) {
    const tags: AppliedTag[] = facetKeys.flatMap((key) =>
      state.selected[key].map((value) => ({
        facet: ui.facet[key],
        label: this.label(key, value),
        remove: () => this.update(toggle(this.state, key, value)),
      })),
    );
    const chosen = tags.length;
    if (query) tags.push({ facet: '关键词', label: query, remove: () => this.setKeyword('') });
    const applied = this.querySelector<HTMLElement>('[data-applied]');
    if (applied) renderApplied(applied, tags);
    const sheetCount = this.querySelector('[data-sheet-count]');
    if (sheetCount) sheetCount.textContent = String(count);
    const sheetChosen = this.querySelector('[data-sheet-chosen]');
    if (sheetChosen) sheetChosen.textContent = chosen ? `已选 ${chosen} 项` : '';
    const advice = this.querySelector<HTMLElement>('[data-advice]');
    if (advice)
      renderAdvice(advice, count === 0, {
        relaxations: count === 0 ? relaxations(this.items, state, inKeyword, query) : [],
        describe: (r) => this.describe(r),
        apply: (r) => {
          if (r.drop === 'keyword') this.setKeyword('');
          else this.update({ ...this.state, selected: { ...this.state.selected, [r.drop]: [] } });
        },
        total: this.items.length,
        clearAll: () => this.clearAll(),
      });
  }

  /**
   * The keyword looks only in the cards (names, units, places, summaries): a reader who typed one is
   * offered the site's full-text search for it, which also reads every section and knows topics.
   */
  private renderFullSearch(query: string) {
    const box = this.querySelector<HTMLElement>('[data-full-search]');
    const link = this.querySelector<HTMLAnchorElement>('[data-full-search-link]');
    if (!box || !link) return;
    box.hidden = !query;
    if (!query) return;
    link.href = `${href('/search/')}?q=${encodeURIComponent(query)}`;
    link.textContent = `在全文中搜索“${query}”`;
  }

  private clearAll() {
    if (this.keyword) this.keyword.value = '';
    this.update({ ...emptyState(), sort: this.state.sort });
  }
}

customElements.define('case-filter', CaseFilter);
