/**
 * The trainer's lesson: an ordered basket of entries with a title, date, audience and a note per
 * entry. Kept in localStorage in a versioned format (schema: src/schema/lesson.ts; validated
 * reading: lesson-read.ts); shared as a URL parameter. Pure: storage and DOM live in
 * src/scripts/lesson-*.ts.
 */
import type { Lesson } from '../schema/lesson.ts';

export type { Lesson };
/** How many entries one lesson may hold: a handout, not a library. */
export const MAX_ITEMS = 30;

export const STORAGE_KEY = 'gongzuofa.lesson';
/** Where a stored value that cannot be read is kept, so it is reported and never silently lost. */
export const BACKUP_KEY = 'gongzuofa.lesson.unreadable';

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
  const compact = { v: 2, t: lesson.title, d: lesson.date, a: lesson.audience, i: lesson.items.map((item) => (item.note ? [item.id, item.note] : item.id)) };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(compact)));
}

/** Splits a lesson's entries into those the site still has and those it no longer has. */
export function resolve(lesson: Lesson, known: Set<string>) {
  return {
    present: lesson.items.filter((item) => known.has(item.id)),
    missing: lesson.items.filter((item) => !known.has(item.id)).map((item) => item.id),
  };
}

/** What the Markdown export needs of an entry. */
export interface HandoutEntry {
  id: string;
  title: string;
  facts: { label: string; value: string }[];
  sections: { name: string; blocks: string[] }[];
  figures: { label: string; value: string }[];
  questions: string[];
  source: string;
  url: string;
}

/** The lesson as one Markdown document: cover, contents, entries in order, notes, questions. */
export function toMarkdown(lesson: Lesson, entries: HandoutEntry[], siteUrl: string): string {
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
    if (item.note) lines.push('', `> 教师备注：${item.note.replace(/\n/g, '\n> ')}`);
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
    lines.push('', `出处：${e.source}（${e.url}）`);
  });
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`;
}

/**
 * A quick structural read for pages that only show or toggle the basket: no zod, so those pages
 * stay light. Anything it cannot read is left for the lesson page, which validates and reports.
 */
export function peekLesson(raw: string | null): Lesson | undefined {
  if (!raw) return emptyLesson();
  try {
    const value = JSON.parse(raw);
    if (value?.version === 2 && Array.isArray(value.items) && value.items.every((i: { id?: unknown }) => typeof i?.id === 'string')) return value as Lesson;
    if (value?.version === 1 && Array.isArray(value.ids)) return { ...emptyLesson(), items: value.ids.map((id: string) => ({ id: String(id), note: '' })) };
  } catch {
    /* unreadable: the lesson page reports it */
  }
  return undefined;
}
