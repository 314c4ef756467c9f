/**
 * <case-compare>: two to four entries side by side, read from their contract files
 * (/cases/<id>.json, src/schema/entry.ts). A table with a row per aspect on wide screens; on
 * phones, one swipeable card per entry (layout: compare-view.ts). With fewer than two entries
 * named, a picker to choose them (compare-picker.ts). `data-state` becomes `ready` once the
 * comparison or the picker is on the page.
 */
import { el } from './dom.ts';
import { fetchEntry, fetchEntryUnverified } from './entry-fetch.ts';
import { verifyEntries } from './case-compare-verify.ts';
import type { EntryView } from '../schema/entry.ts';
import { href } from '../lib/url.ts';
import { renderCompare } from './compare-view.ts';
import { setUpPicker } from './compare-picker.ts';

type CaseData = EntryView;
const fact = (c: CaseData, field: CaseData['facts'][number]['field']) => c.facts.find((f) => f.field === field)?.value ?? '';
const sectionHtml = (c: CaseData, name: string) => c.sections.find((s) => s.name === name)?.html;
const pageUrl = (c: CaseData) => href(`/cases/${c.id}/`);

/** The aspects compared, in order: label and how to show it for one entry. */
const aspects: [string, (c: CaseData) => Node | string | (() => Node)][] = [
  ['实践单位', (c) => fact(c, 'unit')],
  ['地区与层级', (c) => `${fact(c, 'region')}（${fact(c, 'level')}）`],
  ['领域', (c) => fact(c, 'domain')],
  ['方法类别', (c) => fact(c, 'themes')],
  ['起始年份', (c) => fact(c, 'year')],
  // Long content is made when its cell is drawn (compare-view.ts), not all before the first cell.
  ['背景', (c) => () => html(sectionHtml(c, '背景'))],
  ['做法', (c) => () => html(sectionHtml(c, '做法'))],
  [
    '成效与数字',
    (c) => () => {
      const box = html(sectionHtml(c, '成效'));
      if (c.figures.length) box.append(el('ul', {}, ...c.figures.map((f) => el('li', { textContent: `${f.label}：${f.value}` }))));
      return box;
    },
  ],
  ['启示', (c) => () => html(sectionHtml(c, '启示'))],
];

function html(markup = '') {
  const div = el('div');
  div.innerHTML = markup; // the build's own rendering of the entry body (entry text escaped)
  return div;
}

class CaseCompare extends HTMLElement {
  connectedCallback() {
    void this.draw(false);
  }

  /**
   * Draws the comparison. First from the files as fetched (a quick check of the fields drawn), then,
   * when the browser is idle, each file is checked against the entry contract (zod, in a worker);
   * if one fails, the comparison is drawn again from checked files only (`verified`), the failing
   * entry named as missing, as a file that breaks the contract always was.
   */
  private async draw(verified: boolean) {
    const status = this.querySelector('[data-compare-status]')!;
    const list = (name: string) => [
      ...new Set(
        (new URLSearchParams(location.search).get(name) ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ];
    const ids = list('ids');
    // ?pick=…: the picker, with the cases of the comparison the reader came from already ticked (换案例).
    const pick = list('pick');
    if (ids.length < 2 || pick.length) {
      status.textContent = '';
      this.dataset.view = 'picker';
      setUpPicker(this, pick.length ? pick : ids);
      this.dataset.state = 'ready';
      return;
    }
    const shown = ids.slice(0, 4);
    status.textContent = '正在读取案例…';
    const loaded = await Promise.all(shown.map((id) => (verified ? fetchEntry(id) : fetchEntryUnverified(id)).catch(() => undefined)));
    const cases = loaded.filter((c): c is CaseData => !!c);
    const missing = shown.filter((_, i) => !loaded[i]);
    const notes = [];
    if (ids.length > 4) notes.push(`一次最多对比 4 个案例，已略去后 ${ids.length - 4} 个。`);
    if (missing.length) notes.push(`本站没有这些案例：${missing.join('、')}。`);
    status.textContent = `正在对比 ${cases.length} 个案例。${notes.join('')}`;
    if (cases.length < 1) {
      // A redraw after a failed check leaves nothing of the first drawing.
      for (const host of this.querySelectorAll('[data-compare-table], [data-compare-cards], [data-compare-pager]')) host.replaceChildren();
      this.dataset.state = 'ready';
      return;
    }
    document.title = `对比：${cases.map((c) => c.title).join(' / ')} · 工作法案例库`;
    // To change the comparison: back to the picker with these cases ticked; or print it.
    this.querySelector<HTMLAnchorElement>('[data-compare-repick]')!.href = `${href('/compare/')}?pick=${cases.map((c) => c.id).join(',')}`;
    this.querySelector<HTMLElement>('[data-compare-actions]')!.hidden = false;

    await renderCompare(
      this,
      cases.map((c) => ({ title: c.title, url: pageUrl(c) })),
      aspects.map(([label, show]) => ({ label, values: cases.map(show) })),
    );
    if (verified) return;
    const check = async () => {
      const results = await verifyEntries(cases);
      if (results.includes(false)) await this.draw(true);
    };
    if ('requestIdleCallback' in window) requestIdleCallback(() => void check(), { timeout: 2000 });
    else setTimeout(() => void check(), 500);
  }
}

customElements.define('case-compare', CaseCompare);
