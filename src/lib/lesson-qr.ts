/**
 * What the lesson's QR code (handout cover, Word cover, last slide) carries: the lesson's share
 * link. The trainer's notes go into it only when the handout prints them, so a handout made for
 * participants does not hand them the trainer's notes by phone. A link too long for a code a phone
 * can read (many cases, long notes) drops the notes; if even that does not fit, there is no code
 * and the cover says how to share the lesson instead (QR_TOO_LONG in src/lib/reader-text.ts).
 * Before, a 30-case lesson with notes stopped the handout from being drawn at all: uqr throws
 * past its largest code.
 */
import { shareLink, type Lesson } from './lesson.ts';
import { qrFits } from './qr-png.ts';

/** The link the code carries, from the lesson page's address (no query); empty when none fits. */
export function lessonQrLink(lesson: Lesson, pageUrl: string, includeNotes: boolean): string {
  const withoutNotes: Lesson = { ...lesson, items: lesson.items.map((item) => ({ ...item, note: '' })) };
  const hasNotes = lesson.items.some((item) => item.note);
  for (const candidate of includeNotes && hasNotes ? [lesson, withoutNotes] : [withoutNotes]) {
    const url = shareLink(pageUrl, candidate);
    if (qrFits(url)) return url;
  }
  return '';
}
