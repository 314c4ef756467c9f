/**
 * The stored lesson, by version. The lesson page validates every stored or shared lesson against
 * these; older versions are migrated by src/lib/lesson-read.ts.
 */
import { z } from 'astro/zod';
import { MAX_ITEMS } from '../lib/lesson.ts';

const entryId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/);

/** Version 1: the first basket, ids only. */
export const lessonV1 = z.object({
  version: z.literal(1),
  ids: z.array(entryId),
});

/** Version 2 (current): title, date, audience and a trainer's note per entry. */
export const lessonV2 = z.object({
  version: z.literal(2),
  /** Title of the session, shown on the handout's cover. */
  title: z.string().max(80),
  /** Date of the session, YYYY-MM-DD, optional. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).or(z.literal('')),
  /** Who the session is for, optional. */
  audience: z.string().max(80),
  /** Entries in teaching order, each with the trainer's note. */
  items: z.array(z.object({ id: entryId, note: z.string().max(2000) })).max(MAX_ITEMS),
});

/** The current lesson format. */
export type Lesson = z.infer<typeof lessonV2>;

