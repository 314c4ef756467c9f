/**
 * The lesson as a 16:9 slide deck (.pptx): a title slide; per case a title slide and slides for
 * 背景, 做法, 成效 (key figures large) and 启示, with the discussion questions as speaker notes; a
 * comparison at the end with the lesson's QR code. Text that does not fit is split across slides,
 * never shrunk. Pure: takes the same plain data as the Word handout (handout-docx.ts).
 */
import PptxGenJS from 'pptxgenjs';
import type { DocxCase, DocxHandout } from './handout-docx.ts';
import { listItem, teachingLines } from './handout-data.ts';
import { qrDataUri } from './qr-png.ts';
import { QR_TOO_LONG } from './reader-text.ts';

/** 微软雅黑 is on every Windows and in WPS; pptxgenjs writes it as latin, ea and cs typeface. */
const FONT = '微软雅黑';
const HEADING_FONT = '黑体';
const INK = '222222';
const ACCENT = 'B3261E';
const SECTION_NAMES = ['背景', '做法', '成效', '启示'] as const;
/** Characters per slide body at 20 pt on a 16:9 slide: about 30 a line, 9 lines, with room to spare. */
export const SLIDE_CHARS = 240;

/**
 * Splits paragraphs into slide-sized pages of at most `max` characters. A paragraph longer than a
 * page is cut at sentence ends (。；！？), and only mid-sentence if a sentence alone is too long.
 */
export function paginate(blocks: string[], max = SLIDE_CHARS): string[][] {
  const pieces = blocks.flatMap((block) => {
    if (block.length <= max) return [block];
    const sentences = block.match(/[^。；！？]+[。；！？]?/g) ?? [block];
    const out: string[] = [];
    let current = '';
    for (const sentence of sentences.flatMap((s) => (s.length > max ? s.match(new RegExp(`.{1,${max}}`, 'gs'))! : [s]))) {
      if (current && current.length + sentence.length > max) {
        out.push(current);
        current = '';
      }
      current += sentence;
    }
    if (current) out.push(current);
    return out;
  });
  const pages: string[][] = [];
  let page: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    // Each paragraph also costs a partial line; count it as 15 characters.
    const cost = piece.length + 15;
    if (page.length && size + cost > max + 15) {
      pages.push(page);
      page = [];
      size = 0;
    }
    page.push(piece);
    size += cost;
  }
  if (page.length) pages.push(page);
  // A sub-heading is never the last thing on a slide, its text on the next: it moves over with it.
  for (let i = 0; i + 1 < pages.length; i++) {
    while (pages[i].length > 1 && pages[i][pages[i].length - 1].startsWith('#### ')) pages[i + 1].unshift(pages[i].pop()!);
  }
  return pages;
}

/** Width of text in em: a Chinese character is one em, Latin letters and digits about half. */
const ems = (text: string) => {
  const chars = [...text];
  const latin = (ch: string) => ch.charCodeAt(0) < 0x2e80;
  // Where Chinese meets Latin letters or digits, WPS, PowerPoint and LibreOffice add a quarter em or so.
  const seams = chars.filter((ch, i) => i > 0 && latin(ch) !== latin(chars[i - 1]) && ch.trim() && chars[i - 1].trim()).length;
  return chars.reduce((n, ch) => n + (latin(ch) ? 0.55 : 1), 0) + 0.25 * seams;
};

/** The key-figure boxes on the 成效 slide: 4.4 in wide, the value's box 1.1 in high. */
const FIGURE_TEXT_WIDTH = 3.8; // of the 4.4-in box: its insets, and digits wider than half an em in some faces
const FIGURE_VALUE_HEIGHT = 1.1;

/**
 * The point size of a key figure's value: 40 pt when it fits one line of its box, else the size at
 * which it fits on two, never below 20 pt (about three lines, still inside the box). A long value
 * ("每亩50元，并以5%的比例参与分红") wrapped at 40 pt ran over its own label.
 */
export function figureSize(value: string): number {
  const width = ems(value);
  const oneLine = Math.floor((FIGURE_TEXT_WIDTH * 72) / width);
  if (oneLine >= 28) return Math.min(40, oneLine);
  const twoLines = Math.min(Math.floor((FIGURE_TEXT_WIDTH * 72 * 2) / width), Math.floor((FIGURE_VALUE_HEIGHT * 72) / (2 * 1.2)));
  return Math.max(20, Math.min(twoLines, 28));
}

type Slide = ReturnType<PptxGenJS['addSlide']>;

function heading(slide: Slide, text: string) {
  slide.addText(text, { x: 0.5, y: 0.3, w: 9, h: 0.7, fontFace: HEADING_FONT, fontSize: 28, bold: true, color: ACCENT });
}

function textSlide(pptx: PptxGenJS, title: string, paragraphs: string[], notes: string) {
  const slide = pptx.addSlide();
  heading(slide, title);
  slide.addText(
    paragraphs.map((p, i) => {
      // List items are slide bullets (a:buChar) and numbers (a:buAutoNum), not a typed "- " or "1. ".
      // Each number says where it starts, so a list carried onto the next slide counts on.
      const item = listItem(p);
      return {
        text: item ? item.text : p.replace(/^#### /, ''),
        options: {
          breakLine: i < paragraphs.length - 1,
          bold: p.startsWith('#### '),
          paraSpaceAfter: 8,
          ...(item ? { bullet: item.ordered ? { type: 'number' as const, numberStartAt: item.n } : true } : {}),
        },
      };
    }),
    {
      x: 0.5,
      y: 1.1,
      w: 9,
      h: 4.2,
      fontFace: FONT,
      fontSize: 20,
      color: INK,
      valign: 'top',
      lineSpacingMultiple: 1.2,
      fit: 'none',
    },
  );
  if (notes) slide.addNotes(notes);
  return slide;
}

function caseNotes(c: DocxCase, includeNotes: boolean) {
  const lines = c.questions.length ? ['思考题：', ...c.questions.map((q, i) => `${i + 1}. ${q}`)] : [];
  if (includeNotes && c.note) lines.push('', `教师备注：${c.note}`);
  if (includeNotes && c.teaching) lines.push('', '教学提示（编者按）：', ...teachingLines(c.teaching));
  return lines.join('\n');
}

function caseSlides(pptx: PptxGenJS, c: DocxCase, n: number, includeNotes: boolean) {
  const notes = caseNotes(c, includeNotes);
  const cover = pptx.addSlide();
  cover.addText(`案例 ${n}`, { x: 0.5, y: 1.2, w: 9, h: 0.6, fontFace: HEADING_FONT, fontSize: 20, color: ACCENT });
  cover.addText(c.title, { x: 0.5, y: 1.8, w: 9, h: 1.2, fontFace: HEADING_FONT, fontSize: 36, bold: true, color: INK });
  cover.addText(
    c.info
      .filter((f) => f.value && f.label !== '来源')
      .map((f) => `${f.label}：${f.value}`)
      .join('　'),
    { x: 0.5, y: 3.2, w: 9, h: 1, fontFace: FONT, fontSize: 16, color: '555555', valign: 'top' },
  );
  if (notes) cover.addNotes(notes);
  for (const name of SECTION_NAMES) {
    const section = c.sections.find((s) => s.name === name);
    if (name === '成效' && c.figures.length) {
      // Key figures large, four to a slide.
      for (let at = 0; at < c.figures.length; at += 4) {
        const slide = pptx.addSlide();
        heading(slide, `${c.title} · 成效${at ? '（续）' : ''}`);
        c.figures.slice(at, at + 4).forEach((f, i) => {
          const x = 0.5 + (i % 2) * 4.6;
          const y = 1.2 + Math.floor(i / 2) * 2;
          slide.addText(f.value, {
            x,
            y,
            w: 4.4,
            h: FIGURE_VALUE_HEIGHT,
            fontFace: HEADING_FONT,
            fontSize: figureSize(f.value),
            bold: true,
            color: ACCENT,
            align: 'center',
            valign: 'bottom',
          });
          // A long label takes two lines at 16 pt, under its value, not over the next row.
          const label = ems(f.label) > 23 ? 16 : 18;
          slide.addText(f.label, {
            x,
            y: y + FIGURE_VALUE_HEIGHT,
            w: 4.4,
            h: 0.75,
            fontFace: FONT,
            fontSize: label,
            color: INK,
            align: 'center',
            valign: 'top',
          });
        });
        if (notes) slide.addNotes(notes);
      }
    }
    if (!section?.blocks.length) continue;
    paginate(section.blocks).forEach((page, i) => textSlide(pptx, `${c.title} · ${name}${i ? '（续）' : ''}`, page, notes));
  }
}

/** The comparison table's columns, in inches: full width, and beside the lesson's QR code. */
const COMPARE_HEADER = ['案例', '实践单位', '地区', '领域', '关键数字'];
export const COMPARE_COLUMNS = { full: [1.8, 1.9, 1.3, 1.0, 3.0], withQr: [1.5, 1.5, 1.0, 0.9, 2.5] };
const COMPARE_FONT = 12;
/** Room for the table on a 16:9 slide (5.625 in high): below the heading at 1.1 in, above a 0.3 in margin. */
export const COMPARE_HEIGHT = 5.625 - 1.1 - 0.3;

/** Estimated height in inches of a table row at the comparison's type size: wrapped lines of its tallest cell, plus cell margins. */
export function rowHeight(cells: string[], widths: number[], fontSize = COMPARE_FONT): number {
  // A CJK line takes about 1.4 times its size in PowerPoint, WPS and LibreOffice (1.2 let a table of
  // many key figures run off the slide when rendered), and a cell adds its margins.
  const line = (fontSize * 1.4) / 72;
  const lines = cells.map((text, i) => {
    const perLine = Math.max(1, Math.floor(((widths[i] - 0.2) * 72) / fontSize));
    return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(ems(part) / perLine)), 0);
  });
  return Math.max(...lines) * line + 0.15;
}

/**
 * The comparison table as slides of rows: every case with all of its key figures, in lesson order.
 * Rows go onto a slide while they fit; a case whose figures alone would not fit on one slide is
 * split over several rows (its name marked （续）). The type size never changes.
 */
export function compareSlides(cases: DocxCase[], widths: number[], height = COMPARE_HEIGHT): string[][][] {
  const info = (c: DocxCase, label: string) => c.info.find((f) => f.label === label)?.value || '—';
  const room = height - rowHeight(COMPARE_HEADER, widths);
  const rows = cases.flatMap((c) => {
    const row = (figures: string[], more: boolean) => [
      more ? `${c.title}（续）` : c.title,
      info(c, '实践单位'),
      info(c, '地区'),
      info(c, '领域'),
      figures.join('\n') || '—',
    ];
    const figures = c.figures.map((f) => `${f.label}：${f.value}`);
    const out: string[][] = [];
    let chunk: string[] = [];
    for (const figure of figures) {
      if (chunk.length && rowHeight(row([...chunk, figure], out.length > 0), widths) > room) {
        out.push(row(chunk, out.length > 0));
        chunk = [];
      }
      chunk.push(figure);
    }
    out.push(row(chunk, out.length > 0));
    return out;
  });
  const slides: string[][][] = [];
  let slide: string[][] = [];
  let used = 0;
  for (const row of rows) {
    const h = rowHeight(row, widths);
    if (slide.length && used + h > room) {
      slides.push(slide);
      slide = [];
      used = 0;
    }
    slide.push(row);
    used += h;
  }
  slides.push(slide);
  return slides;
}

/** Builds the deck; write it with `.write({ outputType: 'blob' })` (browser) or `'nodebuffer'` (Node). */
export function buildHandoutPptx(h: DocxHandout): PptxGenJS {
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_16x9';
  pptx.title = h.title || '教案';
  pptx.author = '工作法案例库';
  const title = pptx.addSlide();
  title.addText(h.title || '教案', {
    x: 0.5,
    y: 1.5,
    w: 9,
    h: 1.4,
    fontFace: HEADING_FONT,
    fontSize: 40,
    bold: true,
    color: ACCENT,
    align: 'center',
  });
  title.addText(
    [h.audience && `培训对象：${h.audience}`, h.date && `日期：${h.date}`, `共 ${h.cases.length} 个案例`].filter(Boolean).join('\n'),
    {
      x: 0.5,
      y: 3.1,
      w: 9,
      h: 1.4,
      fontFace: FONT,
      fontSize: 20,
      color: INK,
      align: 'center',
      valign: 'top',
    },
  );
  h.cases.forEach((c, i) => caseSlides(pptx, c, i + 1, h.includeNotes));
  const header = COMPARE_HEADER.map((text) => ({
    text,
    options: { bold: true, fontFace: HEADING_FONT, fill: { color: 'F3E3E1' } },
  }));
  // With a share link every comparison slide leaves room on the right, where the last one has the QR code.
  const colW = h.lessonUrl ? COMPARE_COLUMNS.withQr : COMPARE_COLUMNS.full;
  const slides = compareSlides(h.cases, colW);
  slides.forEach((rows, g) => {
    const slide = pptx.addSlide();
    heading(slide, `案例对比${g ? '（续）' : ''}`);
    slide.addTable([header, ...rows.map((cells) => cells.map((text) => ({ text })))], {
      x: 0.5,
      y: 1.1,
      w: colW.reduce((a, b) => a + b, 0),
      colW,
      fontFace: FONT,
      fontSize: COMPARE_FONT,
      color: INK,
      border: { type: 'solid', pt: 0.5, color: '999999' },
      valign: 'top',
    });
    if (g === slides.length - 1 && h.lessonUrl) {
      slide.addImage({ data: qrDataUri(h.lessonUrl), x: 8.1, y: 1.2, w: 1.5, h: 1.5, altText: h.lessonUrl });
      slide.addText('扫码打开本教案', { x: 7.9, y: 2.75, w: 1.9, h: 0.4, fontFace: FONT, fontSize: 12, color: INK, align: 'center' });
    } else if (g === slides.length - 1)
      slide.addText(QR_TOO_LONG, { x: 7.9, y: 1.2, w: 1.9, h: 1.6, fontFace: FONT, fontSize: 12, color: INK, valign: 'top' });
  });
  return pptx;
}

/** The deck as a Blob, for the browser's download. */
export const handoutPptxBlob = async (h: DocxHandout): Promise<Blob> => (await buildHandoutPptx(h).write({ outputType: 'blob' })) as Blob;
