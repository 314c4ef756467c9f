/**
 * The parts of the catalogue page around the facet chips: the filter sheet on phones and its
 * "查看 N 个案例" bar, the applied conditions as removable tags, and the advice shown when nothing
 * is left. <case-filter> owns the state and calls these; they only draw and report clicks.
 */
import { el } from './dom.ts';
import type { Relaxation } from '../lib/catalogue-refine.ts';

/** One applied condition, as a tag: `remove` drops it. */
export interface AppliedTag {
  /** The facet's name (地区, 领域…) or 关键词. */
  facet: string;
  label: string;
  remove: () => void;
}

/** Draws the applied conditions as buttons that remove them; hidden when there are none. */
export function renderApplied(box: HTMLElement, tags: AppliedTag[]) {
  const list = box.querySelector('[data-applied-list]')!;
  const focused = list.contains(document.activeElement)
    ? [...list.querySelectorAll('button')].indexOf(document.activeElement as HTMLButtonElement)
    : -1;
  list.replaceChildren(
    ...tags.map((tag) => {
      const button = el(
        'button',
        { type: 'button', className: 'applied-tag' },
        el('span', { className: 'applied-facet', textContent: `${tag.facet}：` }),
        tag.label,
        el('span', { className: 'applied-x', textContent: '×' }),
      );
      // The name says what a press does and holds the visible words (“去掉地区：北京”).
      button.setAttribute('aria-label', `去掉${tag.facet}：${tag.label}`);
      button.querySelector('.applied-x')!.setAttribute('aria-hidden', 'true');
      button.addEventListener('click', tag.remove);
      return el('li', {}, button);
    }),
  );
  box.hidden = tags.length === 0;
  // A removed tag takes its button with it: keep the keyboard in the row, on the next tag or on 清除筛选.
  if (focused >= 0) {
    const buttons = list.querySelectorAll('button');
    (buttons[Math.min(focused, buttons.length - 1)] ?? document.querySelector<HTMLElement>('[data-results-start]'))?.focus();
  }
}

/**
 * The advice for an empty result: one button per condition that can be dropped alone
 * ("去掉「北京」可见 3 个案例"), or, when none is enough, one that clears everything.
 */
export function renderAdvice(
  box: HTMLElement,
  empty: boolean,
  options: {
    relaxations: Relaxation[];
    describe: (r: Relaxation) => string;
    apply: (r: Relaxation) => void;
    total: number;
    clearAll: () => void;
  },
) {
  if (!empty) {
    if (!box.hidden) box.replaceChildren();
    box.hidden = true;
    return;
  }
  const offers = options.relaxations.slice(0, 3).map((r) => {
    const button = el('button', { type: 'button', textContent: `去掉${options.describe(r)}可见 ${r.count} 个案例` });
    button.addEventListener('click', () => options.apply(r));
    return el('li', {}, button);
  });
  if (offers.length === 0) {
    const button = el('button', { type: 'button', textContent: `清除全部条件可见 ${options.total} 个案例` });
    button.addEventListener('click', options.clearAll);
    offers.push(el('li', {}, button));
  }
  box.replaceChildren(
    el('p', { className: 'advice-title', textContent: '没有同时符合这些条件的案例。' }),
    el('p', { textContent: offers.length > 1 ? '可以去掉其中一个条件：' : '可以这样放宽：' }),
    el('ul', {}, ...offers),
  );
  box.hidden = false;
}

/**
 * The filter sheet is a <details>: closed on phones (the first result stays on the first
 * screen), always open beside the results on wide screens. Without JavaScript the CSS shows the
 * filters whole (`@media (scripting: none)`); this only keeps `open` in step with the width and
 * lets the bar at its foot close it and move to the results.
 */
export function setUpSheet(sheet: HTMLDetailsElement, results: HTMLElement) {
  const wide = matchMedia('(min-width: 56rem)');
  const follow = () => {
    if (wide.matches) sheet.open = true;
  };
  follow();
  wide.addEventListener('change', () => (wide.matches ? (sheet.open = true) : (sheet.open = false)));
  // On wide screens the filters are a column, not a sheet: they cannot be folded away.
  sheet.querySelector('summary')!.addEventListener('click', (event) => {
    if (wide.matches) event.preventDefault();
  });
  const close = (focus: HTMLElement) => {
    if (wide.matches) return;
    sheet.open = false;
    focus.focus();
  };
  sheet.querySelector<HTMLAnchorElement>('[data-sheet-done]')?.addEventListener('click', (event) => {
    event.preventDefault();
    close(results);
    results.scrollIntoView({ block: 'start' });
  });
  sheet.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && sheet.open && !wide.matches) close(sheet.querySelector('summary')!);
  });
}
