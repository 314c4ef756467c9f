/**
 * Reading lessons from storage and shared links, validated with the zod schemas in
 * src/schema/lesson.ts. Kept apart from the basket operations so pages that only add an entry do
 * not load zod.
 */
import { lessonV1, lessonV2, type Lesson } from '../schema/lesson.ts';
import { MAX_ITEMS, emptyLesson, fromBase64Url, unique } from './lesson.ts';

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

