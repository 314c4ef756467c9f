/**
 * The lesson's file exports (.docx and .pptx), loaded by the lesson page only when a trainer asks
 * for one, so neither the export libraries nor this glue weigh on the page until then.
 */
import type { HandoutEntry, Lesson } from '../lib/lesson.ts';
import { toDocxHandout, type HandoutOptions } from '../lib/handout-data.ts';

export async function exportLesson(kind: 'docx' | 'pptx', lesson: Lesson, entries: HandoutEntry[], options: HandoutOptions): Promise<Blob> {
  const data = toDocxHandout(lesson, entries, options);
  return kind === 'docx'
    ? (await import('../lib/handout-docx.ts')).handoutDocxBlob(data)
    : (await import('../lib/handout-pptx.ts')).handoutPptxBlob(data);
}
