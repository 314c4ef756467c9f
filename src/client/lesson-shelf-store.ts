/**
 * The lesson page's access to the named lessons (src/lib/lesson-shelf.ts). Like every lesson
 * write, a change re-reads storage and applies one operation to what is there. The shelf is
 * written before the current lesson, so a failure between the two writes can at worst list a
 * lesson twice, never lose one. Deleting a lesson backs it up first (the same timestamped backups
 * as clearing or replacing), and a shelf that had to be repaired is backed up as it was.
 */
import { STORAGE_KEY } from '../lib/lesson.ts';
import { makeBackup } from '../lib/lesson-backup.ts';
import { SHELF_KEY, applyShelfOp, readShelf, type ShelfOp, type ShelfState } from '../lib/lesson-shelf.ts';
import { loadLessonForEditing, type Notice } from './lesson-editor-store.ts';
import { saveLesson } from './lesson-store.ts';

export interface ShelfLoaded {
  state: ShelfState;
  notices: Notice[];
}

/** Reads the shelf and the current lesson; a browser with one lesson gets a shelf holding it. */
export function loadShelf(): ShelfLoaded {
  const loaded = loadLessonForEditing();
  const notices = [...loaded.notices];
  let raw: string | null;
  try {
    raw = localStorage.getItem(SHELF_KEY);
  } catch {
    return { state: { shelf: readShelf(null).shelf, lesson: loaded.lesson }, notices };
  }
  const read = readShelf(raw);
  try {
    if (read.problems.length) {
      makeBackup(localStorage, raw, '教案列表修复前');
      notices.push({ text: `${read.problems.join('；')}。原数据已备份，可在本页下方“备份”中下载。`, kind: 'error' });
    }
    if (read.migrated || read.problems.length) localStorage.setItem(SHELF_KEY, JSON.stringify(read.shelf));
  } catch {
    /* storage full or refused: the page still works on what it read */
  }
  return { state: { shelf: read.shelf, lesson: loaded.lesson }, notices };
}

const backupReason: Partial<Record<ShelfOp['type'], string>> = { delete: '删除教案前' };

/**
 * Applies a change to the shelf and the current lesson as stored now. Returns the new state, the
 * state just before (for undo) and any notices; on a storage failure nothing is half-saved.
 */
export function editShelf(op: ShelfOp): { state: ShelfState; before: ShelfState; notices: Notice[] } {
  const fresh = loadShelf();
  const before = fresh.state;
  const state = applyShelfOp(before, op);
  if (state === before) return { state, before, notices: fresh.notices };
  try {
    const reason = backupReason[op.type];
    if (reason && op.type === 'delete') {
      const gone = op.id === before.shelf.current ? before.lesson : before.shelf.entries.find((e) => e.id === op.id)?.lesson;
      if (gone) makeBackup(localStorage, JSON.stringify(gone), reason);
    }
    localStorage.setItem(SHELF_KEY, JSON.stringify(state.shelf));
    if (state.lesson !== before.lesson || localStorage.getItem(STORAGE_KEY) === null) saveLesson(state.lesson);
    window.dispatchEvent(new CustomEvent('lesson-shelf-change'));
    return { state, before, notices: fresh.notices };
  } catch {
    try {
      localStorage.setItem(SHELF_KEY, JSON.stringify(before.shelf));
    } catch {
      /* nothing more to do */
    }
    return { state: before, before, notices: [...fresh.notices, { text: '浏览器存储已满或不可用，这次修改没能保存。', kind: 'error' }] };
  }
}
