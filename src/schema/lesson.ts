/**
 * The stored lesson, by version, and its backups. The lesson page validates every stored or
 * shared lesson against these; older versions are migrated and bad items are dropped one by one
 * by src/lib/lesson-read.ts. Limits live in lesson-limits.ts (no zod) so light pages share them.
 */
import { z } from 'astro/zod';
import { ENTRY_ID, MAX_ITEMS, NOTE_MAX, TEXT_MAX } from './lesson-limits.ts';

export { ENTRY_ID, MAX_ITEMS, NOTE_MAX, TEXT_MAX };

/** An entry id as the catalogue spells it. */
export const entryId = z.string().regex(ENTRY_ID);

/** Version 1: the first lesson format, ids only. */
export const lessonV1 = z.object({
  version: z.literal(1),
  /** Entry ids in teaching order; each is checked on its own when read, so one bad id costs only itself. */
  ids: z.array(z.unknown()),
});

/** One entry of a lesson. */
export const lessonItem = z.object({
  /** The entry's id (its page is /cases/<id>/). */
  id: entryId,
  /** The trainer's note for this entry, plain text. */
  note: z.string().max(NOTE_MAX),
});

/** Title or audience: short plain text. */
export const lessonText = z.string().max(TEXT_MAX);
/** Date of the session, YYYY-MM-DD, or empty. */
export const lessonDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .or(z.literal(''));

/** Version 2 (current): title, date, audience and a trainer's note per entry. */
export const lessonV2 = z.object({
  version: z.literal(2),
  /** Title of the session, shown on the handout's cover. */
  title: lessonText,
  /** Date of the session, YYYY-MM-DD, optional. */
  date: lessonDate,
  /** Who the session is for, optional. */
  audience: lessonText,
  /** Entries in teaching order, each with the trainer's note. */
  items: z.array(lessonItem).max(MAX_ITEMS),
});

/** The current lesson format. */
export type Lesson = z.infer<typeof lessonV2>;
/** One entry of the current format. */
export type LessonItem = z.infer<typeof lessonItem>;

/** A backup, stored under `gongzuofa.lesson.backup.<ISO time>`. */
export const lessonBackup = z.object({
  /** Why it was made, shown in the restore list (e.g. “清空教案前”). */
  reason: z.string(),
  /** The stored lesson exactly as it was, even when it could not be read. */
  raw: z.string(),
});
