/**
 * Backups of the lesson: several timestamped copies, made before anything that could lose work
 * (clearing, removing, replacing with a shared lesson or a backup, migrating, a read that had to
 * drop something), so one failure never overwrites the copy of the last. Pure apart from the
 * storage handed in, so it is tested with a plain Map. No zod: the entry page's lesson button
 * uses it too.
 */
import { peekLesson, isEmpty } from './lesson.ts';

export const BACKUP_PREFIX = 'gongzuofa.lesson.backup.';
/** How many backups are kept; the oldest go first. */
export const BACKUP_KEEP = 10;

/** The part of the Web Storage API the backups need. */
export interface StorageLike {
  readonly length: number;
  key(index: number): string | null;
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Backup {
  key: string;
  /** ISO time the backup was made (from its key). */
  at: string;
  /** Why it was made, e.g. “清空教案前”. */
  reason: string;
  /** The stored lesson exactly as it was. */
  raw: string;
}

/** All backups, newest first. A value that is not in the backup format is listed as it is. */
export function listBackups(storage: StorageLike): Backup[] {
  const backups: Backup[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (!key?.startsWith(BACKUP_PREFIX)) continue;
    const value = storage.getItem(key) ?? '';
    let reason = '来源不明';
    let raw = value;
    try {
      const parsed = JSON.parse(value);
      if (typeof parsed?.reason === 'string' && typeof parsed?.raw === 'string') ({ reason, raw } = parsed);
    } catch {
      /* kept as it is */
    }
    backups.push({ key, at: key.slice(BACKUP_PREFIX.length), reason, raw });
  }
  return backups.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}

/** Whether a stored value holds anything: an empty lesson needs no backup, anything unreadable does. */
const worthKeeping = (raw: string | null): raw is string => {
  if (!raw) return false;
  const lesson = peekLesson(raw);
  return !lesson || !isEmpty(lesson);
};

/**
 * Keeps `raw` under a new timestamped key and drops the oldest beyond BACKUP_KEEP. Returns the
 * backup, or undefined when there was nothing to keep or the newest backup already holds it.
 * When storage is full, older backups make room; throws only if even that fails.
 */
export function makeBackup(storage: StorageLike, raw: string | null, reason: string, now = new Date()): Backup | undefined {
  if (!worthKeeping(raw)) return undefined;
  const existing = listBackups(storage);
  if (existing[0]?.raw === raw) return undefined;
  let time = now.getTime();
  const taken = new Set(existing.map((b) => b.at));
  while (taken.has(new Date(time).toISOString())) time += 1; // two backups in one millisecond
  const at = new Date(time).toISOString();
  const backup = { key: BACKUP_PREFIX + at, at, reason, raw };
  const value = JSON.stringify({ reason, raw });
  const oldestFirst = [...existing].reverse();
  for (;;) {
    try {
      storage.setItem(backup.key, value);
      break;
    } catch (error) {
      const oldest = oldestFirst.shift();
      if (!oldest) throw error;
      storage.removeItem(oldest.key);
    }
  }
  for (const old of listBackups(storage).slice(BACKUP_KEEP)) storage.removeItem(old.key);
  return backup;
}

/** “2026-11-29 19:30:05”, in the reader's own time zone. */
export function formatBackupTime(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
