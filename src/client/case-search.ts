/**
 * <case-search>: Pagefind finds candidate pages; the rules in lib/search-plan.ts order every
 * candidate before any page's text is read (exact matches first, then folded spellings, every word
 * of a question, a name within one character or its pinyin, related words, then partial matches),
 * and lib/search.ts confirms each page as it is read, so 台账 never returns a page with only 平台 and
 * 账户 and the order never changes when more pages are read. Query and filters live in the URL.
 */
import { containsAll, sentenceExcerpt, type Segment } from '../lib/search.ts';
import { queryTokens } from '../lib/grams.ts';
import { fold, plainFolder, type Folder } from '../lib/search-fold.ts';
import {
  coverageLabel,
  GROUP,
  NAME_LIST,
  pinyinWord,
  planQuery,
  rankCandidates,
  rankGroup,
  readLexicon,
  shortQueryCut,
  shouldCutFirst,
  verify,
  type Lexicon,
  type LexiconFile,
  type LexiconPage,
  type NamesFile,
  type PinyinFile,
  type Plan,
  type Ranked,
} from '../lib/search-plan.ts';
import { href } from '../lib/url.ts';

interface PagefindResultData {
  url: string;
  content: string;
  meta: Record<string, string>;
}
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
type Filters = Record<string, { any: string[] }>;
interface Pagefind {
  init(): Promise<void>;
  options(o: Record<string, unknown>): Promise<void>;
  mergeIndex(path: string, options?: Record<string, unknown>): Promise<void>;
  search(query: string | null, options?: { filters?: Filters }): Promise<{ results: PagefindResult[] }>;
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

/** The lexicon (src/lib/search-lexicon.node.ts); without it search still finds exact matches. */
const emptyLexicon: LexiconFile = { fold: '', variants: [], thesaurus: [], themes: [], titles: {} };
let lexiconPromise: Promise<Lexicon> | undefined;
const loadLexicon = () =>
  (lexiconPromise ??= fetch(href('/pagefind/lexicon.json'))
    .then((r) => (r.ok ? (r.json() as Promise<LexiconFile>) : emptyLexicon))
    .catch(() => emptyLexicon)
    .then(readLexicon));

/** Every page's names, fetched only for a possible typo or pinyin (see src/lib/search-plan.ts, NAME_CANDIDATES). */
let namesPromise: Promise<Map<string, LexiconPage>> | undefined;
const loadNames = () =>
  (namesPromise ??= fetch(href('/pagefind/names.json'))
    .then((r) => (r.ok ? (r.json() as Promise<NamesFile>) : {}))
    .catch(() => ({}))
    .then((file) => new Map(Object.entries(file))));

/** Pinyin of every name, fetched only for a Latin query (see src/lib/search-lexicon.node.ts). */
let pinyinPromise: Promise<Map<string, string>> | undefined;
const loadPinyin = () =>
  (pinyinPromise ??= fetch(href('/pagefind/pinyin.json'))
    .then((r) => (r.ok ? (r.json() as Promise<PinyinFile>) : {}))
    .catch(() => ({}))
    .then((file) => new Map(Object.entries(file))));

/**
 * Pages read before the first results show, then per further batch, and how many are read
 * without asking: a very common word matches most of a large library, and reading every page
 * would cost megabytes on a phone, so past AUTO_LIMIT the reader asks for more.
 */
const FIRST_BATCH = 6;
const BATCH = 25;
const AUTO_LIMIT = 60;

/** The labels of the entry page's info box (src/lib/entry-text.ts, articleParts). */
const BOX_LABELS = new Set(['实践单位', '地区', '层级', '领域', '方法类别', '起始年份', '又称']);

/**
 * A performance mark `gzf-search:<step>` (start, ranked, shown per batch, done), read by
 * scripts/bench-search.ts; cleared when the next search starts, so they never pile up.
 */
function mark(step: 'start' | 'ranked' | 'shown' | 'done') {
  if (step === 'start') for (const s of ['start', 'ranked', 'shown', 'done']) performance.clearMarks(`gzf-search:${s}`);
  performance.mark(`gzf-search:${step}`);
}

const GROUP_NAMES = ['exact', 'folded', 'words', 'name', 'related', 'most', 'some'];

interface Shown {
  ranked: Ranked;
  order: number;
  data: PagefindResultData;
  /** Rendered once, reused as later batches arrive. */
  li?: HTMLLIElement;
}

/** Offline, a search needs index files this device has not kept: said plainly, with what still works. */
const OFFLINE_SEARCH = '现在没有网络，搜索需要的文件还没有存到这台设备上。请联网后再搜；已经打开过的页面没有网络也能看。';

class CaseSearch extends HTMLElement {
  private input!: HTMLInputElement;
  private boxes: HTMLInputElement[] = [];
  private list!: HTMLOListElement;
  private status!: HTMLElement;
  private hint!: HTMLElement;
  private suggestions!: HTMLElement;
  private moreButton!: HTMLButtonElement;
  private timer?: number;
  private generation = 0;

  connectedCallback() {
    this.input = this.querySelector('[data-query]')!;
    this.boxes = [...this.querySelectorAll<HTMLInputElement>('input[data-filter]')];
    this.list = this.querySelector('[data-search-results]')!;
    this.status = this.querySelector('[data-search-status]')!;
    this.hint = this.querySelector('[data-search-hint]')!;
    this.suggestions = this.querySelector('[data-search-suggestions]')!;
    this.moreButton = this.querySelector('[data-search-more]')!;
    this.moreButton.addEventListener('click', async () => {
      this.busy();
      await this.readMore?.();
    });
    const params = new URLSearchParams(location.search);
    this.input.value = params.get('q') ?? '';
    for (const box of this.boxes) {
      const wanted = params.getAll(box.dataset.filter!).flatMap((v) => v.split(','));
      box.checked = wanted.includes(box.value);
      box.addEventListener('change', () => {
        this.busy();
        this.updateCounts();
        this.run(true);
      });
    }
    this.updateCounts();
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      this.busy();
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

  /** Shows how many values of each facet are chosen, next to its name. */
  private updateCounts() {
    for (const details of this.querySelectorAll<HTMLElement>('[data-facet-group]')) {
      const n = details.querySelectorAll('input:checked').length;
      details.querySelector('[data-chosen]')!.textContent = n ? `（已选 ${n}）` : '';
    }
  }

  /** Pagefind filters: any of the chosen values within a facet, every facet at once. */
  private filters(): Filters | undefined {
    const out: Filters = {};
    for (const box of this.boxes.filter((b) => b.checked)) (out[box.dataset.filter!] ??= { any: [] }).any.push(box.value);
    return Object.keys(out).length ? out : undefined;
  }

  private writeUrl(push: boolean) {
    const params = new URLSearchParams();
    if (this.input.value.trim()) params.set('q', this.input.value.trim());
    for (const [key, { any }] of Object.entries(this.filters() ?? {})) for (const value of any) params.append(key, value);
    const url = `${location.pathname}${params.size ? `?${params}` : ''}`;
    if (push) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
  }

  /** Reads the next candidates when the reader asks ("继续查找"); undefined when all are read. */
  private readMore?: () => Promise<void>;

  private async run(push: boolean) {
    const generation = ++this.generation;
    try {
      await this.search(push, generation);
    } catch (error) {
      // Never leave the page "searching": say what happened and let the reader go on.
      if (generation !== this.generation) return;
      console.error(error);
      // Offline, the index's files this browser has not kept cannot load: another word would not help.
      this.show([], undefined, navigator.onLine ? '搜索出错了，请换一个词再试，或直接浏览全部案例。' : OFFLINE_SEARCH, true);
    }
  }

  private async search(push: boolean, generation: number) {
    // Marks for scripts/bench-search.ts (steps of one search); a handful of tiny entries per search.
    mark('start');
    this.writeUrl(push);
    this.busy();
    const filters = this.filters();
    const query = this.input.value.trim();
    this.hint.hidden = true;
    this.readMore = undefined;
    if (!query && !filters) {
      this.show([], undefined, '请输入要查找的方法名、地名、单位或关键词。', true);
      return;
    }
    let pf: Pagefind;
    let lexicon: Lexicon;
    try {
      // Pagefind runs on WebAssembly (partly in a worker): an old or locked-down browser without it
      // gets the reason rather than a search that never answers.
      if (typeof WebAssembly === 'undefined') throw new Error('no WebAssembly');
      [pf, lexicon] = await Promise.all([loadPagefind(), loadLexicon()]);
    } catch {
      const why =
        typeof WebAssembly === 'undefined'
          ? '这个浏览器不支持 WebAssembly，无法使用站内搜索。请换用新版浏览器（双核浏览器请切换到极速模式），或直接浏览全部案例。'
          : location.protocol === 'file:'
            ? '从本地文件（file://）打开时无法搜索，请通过网页服务器访问本站，或直接浏览全部案例。'
            : !navigator.onLine
              ? OFFLINE_SEARCH
              : import.meta.env.DEV
                ? '搜索索引未能加载：开发服务器不建索引。请用 npm start（生产构建）打开本站，或直接浏览全部案例。'
                : '搜索索引未能加载，可能是网络中断了。请刷新页面再试，或直接浏览全部案例。';
      this.show([], undefined, why, true);
      return;
    }
    if (generation !== this.generation) return;
    this.lexicon = lexicon;
    let plan = planQuery(query, lexicon);
    if (plan.pinyin && !lexicon.pinyin) {
      lexicon.pinyin = await loadPinyin();
      if (generation !== this.generation) return;
    }
    /** Pinyin typed for a word the library's names hold (minqing → 民情): the word is searched in every page. */
    let spelled: string | undefined;
    if (plan.pinyin) {
      lexicon.pages ??= await loadNames();
      if (generation !== this.generation) return;
      spelled = pinyinWord(plan.pinyin, lexicon);
      if (spelled) plan = planQuery(spelled, lexicon);
    }
    if (plan.tooCommon) {
      this.show([], plan, `“${plan.tooCommon}”太常见，几乎每个案例都有。请输入更长的词，如方法名、地名、单位名或一个具体的问题。`, true);
      this.renderSuggestions(true);
      return;
    }
    const results = new Map<string, PagefindResult>();
    let ranked: Ranked[];
    let suggestion: string | undefined;
    let rank: ((p: Plan) => ReturnType<typeof rankCandidates>) | undefined;
    /** The query cut into words, kept for when no candidate turns out to hold it whole (shortQueryCut). */
    let cut: Plan | undefined;
    /** Searches the cut query instead, once. */
    const takeCut = async () => {
      plan = cut!;
      cut = undefined;
      ({ ranked, suggestion } = await rank!(plan));
    };
    if (!plan.terms.length) {
      // Filters alone: every page they allow, in Pagefind's order.
      const found = await pf.search(null, { filters });
      for (const r of found.results) results.set(r.id, r);
      ranked = found.results.map((r) => ({ id: r.id, group: GROUP.exact, direct: 0, covered: 0 }));
    } else {
      const find = async (terms: string[]) => {
        const found = await pf.search(queryTokens(terms).join(' '), { filters });
        for (const r of found.results) results.set(r.id, r);
        return new Map(found.results.map((r) => [r.id, r.score]));
      };
      // A method family's or a domain's pages, whatever the reader's filters (find() applies those).
      const filterPages = async (filter: string, value: string) =>
        new Set((await pf.search(null, { filters: { [filter]: { any: [value] } } })).results.map((r) => r.id));
      const names = async () => {
        lexicon.pages ??= await loadNames();
      };
      rank = (p: Plan) => rankCandidates(p, lexicon, find, { filterPages, names });
      ({ ranked, suggestion } = await rank(plan));
      // No page can hold 换届选举 as typed: its words at once, as for a longer query.
      cut = shortQueryCut(query, plan, lexicon);
      if (cut && (await shouldCutFirst(plan, ranked, find))) await takeCut();
    }
    if (generation !== this.generation) return;
    mark('ranked');

    const shown: Shown[] = [];
    let read = 0;
    const render = (done: boolean) => {
      const sorted = [...shown].sort((a, b) => rankGroup(a.ranked, plan) - rankGroup(b.ranked, plan) || a.order - b.order);
      // Partial matches are listed only when no page has every word.
      // For a query cut into words (a question, or a long query: not plan.question alone) they
      // follow, ranked by how many words they hold.
      const full = sorted.filter((s) => s.ranked.group <= GROUP.related);
      const cutIntoWords = plan.words.join() !== plan.folded.join();
      let visible = cutIntoWords || (!full.length && done) ? sorted : full;
      // Near names stand in only when no page holds the query (they are read after every exact and
      // folded candidate, so dropping them never reorders what is shown).
      if (visible.some((s) => s.ranked.group <= GROUP.folded)) visible = visible.filter((s) => s.ranked.group !== GROUP.name);
      const unread = ranked.length - read;
      if (!done && !visible.length) return;
      // Nothing held the query whole: the cut query is searched next, and says when it is done.
      if (done && cut && !shown.length && !unread) return;
      // "您是不是要找" only when no page holds what was typed.
      if (done && suggestion && !visible.some((s) => s.ranked.group <= GROUP.folded)) this.showHint(suggestion);
      const status = this.statusText(plan, visible, done, unread, !!filters);
      this.show(visible, plan, spelled ? `拼音“${query}”按“${spelled}”搜索：${status}` : status, done, done && unread > 0);
      mark(done ? 'done' : 'shown');
    };
    // Batch after batch: asking for the next batch before drawing this one (tried 2026-11-30) gained
    // nothing measurable and let the first search's bytes before the first results pass 200 KB.
    const readUpTo = async (limit: number) => {
      const end = Math.min(limit, ranked.length);
      while (read < end) {
        const batch = ranked.slice(read, Math.min(end, read + (read === 0 ? FIRST_BATCH : BATCH)));
        const data = await Promise.all(batch.map((r) => results.get(r.id)!.data()));
        if (generation !== this.generation) return;
        batch.forEach((r, i) => {
          const text = data[i].meta.text ?? '';
          const confirmed = plan.terms.length ? verify(r, text, plan, lexicon) : r;
          if (confirmed) shown.push({ ranked: confirmed, order: read + i, data: data[i] });
        });
        read += batch.length;
        const done = read >= end;
        render(done);
        if (done) break;
      }
      this.readMore = read < ranked.length ? () => readUpTo(read + AUTO_LIMIT) : undefined;
    };
    if (!ranked.length) render(true);
    else await readUpTo(AUTO_LIMIT);
    if (cut && rank && !shown.length && read >= ranked.length && generation === this.generation) {
      await takeCut();
      if (generation !== this.generation) return;
      read = 0;
      if (!ranked.length) render(true);
      else await readUpTo(AUTO_LIMIT);
    }
  }

  private statusText(plan: Plan, shown: Shown[], done: boolean, unread: number, filtered: boolean): string {
    const q = plan.terms.length ? `“${plan.terms.join(' ')}”` : '';
    const scope = filtered ? '（已按筛选条件限定）' : '';
    const exact = shown.filter((s) => s.ranked.group === GROUP.exact).length;
    const folded = shown.filter((s) => s.ranked.group === GROUP.folded).length;
    const others = shown.length - exact - folded;
    if (!done) return `已找到 ${shown.length} 个案例，正在继续查找…`;
    const more = unread > 0 ? `；还有 ${unread} 个可能相关的案例未查看，点下面的“继续查找”` : '';
    if (!shown.length) return `没有找到${q ? `包含${q}的` : ''}案例${filtered ? '（在所选筛选条件内）' : ''}。`;
    if (!plan.terms.length) return `找到 ${shown.length} 个案例${scope}${more}。`;
    // A question is ordered by its words, even where one page holds it word for word (a 思考题 asking
    // the same), so the line names the words rather than counting pages that hold the whole question.
    if (plan.question) return `按问题中的词“${plan.words.join('”“')}”找到 ${shown.length} 个案例，包含的词越多越靠前${scope}${more}。`;
    const leads = shown.filter((s) => s.ranked.lead).length;
    // A topic's own cases (title or method family) lead, whether or not they hold the word itself.
    if (leads)
      return `${q}是主题词：以它为主题（标题、方法类别或领域）的 ${leads} 个案例排在前面，共 ${shown.length} 个案例${scope}${more}。`;
    const rest = others ? `，另有 ${others} 个相关案例排在后面` : '';
    if (exact)
      return `找到 ${exact} 个包含${q}的案例${folded ? `，另有 ${folded} 个案例用的是这个词的另一种写法（繁简、异体字视为同一写法）` : ''}${rest}${scope}${more}。`;
    if (folded) return `找到 ${folded} 个包含“${plan.folded.join(' ')}”的案例（繁简、异体字视为同一写法）${rest}${scope}${more}。`;
    const partial = shown.some((s) => s.ranked.group >= GROUP.most);
    const words = plan.words.length > 1 ? `（按“${plan.words.join('”“')}”${partial ? '，包含的词越多越靠前' : ''}）` : '';
    return `没有案例包含完整的${q}，以下是 ${shown.length} 个相关案例${words}${scope}${more}。`;
  }

  /** "您是不是要找：干群夜谈会", a link that runs that search. */
  private showHint(suggestion: string) {
    const a = document.createElement('a');
    a.href = href(`/search/?q=${encodeURIComponent(suggestion)}`);
    a.textContent = suggestion;
    a.addEventListener('click', (event) => {
      event.preventDefault();
      this.input.value = suggestion;
      this.run(true);
    });
    this.hint.replaceChildren('您是不是要找：', a);
    this.hint.hidden = false;
  }

  /**
   * `data-state` is the page's own "done" signal: `searching` from the first keystroke or click,
   * `done` once the last batch of the current search is shown. Tests and assistive technology wait
   * for it (aria-busy mirrors it) instead of guessing a time. The status line says 正在搜索 at once.
   */
  private busy() {
    this.setAttribute('aria-busy', 'true');
    this.dataset.state = 'searching';
    this.status.textContent = '正在搜索…';
  }

  /** What the results were matched on, for the snippet and the marks. */
  private needles(plan: Plan, r: Ranked): string[] {
    const out = [...plan.terms, ...plan.folded, ...plan.words, ...this.relatedNeedles(plan, r)];
    const near = r.via?.match(/^近似：(.+)$/)?.[1];
    if (near) out.push(near);
    const named = r.via?.match(/→ (.+)$/)?.[1];
    if (named) out.push(named);
    return out;
  }

  /** The related words a result was matched on (none for a page that holds the query itself). */
  private relatedNeedles(plan: Plan, r: Ranked): string[] {
    return r.group >= GROUP.name ? plan.words.flatMap((w) => plan.related.get(w) ?? []) : [];
  }

  /** A tag saying where a page matched when the match is only in its info box or names. */
  private tags(d: PagefindResultData, plan: Plan, r: Ranked, needles: string[], inText: boolean, folder: Folder): string[] {
    const out: string[] = [];
    const label = coverageLabel(r, plan);
    if (label) out.push(label);
    if (r.via) out.push(r.via);
    if (inText || r.via) return out;
    const has = (field: string | undefined) => !!field && needles.some((n) => containsAll(fold(field, folder), [fold(n, folder)]));
    const alias = (d.meta.aliases ?? '').split(NAME_LIST).find((a) => has(a));
    if (alias) out.push(`又称：${alias}`);
    else if (has(d.meta.unit)) out.push(`实践单位：${d.meta.unit}`);
    else if (has(d.meta.region)) out.push(`地区：${d.meta.region}`);
    else if (has(d.meta.domain)) out.push(`领域：${d.meta.domain}`);
    else {
      // The info box is label lines each followed by their values: name the field the match is in.
      const text = d.meta.text ?? '';
      const [a, b] = (d.meta.box ?? '0,0').split(',').map(Number);
      const lines = [...text].slice(a, b).join('').split('\n');
      const at = lines.findIndex((line) => !BOX_LABELS.has(line) && has(line));
      if (at >= 0) {
        let label = at - 1;
        while (label > 0 && !BOX_LABELS.has(lines[label])) label--;
        out.push(`${BOX_LABELS.has(lines[label]) ? lines[label] : '信息栏'}：${lines[at]}`);
      }
    }
    return out;
  }

  private show(results: Shown[], plan: Plan | undefined, status: string, done: boolean, more = false) {
    if (done) {
      this.removeAttribute('aria-busy');
      this.dataset.state = 'done';
    }
    this.moreButton.hidden = !more;
    this.status.textContent = status;
    this.list.replaceChildren(...results.map((s) => (s.li ??= this.item(s, plan))));
    this.renderSuggestions(done && results.length === 0 && (status.startsWith('没有') || status.startsWith('请输入')));
  }

  private lexicon?: Lexicon;

  private item({ ranked: r, data: d }: Shown, plan: Plan | undefined): HTMLLIElement {
    const li = document.createElement('li');
    li.dataset.match = GROUP_NAMES[r.group];
    if (r.lead) li.dataset.lead = '';
    const h2 = document.createElement('h2');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title ?? d.url;
    h2.append(a);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = [d.meta.unit, d.meta.region, d.meta.domain].filter(Boolean).join(' · ');
    li.append(h2, meta);
    if (!plan) return li;
    const text = d.meta.text ?? '';
    const [boxStart, boxEnd] = (d.meta.box ?? '0,0').split(',').map(Number);
    const titleEnd = text.indexOf('\n') < 0 ? 0 : [...text.slice(0, text.indexOf('\n'))].length;
    const needles = this.needles(plan, r);
    const folder = this.lexiconFolder();
    // Related words are marked only where they stand as words (务工 in 外出务工, not in 服务工作).
    const typed = new Set([...plan.folded, ...plan.words]);
    const related = this.relatedNeedles(plan, r).filter((n) => !typed.has(n));
    const segments: Segment[] = sentenceExcerpt(
      text,
      needles.map((n) => fold(n, folder)),
      {
        asWord: new Set(related.map((n) => fold(n, folder))),
        view: fold(text, folder),
        skip: [
          [0, titleEnd + 1],
          [boxStart, boxEnd],
        ],
      },
    );
    const inText = segments.some((s) => s.mark);
    const tags = this.tags(d, plan, r, needles, inText, folder);
    if (tags.length) {
      const ul = document.createElement('ul');
      ul.className = 'tags';
      for (const tag of tags) {
        const t = document.createElement('li');
        t.textContent = tag;
        ul.append(t);
      }
      li.append(ul);
    }
    const p = document.createElement('p');
    p.className = 'excerpt';
    for (const segment of segments) {
      if (segment.mark) {
        const mark = document.createElement('mark');
        mark.textContent = segment.text;
        p.append(mark);
      } else p.append(segment.text);
    }
    li.append(p);
    return li;
  }

  private lexiconFolder(): Folder {
    return this.lexicon?.folder ?? plainFolder;
  }

  /**
   * The empty state is markup on the page (topics, method families, browse links: search.astro);
   * here it is only shown or hidden, with a "清除筛选条件" button when filters narrowed the search.
   */
  private renderSuggestions(empty: boolean) {
    this.suggestions.hidden = !empty;
    const actions = this.suggestions.querySelector('[data-suggest-actions]');
    actions?.replaceChildren();
    if (!empty || !actions || !this.filters()) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = '清除筛选条件';
    button.addEventListener('click', () => {
      for (const box of this.boxes) box.checked = false;
      this.updateCounts();
      this.run(true);
    });
    actions.append(button);
  }
}

customElements.define('case-search', CaseSearch);
