/**
 * The trainer's lesson: an ordered basket of entries with a title, date, audience and a note per
 * entry. Kept in localStorage in a versioned, zod-validated format; shared as a URL parameter.
 * Pure: storage and DOM live in src/scripts/lesson-*.ts.
 */
import { z } from 'astro/zod';

export const STORAGE_KEY = 'gongzuofa.lesson';
/** Where a stored value that cannot be read is kept, so it is reported and never silently lost. */
export const BACKUP_KEY = 'gongzuofa.lesson.unreadable';
export const MAX_ITEMS = 30;

const entryId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** Version 1: the first basket, ids only. */
export const lessonV1 = z.object({
  version: z.literal(1),
  ids: z.array(entryId),
});

/** Version 2 (current): title, date, audience and a trainer's note per entry. */
export const lessonV2 = z.object({
  version: z.literal(2),
  /** Title of the session, shown on the handout's cover. */
  title: z.string().max(80),
  /** Date of the session, YYYY-MM-DD, optional. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal('')),
  /** Who the session is for, optional. */
  audience: z.string().max(80),
  /** Entries in teaching order, each with the trainer's note. */
  items: z.array(z.object({ id: entryId, note: z.string().max(2000) })).max(MAX_ITEMS),
});

export type Lesson = z.infer<typeof lessonV2>;

export const emptyLesson = (): Lesson => ({ version: 2, title: '', date: '', audience: '', items: [] });

const unique = (lesson: Lesson): Lesson => {
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

export function setDetails(lesson: Lesson, details: Partial<Pick<Lesson, 'title' | 'date' | 'audience'>>): Lesson {
  return lessonV2.parse({ ...lesson, ...details });
}

export type ReadResult =
  | { ok: true; lesson: Lesson; migratedFrom?: number }
  | { ok: false; error: string };

/** Reads any stored or shared version, migrating older ones to the current format. */
export function readLesson(value: unknown): ReadResult {
  const v2 = lessonV2.safeParse(value);
  if (v2.success) return { ok: true, lesson: unique(v2.data) };
  const v1 = lessonV1.safeParse(value);
  if (v1.success) {
    const lesson = unique({ ...emptyLesson(), items: v1.data.ids.slice(0, MAX_ITEMS).map((id) => ({ id, note: '' })) });
    return { ok: true, lesson, migratedFrom: 1 };
  }
  const version = typeof value === 'object' && value && 'version' in value ? (value as { version: unknown }).version : undefined;
  const issue = v2.error.issues[0];
  return {
    ok: false,
    error:
      typeof version === 'number' && version > 2
        ? `教案格式版本 ${version} 比本站新，无法读取`
        : `教案数据无法读取（${issue.path.join('.') || '整体'}：${issue.message}）`,
  };
}

/** Reads the raw localStorage string; an empty store is an empty lesson. */
export function parseStored(raw: string | null): ReadResult {
  if (raw === null || raw === '') return { ok: true, lesson: emptyLesson() };
  try {
    return readLesson(JSON.parse(raw));
  } catch {
    return { ok: false, error: '教案数据不是有效的 JSON' };
  }
}

/* Sharing: the lesson as compact JSON, UTF-8, base64url, in the `l` query parameter. */

const toBase64Url = (bytes: Uint8Array) => {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
const fromBase64Url = (text: string) => {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
};

/** The lesson as a URL-safe string. Short keys keep links short enough for chat apps. */
export function encodeLesson(lesson: Lesson): string {
  const compact = { v: 2, t: lesson.title, d: lesson.date, a: lesson.audience, i: lesson.items.map((item) => (item.note ? [item.id, item.note] : item.id)) };
  return toBase64Url(new TextEncoder().encode(JSON.stringify(compact)));
}

export function decodeLesson(text: string): ReadResult {
  try {
    const compact = JSON.parse(new TextDecoder().decode(fromBase64Url(text.trim())));
    if (compact?.v !== 2 || !Array.isArray(compact.i)) return { ok: false, error: '链接中的教案格式不对' };
    return readLesson({
      version: 2,
      title: compact.t ?? '',
      date: compact.d ?? '',
      audience: compact.a ?? '',
      items: compact.i.map((item: unknown) => (Array.isArray(item) ? { id: item[0], note: item[1] ?? '' } : { id: item, note: '' })),
    });
  } catch {
    return { ok: false, error: '链接中的教案已损坏，无法读取（可能复制时被截断）' };
  }
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
