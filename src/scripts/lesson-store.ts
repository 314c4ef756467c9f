/**
 * The lesson in localStorage, shared by every script that reads or changes it. A change made in
 * one tab reaches the others through the storage event; within a tab through `lesson-change`.
 */
import { BACKUP_KEY, STORAGE_KEY, emptyLesson, parseStored, type Lesson } from '../lib/lesson.ts';

export interface Loaded {
  lesson: Lesson;
  /** Why the stored lesson could not be read (it was kept under BACKUP_KEY). */
  error?: string;
  migratedFrom?: number;
}

/** Reads the stored lesson without changing storage: any script may call it. */
export function loadLesson(): Loaded & { raw: string | null } {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { raw, lesson: emptyLesson(), error: '浏览器不允许本站保存数据（可能处于隐私模式），教案无法保存' };
  }
  const result = parseStored(raw);
  if (result.ok) return { raw, lesson: result.lesson, migratedFrom: result.migratedFrom };
  return { raw, lesson: emptyLesson(), error: result.error };
}

/**
 * The editor's read: a migrated lesson is saved in the new format, and one that cannot be read is
 * moved aside (never deleted) so a fresh lesson can start. Only the lesson page does this, so the
 * header's counter cannot consume the message the trainer needs to see.
 */
export function loadLessonForEditing(): Loaded {
  const loaded = loadLesson();
  if (loaded.migratedFrom) saveLesson(loaded.lesson);
  if (loaded.error && loaded.raw !== null) {
    localStorage.setItem(BACKUP_KEY, loaded.raw);
    localStorage.removeItem(STORAGE_KEY);
    return { lesson: loaded.lesson, error: `${loaded.error}。原数据已另存（${BACKUP_KEY}），新的教案从空白开始。` };
  }
  return loaded;
}

export function saveLesson(lesson: Lesson) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(lesson));
  window.dispatchEvent(new CustomEvent('lesson-change', { detail: lesson }));
}

/** Calls back now and whenever the lesson changes, here or in another tab. */
export function watchLesson(callback: (lesson: Lesson) => void) {
  callback(loadLesson().lesson);
  window.addEventListener('lesson-change', (event) => callback((event as CustomEvent<Lesson>).detail));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) callback(loadLesson().lesson);
  });
}
