/**
 * The lesson and its entries as plain data for the Word handout (and the slide deck): pure, no
 * DOM and no export library, so the lesson page can build it before loading those on click.
 */
import type { Lesson, HandoutEntry } from './lesson.ts';
import type { DocxCase, DocxHandout } from './handout-docx.ts';
import type { EntryView } from '../schema/entry.ts';
import { readerSourceTitle, UNTITLED } from './reader-text.ts';

/**
 * An entry's view (src/schema/entry.ts, read from /cases/<id>.json in the browser) as the lesson's
 * exports need it. `url` is the entry page's address as the reader should reach it.
 */
export function handoutEntry(view: EntryView, url: string): HandoutEntry {
  return xmlSafe({
    id: view.id,
    title: view.title,
    summary: view.summary,
    url,
    facts: view.facts.map(({ label, value }) => ({ label, value })),
    sections: view.sections.map(({ name, blocks, html }) => ({ name, blocks, html })),
    figures: view.figures,
    questions: view.questions,
    source: view.source.citation,
    sourceTitle: view.source.title,
    ...(view.teaching ? { teaching: { goals: view.teaching.goals, audience: view.teaching.audience, flow: view.teaching.flow } } : {}),
  });
}

/** Characters XML 1.0 does not allow: one makes a whole .docx or .pptx unreadable. */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Every string of a value without the characters XML refuses. The content check lets none into an
 * entry (src/schema/text.ts, FILE_HIDDEN); this keeps the Word and slide files readable if one
 * ever comes through another way.
 */
export function xmlSafe<T>(value: T): T {
  if (typeof value === 'string') return value.replace(NOT_XML, '') as T;
  if (Array.isArray(value)) return value.map(xmlSafe) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, xmlSafe(v)])) as T;
  return value;
}

/** A list item among a section's blocks (src/schema/entry.ts writes `- item` and `1. item`). */
export interface ListItem {
  ordered: boolean;
  /** Its number in an ordered list (1 for a bullet). */
  n: number;
  text: string;
}

/**
 * The list item a block holds, or undefined for a paragraph or sub-heading: the Word handout and
 * the slide deck make real lists of these (Word numbering, slide bullets) instead of printing the
 * Markdown marker.
 */
export function listItem(block: string): ListItem | undefined {
  if (block.startsWith('- ')) return { ordered: false, n: 1, text: block.slice(2) };
  const m = /^(\d{1,3})\. ([\s\S]*)$/.exec(block);
  return m ? { ordered: true, n: Number(m[1]), text: m[2] } : undefined;
}

/**
 * The source line to print: the citation, with a title the editors made up (marked （无题）) read as
 * theirs, "基层群众工作方法报道汇编（原件未注明标题），第 167–176 行。", as the entry page shows it;
 * never the bare mark. '' only for a source with no title at all.
 */
export function printableSource(entry: Pick<HandoutEntry, 'source' | 'sourceTitle'>): string {
  const citation = entry.source.trim();
  const title = (entry.sourceTitle ?? '').trim();
  if (!citation || !title || title === UNTITLED) return '';
  return citation.startsWith(title) ? readerSourceTitle(title) + citation.slice(title.length) : citation;
}

/** The editors' teaching notes, labelled as theirs (编者按) so no trainer quotes them as the source. */
export function teachingLines(t: NonNullable<HandoutEntry['teaching']>): string[] {
  return [
    '以下是编者写给培训者的建议，不是来源原文。',
    ...(t.goals.length ? [`教学目标：${t.goals.join('；')}`] : []),
    ...(t.audience ? [`适用对象：${t.audience}`] : []),
    ...t.flow.map((step, i) => `讨论步骤 ${i + 1}：${step}`),
  ];
}

const INFO: [string, string][] = [
  ['实践单位', '实践单位'],
  ['地区', '地区'],
  ['领域', '领域'],
  ['起始年份', '起始年份'],
];

export interface HandoutOptions {
  /** The site's address as the page was opened (location.origin + '/'). */
  site: string;
  /** What the cover's QR code carries: lessonQrLink (src/lib/lesson-qr.ts); empty when the lesson is too long for a code. */
  lessonUrl: string;
  /** 含教师备注: the trainer's notes and the editors' teaching notes (编者按). */
  includeNotes: boolean;
}

/** The lesson's present entries, in lesson order, with the trainer's notes. */
export function toDocxHandout(lesson: Lesson, entries: HandoutEntry[], options: HandoutOptions): DocxHandout {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const cases: DocxCase[] = lesson.items.flatMap((item) => {
    const e = byId.get(item.id);
    return e ? [docxCase(e, item.note)] : [];
  });
  return {
    title: lesson.title,
    date: lesson.date,
    audience: lesson.audience,
    lessonUrl: options.lessonUrl,
    site: options.site,
    includeNotes: options.includeNotes,
    cases,
  };
}

/** One entry as the Word handout shows it, with the trainer's note. */
export function docxCase(e: HandoutEntry, note = ''): DocxCase {
  const fact = (label: string) => e.facts.find((f) => f.label === label)?.value ?? '';
  const source = printableSource(e);
  return {
    id: e.id,
    title: e.title,
    url: e.url,
    info: [
      ...INFO.map(([label, from]) => ({ label, value: fact(from) })),
      ...(source ? [{ label: '来源', value: e.sourceTitle ? readerSourceTitle(e.sourceTitle) : source }] : []),
    ],
    sections: e.sections,
    figures: e.figures,
    questions: e.questions,
    source,
    note,
    ...(e.teaching ? { teaching: e.teaching } : {}),
  };
}

/**
 * One entry alone as a Word document (/cases/<id>.docx, written at build time): the handout's
 * layout with only the case, no cover, contents or comparison. `url` is its page's public address.
 */
export function caseDocx(view: EntryView, url: string): DocxHandout {
  return {
    title: view.title,
    date: '',
    audience: '',
    lessonUrl: '',
    site: '',
    includeNotes: false,
    single: true,
    cases: [docxCase(handoutEntry(view, url))],
  };
}
