/**
 * The trainer's lesson: an ordered list of entries with a title, date, audience and a note per
 * entry. Kept in localStorage in a versioned format (schema: src/schema/lesson.ts; validated
 * reading: lesson-read.ts); shared as a URL parameter. Pure: storage and DOM live in
 * src/client/lesson-*.ts.
 */
import type { Lesson, LessonItem } from '../schema/lesson.ts';
import { MAX_ITEMS, NOTE_MAX } from '../schema/lesson-limits.ts';

export type { Lesson, LessonItem };
export { MAX_ITEMS, NOTE_MAX };

export const STORAGE_KEY = 'gongzuofa.lesson';
/** The single backup key of earlier versions; its content is moved into the timestamped backups. */
export const LEGACY_BACKUP_KEY = 'gongzuofa.lesson.unreadable';

export const emptyLesson = (): Lesson => ({ version: 2, title: '', date: '', audience: '', items: [] });

export const unique = (lesson: Lesson): Lesson => {
  const seen = new Set<string>();
  return { ...lesson, items: lesson.items.filter((item) => !seen.has(item.id) && seen.add(item.id)) };
};

export const has = (lesson: Lesson, id: string) => lesson.items.some((item) => item.id === id);

/** Adds an entry at the end; a lesson already at MAX_ITEMS is returned unchanged. */
export function add(lesson: Lesson, id: string): Lesson {
  if (has(lesson, id) || lesson.items.length >= MAX_ITEMS) return lesson;
  return { ...lesson, items: [...lesson.items, { id, note: '' }] };
}

export function remove(lesson: Lesson, id: string): Lesson {
  return { ...lesson, items: lesson.items.filter((item) => item.id !== id) };
}

/** Moves an entry to a position (clamped), keeping the others in order. */
export function moveTo(lesson: Lesson, id: string, position: number): Lesson {
  const from = lesson.items.findIndex((item) => item.id === id);
  if (from < 0) return lesson;
  const items = [...lesson.items];
  const [item] = items.splice(from, 1);
  items.splice(Math.max(0, Math.min(items.length, position)), 0, item);
  return { ...lesson, items };
}

/** Moves an entry up (-1) or down (+1). */
export function move(lesson: Lesson, id: string, delta: number): Lesson {
  const from = lesson.items.findIndex((item) => item.id === id);
  return from < 0 ? lesson : moveTo(lesson, id, from + delta);
}

export function setNote(lesson: Lesson, id: string, note: string): Lesson {
  return { ...lesson, items: lesson.items.map((item) => (item.id === id ? { ...item, note } : item)) };
}

/**
 * A change to the lesson, as the trainer meant it. Every write applies its change to the lesson
 * freshly read from storage (never to a tab's possibly stale copy), so two tabs never drop each
 * other's work: an entry added in one survives a reorder in the other, notes typed for different
 * entries both stay, and for the same field the last edit wins.
 */
export type LessonOp =
  | { type: 'add'; id: string }
  | { type: 'remove'; id: string }
  | { type: 'move'; id: string; delta: number }
  /** Dropped onto another entry: takes that entry's place, wherever it now is. */
  | { type: 'moveOnto'; id: string; target: string }
  | { type: 'note'; id: string; note: string }
  | { type: 'details'; details: Partial<Pick<Lesson, 'title' | 'date' | 'audience'>> }
  | { type: 'clear' }
  /** Undo of a removal or of clearing: puts entries back where they stood, keeping what came since. */
  | { type: 'restore'; items: { item: LessonItem; index: number }[] }
  /** A whole other lesson: a shared one saved as one's own, a backup restored, or undo of those. */
  | { type: 'replace'; lesson: Lesson };

/** Changes that lose something unless a backup is made first. */
export const isDestructive = (op: LessonOp) => op.type === 'remove' || op.type === 'clear' || op.type === 'replace';

export function applyOp(lesson: Lesson, op: LessonOp): Lesson {
  switch (op.type) {
    case 'add':
      return add(lesson, op.id);
    case 'remove':
      return remove(lesson, op.id);
    case 'move':
      return move(lesson, op.id, op.delta);
    case 'moveOnto': {
      const position = lesson.items.findIndex((item) => item.id === op.target);
      return position < 0 ? lesson : moveTo(lesson, op.id, position);
    }
    case 'note':
      return setNote(lesson, op.id, op.note.slice(0, NOTE_MAX));
    case 'details':
      return { ...lesson, ...op.details };
    case 'clear':
      return { ...lesson, items: [] };
    case 'restore': {
      const items = [...lesson.items];
      for (const { item, index } of [...op.items].sort((a, b) => a.index - b.index)) {
        if (items.length >= MAX_ITEMS || items.some((i) => i.id === item.id)) continue;
        items.splice(Math.min(index, items.length), 0, item);
      }
      return { ...lesson, items };
    }
    case 'replace':
      return op.lesson;
  }
}

/**
 * A session date as trainers type it, read as the stored form (YYYY-MM-DD): 2026-12-01, 2026-12-1,
 * 2026/12/1, 2026.12.1, 2026年12月1日 (full-width digits too). '' for an empty field, undefined
 * for anything else, a day that does not exist included, so the field can say it was not saved.
 */
export function readLessonDate(text: string): string | undefined {
  const plain = text.normalize('NFKC').trim();
  if (!plain) return '';
  const match = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(plain);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whether a lesson holds anything worth a backup. */
export const isEmpty = (lesson: Lesson) => !lesson.items.length && !lesson.title && !lesson.date && !lesson.audience;

/* Sharing: the lesson as compact JSON, UTF-8, base64url, in the `l` query parameter. */

const toBase64Url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
export const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

/** The lesson as a URL-safe string. Short keys keep links short enough for chat apps. */
export function encodeLesson(lesson: Lesson): string {
  const compact = {
    v: 2,
    t: lesson.title,
    d: lesson.date,
    a: lesson.audience,
    i: lesson.items.map((item) => (item.note ? [item.id, item.note] : item.id)),
  };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(compact)));
}

/** The share link of a lesson, from the lesson page's address without its query. */
export const shareLink = (pageUrl: string, lesson: Lesson): string => `${pageUrl}?l=${encodeLesson(lesson)}`;

/** What the Markdown export needs of an entry. */
export interface HandoutEntry {
  id: string;
  title: string;
  /** The entry's one- or two-sentence summary (for the one-page-per-case handout). */
  summary?: string;
  facts: { label: string; value: string }[];
  /** `html`: the section as the page shows it; the Word handout reads its bold from it (src/lib/section-blocks.ts). */
  sections: { name: string; blocks: string[]; html?: string }[];
  figures: { label: string; value: string }[];
  questions: string[];
  source: string;
  /** The source's title alone (the source line also has number, date and place). */
  sourceTitle?: string;
  url: string;
  /** Editors' teaching notes (编者按), when the entry has them: never the source's words. */
  teaching?: { goals: string[]; audience: string; flow: string[] };
}

/** The lesson as one Markdown document: cover, contents, entries in order, notes, questions. */
export function toMarkdown(lesson: Lesson, entries: HandoutEntry[], siteUrl: string, { includeNotes = true } = {}): string {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const ordered = lesson.items.map((item) => ({ item, entry: byId.get(item.id) })).filter((x) => x.entry);
  const lines: string[] = [`# ${lesson.title || '教案'}`, ''];
  if (lesson.date) lines.push(`- 日期：${lesson.date}`);
  if (lesson.audience) lines.push(`- 对象：${lesson.audience}`);
  lines.push(`- 来源：工作法案例库 ${siteUrl}`, '', '## 目录', '');
  ordered.forEach(({ entry }, i) => lines.push(`${i + 1}. ${entry!.title}`));
  ordered.forEach(({ item, entry }, i) => {
    const e = entry!;
    lines.push('', `## ${i + 1}. ${e.title}`, '');
    for (const fact of e.facts) lines.push(`- ${fact.label}：${fact.value}`);
    if (item.note && includeNotes) lines.push('', `> 教师备注：${item.note.replace(/\n/g, '\n> ')}`);
    for (const section of e.sections) {
      lines.push('', `### ${section.name}`, '');
      for (const block of section.blocks) lines.push(block, '');
    }
    if (e.figures.length) {
      lines.push('', '### 关键数字', '');
      for (const f of e.figures) lines.push(`- ${f.label}：${f.value}`);
    }
    lines.push('', '### 思考题', '');
    e.questions.forEach((q, n) => lines.push(`${n + 1}. ${q}`));
    if (e.teaching && includeNotes) {
      // Labelled as the editors' suggestion, as on the entry page, so no trainer quotes it as the source.
      lines.push('', '### 教学提示（编者按）', '', '以下是编者写给培训者的建议，不是来源原文。', '');
      if (e.teaching.goals.length) lines.push(`- 教学目标：${e.teaching.goals.join('；')}`);
      if (e.teaching.audience) lines.push(`- 适用对象：${e.teaching.audience}`);
      e.teaching.flow.forEach((step, n) => lines.push(`- 讨论步骤 ${n + 1}：${step}`));
    }
    // An empty source means the source has no title at all (see handout-data.ts printableSource).
    lines.push('', e.source ? `出处：${e.source}（${e.url}）` : `网址：${e.url}`);
  });
  return `${lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/**
 * A quick structural read for pages that only show or toggle the lesson: no zod, so those pages
 * stay light. Anything it cannot read is left for the lesson page, which validates and reports.
 */
export function peekLesson(raw: string | null): Lesson | undefined {
  if (!raw) return emptyLesson();
  try {
    const value = JSON.parse(raw);
    if (value?.version === 2 && Array.isArray(value.items) && value.items.every((i: { id?: unknown }) => typeof i?.id === 'string'))
      return value as Lesson;
    if (value?.version === 1 && Array.isArray(value.ids))
      return { ...emptyLesson(), items: value.ids.map((id: string) => ({ id: String(id), note: '' })) };
  } catch {
    /* unreadable: the lesson page reports it */
  }
  return undefined;
}
