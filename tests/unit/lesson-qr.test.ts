import { describe, expect, it } from 'vitest';
import { encode } from 'uqr';
import { decodeLesson } from '../../src/lib/lesson-read.ts';
import { lessonQrLink } from '../../src/lib/lesson-qr.ts';
import { QR_MAX_VERSION, qrFits } from '../../src/lib/qr-png.ts';
import type { Lesson } from '../../src/lib/lesson.ts';

const PAGE = 'https://www.example.gov.cn/dangjian/gzf/lesson/';
// Ids as long as the library's own (pinyin slugs of 20–45 characters).
const ids = Array.from({ length: 30 }, (_, i) => `shi-xian-zhen-cun-gongzuofa-anli-${String(i).padStart(2, '0')}`);
const lesson = (n: number, note = ''): Lesson => ({
  version: 2,
  title: '诉求办理专题培训',
  date: '2026-12-01',
  audience: '社区书记',
  items: ids.slice(0, n).map((id) => ({ id, note })),
});
const NOTE = '讲解十五分钟，请学员对照本单位的台账说一说。';
/** The lesson a link carries, as the lesson page reads it back. */
function carried(url: string): Lesson {
  const read = decodeLesson(new URL(url).searchParams.get('l')!);
  if (!read.ok) throw new Error(read.error);
  return read.lesson;
}
const version = (url: string) => encode(url, { ecc: 'M', border: 4 }).version;

describe('the lesson’s QR code link', () => {
  it('carries the trainer’s notes only when the handout prints them', () => {
    const withNotes = lessonQrLink(lesson(2, NOTE), PAGE, true);
    expect(withNotes.startsWith(`${PAGE}?l=`)).toBe(true);
    expect(carried(withNotes).items.map((i) => i.note)).toEqual([NOTE, NOTE]);
    const forParticipants = lessonQrLink(lesson(2, NOTE), PAGE, false);
    expect(carried(forParticipants).items).toEqual(ids.slice(0, 2).map((id) => ({ id, note: '' })));
    expect(carried(forParticipants).title).toBe('诉求办理专题培训');
  });

  it('drops the notes when they make the code too dense, and keeps every case', () => {
    const link = lessonQrLink(lesson(6, NOTE), PAGE, true);
    expect(qrFits(`${PAGE}?l=x`)).toBe(true);
    expect(link).not.toBe('');
    expect(carried(link).items).toEqual(ids.slice(0, 6).map((id) => ({ id, note: '' })));
    expect(version(link)).toBeLessThanOrEqual(QR_MAX_VERSION);
  });

  it('gives no link when even the cases alone are too many for a code a phone can read', () => {
    // 30 cases with notes was more than any QR code holds: uqr threw and the handout was never drawn.
    expect(() => encode(`${PAGE}?l=${'x'.repeat(3000)}`)).toThrow();
    expect(lessonQrLink(lesson(30, NOTE), PAGE, true)).toBe('');
    expect(lessonQrLink(lesson(30), PAGE, false)).toBe('');
  });

  it('never returns a link denser than the limit, whatever the lesson’s size', () => {
    for (let n = 1; n <= 30; n++)
      for (const notes of [true, false]) {
        const link = lessonQrLink(lesson(n, NOTE), PAGE, notes);
        if (link) expect(version(link), `${n} cases`).toBeLessThanOrEqual(QR_MAX_VERSION);
      }
    // A one-case lesson always has its code.
    expect(lessonQrLink(lesson(1, NOTE), PAGE, true)).not.toBe('');
  });
});
