/**
 * <case-search>: Pagefind finds candidate pages; the rules in lib/search.ts keep only pages that
 * contain what was typed (so 台账 never returns a page with only 平台 and 账户) and rank title
 * matches first. The query and filters live in the URL so a search can be shared.
 */
import { excerpt, loosen, parseQuery, rankResults } from '../lib/search.ts';
import { queryTokens } from '../lib/grams.ts';
import { href } from '../lib/url.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string>;
}
interface Pagefind {
  init(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

/**
 * A large library is indexed in parts (see src/integrations/pagefind.ts); `parts.json` lists the
 * ones after the first, which Pagefind merges into one search.
 */
let pagefindPromise: Promise<Pagefind> | undefined;
const loadPagefind = () =>
  (pagefindPromise ??= Promise.all([
    import(/* @vite-ignore */ href('/pagefind/pagefind.js')) as Promise<Pagefind>,
    fetch(href('/pagefind/parts.json')).then((r) => (r.ok ? (r.json() as Promise<{ parts: string[] }>) : { parts: [] })),
  ]).then(async ([pf, { parts }]) => {
    // baseUrl: result URLs are site paths; under a sub-path they need the base in front.
    await pf.options({ excerptLength: 30, baseUrl: href('/') });
    for (const part of parts) await pf.mergeIndex(part, { baseUrl: href('/') });
    await pf.init();
    return pf;
  }));

/**
 * Pages read before the first results show, then per further batch, and how many are read
 * without asking: a very common word matches most of a large library, and reading every page
 * would cost megabytes on a phone, so past AUTO_LIMIT the reader asks for more.
 */
const FIRST_BATCH = 6;
const BATCH = 25;
const AUTO_LIMIT = 60;

type Page = PagefindResultData & { title: string; aliases?: string; unit?: string; region?: string };

class CaseSearch extends HTMLElement {
  private input!: HTMLInputElement;
  private selects: HTMLSelectElement[] = [];
  private list!: HTMLOListElement;
  private status!: HTMLElement;
  private suggestions!: HTMLElement;
  private moreButton!: HTMLButtonElement;
  private timer?: number;
  private generation = 0;

  connectedCallback() {
    this.input = this.querySelector('[data-query]')!;
    this.selects = [...this.querySelectorAll<HTMLSelectElement>('[data-filter]')];
    this.list = this.querySelector('[data-search-results]')!;
    this.status = this.querySelector('[data-search-status]')!;
    this.suggestions = this.querySelector('[data-search-suggestions]')!;
    this.moreButton = this.querySelector('[data-search-more]')!;
    this.moreButton.addEventListener('click', async () => {
      this.busy();
      await this.readMore?.();
    });
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const select of this.selects) {
      const value = params.get(select.dataset.filter!);
      if (value && [...select.options].some((o) => o.value === value)) select.value = value;
      select.addEventListener('change', () => this.run(true));
    }
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      this.run(true);
    });
    this.input.addEventListener('input', () => {
      // Busy from the keystroke, not from the end of the debounce, so nothing reads a stale "done".
      this.busy();
      clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.run(false), 150);
    });
    if (this.input.value || this.filters()) this.run(false);
    else this.input.focus();
  }

  private filters(): Record<string, string> | undefined {
    const entries = this.selects.filter((s) => s.value).map((s) => [s.dataset.filter!, s.value]);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }

  private writeUrl(push: boolean) {
    const params = new URLSearchParams();
    if (this.input.value.trim()) params.set('q', this.input.value.trim());
    for (const [key, value] of Object.entries(this.filters() ?? {})) params.set(key, value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /**
   * Pages Pagefind finds for the terms' character-pair tokens, read in batches in Pagefind's order
   * (so the first results show before every candidate is read); each batch is reported as it lands.
   */
  private async candidates(
    pf: Pagefind,
    terms: string[],
    filters: Record<string, string> | undefined,
    onBatch: (pages: Page[], done: boolean, unread: number) => void,
    generation: number,
  ) {
    const found = await pf.search(terms.length ? queryTokens(terms).join(' ') : null, { filters });
    const all = found.results;
    const pages: Page[] = [];
    let read = 0;
    const readUpTo = async (limit: number) => {
      while (read < Math.min(limit, all.length) || (read === 0 && all.length === 0)) {
        const batch = all.slice(read, Math.min(limit, read + (read === 0 ? FIRST_BATCH : BATCH)));
        const data = await Promise.all(batch.map((r) => r.data()));
        if (generation !== this.generation) return;
        read += batch.length;
        pages.push(...data.map((d) => ({ ...d, content: d.meta.text ?? '', title: d.meta.title ?? '', aliases: d.meta.aliases, unit: d.meta.unit, region: d.meta.region })));
        const done = read >= Math.min(limit, all.length);
        onBatch(pages, done, all.length - read);
        if (done) break;
      }
    };
    await readUpTo(AUTO_LIMIT);
    this.readMore = read < all.length ? () => readUpTo(read + AUTO_LIMIT) : undefined;
    return pages;
  }

  /** Reads the next candidates when the reader asks ("继续查找"); undefined when all are read. */
  private readMore?: () => Promise<void>;

  private async run(push: boolean) {
    const generation = ++this.generation;
    this.writeUrl(push);
    const terms = parseQuery(this.input.value);
    const filters = this.filters();
    this.busy();
    if (!terms.length && !filters) {
      this.show([], [], '请输入要查找的方法名、地名、单位或关键词。', true);
      return;
    }
    let pf: Pagefind;
    try {
      // Pagefind runs on WebAssembly (partly in a worker): an old or locked-down browser without it
      // gets the reason rather than a search that never answers.
      if (typeof WebAssembly === 'undefined') throw new Error('no WebAssembly');
      pf = await loadPagefind();
    } catch {
      const why = typeof WebAssembly === 'undefined'
        ? '这个浏览器不支持 WebAssembly，无法使用站内搜索。请换用新版浏览器（双核浏览器请切换到极速模式），或直接浏览全部案例。'
        : location.protocol === 'file:'
          ? '从本地文件（file://）打开时无法搜索，请通过网页服务器访问本站，或直接浏览全部案例。'
          : '搜索索引未能加载。请用 npm start（生产构建）打开本站，或直接浏览全部案例。';
      this.show([], [], why, true);
      return;
    }
    const query = terms.length ? `“${terms.join(' ')}”` : '';
    const scope = filters ? '（已按筛选条件限定）' : '';
    const render = (pages: Page[], shownTerms: string[], done: boolean, unread: number, note = '') => {
      const results = rankResults(pages, shownTerms);
      if (!done && !results.length) return;
      const found = `${results.length} 个${query ? `包含${query}的` : ''}案例`;
      const status = !done
        ? `已找到 ${found}，正在继续查找…`
        : unread > 0
          ? `已找到 ${found}${scope}；还有 ${unread} 个可能相关的页面未查看。`
          : results.length
            ? `${note || `找到 ${found}`}${scope}。`
            : `没有找到${query ? `包含${query}的` : ''}案例${filters ? '（在所选筛选条件内）' : ''}。`;
      this.show(results, shownTerms, status, done, done && unread > 0);
    };
    const pages = await this.candidates(pf, terms, filters, (p, done, unread) => {
      // Hold an empty "no result" until the loosened query below has had its turn.
      if (!done || unread > 0 || rankResults(p, terms).length || !terms.length) render(p, terms, done, unread);
    }, generation);
    if (generation !== this.generation || rankResults(pages, terms).length || !terms.length) return;
    const looser = loosen(terms);
    if (looser.join() !== terms.join()) {
      const note = `没有案例包含完整的${query}，以下是同时包含“${looser.join('”“')}”的案例`;
      const loose = await this.candidates(pf, looser, filters, (p, done, unread) => rankResults(p, looser).length && render(p, looser, done, unread, note), generation);
      if (generation !== this.generation || rankResults(loose, looser).length) return;
    }
    render([], terms, true, 0);
  }

  /**
   * `data-state` is the page's own "done" signal: `searching` from the first keystroke or click,
   * `done` once the last batch of the current search is shown. Tests and assistive technology wait
   * for it (aria-busy mirrors it) instead of guessing a time.
   */
  private busy() {
    this.setAttribute('aria-busy', 'true');
    this.dataset.state = 'searching';
  }

  private show(results: PagefindResultData[], terms: string[], status: string, done: boolean, more = false) {
    if (done) {
      this.removeAttribute('aria-busy');
      this.dataset.state = 'done';
    }
    this.moreButton.hidden = !more;
    this.status.textContent = status;
    this.list.replaceChildren(
      ...results.map((d) => {
        const li = document.createElement('li');
        const h2 = document.createElement('h2');
        const a = document.createElement('a');
        a.href = d.url;
        a.textContent = d.meta.title ?? d.url;
        h2.append(a);
        const meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = [d.meta.unit, d.meta.region, d.meta.domain].filter(Boolean).join(' · ');
        const p = document.createElement('p');
        p.className = 'excerpt';
        for (const segment of excerpt(d.content, terms)) {
          if (segment.mark) {
            const mark = document.createElement('mark');
            mark.textContent = segment.text;
            p.append(mark);
          } else p.append(segment.text);
        }
        li.append(h2, meta, p);
        return li;
      }),
    );
    this.renderSuggestions(done && results.length === 0 && status.startsWith('没有'));
  }

  private renderSuggestions(empty: boolean) {
    this.suggestions.hidden = !empty;
    this.suggestions.replaceChildren();
    if (!empty) return;
    const p = document.createElement('p');
    p.textContent = '可以试试：';
    const ul = document.createElement('ul');
    if (this.filters()) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = '清除筛选条件';
      button.addEventListener('click', () => {
        for (const select of this.selects) select.value = '';
        this.run(true);
      });
      li.append(button);
      ul.append(li);
    }
    for (const text of ['换一个更短的词，如“台账”而不是“台账管理办法”', '用方法名、地名或单位名搜索']) {
      const li = document.createElement('li');
      li.textContent = text;
      ul.append(li);
    }
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = href('/cases/');
    a.textContent = '按地区、领域、方法浏览全部案例';
    li.append(a);
    ul.append(li);
    this.suggestions.append(p, ul);
  }
}

customElements.define('case-search', CaseSearch);
