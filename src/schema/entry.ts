/**
 * The entry contract: one published entry as every reader of it sees it — the entry page, its
 * search record, the open data (cases.json / cases.csv) and `/cases/<id>.json`, which the lesson,
 * compare and export features fetch instead of reading the entry page's HTML. It is computed once
 * per entry (src/lib/entry-view.ts, called by src/lib/cases.ts) from the front matter, the body
 * and the source. Imports nothing from src/lib/ and no vocabulary, so the browser can check a
 * fetched file against it cheaply. Bump `version` when a field changes meaning.
 */
import { z } from 'astro/zod';
import { ENTRY_ID } from './lesson-limits.ts';

/** A label and its value as shown, e.g. 办结诉求：1200 件. */
export const labelledValue = z.object({
  /** What is measured or named. */
  label: z.string(),
  /** The value as the page shows it. */
  value: z.string(),
});

/** One line of the info box, keyed by the field it shows. */
export const entryFact = labelledValue.extend({
  /** unit, region, level, domain, themes or year. */
  field: z.enum(['unit', 'region', 'level', 'domain', 'themes', 'year']),
});

/** A vocabulary value with its label. */
export const labelledId = z.object({
  /** The vocabulary id (content/vocab/). */
  id: z.string(),
  /** Its Chinese name. */
  label: z.string(),
});

/** One of the four body sections. */
export const entrySection = z.object({
  /** 背景, 做法, 成效 or 启示, in the body's order. */
  name: z.string(),
  /** The section as HTML, rendered by satteri (the compiler behind the page's MDX); entry text escaped. */
  html: z.string(),
  /** Its blocks as plain text: a paragraph, `- item` or `1. item` per list item, `#### heading` per sub-heading. */
  blocks: z.array(z.string()),
});

export const entryView = z.object({
  /** Contract version of this file. */
  version: z.literal(1),
  /** The entry id; its page is /cases/<id>/ on the site. */
  id: z.string().regex(ENTRY_ID),
  /** The method's name. */
  title: z.string().min(1),
  /** The source's own headline, where it differs. */
  headline: z.string().optional(),
  /** One or two sentences. */
  summary: z.string(),
  /** Other names of the method or its parts. */
  aliases: z.array(z.string()),
  /** 已发布, or 待审 when the site shows pending entries. */
  status: z.string(),
  /** The practising unit. */
  unit: z.string(),
  /** Where the unit is. */
  region: z.object({
    /** Province-level id; absent when the source does not say. */
    province: z.string().optional(),
    /** The province's name. */
    provinceLabel: z.string().optional(),
    /** Its GB/T 2260 code. */
    provinceCode: z.string().optional(),
    /** Prefecture-level city as the source writes it. */
    city: z.string().optional(),
    /** County-level division. */
    county: z.string().optional(),
    /** Why the region is incomplete. */
    note: z.string().optional(),
    /** The most specific place, e.g. 广东 · 韶关市 · 始兴县, or 地区未载明. */
    label: z.string(),
  }),
  /** Administrative level of the unit: id and label. */
  level: labelledId,
  /** Where the work happens. */
  domain: labelledId,
  /** Method families, most important first. */
  themes: z.array(labelledId).min(1),
  /** Year the practice started, when the source says. */
  year: z.number().int().optional(),
  /** Search filter ids by facet key, `none` where the source does not say (src/lib/facets.ts). */
  filters: z.record(z.string(), z.array(z.string())),
  /** The info box as the page shows it: 实践单位, 地区, 层级, 领域, 方法类别, 起始年份. */
  facts: z.array(entryFact),
  /** Facts the editors inferred, with the reason. */
  inferred: z.array(z.object({ field: z.string(), label: z.string(), note: z.string() })),
  /** Editors' note on the source (damage, masking, scope). */
  notes: z.string().optional(),
  /** The body's sections in order. */
  sections: z.array(entrySection),
  /** Key figures as the source states them. */
  figures: z.array(labelledValue),
  /** Discussion questions. */
  questions: z.array(z.string()),
  /** Ids of entries the editors linked. */
  related: z.array(z.string()),
  /** Editors' teaching notes (编者按), never the source's words. */
  teaching: z
    .object({
      /** Learning goals. */
      goals: z.array(z.string()),
      /** Who the entry suits. */
      audience: z.string(),
      /** Suggested discussion steps. */
      flow: z.array(z.string()),
      /** Entries to read next (ids). */
      further: z.array(z.string()),
    })
    .optional(),
  /** The source document and the place in it. */
  source: z.object({
    /** Source document id (/sources/<id>/). */
    id: z.string(),
    /** Its title; a made-up title is marked （无题）. */
    title: z.string(),
    /** Document number (文号), if any. */
    docNumber: z.string().optional(),
    /** Date of the document. */
    date: z.string().optional(),
    /** Line range or page, as stored: 第99-307行. */
    locator: z.string(),
    /** The whole citation as printed: title（文号），date，第 99–307 行。 */
    citation: z.string(),
  }),
  /** Who wrote the entry. */
  author: z.string(),
  /** Last review against the source, YYYY-MM-DD. */
  reviewed: z.string(),
});

export type EntryView = z.infer<typeof entryView>;
export type EntrySection = z.infer<typeof entrySection>;
