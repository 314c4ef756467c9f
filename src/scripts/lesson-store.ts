/**
 * The lesson in localStorage, shared by every script that reads or changes it. A change made in
 * one tab reaches the others through the storage event; within a tab through `lesson-change`.
 * Reading here is structural (no zod) so every page stays light; the lesson page validates fully
 * (loadLessonForEditing in lesson-editor-store.ts).
 */
import { STORAGE_KEY, emptyLesson, peekLesson, type Lesson } from '../lib/lesson.ts';

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

/** Calls back now and whenever the lesson changes, here or in another tab. */
export function watchLesson(callback: (lesson: Lesson) => void) {
  callback(loadLesson() ?? emptyLesson());
  window.addEventListener('lesson-change', (event) => callback((event as CustomEvent<Lesson>).detail));
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) callback(loadLesson() ?? emptyLesson());
  });
}
