/**
 * The lesson in localStorage, shared by every script that reads or changes it. Every change is
 * applied to the lesson read from storage at that moment (applyOp), never to a copy a page holds,
 * so two tabs never drop each other's work. A change made in one tab reaches the others through
 * the storage event; within a tab through `lesson-change`. Reading here is structural (no zod) so
 * every page stays light; the lesson page validates fully (lesson-editor-store.ts).
 */
import { STORAGE_KEY, applyOp, emptyLesson, isDestructive, peekLesson, type Lesson, type LessonOp } from '../lib/lesson.ts';
import { makeBackup } from '../lib/lesson-backup.ts';

export function readRaw(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

/** The stored lesson, or undefined when it cannot be read here (the lesson page will say why). */
export const loadLesson = (): Lesson | undefined => peekLesson(readRaw());

export function saveLesson(lesson: Lesson) {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(lesson));
  window.dispatchEvent(new CustomEvent('lesson-change', { detail: lesson }));
}

/** Why a change was made, for the backup list (“移除案例前”). */
export const backupReasons: Record<LessonOp['type'], string> = {
  add: '加入案例前',
  remove: '移除案例前',
  move: '调整顺序前',
  moveOnto: '调整顺序前',
  note: '修改备注前',
  details: '修改课程信息前',
  clear: '清空教案前',
  restore: '撤销前',
  replace: '替换教案前',
};

/**
 * Re-reads storage, applies the change and saves; a destructive change is backed up first.
 * Returns the saved lesson, or undefined when the stored lesson cannot be read here.
 */
export function updateLesson(op: LessonOp): Lesson | undefined {
  const raw = readRaw();
  const lesson = peekLesson(raw);
  if (!lesson) return undefined;
  if (isDestructive(op)) makeBackup(localStorage, raw, backupReasons[op.type]);
  const next = applyOp(lesson, op);
  saveLesson(next);
  return next;
}

/** Calls back now and whenever the lesson changes, here or in another tab. */
export function watchLesson(callback: (lesson: Lesson) => void) {
  callback(loadLesson() ?? emptyLesson());
  window.addEventListener('lesson-change', (event) => callback((event as CustomEvent<Lesson>).detail));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY || event.key === null) callback(loadLesson() ?? emptyLesson());
  });
}
