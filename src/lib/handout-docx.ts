/**
 * The lesson handout as a Word document (.docx), laid out like a 公文: A4, 37/35/28/26 mm margins,
 * title in 方正小标宋简体, body in 仿宋_GB2312 三号 at a fixed 28 pt line, headings in 黑体 and 楷体.
 * Pure: it takes plain data (no DOM), so the lesson page (in the browser, loaded on click) and a
 * build-time per-entry export can share it. Every run names its East Asian font (w:eastAsia),
 * otherwise WPS and Word fall back to a Latin face for Chinese text.
 */
import {
  AlignmentType,
  Document,
  ImageRun,
  LevelFormat,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IRunOptions,
} from 'docx';
import { qrPng } from './qr-png.ts';
import { QR_TOO_LONG } from './reader-text.ts';
import { listItem, teachingLines } from './handout-data.ts';
import { sectionRuns, type TextRun as TextRunData } from './section-blocks.ts';
import type { HandoutEntry } from './lesson.ts';

/**
 * One case as the handout shows it: the lesson's entry data (src/lib/lesson.ts), with the facts
 * chosen for the info table and the trainer's note. `source` is empty when the source has no real
 * title (then nothing is printed).
 */
export type DocxCase = Pick<HandoutEntry, 'id' | 'title' | 'url' | 'sections' | 'figures' | 'questions' | 'source' | 'teaching'> & {
  /** 单位、地区、领域、年份 … in display order. */
  info: HandoutEntry['facts'];
  /** The trainer's note; printed only when the handout includes notes. */
  note: string;
};

export interface DocxHandout {
  title: string;
  date: string;
  audience: string;
  /** What the cover's QR code carries (src/lib/lesson-qr.ts); empty when the lesson is too long for one (the cover says so) and for a single case (no cover). */
  lessonUrl: string;
  /** The site's name and address as the page was opened. */
  site: string;
  includeNotes: boolean;
  /** One case alone (the per-entry .docx): no cover, contents or comparison, and no number. */
  single?: boolean;
  cases: DocxCase[];
}

/* Fonts, named for East Asian text and for Latin text alike. */
const font = (name: string) => ({ eastAsia: name, ascii: name, hAnsi: name });
const TITLE_FONT = font('方正小标宋简体');
const BODY_FONT = font('仿宋_GB2312');
const HEADING_FONT = font('黑体');
const SUBHEADING_FONT = font('楷体_GB2312');
/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
const SIZE = { title: 44, body: 32, table: 24, small: 21 };
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt

/** Millimetres to twips, rounded (docx's own helper floors: A4 would be 11905 × 16837). */
const convertMillimetersToTwip = (mm: number) => Math.round((mm * 1440) / 25.4);

/** Text width: A4 210 mm less the left and right margins. */
export const TEXT_WIDTH = convertMillimetersToTwip(210 - 28 - 26);
export const MARGINS_MM = { top: 37, bottom: 35, left: 28, right: 26 };

/** Chinese text is tagged zh-CN, so a machine without the named faces falls back to Simplified Chinese glyphs, not Japanese ones. */
const LANGUAGE = { value: 'zh-CN', eastAsia: 'zh-CN' };
const run = (text: string, options: IRunOptions = {}) =>
  new TextRun({ text, font: BODY_FONT, size: SIZE.body, language: LANGUAGE, ...options });
/** Text as runs: a string is one plain run; runs marked bold are bold (a list item's lead-in, as on the page). */
const runs = (content: string | TextRunData[]) =>
  typeof content === 'string' ? [run(content)] : content.map((r) => run(r.text, r.bold ? { bold: true } : {}));
const body = (content: string | TextRunData[]) => new Paragraph({ children: runs(content), indent: { firstLine: 640 }, spacing: LINE });
/**
 * Outline levels (w:outlineLvl) on the case titles, their headings and sub-headings, without
 * heading styles (whose own fonts and sizes Word and WPS would apply): the navigation pane and a
 * contents list made in Word or WPS then show the handout's structure.
 */
const OUTLINE = { case: 0, heading: 1, subheading: 2 } as const;
const heading = (text: string) =>
  new Paragraph({ children: [run(text, { font: HEADING_FONT })], spacing: LINE, keepNext: true, outlineLevel: OUTLINE.heading });
const subheading = (text: string) =>
  new Paragraph({
    children: [run(text, { font: SUBHEADING_FONT, bold: true })],
    spacing: LINE,
    keepNext: true,
    outlineLevel: OUTLINE.subheading,
  });
const centered = (text: string, options: IRunOptions = {}) =>
  new Paragraph({ children: [run(text, options)], alignment: AlignmentType.CENTER, spacing: LINE });

/** A table with fixed column widths (twips), so Word and WPS do not squeeze columns to 1–2 characters. */
function table(widths: number[], rows: string[][], headerRows = 0): Table {
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          tableHeader: r < headerRows,
          cantSplit: true,
          children: cells.map(
            (text, c) =>
              new TableCell({
                width: { size: widths[c], type: WidthType.DXA },
                children: text.split('\n').map(
                  (line) =>
                    new Paragraph({
                      children: [
                        run(line, {
                          size: SIZE.table,
                          bold: r < headerRows || (headerRows === 0 && c === 0),
                          font: r < headerRows ? HEADING_FONT : BODY_FONT,
                        }),
                      ],
                    }),
                ),
              }),
          ),
        }),
    ),
  });
}

function qr(url: string, label: string): Paragraph[] {
  const { png } = qrPng(url);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [
        new ImageRun({
          type: 'png',
          data: png,
          transformation: { width: 96, height: 96 },
          altText: { name: label, title: label, description: url },
        }),
      ],
    }),
    // A lesson's share link is hundreds of characters: printed in full it is a wall of noise, and the code carries it.
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [run(url.length > 100 ? label : `${label}：${url}`, { size: SIZE.small })],
    }),
  ];
}

/*
 * Lists are Word lists (w:numPr), not paragraphs starting with "- " or "1. ": Word and WPS then
 * indent, number and renumber them as lists when a trainer edits the handout. The marker sits at
 * the body's two-character indent; the hanging space is wider than a full-width bullet (16 pt =
 * 320 twips) or "10.", else the text after it jumps to the next tab stop.
 */
const BULLET = 'bullet';
const DECIMAL = 'decimal';
const NUMBERING = {
  config: [
    {
      reference: BULLET,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 1120, hanging: 480 } }, run: { font: BODY_FONT } },
        },
      ],
    },
    {
      reference: DECIMAL,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 1200, hanging: 560 } }, run: { font: BODY_FONT } },
        },
      ],
    },
  ],
};

/** Numbered lists of one document: each list is its own numbering instance, so each starts at 1. */
class Lists {
  private instances = 0;
  /** A list item paragraph; `restart` begins a new numbered list. */
  item(content: string | TextRunData[], ordered: boolean, restart: boolean): Paragraph {
    if (ordered && restart) this.instances++;
    return new Paragraph({
      children: runs(content),
      spacing: LINE,
      numbering: ordered ? { reference: DECIMAL, level: 0, instance: this.instances } : { reference: BULLET, level: 0 },
    });
  }
  /** A whole numbered list (思考题). */
  numbered(items: string[]): Paragraph[] {
    return items.map((text, i) => this.item(text, true, i === 0));
  }
}

/**
 * The runs of each block, bold where the page is bold (- **典型激励**：…), when the section's HTML
 * came with it and gives the same blocks; otherwise each block is one plain run.
 */
function blockRuns(blocks: string[], html: string | undefined): TextRunData[][] {
  const plain = blocks.map((b) => [{ text: listItem(b)?.text ?? (b.startsWith('#### ') ? b.slice(5) : b) }]);
  if (!html) return plain;
  const read = sectionRuns(html);
  const same = read.length === blocks.length && read.every((r, i) => r.map((x) => x.text).join('') === plain[i][0].text);
  return same ? read : plain;
}

function section(name: string, blocks: string[], lists: Lists, html?: string) {
  const out = [heading(name)];
  const texts = blockRuns(blocks, html);
  let previousOrdered = false;
  /** An ordered list that does not start at 1 (3. 4. after a paragraph): Word numbering would restart it at 1. */
  let literal = false;
  blocks.forEach((b, i) => {
    const item = listItem(b);
    const starts = !!item?.ordered && (!previousOrdered || item.n === 1);
    if (starts) literal = item!.n !== 1;
    if (item && item.ordered && literal) out.push(body([{ text: `${item.n}. ` }, ...texts[i]]));
    else if (item) out.push(lists.item(texts[i], item.ordered, starts));
    else out.push(b.startsWith('#### ') ? subheading(b.slice(5)) : body(texts[i]));
    previousOrdered = item?.ordered ?? false;
  });
  return out;
}

/** The four sections of a case, in the handout's order, whatever order the entry lists them in. */
export const SECTION_ORDER = ['背景', '做法', '成效', '启示'] as const;

/** n = 0: the case alone, on the first page and without a number. */
function caseParagraphs(c: DocxCase, n: number, includeNotes: boolean, lists: Lists): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      pageBreakBefore: n > 0,
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      outlineLevel: OUTLINE.case,
      children: [run(n ? `${n}. ${c.title}` : c.title, { font: TITLE_FONT, size: 36 })],
    }),
    table(
      [convertMillimetersToTwip(30), TEXT_WIDTH - convertMillimetersToTwip(30)],
      c.info.filter((f) => f.value).map((f) => [f.label, f.value]),
    ),
  ];
  if (includeNotes && c.note) out.push(heading('教师备注'), ...c.note.split('\n').map((line) => body(line)));
  for (const name of SECTION_ORDER) {
    const found = c.sections.find((s) => s.name === name);
    if (found) out.push(...section(name, found.blocks, lists, found.html));
  }
  if (c.figures.length) out.push(heading('关键数字'), ...c.figures.map((f) => body(`${f.label}：${f.value}`)));
  if (c.questions.length) out.push(heading('思考题'), ...lists.numbered(c.questions));
  if (includeNotes && c.teaching) out.push(...teachingParagraphs(c.teaching));
  if (c.source) out.push(new Paragraph({ spacing: LINE, children: [run(`出处：${c.source}`, { size: SIZE.small })] }));
  // A build without SITE_URL knows no host: a QR code of a bare path would lead nowhere.
  if (/^https?:\/\//.test(c.url)) out.push(...qr(c.url, '扫码看本案例'));
  return out;
}

const teachingParagraphs = (t: NonNullable<HandoutEntry['teaching']>) => [
  heading('教学提示（编者按）'),
  ...teachingLines(t).map((line) => body(line)),
];

/** Column widths of the comparison table: case, unit, region, domain, year, key figures. */
const COMPARE_MM = [34, 30, 22, 18, 14, 38];

/** Builds the handout document; pack it with Packer.toBlob (browser) or Packer.toBuffer (Node). */
export function buildHandoutDocx(h: DocxHandout): Document {
  const title = h.title || '教案';
  const lists = new Lists();
  const cover: Paragraph[] = [
    new Paragraph({
      spacing: { before: 1600, ...LINE },
      alignment: AlignmentType.CENTER,
      children: [run('培训讲义', { font: HEADING_FONT })],
    }),
    new Paragraph({
      spacing: { before: 400, after: 400, line: 800, lineRule: LineRuleType.EXACT },
      alignment: AlignmentType.CENTER,
      children: [run(title, { font: TITLE_FONT, size: SIZE.title })],
    }),
    ...(h.date ? [centered(`日期：${h.date}`)] : []),
    ...(h.audience ? [centered(`对象：${h.audience}`)] : []),
    centered(`共 ${h.cases.length} 个案例`),
    ...(h.lessonUrl ? qr(h.lessonUrl, '扫码打开本教案') : [centered(QR_TOO_LONG, { size: SIZE.small })]),
    centered(`工作法案例库 · ${h.site}`, { size: SIZE.small }),
  ];
  // A static contents list: a TOC field stays empty in WPS until updated by hand.
  const contents: Paragraph[] = [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      children: [run('目　录', { font: HEADING_FONT })],
    }),
    ...h.cases.map((c, i) => new Paragraph({ spacing: LINE, children: [run(`${i + 1}. ${c.title}`)] })),
    new Paragraph({ spacing: LINE, children: [run(`${h.cases.length + 1}. 案例对比`)] }),
  ];
  const widths = COMPARE_MM.map(convertMillimetersToTwip);
  const compare: (Paragraph | Table)[] = [
    new Paragraph({
      pageBreakBefore: true,
      alignment: AlignmentType.CENTER,
      spacing: LINE,
      outlineLevel: OUTLINE.case,
      children: [run('案例对比', { font: TITLE_FONT, size: 36 })],
    }),
    table(
      widths,
      [
        ['案例', '实践单位', '地区', '领域', '起始年份', '关键数字'],
        ...h.cases.map((c) => {
          const info = (label: string) => c.info.find((f) => f.label === label)?.value || '—';
          return [
            c.title,
            info('实践单位'),
            info('地区'),
            info('领域'),
            info('起始年份'),
            c.figures.map((f) => `${f.label}：${f.value}`).join('\n') || '—',
          ];
        }),
      ],
      1,
    ),
  ];
  return new Document({
    title,
    creator: '工作法案例库',
    numbering: NUMBERING,
    styles: { default: { document: { run: { font: BODY_FONT, size: SIZE.body, language: LANGUAGE } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
            margin: {
              top: convertMillimetersToTwip(MARGINS_MM.top),
              bottom: convertMillimetersToTwip(MARGINS_MM.bottom),
              left: convertMillimetersToTwip(MARGINS_MM.left),
              right: convertMillimetersToTwip(MARGINS_MM.right),
            },
          },
        },
        children: h.single
          ? h.cases.flatMap((c) => caseParagraphs(c, 0, h.includeNotes, lists))
          : [...cover, ...contents, ...h.cases.flatMap((c, i) => caseParagraphs(c, i + 1, h.includeNotes, lists)), ...compare],
      },
    ],
  });
}

/** The handout as a .docx Blob, for the browser's download. */
export const handoutDocxBlob = (h: DocxHandout): Promise<Blob> => Packer.toBlob(buildHandoutDocx(h));
