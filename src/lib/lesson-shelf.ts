/**
 * Several named lessons in one browser. The lesson being edited stays where it always was (the
 * STORAGE_KEY of lesson.ts), so the basket button, the header counter, the backups and the
 * two-tab merging all keep working on it unchanged; the shelf (SHELF_KEY) lists every lesson in
 * order and holds the others. A lesson's name is its title (课程标题), which a share link already
 * carries. A browser that had one lesson before gets a shelf holding just that lesson: it is not
 * copied or moved, so nothing can be lost on the way.
 *
 * Pure: a change is an operation applied to the shelf and the current lesson as read from storage
 * at that moment (src/client/lesson-shelf-store.ts), like the lesson's own LessonOp. No zod, so
 * the check here is structural; a lesson that is switched to is validated item by item when the
 * lesson page reads it.
 */
import { emptyLesson, isEmpty, peekLesson, type Lesson } from './lesson.ts';
import { TEXT_MAX } from '../schema/lesson-limits.ts';

export const SHELF_KEY = 'gongzuofa.lessons';
/** How many named lessons one browser keeps: each may hold 30 entries and their notes. */
export const SHELF_MAX = 20;
/** Shelf ids are generated (see newShelfId); anything else in storage is not ours. */
export const SHELF_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

export interface ShelfEntry {
  id: string;
  /** The lesson itself; null for the current one, which lives under the lesson's own key. */
  lesson: Lesson | null;
}

export interface Shelf {
  version: 1;
  /** The id of the lesson being edited. */
  current: string;
  /** Every lesson, in the order the trainer sees them; exactly one is the current one. */
  entries: ShelfEntry[];
}

/** The shelf and the current lesson together: what every operation reads and returns. */
export interface ShelfState {
  shelf: Shelf;
  lesson: Lesson;
}

export type ShelfOp =
  /** A new empty lesson with this name, which becomes the current one. */
  | { type: 'create'; id: string; name: string }
  /** Make another lesson the current one; the current one is kept on the shelf. */
  | { type: 'switch'; id: string }
  /** A copy of a lesson, named “…（副本）”, placed after it and made current. */
  | { type: 'duplicate'; id: string; newId: string }
  | { type: 'rename'; id: string; name: string }
  /** Deleting the only lesson leaves a fresh empty one (`newId`), never an empty shelf. */
  | { type: 'delete'; id: string; newId: string }
  /** Undo of a deletion: the lesson back at its place, current again if it was. */
  | { type: 'restore'; id: string; lesson: Lesson; index: number; current: boolean }
  /** A shared lesson saved alongside the trainer's own, as a new current lesson. */
  | { type: 'add'; id: string; lesson: Lesson };

/** A fresh id: time and chance, so two tabs creating at once do not collide. */
export const newShelfId = (now = Date.now(), random = Math.random()) =>
  `l${now.toString(36)}${Math.floor(random * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;

/** The name a lesson is listed under. */
export const lessonName = (lesson: Lesson | null | undefined) => lesson?.title.trim() || '未命名教案';

const cleanName = (name: string) => name.replace(/\s+/g, ' ').trim().slice(0, TEXT_MAX);

/** A shelf holding only the current lesson: what a browser with one lesson (or none) starts from. */
export const singleShelf = (id: string): Shelf => ({ version: 1, current: id, entries: [{ id, lesson: null }] });

export interface ShelfRead {
  shelf: Shelf;
  /** What had to be dropped or repaired, in words; the caller backs the raw value up first. */
  problems: string[];
  /** True when there was no shelf yet: the single lesson became the first named lesson. */
  migrated: boolean;
}

/**
 * Reads the stored shelf. No shelf yet: the existing lesson becomes the first named lesson. A bad
 * entry is dropped alone and named; a shelf that cannot be read at all starts over from the
 * current lesson (the caller keeps the raw value in a backup), which is never touched.
 */
export function readShelf(raw: string | null, newId: () => string = () => newShelfId()): ShelfRead {
  if (raw === null || raw === '') return { shelf: singleShelf(newId()), problems: [], migrated: true };
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { shelf: singleShelf(newId()), problems: ['教案列表不是有效的 JSON，已重建（当前教案不受影响）'], migrated: false };
  }
  const record = value as Partial<Shelf> | null;
  if (record?.version !== 1 || !Array.isArray(record.entries)) {
    return { shelf: singleShelf(newId()), problems: ['教案列表的格式无法读取，已重建（当前教案不受影响）'], migrated: false };
  }
  const problems: string[] = [];
  const entries: ShelfEntry[] = [];
  const current = typeof record.current === 'string' ? record.current : '';
  record.entries.forEach((entry: unknown, index) => {
    const { id, lesson } = (entry ?? {}) as { id?: unknown; lesson?: unknown };
    const n = index + 1;
    if (typeof id !== 'string' || !SHELF_ID.test(id) || entries.some((e) => e.id === id)) {
      problems.push(`教案列表第 ${n} 项的编号无效或重复，已略去`);
      return;
    }
    if (id === current) {
      entries.push({ id, lesson: null });
      return;
    }
    const read = lesson === null || lesson === undefined ? undefined : peekLesson(JSON.stringify(lesson));
    if (!read) {
      problems.push(`教案列表第 ${n} 项无法读取，已略去`);
      return;
    }
    entries.push({ id, lesson: read });
  });
  if (!entries.some((e) => e.id === current)) {
    // The current lesson must be listed: it is what the lesson key holds.
    const id = SHELF_ID.test(current) && !entries.some((e) => e.id === current) ? current : newId();
    if (current) problems.push('教案列表中找不到当前教案，已把它加在最前');
    entries.unshift({ id, lesson: null });
    return { shelf: { version: 1, current: id, entries }, problems, migrated: false };
  }
  return { shelf: { version: 1, current, entries }, problems, migrated: false };
}

/** The shelf with the current lesson's content filled in: for listing and sharing every lesson. */
export function listLessons(state: ShelfState): { id: string; lesson: Lesson; current: boolean }[] {
  return state.shelf.entries.map((e) => ({
    id: e.id,
    lesson: e.id === state.shelf.current ? state.lesson : (e.lesson ?? emptyLesson()),
    current: e.id === state.shelf.current,
  }));
}

/** Keeps the current lesson on the shelf and makes `id` (holding `lesson`) the current one. */
function makeCurrent(state: ShelfState, entries: ShelfEntry[], id: string, lesson: Lesson): ShelfState {
  const stashed = entries.map((e) =>
    e.id === state.shelf.current ? { id: e.id, lesson: state.lesson } : e.id === id ? { id, lesson: null } : e,
  );
  return { shelf: { version: 1, current: id, entries: stashed }, lesson };
}

const find = (state: ShelfState, id: string) => state.shelf.entries.findIndex((e) => e.id === id);
const lessonOf = (state: ShelfState, id: string) =>
  id === state.shelf.current ? state.lesson : (state.shelf.entries[find(state, id)]?.lesson ?? undefined);
const full = (state: ShelfState) => state.shelf.entries.length >= SHELF_MAX;
const taken = (state: ShelfState, id: string) => !SHELF_ID.test(id) || find(state, id) >= 0;

/** Applies one change. Anything that cannot apply (unknown id, full shelf) returns the state unchanged. */
export function applyShelfOp(state: ShelfState, op: ShelfOp): ShelfState {
  const { entries } = state.shelf;
  switch (op.type) {
    case 'create': {
      if (full(state) || taken(state, op.id)) return state;
      return makeCurrent(state, [...entries, { id: op.id, lesson: null }], op.id, { ...emptyLesson(), title: cleanName(op.name) });
    }
    case 'add': {
      if (full(state) || taken(state, op.id)) return state;
      return makeCurrent(state, [...entries, { id: op.id, lesson: null }], op.id, op.lesson);
    }
    case 'switch': {
      const target = state.shelf.entries[find(state, op.id)];
      if (!target || op.id === state.shelf.current || !target.lesson) return state;
      return makeCurrent(state, entries, op.id, target.lesson);
    }
    case 'duplicate': {
      const source = lessonOf(state, op.id);
      if (!source || full(state) || taken(state, op.newId)) return state;
      const copy: Lesson = {
        ...source,
        title: cleanName(`${lessonName(source)}（副本）`),
        items: source.items.map((item) => ({ ...item })),
      };
      const at = find(state, op.id) + 1;
      return makeCurrent(state, [...entries.slice(0, at), { id: op.newId, lesson: null }, ...entries.slice(at)], op.newId, copy);
    }
    case 'rename': {
      const name = cleanName(op.name);
      if (op.id === state.shelf.current) return { ...state, lesson: { ...state.lesson, title: name } };
      const at = find(state, op.id);
      const lesson = entries[at]?.lesson;
      if (!lesson) return state;
      return {
        ...state,
        shelf: { ...state.shelf, entries: entries.map((e, i) => (i === at ? { id: e.id, lesson: { ...lesson, title: name } } : e)) },
      };
    }
    case 'delete': {
      const at = find(state, op.id);
      if (at < 0) return state;
      const rest = entries.filter((e) => e.id !== op.id);
      if (op.id !== state.shelf.current) return { ...state, shelf: { ...state.shelf, entries: rest } };
      if (!rest.length) {
        if (!SHELF_ID.test(op.newId)) return state;
        return { shelf: singleShelf(op.newId), lesson: emptyLesson() };
      }
      // The neighbour that took its place (or the one before, at the end) becomes current.
      const next = rest[Math.min(at, rest.length - 1)];
      return {
        shelf: { version: 1, current: next.id, entries: rest.map((e) => (e.id === next.id ? { id: e.id, lesson: null } : e)) },
        lesson: next.lesson ?? emptyLesson(),
      };
    }
    case 'restore': {
      if (taken(state, op.id)) return state;
      // A blank lesson left by deleting the only one is not worth keeping next to the restored one.
      const blank = op.current && isEmpty(state.lesson) && entries.length === 1;
      const base = blank ? [] : entries;
      if (base.length >= SHELF_MAX) return state;
      const at = Math.max(0, Math.min(op.index, base.length));
      const placed = [...base.slice(0, at), { id: op.id, lesson: op.current ? null : op.lesson }, ...base.slice(at)];
      if (!op.current) return { ...state, shelf: { ...state.shelf, entries: placed } };
      if (blank) return { shelf: { version: 1, current: op.id, entries: placed }, lesson: op.lesson };
      return makeCurrent(state, placed, op.id, op.lesson);
    }
  }
}
