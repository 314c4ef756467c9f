/**
 * The reviewed synonym table of section headings (`content/vocab/headings.json`): which headings
 * of a submitted Word document open which of the four sections. Validated here so a heading that
 * is listed twice, or under a section that does not exist, fails the tests and the import.
 */
import { zodMessage } from './message.ts';
import { z } from 'astro/zod';
import { parseVocabFile } from './vocab-file.ts';
import headingsData from '../../content/vocab/headings.json' with { type: 'json' };
import { sectionNames } from './sections.ts';

/** A heading as documents write it, without numbering: 主要做法, 取得成效. */
const heading = z
  .string()
  .trim()
  .min(1)
  .max(20)
  .regex(/^[^\s\d一二三四五六七八九十、（）().．]/, zodMessage('标题不写编号', 'no numbering in the table'));

export const headingsSchema = z
  .object({
    /** What the table is for, for the next reviewer. */
    about: z.string().min(1),
    /** For each section, the headings that open it (one list per section, all four required). */
    sections: z.object(
      Object.fromEntries(sectionNames.map((name) => [name, z.array(heading).min(1)])) as Record<
        (typeof sectionNames)[number],
        z.ZodArray<typeof heading>
      >,
    ),
  })
  .refine(
    (table) => {
      const all = Object.values(table.sections).flat();
      return new Set(all).size === all.length;
    },
    zodMessage('同一个标题列在了两节下', 'a heading is listed under two sections'),
  );

export type HeadingTable = z.infer<typeof headingsSchema>;

/** The parsed table: section name → headings. */
export const headingSynonyms: HeadingTable['sections'] = parseVocabFile('headings.json', headingsSchema, headingsData).sections;
