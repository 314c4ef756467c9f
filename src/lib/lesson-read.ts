/**
 * Reading lessons from storage and shared links, validated with the zod schemas in
 * src/schema/lesson.ts. A bad item never costs the rest of the lesson: each entry, note and
 * detail is checked on its own, and whatever is dropped or cut is named, so the page can say so
 * (and keep the raw data in a backup). Kept apart from the lesson operations so pages that only
 * add an entry do not load zod.
 */
import {
  ENTRY_ID,
  MAX_ITEMS,
  NOTE_MAX,
  TEXT_MAX,
  lessonDate,
  lessonText,
  lessonV2,
  type Lesson,
  type LessonItem,
} from '../schema/lesson.ts';
import { emptyLesson, fromBase64Url } from './lesson.ts';

export function setDetails(lesson: Lesson, details: Partial<Pick<Lesson, 'title' | 'date' | 'audience'>>): Lesson {
  return lessonV2.parse({ ...lesson, ...details });
}

/** Something a read had to drop or cut, in words a trainer understands, with the raw value. */
export interface Dropped {
  message: string;
  raw: unknown;
}

export type ReadResult = { ok: true; lesson: Lesson; dropped: Dropped[]; migratedFrom?: number } | { ok: false; error: string };

/** A value as it may be shown in a message: short, one line. */
const show = (value: unknown) => {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  const line = text.replace(/\s+/g, ' ');
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
};

/** Reads the entries one by one: a bad one is dropped and named, an over-long note is cut. */
function readItems(raw: unknown[], dropped: Dropped[]): LessonItem[] {
  const items: LessonItem[] = [];
  raw.forEach((value, index) => {
    const n = index + 1;
    const object = typeof value === 'object' && value !== null ? (value as { id?: unknown; note?: unknown }) : undefined;
    const id = typeof value === 'string' ? value : object?.id;
    if (typeof id !== 'string' || !ENTRY_ID.test(id)) {
      dropped.push({ message: `第 ${n} 项（${show(id ?? value)}）不是有效的案例编号，已略去`, raw: value });
      return;
    }
    if (items.some((item) => item.id === id)) {
      dropped.push({ message: `第 ${n} 项（${id}）与前面的案例重复，已略去`, raw: value });
      return;
    }
    if (items.length >= MAX_ITEMS) {
      dropped.push({ message: `第 ${n} 项（${id}）超出每份教案 ${MAX_ITEMS} 个案例的上限，已略去`, raw: value });
      return;
    }
    let note = object?.note ?? '';
    if (typeof note !== 'string') {
      dropped.push({ message: `第 ${n} 项（${id}）的备注不是文字，已清空`, raw: value });
      note = '';
    } else if (note.length > NOTE_MAX) {
      dropped.push({
        message: `第 ${n} 项（${id}）的备注有 ${note.length} 字，超过 ${NOTE_MAX} 字上限，已截短（全文在备份中）`,
        raw: value,
      });
      note = note.slice(0, NOTE_MAX);
    }
    items.push({ id, note: note as string });
  });
  return items;
}

const detailNames = { title: '课程标题', date: '日期', audience: '培训对象' } as const;

/** Reads any stored or shared version, migrating older ones, dropping only what is bad. */
export function readLesson(value: unknown): ReadResult {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: '教案数据无法读取（不是一个教案对象）' };
  const record = value as Record<string, unknown>;
  const { version } = record;
  const dropped: Dropped[] = [];
  if (version === 1) {
    const ids = Array.isArray(record.ids) ? record.ids : [];
    return { ok: true, lesson: { ...emptyLesson(), items: readItems(ids, dropped) }, dropped, migratedFrom: 1 };
  }
  if (version !== 2) {
    return {
      ok: false,
      error:
        typeof version === 'number' && version > 2
          ? `教案格式版本 ${version} 比本站新，无法读取`
          : `教案数据无法读取（版本：${show(version)}）`,
    };
  }
  const lesson = emptyLesson();
  for (const name of ['title', 'audience', 'date'] as const) {
    const field = record[name];
    if (field === undefined || field === '') continue;
    const valid = (name === 'date' ? lessonDate : lessonText).safeParse(field);
    if (valid.success) lesson[name] = valid.data;
    else if (name !== 'date' && typeof field === 'string') {
      lesson[name] = field.slice(0, TEXT_MAX);
      dropped.push({ message: `${detailNames[name]}超过 ${TEXT_MAX} 字，已截短`, raw: field });
    } else dropped.push({ message: `${detailNames[name]}（${show(field)}）格式不对，已清空`, raw: field });
  }
  if (Array.isArray(record.items)) lesson.items = readItems(record.items, dropped);
  else if (record.items !== undefined) dropped.push({ message: `案例列表（${show(record.items)}）无法读取，已略去`, raw: record.items });
  return { ok: true, lesson, dropped };
}

/** Reads the raw localStorage string; an empty store is an empty lesson. */
export function parseStored(raw: string | null): ReadResult {
  if (raw === null || raw === '') return { ok: true, lesson: emptyLesson(), dropped: [] };
  try {
    return readLesson(JSON.parse(raw));
  } catch {
    return { ok: false, error: '教案数据不是有效的 JSON' };
  }
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
