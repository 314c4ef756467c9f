/**
 * How the comparison is laid out, whatever loads the entries. Wide screens: a table with a narrow
 * label column and the cases' titles kept on screen (both sticky). Phones: one card per case in a
 * scroll-snapping row, with a sticky pager ("‹ 上一个 · 2 / 3 · 下一个 ›") naming the case in view.
 * Long aspects (the sections) start folded to their first lines; "展开" opens that aspect for every
 * case at once, so the cases stay comparable line for line.
 *
 * Drawing all of both layouts at once was the page's longest task (Lighthouse: blocking time).
 * Now only the layout in view is built (the other one when the window changes size or the page is
 * printed); a folded value lays out only its first lines until opened; and the layout is built a
 * cell at a time, in reading order, with the browser free between cells. Every cell is appended
 * below or beside what is already drawn, so nothing drawn moves.
 */
import { el } from './dom.ts';

/** One compared case as the view needs it. */
export interface CompareColumn {
  title: string;
  url: string;
}

/**
 * One aspect: its label and one value per case. Text is short; a Node, or a function making one
 * when the cell is drawn (so nothing is parsed before it is needed), is long content, folded at first.
 */
export interface CompareRow {
  label: string;
  values: (Node | string | (() => Node))[];
}

/** How much of a folded value is drawn at once: more than its first three lines in any layout. */
const SHOWN_CHARS = 200;

/**
 * A value's blocks split in two: those that hold its first `budget` characters, and the rest. A
 * long list is split between its items (a numbered one continues its numbering).
 */
export function splitAfter(value: Node, budget: number): [Node[], Node[]] {
  const shown: Node[] = [];
  const rest: Node[] = [];
  let left = budget;
  for (const block of [...value.childNodes]) {
    const length = block.textContent?.length ?? 0;
    if (left <= 0) rest.push(block);
    else if (length > left && block instanceof HTMLElement && /^(UL|OL)$/.test(block.tagName) && block.children.length > 1) {
      const head = block.cloneNode(false) as HTMLElement;
      const tail = block.cloneNode(false) as HTMLElement;
      let count = 0;
      for (const item of [...block.childNodes]) {
        if (left > 0 || !(item instanceof HTMLElement)) {
          head.append(item);
          if (item instanceof HTMLElement) {
            left -= item.textContent?.length ?? 0;
            count++;
          }
        } else tail.append(item);
      }
      shown.push(head);
      if (tail.children.length) {
        if (block.tagName === 'OL') tail.setAttribute('start', String(Number(block.getAttribute('start') ?? 1) + count));
        rest.push(tail);
      }
    } else {
      shown.push(block);
      left -= length;
    }
  }
  return [shown, rest];
}

/** The phone layout's media query; compare.astro's stylesheet uses the same width. */
export const PHONE = '(max-width: 47.99rem)';

const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Lets the browser handle input and paint before the next piece: scheduler.yield where the
 * browser has it (the rest of the work keeps its place in line), else a message to itself, which
 * unlike setTimeout is not clamped to 4 ms.
 */
export function yieldToBrowser(): Promise<void> {
  const scheduler = (window as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
}

/** The drawing in progress on each root: a new drawing stops the old one and its listeners. */
const drawings = new WeakMap<HTMLElement, AbortController>();

/**
 * Draws the comparison into `root` (compare.astro's hosts). Resolves once the layout in view is
 * complete, when `root` gets `data-state="ready"`; a later call replaces this drawing.
 */
export async function renderCompare(root: HTMLElement, columns: CompareColumn[], rows: CompareRow[]): Promise<void> {
  drawings.get(root)?.abort();
  const drawing = new AbortController();
  drawings.set(root, drawing);
  const { signal } = drawing;

  const tableHost = root.querySelector<HTMLElement>('[data-compare-table]')!;
  const cardsHost = root.querySelector<HTMLElement>('[data-compare-cards]')!;
  const pagerHost = root.querySelector<HTMLElement>('[data-compare-pager]');
  const toolbar = root.querySelector<HTMLElement>('[data-compare-toolbar]');
  tableHost.replaceChildren();
  cardsHost.replaceChildren();

  /** Per folded aspect: its boxes and buttons in the table and in the cards. */
  const folds = new Map<number, { boxes: HTMLElement[]; buttons: HTMLButtonElement[]; rests: HTMLElement[]; open: boolean }>();
  const showFold = (box: HTMLElement, button: HTMLButtonElement, open: boolean) => {
    box.classList.toggle('is-open', open);
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? '收起' : '展开';
    button.setAttribute('aria-label', `${button.textContent}${button.dataset.aspect}`);
  };
  const setOpen = (index: number, open: boolean) => {
    const fold = folds.get(index)!;
    fold.open = open;
    // Opened once, the rest stays in the page: folding again only clips it.
    if (open) for (const more of fold.rests) more.hidden = false;
    fold.boxes.forEach((box, i) => showFold(box, fold.buttons[i], open));
    updateAll();
  };
  const foldable = rows.map((row) => row.values.some((v) => typeof v !== 'string'));
  for (const [r, can] of foldable.entries()) if (can) folds.set(r, { boxes: [], buttons: [], rests: [], open: false });

  /**
   * One case's value for one aspect, put into `into`, fresh (the table and the cards each need
   * their own). A long value shows its first lines in a clipped box; the rest waits in a
   * `hidden="until-found"` block, which the browser does not lay out (the sections were most of
   * the work of drawing the comparison) and which find-in-page still searches: a match there, like
   * 展开, opens the aspect.
   */
  function* cell(into: HTMLElement, r: number, i: number, where: string): Generator<HTMLElement> {
    const raw = rows[r].values[i];
    const value = typeof raw === 'function' ? raw() : typeof raw === 'string' ? raw : raw.cloneNode(true);
    if (!foldable[r]) {
      into.append(value);
      yield into;
      return;
    }
    const fold = folds.get(r)!;
    const [shown, rest] = typeof value === 'string' ? [[value], []] : splitAfter(value, SHOWN_CHARS);
    const inner = el('div', {}, ...shown);
    if (rest.length) {
      const more = el('div', { className: 'compare-rest' }, ...rest);
      more.setAttribute('hidden', 'until-found');
      more.addEventListener('beforematch', () => setOpen(r, true));
      inner.append(more);
      fold.rests.push(more);
      if (fold.open) more.hidden = false;
    }
    // The text in a clipped box, and a button named with the aspect (“展开做法”): every case has one.
    const box = el('div', { className: 'compare-fold', id: `compare-${where}-${r}-${i}` }, inner);
    const button = el('button', { type: 'button', className: 'compare-expand' });
    button.dataset.aspect = rows[r].label;
    button.addEventListener('click', () => setOpen(r, !fold.open));
    showFold(box, button, fold.open);
    fold.boxes.push(box);
    fold.buttons.push(button);
    into.append(box, button);
    yield into;
  }

  /** The table, a cell at a time (a pause after each). */
  function* buildTable(): Generator<HTMLElement> {
    const head = el(
      'tr',
      {},
      el('th', { scope: 'col', className: 'compare-corner', textContent: '方面' }),
      ...columns.map((c) => el('th', { scope: 'col' }, el('a', { href: c.url, textContent: c.title }))),
    );
    const body = el('tbody');
    const colgroup = el('colgroup', {}, el('col', { className: 'compare-label-col' }), ...columns.map(() => el('col')));
    // Fixed layout: the columns take their widths from the colgroup, so a later row never moves an earlier one.
    const table = el('table', { className: 'compare-table' }, colgroup, el('thead', {}, head), body);
    tableHost.replaceChildren(table);
    for (const [r, row] of rows.entries()) {
      // The label sits in a span that sticks below the titles, so a long opened row keeps its name in view.
      const tr = el('tr', {}, el('th', { scope: 'row' }, el('span', { className: 'compare-row-label', textContent: row.label })));
      body.append(tr);
      for (const i of columns.keys()) {
        const td = el('td');
        tr.append(td);
        yield* cell(td, r, i, 'table');
      }
    }
  }

  /** The cards, one per case: their titles and the pager first, then each card's aspects in turn. */
  function* buildCards(): Generator<HTMLElement> {
    const lists = columns.map(() => el('dl'));
    const cards = columns.map((c, i) => {
      const card = el(
        'article',
        { className: 'card compare-card' },
        el('h2', {}, el('a', { href: c.url, textContent: c.title })),
        lists[i],
      );
      card.setAttribute('aria-label', `第 ${i + 1} 个，共 ${columns.length} 个：${c.title}`);
      return card;
    });
    cardsHost.replaceChildren(...cards);
    cardsHost.tabIndex = 0;
    cardsHost.setAttribute('role', 'region');
    cardsHost.setAttribute('aria-label', '案例卡片，左右滑动或用上一个、下一个切换');
    if (pagerHost) setUpPager(pagerHost, cardsHost, cards, columns, signal);
    yield cardsHost;
    for (const [i, list] of lists.entries())
      for (const [r, row] of rows.entries()) {
        const dd = el('dd');
        list.append(el('dt', { textContent: row.label }), dd);
        yield* cell(dd, r, i, 'card');
      }
  }

  // One button to open or fold every long aspect.
  const all = el('button', { type: 'button', className: 'compare-all', textContent: '全部展开' });
  const updateAll = () => {
    const open = [...folds.values()].every((f) => f.open);
    all.textContent = open ? '全部收起' : '全部展开';
    all.setAttribute('aria-pressed', String(open));
  };
  all.addEventListener('click', () => {
    const open = ![...folds.values()].every((f) => f.open);
    for (const index of folds.keys()) setOpen(index, open);
  });
  if (toolbar && folds.size) {
    toolbar.replaceChildren(all);
    toolbar.hidden = false;
  }
  updateAll();

  // Each layout is built once, when first needed; a build under way is finished by `now`.
  const builds = { table: undefined as Generator<HTMLElement> | undefined, cards: undefined as Generator<HTMLElement> | undefined };
  const start = (which: keyof typeof builds) => (builds[which] ??= which === 'table' ? buildTable() : buildCards());
  const now = (which: keyof typeof builds) => {
    for (const _ of start(which));
  };
  const phone = matchMedia(PHONE);
  // Turning the phone or resizing the window: the other layout, built at once (the reader is waiting).
  phone.addEventListener('change', () => now(phone.matches ? 'cards' : 'table'), { signal });
  // Printing uses whichever layout fits the paper: both must be there.
  addEventListener(
    'beforeprint',
    () => {
      now('table');
      now('cards');
    },
    { signal },
  );

  const inView = start(phone.matches ? 'cards' : 'table');
  for (const piece of inView) {
    // Laid out now, in this task, so each task holds one cell's layout, not the whole comparison's.
    void piece.offsetHeight;
    await yieldToBrowser();
    if (signal.aborted) return;
  }
  root.dataset.state = 'ready';
}

/** The phone pager: which card is in view, and buttons to the previous and next one. */
function setUpPager(host: HTMLElement, scroller: HTMLElement, cards: HTMLElement[], columns: CompareColumn[], signal: AbortSignal) {
  const prev = el('button', { type: 'button', className: 'compare-prev' }, el('span', { textContent: '‹ ' }), '上一个');
  const next = el('button', { type: 'button', className: 'compare-next' }, '下一个', el('span', { textContent: ' ›' }));
  for (const arrow of [prev.firstElementChild, next.lastElementChild]) arrow!.setAttribute('aria-hidden', 'true');
  const page = el('span', { className: 'compare-page' });
  const title = el('span', { className: 'compare-page-title' });
  const where = el('p', { className: 'compare-where' }, page, title);
  where.setAttribute('aria-live', 'polite');
  host.replaceChildren(prev, where, next);
  host.hidden = columns.length < 2;

  let current = -1;
  const show = (index: number) => {
    if (index === current) return;
    current = index;
    page.textContent = `${index + 1} / ${cards.length}`;
    title.textContent = columns[index].title;
    prev.disabled = index === 0;
    next.disabled = index === cards.length - 1;
    host.dataset.page = String(index + 1);
  };
  // The scroller is positioned (CSS), so a card's offsetLeft is its place in the row, whatever the scroll.
  const at = (i: number) => cards[i].offsetLeft - cards[0].offsetLeft;
  const go = (index: number) => {
    scroller.scrollTo({ left: at(Math.max(0, Math.min(cards.length - 1, index))), behavior: reduceMotion() ? 'auto' : 'smooth' });
  };
  prev.addEventListener('click', () => go(current - 1));
  next.addEventListener('click', () => go(current + 1));
  // The card whose left edge is nearest the scroller's is the one in view.
  let frame = 0;
  scroller.addEventListener(
    'scroll',
    () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        let best = 0;
        cards.forEach((_, i) => {
          if (Math.abs(at(i) - scroller.scrollLeft) < Math.abs(at(best) - scroller.scrollLeft)) best = i;
        });
        show(best);
      });
    },
    { passive: true, signal },
  );
  scroller.addEventListener(
    'keydown',
    (event) => {
      if (event.target !== scroller) return;
      if (event.key === 'ArrowRight') {
        event.preventDefault();
        go(current + 1);
      }
      if (event.key === 'ArrowLeft') {
        event.preventDefault();
        go(current - 1);
      }
    },
    { signal },
  );
  show(0);
}
