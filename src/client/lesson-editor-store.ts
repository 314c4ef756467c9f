/**
 * The lesson page's access to storage: every read validated item by item, every write applied to
 * the freshly read lesson, and nothing lost on the way. Whatever a read has to drop, cut, migrate
 * or cannot read at all is first kept in a timestamped backup (src/lib/lesson-backup.ts), and the
 * page is told in words which items went. Only the lesson page does this, so the header's counter
 * cannot consume the message the trainer needs to see.
 */
import { LEGACY_BACKUP_KEY, STORAGE_KEY, applyOp, emptyLesson, isDestructive, type Lesson, type LessonOp } from '../lib/lesson.ts';
import { parseStored } from '../lib/lesson-read.ts';
import { makeBackup } from '../lib/lesson-backup.ts';
import { backupReasons, saveLesson } from './lesson-store.ts';

export interface Notice {
  text: string;
  kind: 'info' | 'error';
}

export interface Loaded {
  lesson: Lesson;
  /** The lesson as it was in storage just before this change. */
  before?: Lesson;
  /** What the read had to do, for the page to show. */
  notices: Notice[];
}

const where = '原数据已备份，可在本页下方“备份”中恢复或下载。';

/** An earlier version kept one unreadable lesson under a single key: it joins the backups. */
function adoptLegacyBackup() {
  const old = localStorage.getItem(LEGACY_BACKUP_KEY);
  if (old === null) return;
  makeBackup(localStorage, old, '旧版保存的无法读取的教案');
  localStorage.removeItem(LEGACY_BACKUP_KEY);
}

/**
 * Reads the stored lesson for editing. A migrated or partly dropped lesson is backed up as it
 * was and saved cleaned; one that cannot be read at all is backed up and a fresh lesson starts.
 */
export function loadLessonForEditing(): Loaded {
  let raw: string | null;
  try {
    raw = localStorage.getItem(STORAGE_KEY);
    adoptLegacyBackup();
  } catch {
    return { lesson: emptyLesson(), notices: [{ text: '浏览器不允许本站保存数据（可能处于隐私模式），教案无法保存', kind: 'error' }] };
  }
  const result = parseStored(raw);
  if (!result.ok) {
    makeBackup(localStorage, raw, '无法读取时');
    localStorage.removeItem(STORAGE_KEY);
    window.dispatchEvent(new CustomEvent('lesson-change', { detail: emptyLesson() }));
    return { lesson: emptyLesson(), notices: [{ text: `${result.error}。${where}新的教案从空白开始。`, kind: 'error' }] };
  }
  const notices: Notice[] = [];
  if (result.dropped.length) {
    makeBackup(localStorage, raw, `读取时略去 ${result.dropped.length} 处问题前`);
    notices.push({
      text: `保存的教案中有 ${result.dropped.length} 处问题，其余内容都在：${result.dropped.map((d) => d.message).join('；')}。${where}`,
      kind: 'error',
    });
  }
  if (result.migratedFrom) {
    makeBackup(localStorage, raw, `从第 ${result.migratedFrom} 版转换前`);
    notices.push({ text: `已把旧版（第 ${result.migratedFrom} 版）教案转换为新格式。`, kind: 'info' });
  }
  if (result.dropped.length || result.migratedFrom) saveLesson(result.lesson);
  return { lesson: result.lesson, notices };
}

/**
 * Applies a change to the lesson as it is in storage now (another tab may have changed it), after
 * backing up what a destructive change would lose. Returns the saved lesson and what the read said.
 */
export function editLesson(op: LessonOp): Loaded {
  const fresh = loadLessonForEditing();
  try {
    if (isDestructive(op)) makeBackup(localStorage, localStorage.getItem(STORAGE_KEY), backupReasons[op.type]);
    const lesson = applyOp(fresh.lesson, op);
    saveLesson(lesson);
    return { lesson, before: fresh.lesson, notices: fresh.notices };
  } catch {
    return {
      lesson: applyOp(fresh.lesson, op),
      before: fresh.lesson,
      notices: [...fresh.notices, { text: '浏览器存储已满或不可用，这次修改没能保存。', kind: 'error' }],
    };
  }
}
