/**
 * Public service hotlines (content/vocab/hotlines.json): the reviewed allow-list of numbers the
 * privacy check never reports, so an entry can name “96345” or “12345” but no one's own number.
 */
import { z } from 'astro/zod';
import hotlinesData from '../../content/vocab/hotlines.json' with { type: 'json' };

export const hotlineSchema = z.object({
  /** Stable ASCII id, e.g. zhengwu-12345. */
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case ASCII words joined by hyphens'),
  /** The number as dialled, digits only (3 to 12 digits). */
  number: z.string().regex(/^\d{3,12}$/, 'digits only, no spaces or dashes'),
  /** Chinese name of the line. */
  label: z.string().min(1),
  /** What the line is and where the library uses it: the reviewer's note. */
  definition: z.string().min(1),
});

export const hotlinesFileSchema = z
  .object({ about: z.string(), values: z.array(hotlineSchema).min(1) })
  .refine((file) => new Set(file.values.map((v) => v.number)).size === file.values.length, { message: 'duplicate number in hotlines' })
  .refine((file) => new Set(file.values.map((v) => v.id)).size === file.values.length, { message: 'duplicate id in hotlines' });

export type Hotline = z.infer<typeof hotlineSchema>;

export const hotlines: Hotline[] = hotlinesFileSchema.parse(hotlinesData).values;
/** The allowed numbers, digits only. */
export const hotlineNumbers: string[] = hotlines.map((h) => h.number);
