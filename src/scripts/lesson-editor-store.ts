/** The lesson page's read of storage: validated, migrated, and never losing what it cannot read. */
import { BACKUP_KEY, STORAGE_KEY, emptyLesson, type Lesson } from '../lib/lesson.ts';
import { parseStored } from '../lib/lesson-read.ts';
import { saveLesson } from './lesson-store.ts';

export interface Loaded {
  lesson: Lesson;
  /** Why the stored lesson could not be read (it was kept under BACKUP_KEY). */
  error?: string;
  migratedFrom?: number;
}

/**
 * A migrated lesson is saved in the new format, and one that cannot be read is moved aside
 * (never deleted) so a fresh lesson can start. Only the lesson page does this, so the header's
 * counter cannot consume the message the trainer needs to see.
 */
export function loadLessonForEditing(): Loaded {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
  } catch {
    return { lesson: emptyLesson(), error: '浏览器不允许本站保存数据（可能处于隐私模式），教案无法保存' };
  }
  const result = parseStored(raw);
  if (result.ok) {
    if (result.migratedFrom) saveLesson(result.lesson);
    return { lesson: result.lesson, migratedFrom: result.migratedFrom };
  }
  localStorage.setItem(BACKUP_KEY, raw ?? '');
  localStorage.removeItem(STORAGE_KEY);
  return { lesson: emptyLesson(), error: `${result.error}。原数据已另存（${BACKUP_KEY}），新的教案从空白开始。` };
}
