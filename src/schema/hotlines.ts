/**
 * Public service hotlines (content/vocab/hotlines.json): the reviewed allow-list of numbers the
 * privacy check never reports, so an entry can name “96345” or “12345” but no one's own number.
 */
import { z } from 'astro/zod';
import { parseVocabFile, unique } from './vocab-file.ts';
import hotlinesData from '../../content/vocab/hotlines.json' with { type: 'json' };

export const hotlineSchema = z.object({
  /** Stable ASCII id, e.g. zhengwu-12345. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case ASCII words joined by hyphens'),
  /**
   * The number as dialled, digits only: a short service number (3 to 6 digits: 12345, 96345) or a
   * 400/800 line. Never a mobile or a landline: those are a person's or an office's own number.
   */
  number: z
    .string()
    .regex(
      /^(?:\d{3,6}|[48]00\d{7})$/,
      '只能是 3—6 位的服务号码（如 12345、96345）或 400、800 开头的 10 位号码，只写数字；手机号和固定电话是个人或办公室自己的号码，不能列入 / a 3–6 digit service number or a 400/800 line, digits only',
    ),
  /** Chinese name of the line. */
  label: z.string().min(1),
  /** What the line is and where the library uses it: the reviewer's note. */
  definition: z.string().min(1),
});

export const hotlinesFileSchema = z
  .object({ about: z.string(), values: z.array(hotlineSchema).min(1) })
  .superRefine(unique((v: z.infer<typeof hotlineSchema>) => v.number, '号码'))
  .superRefine(unique((v: z.infer<typeof hotlineSchema>) => v.id, 'id'));

export type Hotline = z.infer<typeof hotlineSchema>;

export const hotlines: Hotline[] = parseVocabFile('hotlines.json', hotlinesFileSchema, hotlinesData).values;
/** The allowed numbers, digits only. */
export const hotlineNumbers: string[] = hotlines.map((h) => h.number);
