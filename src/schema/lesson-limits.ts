/**
 * The lesson's limits, in one place: the zod schema (lesson.ts), the browser pages (maxlength,
 * character counts) and the light lesson code all read them here. No zod, so the entry page's
 * lesson button stays small.
 */

/** How many entries one lesson may hold: a handout, not a library. */
export const MAX_ITEMS = 30;
/** Longest trainer's note per entry, in characters (the textarea's maxlength and counter). */
export const NOTE_MAX = 2000;
/** Longest lesson title or audience, in characters. */
export const TEXT_MAX = 80;
/** Entry ids are the catalogue ids: lower-case ASCII slugs. */
export const ENTRY_ID = /^[a-z0-9][a-z0-9-]*$/;
