/**
 * How the comparison is laid out, whatever loads the entries. Wide screens: a table with a narrow
 * label column and the cases' titles kept on screen (both sticky). Phones: one card per case in a
 * scroll-snapping row, with a sticky pager ("‹ 上一个 · 2 / 3 · 下一个 ›") naming the case in view.
 * Long aspects (the sections) start folded to their first lines; "展开" opens that aspect for every
 * case at once, so the cases stay comparable line for line.
 */
import { el } from './dom.ts';

/** One compared case as the view needs it. */
export interface CompareColumn {
  title: string;
  url: string;
}

/** One aspect: its label and one value per case (a Node is long content, folded at first). */
export interface CompareRow {
  label: string;
  values: (Node | string)[];
}

const reduceMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Folds a long value: the text in a clipped box, and a button that opens the aspect everywhere.
 * Returns the box and the button, which `expand` keeps in step.
 */
function folded(value: Node | string, id: string, label: string, toggle: () => void) {
  const box = el('div', { className: 'compare-fold', id }, value);
  const button = el('button', { type: 'button', className: 'compare-expand', textContent: '展开' });
  // Named with the aspect (“展开做法”): every case has one such button per aspect.
  button.dataset.aspect = label;
  button.setAttribute('aria-label', `展开${label}`);
  button.setAttribute('aria-expanded', 'false');
  button.addEventListener('click', toggle);
  return { box, button };
}

export function renderCompare(root: HTMLElement, columns: CompareColumn[], rows: CompareRow[]) {
  const tableHost = root.querySelector<HTMLElement>('[data-compare-table]')!;
  const cardsHost = root.querySelector<HTMLElement>('[data-compare-cards]')!;
  const pagerHost = root.querySelector<HTMLElement>('[data-compare-pager]');
  const toolbar = root.querySelector<HTMLElement>('[data-compare-toolbar]');

  /** Per folded aspect: its boxes and buttons in the table and in the cards. */
  const folds = new Map<number, { boxes: HTMLElement[]; buttons: HTMLButtonElement[]; open: boolean }>();
  const setOpen = (index: number, open: boolean) => {
    const fold = folds.get(index)!;
    fold.open = open;
    for (const box of fold.boxes) box.classList.toggle('is-open', open);
    for (const button of fold.buttons) {
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? '收起' : '展开';
      button.setAttribute('aria-label', `${button.textContent}${button.dataset.aspect}`);
    }
    updateAll();
  };
  const foldable = rows.map((row) => row.values.some((v) => typeof v !== 'string'));
  const cell = (rowIndex: number, value: Node | string, where: string, caseIndex: number) => {
    if (!foldable[rowIndex]) return [value];
    const { box, button } = folded(value, `compare-${where}-${rowIndex}-${caseIndex}`, rows[rowIndex].label, () =>
      setOpen(rowIndex, !folds.get(rowIndex)!.open),
    );
    const fold = folds.get(rowIndex) ?? { boxes: [], buttons: [], open: false };
    fold.boxes.push(box);
    fold.buttons.push(button);
    folds.set(rowIndex, fold);
    return [box, button];
  };

  // The table: values are cloned for the cards, since a node lives in one place only.
  const cloned = rows.map((row) => row.values.map((v) => (typeof v === 'string' ? v : v.cloneNode(true))));
  const head = el(
    'tr',
    {},
    el('th', { scope: 'col', className: 'compare-corner', textContent: '方面' }),
    ...columns.map((c) => el('th', { scope: 'col' }, el('a', { href: c.url, textContent: c.title }))),
  );
  // The label sits in a span that sticks below the titles, so a long opened row keeps its name in view.
  const body = rows.map((row, r) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, el('span', { className: 'compare-row-label', textContent: row.label })),
      ...row.values.map((value, i) => el('td', {}, ...cell(r, value, 'table', i))),
    ),
  );
  const colgroup = el('colgroup', {}, el('col', { className: 'compare-label-col' }), ...columns.map(() => el('col')));
  tableHost.replaceChildren(el('table', { className: 'compare-table' }, colgroup, el('thead', {}, head), el('tbody', {}, ...body)));

  // The cards, one per case.
  const cards = columns.map((c, i) => {
    const card = el('article', { className: 'card compare-card' }, el('h2', {}, el('a', { href: c.url, textContent: c.title })));
    card.setAttribute('aria-label', `第 ${i + 1} 个，共 ${columns.length} 个：${c.title}`);
    card.append(
      el('dl', {}, ...rows.flatMap((row, r) => [el('dt', { textContent: row.label }), el('dd', {}, ...cell(r, cloned[r][i], 'card', i))])),
    );
    return card;
  });
  cardsHost.replaceChildren(...cards);
  cardsHost.tabIndex = 0;
  cardsHost.setAttribute('role', 'region');
  cardsHost.setAttribute('aria-label', '案例卡片，左右滑动或用上一个、下一个切换');

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

  if (pagerHost) setUpPager(pagerHost, cardsHost, cards, columns);
  root.dataset.state = 'ready';
}

/** The phone pager: which card is in view, and buttons to the previous and next one. */
function setUpPager(host: HTMLElement, scroller: HTMLElement, cards: HTMLElement[], columns: CompareColumn[]) {
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
    { passive: true },
  );
  scroller.addEventListener('keydown', (event) => {
    if (event.target !== scroller) return;
    if (event.key === 'ArrowRight') {
      event.preventDefault();
      go(current + 1);
    }
    if (event.key === 'ArrowLeft') {
      event.preventDefault();
      go(current - 1);
    }
  });
  show(0);
}
