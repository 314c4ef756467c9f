/**
 * Closed vocabularies (regions, levels, domains, method families) live as data in `content/vocab/`.
 * This module validates that data and turns each list into a `z.enum`, so a typo in an entry
 * fails the build and adding a value is a one-line change to the JSON file.
 */
import { z } from 'astro/zod';
import { parseVocabFile, unique, uniqueNames } from './vocab-file.ts';
import regionsData from '../../content/vocab/regions.json' with { type: 'json' };
import domainsData from '../../content/vocab/domains.json' with { type: 'json' };
import themesData from '../../content/vocab/themes.json' with { type: 'json' };
import levelsData from '../../content/vocab/levels.json' with { type: 'json' };

/** Vocabulary ids are ASCII so they can appear in URLs and file names. */
const vocabId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'ids are lower-case ASCII words joined by hyphens');

export const vocabValueSchema = z.object({
  /** Stable ASCII id used in front matter and URLs. */
  id: vocabId,
  /** Chinese label shown to readers. */
  label: z.string().min(1),
  /** One-line definition shown on facet pages and in the editors' guide. */
  definition: z.string().min(1),
  /** Other names readers may search for. */
  aliases: z.array(z.string().min(1)).default([]),
});

export const regionValueSchema = vocabValueSchema.extend({
  /** Official full name, e.g. 广西壮族自治区. */
  fullName: z.string().min(1),
  /** GB/T 2260 six-digit code (新疆生产建设兵团 uses the customary 660000). */
  code: z.string().regex(/^\d{6}$/),
  /** Short label where the full one does not fit a map tile. */
  short: z.string().min(1).optional(),
  /** Column and row of the region's tile on the tile map. */
  tile: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
});

const vocabFile = <T extends z.ZodType<{ id: string; label: string }>>(value: T) =>
  z
    .object({ about: z.string(), values: z.array(value).min(1) })
    .superRefine(unique((v: z.infer<T>) => v.id, 'id'))
    .superRefine(uniqueNames<z.infer<T>>());

export type VocabValue = z.infer<typeof vocabValueSchema>;
export type RegionValue = z.infer<typeof regionValueSchema>;

export const regions: RegionValue[] = parseVocabFile(
  'regions.json',
  // Two regions on one tile would hide one of them on the map.
  vocabFile(regionValueSchema).superRefine(unique((v: RegionValue) => v.tile.join(','), '地图格')),
  regionsData,
).values;
export const domains: VocabValue[] = parseVocabFile('domains.json', vocabFile(vocabValueSchema), domainsData).values;
export const themes: VocabValue[] = parseVocabFile('themes.json', vocabFile(vocabValueSchema), themesData).values;
export const levels: VocabValue[] = parseVocabFile('levels.json', vocabFile(vocabValueSchema), levelsData).values;
/** Public service hotlines the privacy check allows (content/vocab/hotlines.json). */
export { hotlines, hotlineNumbers } from './hotlines.ts';

const ids = (values: { id: string }[]) => values.map((v) => v.id) as [string, ...string[]];

/** Province-level region id (see content/vocab/regions.json). */
export const regionId = z.enum(ids(regions));
/** Domain id: the kind of unit (see content/vocab/domains.json). */
export const domainId = z.enum(ids(domains));
/** Method-family id (see content/vocab/themes.json). */
export const themeId = z.enum(ids(themes));

export type RegionId = z.infer<typeof regionId>;
export type DomainId = z.infer<typeof domainId>;
export type ThemeId = z.infer<typeof themeId>;

/** Administrative level of the body named in `unit` (see content/vocab/levels.json); 单位 = outside the territorial hierarchy. */
export const levelId = z.enum(ids(levels));
export type LevelId = z.infer<typeof levelId>;

/**
 * Every vocabulary by kind, with the front-matter field that takes its ids. The guide, the content
 * check, the codebook, `npm run new` and the synthetic library read this list, so a new
 * vocabulary is described everywhere by its line here.
 */
export const vocabularies = { region: regions, level: levels, domain: domains, theme: themes } as const;
export type VocabKind = keyof typeof vocabularies;

export interface VocabField {
  kind: VocabKind;
  /** Chinese name of the vocabulary: 地区. */
  title: string;
  /** Front-matter field (dot path) holding its ids. */
  field: string;
  /** Whether the field is a list of ids. */
  multiple: boolean;
}

export const vocabFields: VocabField[] = [
  { kind: 'region', title: '地区', field: 'region.province', multiple: false },
  { kind: 'level', title: '层级', field: 'level', multiple: false },
  { kind: 'domain', title: '领域', field: 'domain', multiple: false },
  { kind: 'theme', title: '方法类别', field: 'themes', multiple: true },
];

const byId = <T extends { id: string }>(values: T[]) => new Map(values.map((v) => [v.id, v]));
const lookups = Object.fromEntries(Object.entries(vocabularies).map(([kind, values]) => [kind, byId<VocabValue>(values)])) as Record<
  VocabKind,
  Map<string, VocabValue>
>;

/** The vocabulary value for an id; throws on an unknown id because schemas already rule that out. */
export function vocab<K extends VocabKind>(kind: K, id: string): (typeof vocabularies)[K][number] {
  const value = lookups[kind].get(id);
  if (!value) throw new Error(`unknown ${kind} id "${id}"`);
  return value as (typeof vocabularies)[K][number];
}

/** Chinese label for an id. */
export const labelOf = (kind: VocabKind, id: string) => vocab(kind, id).label;

import variantsData from '../../content/vocab/variants.json' with { type: 'json' };
import thesaurusData from '../../content/vocab/thesaurus.json' with { type: 'json' };
import { thesaurusFileSchema, variantsFileSchema, type Topic, type Variant } from './search-vocab.ts';

/** Parses a search vocabulary file, naming the file, the entry and the field on error. */

/** Reviewed variant spellings folded together by search (content/vocab/variants.json). */
export const variants: Variant[] = parseVocabFile('variants.json', variantsFileSchema, variantsData).values;

/**
 * Search topics (content/vocab/thesaurus.json) plus one per method family and per domain: its
 * label and each alias lead to each other, so 纠纷调解 also finds the family 矛盾调解, and 国企党建
 * the domain 国有企业.
 */
export const thesaurus: Topic[] = (() => {
  const own = parseVocabFile('thesaurus.json', thesaurusFileSchema, thesaurusData).topics;
  const out = new Map(own.map((t) => [t.term, new Set(t.related)]));
  for (const value of [...themes, ...domains]) {
    for (const name of [value.label, ...value.aliases]) {
      const related = out.get(name) ?? new Set<string>();
      for (const other of [value.label, ...value.aliases]) if (other !== name) related.add(other);
      if (related.size) out.set(name, related);
    }
  }
  return [...out].map(([term, related]) => ({ term, related: [...related] }));
})();

/** The synonyms readers may search with for a vocabulary value: its aliases and the topics that lead to it. */
export function synonymsOf(kind: VocabKind, id: string): string[] {
  const value = vocab(kind, id);
  const names = new Set([value.label, ...value.aliases]);
  const out = new Set(value.aliases);
  for (const t of thesaurus) if (t.related.some((r) => names.has(r)) && !names.has(t.term)) out.add(t.term);
  return [...out];
}

/** The synonyms of a method family (see synonymsOf). */
export const themeSynonyms = (id: string) => synonymsOf('theme', id);
