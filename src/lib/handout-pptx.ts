/**
 * The lesson as a 16:9 slide deck (.pptx): a title slide; per case a title slide and slides for
 * 背景, 做法, 成效 (key figures large) and 启示, with the discussion questions as speaker notes; a
 * comparison at the end with the lesson's QR code. Text that does not fit is split across slides,
 * never shrunk. Pure: takes the same plain data as the Word handout (handout-docx.ts).
 */
import PptxGenJS from 'pptxgenjs';
import type { DocxCase, DocxHandout } from './handout-docx.ts';
import { teachingLines } from './handout-data.ts';
import { qrDataUri } from './qr-png.ts';

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
  return pages;
}

type Slide = ReturnType<PptxGenJS['addSlide']>;

function heading(slide: Slide, text: string) {
  slide.addText(text, { x: 0.5, y: 0.3, w: 9, h: 0.7, fontFace: HEADING_FONT, fontSize: 28, bold: true, color: ACCENT });
}

function textSlide(pptx: PptxGenJS, title: string, paragraphs: string[], notes: string) {
  const slide = pptx.addSlide();
  heading(slide, title);
  slide.addText(
    paragraphs.map((p, i) => ({
      text: p.replace(/^#### /, ''),
      options: { breakLine: i < paragraphs.length - 1, bold: p.startsWith('#### '), paraSpaceAfter: 8 },
    })),
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
            h: 1.1,
            fontFace: HEADING_FONT,
            fontSize: 40,
            bold: true,
            color: ACCENT,
            align: 'center',
          });
          slide.addText(f.label, { x, y: y + 1.1, w: 4.4, h: 0.6, fontFace: FONT, fontSize: 18, color: INK, align: 'center' });
        });
        if (notes) slide.addNotes(notes);
      }
    }
    if (!section?.blocks.length) continue;
    paginate(section.blocks).forEach((page, i) => textSlide(pptx, `${c.title} · ${name}${i ? '（续）' : ''}`, page, notes));
  }
}

/** Cases per comparison slide: more rows would not fit at a readable size. */
const COMPARE_ROWS = 4;

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
  const header = ['案例', '实践单位', '地区', '领域', '关键数字'].map((text) => ({
    text,
    options: { bold: true, fontFace: HEADING_FONT, fill: { color: 'F3E3E1' } },
  }));
  const info = (c: DocxCase, label: string) => c.info.find((f) => f.label === label)?.value || '—';
  const groups = h.cases.length
    ? Array.from({ length: Math.ceil(h.cases.length / COMPARE_ROWS) }, (_, g) => h.cases.slice(g * COMPARE_ROWS, (g + 1) * COMPARE_ROWS))
    : [[]];
  groups.forEach((group, g) => {
    const slide = pptx.addSlide();
    heading(slide, `案例对比${g ? '（续）' : ''}`);
    const rows = [
      header,
      ...group.map((c) =>
        [
          c.title,
          info(c, '实践单位'),
          info(c, '地区'),
          info(c, '领域'),
          c.figures
            .slice(0, 2)
            .map((f) => `${f.label}：${f.value}`)
            .join('\n') || '—',
        ].map((text) => ({ text })),
      ),
    ];
    const last = g === groups.length - 1;
    slide.addTable(rows, {
      x: 0.5,
      y: 1.1,
      w: last && h.lessonUrl ? 7.4 : 9,
      colW: last && h.lessonUrl ? [1.6, 1.7, 1.2, 1, 1.9] : [2, 2, 1.5, 1.3, 2.2],
      fontFace: FONT,
      fontSize: 12,
      color: INK,
      border: { type: 'solid', pt: 0.5, color: '999999' },
      valign: 'top',
    });
    if (last && h.lessonUrl) {
      slide.addImage({ data: qrDataUri(h.lessonUrl), x: 8.1, y: 1.2, w: 1.5, h: 1.5, altText: h.lessonUrl });
      slide.addText('扫码打开本教案', { x: 7.9, y: 2.75, w: 1.9, h: 0.4, fontFace: FONT, fontSize: 12, color: INK, align: 'center' });
    }
  });
  return pptx;
}

/** The deck as a Blob, for the browser's download. */
export const handoutPptxBlob = async (h: DocxHandout): Promise<Blob> => (await buildHandoutPptx(h).write({ outputType: 'blob' })) as Blob;
