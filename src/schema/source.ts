/**
 * Source documents: one data file per document in `content/sources/`, plus the reference an entry
 * makes to one of them (`source: { id, locator }`).
 */
import { zodMessage } from './message.ts';
import { z } from 'astro/zod';
import { regionId } from './vocab.ts';
import { nameText, proseText } from './text.ts';

/** Source ids are ASCII slugs, the file name of `content/sources/<id>.json`. */
export const sourceId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, zodMessage('来源 id 只能由小写字母、数字和连字符组成', 'source ids are lower-case ASCII slugs'));

/** Where in a source something stands: `第99-307行` (lines) or `第13页` / `第13-15页` (pages). */
export const locator = z
  .string()
  .regex(/^第\d+(?:-\d+)?[行页]$/, zodMessage('位置须写成“第99-307行”或“第13页”', 'write the locator as 第99-307行 or 第13页'))
  .refine(
    (value) => {
      // Refinements run even when the pattern failed; only a well-formed range is compared.
      const [start, end] = (value.match(/\d+/g) ?? []).map(Number);
      return end === undefined || end >= start;
    },
    zodMessage('起止顺序颠倒', 'the range ends before it starts'),
  )
  .describe('在来源中的位置：行号范围写“第99-307行”，页码写“第13页”或“第13-15页”');

/** An entry's citation of its source document. */
export const sourceRef = z.strictObject({
  /** Id of the source document in `content/sources/`. */
  id: sourceId.describe('来源文件的 id（见“来源”页面）'),
  /** Line range or page within that document. */
  locator,
});

/** An item a source names (in its contents or an award list) that has no entry yet. */
export const listedItem = z.strictObject({
  /** The item's headline as the source gives it. */
  headline: nameText(z.string().min(1)),
  /** The subtitle or second line, where the source has one. */
  subtitle: nameText(z.string()).optional(),
  /** The practising unit, as far as the source states it. */
  unit: nameText(z.string()).optional(),
  /** Province, where the source states or clearly implies it. */
  province: regionId.optional(),
  /** Where the item stands in the source. */
  locator,
  /** Which list of the source it belongs to, e.g. 目录, 最佳案例, 优秀案例. */
  list: nameText(z.string().min(1)),
  /** Rank or number within that list. */
  rank: z.number().int().positive().optional(),
  /** Editors' note, e.g. what was filled in from geography. */
  note: proseText(z.string()).optional(),
});

export const sourceKinds = ['文件', '图书', '报道', '报道汇编', '网络汇编'] as const;

/** One source document. */
export const sourceSchema = z.strictObject({
  /** Title of the document (or a bracketed description where it has none). */
  title: nameText(z.string().min(1)),
  /** Issuing body or editor, where stated. */
  issuer: nameText(z.string()).optional(),
  /** Publisher, for books. */
  publisher: nameText(z.string()).optional(),
  /** Document number (文号), for official documents. */
  docNumber: nameText(z.string()).optional(),
  /** ISBN, for books. */
  isbn: nameText(z.string()).optional(),
  /** Date of the document as precisely as known: YYYY, YYYY-MM or YYYY-MM-DD. */
  date: z
    .string()
    .regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/)
    .optional(),
  /** What is known about the date where it is not stated. */
  dateNote: proseText(z.string()).optional(),
  /** Kind of document. */
  kind: z.enum(sourceKinds),
  /** File name of the seed text the line numbers refer to. */
  file: nameText(z.string().min(1)),
  /** Number of lines in that file, so line locators can be checked against it. */
  lines: z.number().int().positive(),
  /** Short order key so sources list in a stable order. */
  order: z.number().int().nonnegative(),
  /** What readers should know about the document: structure, damage, masking. */
  notes: proseText(z.string().min(1)),
  /** Items the source names that have no entry yet: the editors' backlog. */
  listed: z.array(listedItem).default([]),
});

export type SourceData = z.infer<typeof sourceSchema>;
export type ListedItem = z.infer<typeof listedItem>;
