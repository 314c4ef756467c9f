/**
 * The printed handout of the lesson page: a cover with a compact contents (case number, title,
 * unit, first page and page count), the cases in lesson order, and the comparison table. Two
 * options: 含教师备注 (the trainer's notes and the editors' 教学提示) and 每案一页 (a one-page
 * summary of each case instead of its full text). Page numbers are worked out by laying the
 * handout out at the printed width and packing its blocks into A4 pages (src/lib/handout-print.ts),
 * because Chromium cannot print `target-counter()`. When done, the container carries
 * `data-state="ready"` and `data-pages` (the pages it expects to print) for tests.
 */
import type { HandoutEntry, LessonItem, Lesson } from '../lib/lesson.ts';
import { printableSource } from '../lib/handout-data.ts';
import { PRINT_WIDTH_MM, countPages, startPages, type Block } from '../lib/handout-print.ts';
import { QR_TOO_LONG } from '../lib/reader-text.ts';

/** An entry as the printed handout takes it: the exports' data, its sections' HTML and its info-box facts by field. */
export type HandoutCase = HandoutEntry & { sectionHtml: Record<string, string>; field: (name: string) => string };
type CaseData = HandoutCase;
import { el } from './dom.ts';

export interface HandoutView {
  lesson: Lesson;
  entries: { item: LessonItem; data: CaseData }[];
  site: string;
  /** What the cover's QR code carries (src/lib/lesson-qr.ts); empty when the lesson is too long for one. */
  lessonUrl: string;
  includeNotes: boolean;
  summary: boolean;
  qrDataUri: (url: string) => string;
}

const SECTIONS = ['背景', '做法', '成效', '启示'] as const;

function qr(view: HandoutView, url: string, label: string) {
  const img = el('img', { src: view.qrDataUri(url), alt: `${label}：${url}`, className: 'qr' });
  return el('figure', { className: 'qr-code' }, img, el('figcaption', { className: 'small', textContent: label }));
}

/** The editors' teaching notes, labelled as theirs so no trainer quotes them as the source. */
function teachingBox(data: CaseData) {
  const t = data.teaching!;
  const box = el(
    'div',
    { className: 'teaching-note' },
    el('h3', { textContent: '教学提示（编者按）' }),
    el('p', { className: 'small', textContent: '编者写给培训者的建议，不是来源原文。' }),
  );
  if (t.goals.length) box.append(el('p', {}, el('strong', { textContent: '教学目标：' }), t.goals.join('；')));
  if (t.audience) box.append(el('p', {}, el('strong', { textContent: '适用对象：' }), t.audience));
  if (t.flow.length)
    box.append(
      el('p', {}, el('strong', { textContent: '讨论流程：' })),
      el('ol', {}, ...t.flow.map((step) => el('li', { textContent: step }))),
    );
  return box;
}

function figuresList(data: CaseData) {
  return el(
    'ul',
    { className: 'figure-grid' },
    ...data.figures.map((f) =>
      el('li', {}, el('span', { className: 'label', textContent: `${f.label}：` }), el('strong', { textContent: f.value })),
    ),
  );
}

function caseSection(view: HandoutView, item: LessonItem, data: CaseData, n: number) {
  const section = el('section', { className: 'handout-case', id: `handout-${n}` });
  section.dataset.caseTitle = data.title;
  section.dataset.caseId = data.id;
  section.append(el('h2', {}, el('span', { className: 'case-no', textContent: `案例 ${n}` }), ' ', data.title));
  const facts = data.facts.filter((f) => f.value);
  if (view.summary) {
    section.append(el('p', { className: 'facts-line small', textContent: facts.map((f) => `${f.label}：${f.value}`).join('　') }));
    if (data.summary) section.append(el('p', { className: 'lead', textContent: data.summary }));
  } else {
    section.append(
      el(
        'table',
        { className: 'facts' },
        el(
          'tbody',
          {},
          ...facts.map((f) => el('tr', {}, el('th', { scope: 'row', textContent: f.label }), el('td', { textContent: f.value }))),
        ),
      ),
    );
  }
  if (view.includeNotes && item.note)
    section.append(el('div', { className: 'teacher-note' }, el('strong', { textContent: '教师备注：' }), item.note));
  if (!view.summary) {
    for (const name of SECTIONS) {
      if (!data.sectionHtml[name]) continue;
      const body = el('div', { className: 'section-body' });
      body.innerHTML = data.sectionHtml[name]; // the site's own built page, not user input
      section.append(el('h3', { textContent: name }), body);
    }
  }
  if (data.figures.length) section.append(el('h3', { textContent: '关键数字' }), figuresList(data));
  section.append(
    el(
      'div',
      { className: 'questions-box' },
      el('h3', { textContent: '思考题' }),
      el('ol', {}, ...data.questions.map((q) => el('li', { textContent: q }))),
    ),
  );
  if (view.includeNotes && data.teaching) section.append(teachingBox(data));
  const source = printableSource(data);
  section.append(
    el(
      'div',
      { className: 'case-foot' },
      el('p', { className: 'small', textContent: source ? `出处：${source}　网址：${data.url}` : `网址：${data.url}` }),
      qr(view, data.url, '扫码看本案例'),
    ),
  );
  return section;
}

function compareSection(view: HandoutView) {
  const headers = ['案例', '实践单位', '地区', '领域', '方法类别', '起始年份', '关键数字'];
  // Fixed column widths (percent of the page), so print never wraps a cell one or two characters wide.
  const widths = [14, 14, 11, 10, 13, 10, 28];
  return el(
    'section',
    { className: 'handout-compare' },
    el('h2', { textContent: '案例对比' }),
    el(
      'table',
      { className: 'compare-table' },
      el(
        'colgroup',
        {},
        ...widths.map((w) => {
          const col = el('col');
          col.style.width = `${w}%`;
          return col;
        }),
      ),
      el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col', textContent: h })))),
      el(
        'tbody',
        {},
        ...view.entries.map(({ data }, i) =>
          el(
            'tr',
            {},
            el('th', { scope: 'row' }, el('span', { className: 'case-no', textContent: `案例 ${i + 1}` }), el('br'), data.title),
            ...['unit', 'region', 'domain', 'themes', 'year'].map((f) => el('td', { textContent: data.field(f) })),
            data.figures.length
              ? el(
                  'td',
                  {},
                  el('ul', { className: 'figures' }, ...data.figures.map((f) => el('li', { textContent: `${f.label}：${f.value}` }))),
                )
              : el('td', { textContent: '—' }),
          ),
        ),
      ),
    ),
  );
}

/** Elements that are never split across pages in print, and headings that stay with what follows. */
const KEEP = new Set(['LI', 'TR', 'FIGURE', 'IMG', 'THEAD']);
const HEADING = /^H[1-6]$/;
const isKeep = (node: Element) =>
  KEEP.has(node.tagName) || node.matches('.case-foot, .teacher-note, .teaching-note, .questions-box, .facts-line');

function leaves(node: Element, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (isKeep(child) || HEADING.test(child.tagName) || !child.children.length || child.tagName === 'P') out.push(child);
    else leaves(child, out);
  }
  return out;
}

/** The printed text column in CSS pixels (96 per inch). */
const PRINT_WIDTH_PX = (PRINT_WIDTH_MM * 96) / 25.4;

/** The blocks of a part as they stand on screen at the printed width. */
function blocksOf(part: HTMLElement): Block[] {
  const list = leaves(part);
  // On a phone the preview is scaled to fit the screen (lesson-editor's fitPreview): heights are
  // read as laid out, at the printed width, whatever the scale on screen.
  const box = part.getBoundingClientRect();
  // The part is laid out exactly PRINT_WIDTH_MM wide; offsetWidth, rounded to whole pixels, made
  // every height 0.04% too large, enough to count a page a case that fills its pages to a pixel.
  const scale = box.width / PRINT_WIDTH_PX || 1;
  const rects = list.map((node) => node.getBoundingClientRect());
  const tops = rects.map((rect) => rect.top);
  const end = box.bottom;
  // A case's top padding (2 mm) prints above its title; its top border does not (print: border-top 0).
  // Left out, a case that filled its first page to within 2 mm was counted a page short.
  const lead = tops.length ? Math.max(0, (tops[0] - box.top) / scale - parseFloat(getComputedStyle(part).borderTopWidth)) : 0;
  return list.map((node, i) => ({
    height: Math.max(0, (tops[i + 1] ?? end) - tops[i]) / scale + (i === 0 ? lead : 0),
    own: rects[i].height / scale + (i === 0 ? lead : 0),
    kind: HEADING.test(node.tagName) ? 'heading' : isKeep(node) ? 'keep' : 'flow',
    // The source line and QR code close a case and never stand alone on a page (print: break-before: avoid).
    ...(node.matches('.case-foot') ? { withPrevious: true } : {}),
  }));
}

/** Builds the handout into `container` and fills the contents with the pages each part will print on. */
export function renderHandout(container: HTMLElement, view: HandoutView) {
  container.dataset.state = 'pending';
  container.classList.toggle('summary', view.summary);
  if (!view.entries.length) {
    container.replaceChildren();
    container.dataset.state = 'ready';
    container.dataset.pages = '0';
    return;
  }
  const { lesson } = view;
  const rows = view.entries.map(({ data }, i) => {
    const page = el('td', { className: 'toc-page' });
    const row = el(
      'tr',
      {},
      el('td', { className: 'case-no', textContent: `案例 ${i + 1}` }),
      el(
        'td',
        {},
        el('a', { href: `#handout-${i + 1}`, textContent: data.title }),
        el('span', { className: 'small toc-unit', textContent: `　${data.field('unit')}` }),
      ),
      page,
    );
    return { row, page };
  });
  const compareRow = { page: el('td', { className: 'toc-page' }) };
  const contents = el(
    'section',
    { className: 'toc' },
    el('h2', { textContent: '目　录' }),
    el(
      'table',
      { className: 'toc-table' },
      el('thead', {}, el('tr', {}, ...['编号', '案例', '页码'].map((h) => el('th', { scope: 'col', textContent: h })))),
      el('tbody', {}, ...rows.map((r) => r.row), el('tr', {}, el('td'), el('td', { textContent: '案例对比' }), compareRow.page)),
    ),
  );
  const cover = el(
    'section',
    { className: 'cover' },
    el(
      'div',
      { className: 'cover-head' },
      el(
        'div',
        {},
        el('p', { className: 'kicker', textContent: view.summary ? '培训讲义（每案一页）' : '培训讲义' }),
        el('h1', { textContent: lesson.title || '教案' }),
        ...(lesson.date ? [el('p', { textContent: `日期：${lesson.date}` })] : []),
        ...(lesson.audience ? [el('p', { textContent: `对象：${lesson.audience}` })] : []),
        el('p', { textContent: `共 ${view.entries.length} 个案例` }),
        el('p', { className: 'small', textContent: `工作法案例库 · ${view.site}` }),
        ...(view.lessonUrl ? [] : [el('p', { className: 'small', textContent: QR_TOO_LONG })]),
      ),
      ...(view.lessonUrl ? [qr(view, view.lessonUrl, '扫码打开本教案')] : []),
    ),
    contents,
  );
  const cases = view.entries.map(({ item, data }, i) => caseSection(view, item, data, i + 1));
  const compare = compareSection(view);
  container.replaceChildren(cover, ...cases, compare);

  // Page numbers: measured once the QR images have their size (data: URIs decode at once).
  const images = [...container.querySelectorAll('img')].map((img) => img.decode().catch(() => undefined));
  return Promise.all(images).then(() => {
    if (!container.contains(cover)) return; // replaced meanwhile
    // The body's line (11 pt at 1.6, about 23.5 px): paragraphs break between lines of this height.
    const line = parseFloat(getComputedStyle(container).lineHeight) || undefined;
    const front = countPages(blocksOf(cover), undefined, line);
    const parts = [...cases, compare].map((part) => countPages(blocksOf(part), undefined, line));
    const starts = startPages(front, parts);
    rows.forEach((r, i) => {
      r.page.textContent = `第 ${starts[i]} 页（${parts[i]} 页）`;
      r.page.dataset.start = String(starts[i]);
    });
    compareRow.page.textContent = `第 ${starts.at(-1)} 页`;
    compareRow.page.dataset.start = String(starts.at(-1));
    container.dataset.pages = String(front + parts.reduce((a, b) => a + b, 0));
    container.dataset.state = 'ready';
  });
}
