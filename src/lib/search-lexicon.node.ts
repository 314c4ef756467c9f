/**
 * The search lexicon: small JSON files written next to the index. `/pagefind/lexicon.json` is
 * loaded with the first search (folding, thesaurus, method families, titles); `/pagefind/names.json`
 * (every page's names) only for a possible typo or pinyin; `/pagefind/pinyin.json` only for pinyin. It holds what ranking, folding, the thesaurus,
 * typo tolerance and pinyin need for every entry, so that the order of all candidates is known
 * before any page's text is read, and the phone never downloads a pinyin or OpenCC dictionary:
 *
 * - `fold`: traditional → simplified character pairs, only those whose simplified side occurs in
 *   the library (a character that occurs nowhere finds nothing, folded or not);
 * - `variants`, `thesaurus`: the reviewed vocabularies from content/vocab/;
 * - `pages`: per Pagefind page id, the entry's title, aliases, unit, place, method
 *   families and the pinyin (full and initials) of its names, computed here at build time.
 *
 * Node only: imports OpenCC's tables and pinyin-pro.
 */
import { pinyin } from 'pinyin-pro';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { makeFolder, type Folder, type Variant } from './search-fold.ts';
import { NAME_LIST, namesOf, type LexiconFile, type LexiconPage } from './search-plan.ts';

let fullPairs: string | undefined;

/** The 6,763 characters of GB 2312 (rows 0xB0–0xF7), decoded with the platform's GBK decoder. */
function gb2312(): Set<string> {
  const decoder = new TextDecoder('gbk');
  const out = new Set<string>();
  for (let hi = 0xb0; hi <= 0xf7; hi++) for (let lo = 0xa1; lo <= 0xfe; lo++) out.add(decoder.decode(new Uint8Array([hi, lo])));
  return out;
}

/** Every character OpenCC lists as a possible simplified form (including 著, 乾 where they stand for themselves). */
const targets = new Set<string>();

/** One of OpenCC's tables ("from to1 to2|…"), read from the installed opencc-js package: first target per character. */
function openccTable(name: string): Map<string, string> {
  const dir = createRequire(import.meta.url)
    .resolve('opencc-js')
    .replace(/dist[\\/].*$/, 'dist/esm-lib/dict/');
  const text = readFileSync(`${dir}${name}.js`, 'utf8');
  const body = JSON.parse(text.slice(text.indexOf('"'), text.lastIndexOf('"') + 1)) as string;
  const out = new Map<string, string>();
  for (const item of body.split('|')) {
    const [from, to, ...others] = item.split(' ');
    if (name === 'TSCharacters') for (const t of [to, ...others]) if (t) targets.add(t);
    if (from && to && [...from].length === 1 && [...to].length === 1) out.set(from, to);
  }
  return out;
}

/**
 * Every traditional (and Taiwan/Hong Kong variant) character with a one-character simplified form,
 * as pairs in one string ("臺台賬账…"), from OpenCC's character tables (the first simplified form
 * where OpenCC lists several).
 */
export async function traditionalPairs(): Promise<string> {
  if (fullPairs) return fullPairs;
  const ts = openccTable('TSCharacters');
  // A character of GB 2312, the standard simplified set (么, 著, 乾, 台), is never folded into another one.
  const simplified = new Set([...targets, ...gb2312()]);
  const out = new Map<string, string>();
  for (const [from, to] of ts) if (from !== to && !simplified.has(from)) out.set(from, to);
  for (const name of ['TWVariantsRev', 'HKVariantsRev']) {
    for (const [variant, standard] of openccTable(name)) {
      const to = ts.get(standard) ?? standard;
      if (to !== variant && !out.has(variant) && !simplified.has(variant)) out.set(variant, to);
    }
  }
  return (fullPairs = [...out].map(([a, b]) => a + b).join(''));
}

/** The folder the index uses: every OpenCC pair and the reviewed variants. */
export async function indexFolder(variants: Variant[]): Promise<Folder> {
  return makeFolder(await traditionalPairs(), variants);
}

/** Only the pairs whose folded side occurs in `used` (the characters of the folded library). */
export function pairsFor(pairs: string, used: Set<string>, folder: Folder): string {
  const list = [...pairs];
  let out = '';
  for (let i = 0; i + 1 < list.length; i += 2) {
    const to = folder.chars.get(list[i]) ?? list[i + 1];
    if (used.has(to)) out += list[i] + list[i + 1];
  }
  return out;
}

/**
 * Full pinyin and initials of a name, lower case, no tones or spaces, ü as v (绿 → lv, as Chinese
 * keyboards take it); non-Chinese characters left out.
 */
export function pinyinOf(name: string): [string, string] {
  const han = name.replace(/[^\p{Script=Han}]/gu, '');
  const full = pinyin(han, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');
  const initials = pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' }).join('');
  return [full.toLowerCase(), initials.toLowerCase()];
}

/** What the lexicon needs of an entry. */
export interface LexiconSource {
  title: string;
  aliases: string[];
  unit: string;
  /** The place as shown, e.g. 四川省 德阳市 中江县. */
  region: string;
  themes: string[];
}

/** The lexicon's row for an entry. */
export function lexiconPage(e: LexiconSource): LexiconPage {
  return [e.title, e.aliases.join(NAME_LIST), e.unit, e.region, e.themes.join(NAME_LIST)];
}

/** The pinyin of a page's names, in `namesOf` order (see PinyinFile). */
export const pinyinRow = (row: LexiconPage) =>
  namesOf(row)
    .map((n) => pinyinOf(n).join(':'))
    .join(' ');

/** The lexicon file (loaded with the first search): no page's names but its title. */
export function lexiconFile(args: {
  pages: Record<string, LexiconPage>;
  pairs: string;
  variants: Variant[];
  thesaurus: { term: string; related: string[] }[];
  /** Method families: Pagefind `theme` filter value and label. */
  themes: { id: string; label: string; aliases?: string[] }[];
  /** Domains: Pagefind `domain` filter value and label. */
  domains?: { id: string; label: string }[];
}): LexiconFile {
  return {
    fold: args.pairs,
    variants: args.variants.map((v) => [v.from, v.to]),
    thesaurus: args.thesaurus.map((t) => [t.term, t.related]),
    themes: args.themes.map((t): [string, string, string] | [string, string] =>
      t.aliases?.length ? [t.id, t.label, t.aliases.join(NAME_LIST)] : [t.id, t.label],
    ),
    ...(args.domains ? { domains: args.domains.map((d): [string, string] => [d.id, d.label]) } : {}),
    titles: Object.fromEntries(Object.entries(args.pages).map(([id, p]) => [id, p[0]])),
    // In the order of `titles`' keys (JSON keeps it: the ids are not integers).
    // The region's parts set apart by spaces (" · " is for display; matching ignores both).
    places: Object.values(args.pages).map((p) => p[3].replace(/ · /g, ' ')),
    mainThemes: mainThemes(Object.values(args.pages), args.themes),
  };
}

/**
 * Each page's first method family, its main one (see LexiconFile.mainThemes): one letter per page
 * in the given order, the family's place in `themes` (a = 0), or '-' for none. About one byte
 * gzipped per four entries.
 */
export function mainThemes(pages: LexiconPage[], themes: { label: string }[]): string {
  const index = new Map(themes.map((t, i) => [t.label, i]));
  if (themes.length > 26) throw new Error(`mainThemes: ${themes.length} method families, one letter each holds at most 26`);
  return pages
    .map((p) => {
      const i = index.get(p[4].split(NAME_LIST)[0]);
      return i === undefined ? '-' : String.fromCharCode(97 + i);
    })
    .join('');
}
