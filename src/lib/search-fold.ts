/**
 * Folding: the spellings readers mix up are made one before matching, on the index side and the
 * query side alike, so 三本臺賬, 台帐 and 三本台账 meet. Folding is one code point for one code
 * point (a folded text is as long as its source), so a match in the folded text marks the same
 * characters in the text the reader sees.
 *
 * - Traditional → simplified, one character at a time (a table generated from OpenCC at build
 *   time, see src/lib/search-lexicon.node.ts; the browser gets only the characters the library needs).
 * - The reviewed variant table `content/vocab/variants.json` (帐→账, 〇→零…), applied after it.
 * - 、 and · inside names are ignored: they become a quote mark, which matching skips, so 笑问听析讲
 *   meets 笑、问、听、析、讲.
 */

/** Signs that separate the parts of a name (笑、问、听 / 马克思·恩格斯) and are ignored by folded matching. */
const NAME_SEPARATORS = new Set(['、', '·', '•', '‧', '・']);
/** What a separator becomes: a quote mark, which `compact` drops without leaving a boundary. */
const TRANSPARENT = '“';

export interface Folder {
  /** One character to one character (traditional → simplified, then single-character variants). */
  chars: Map<string, string>;
  /** Equal-length phrase variants, applied after the characters (好象→好像). */
  phrases: [string, string][];
}

/** A variant pair as written in content/vocab/variants.json. */
export interface Variant {
  from: string;
  to: string;
}

/**
 * A folder from a string of traditional/simplified character pairs ("臺台賬账…", as the lexicon
 * ships it) and the reviewed variants. A variant also applies to what traditional folding gives,
 * so 帳 → 帐 → 账.
 */
export function makeFolder(pairs: string, variants: Variant[]): Folder {
  const single = new Map<string, string>();
  const phrases: [string, string][] = [];
  for (const v of variants) {
    if ([...v.from].length === 1) single.set(v.from, v.to);
    else phrases.push([v.from, v.to]);
  }
  const chars = new Map(single);
  const list = [...pairs];
  for (let i = 0; i + 1 < list.length; i += 2) chars.set(list[i], single.get(list[i + 1]) ?? list[i + 1]);
  return { chars, phrases };
}

/** The folder that changes nothing but the name separators (used before the lexicon arrives). */
export const plainFolder: Folder = { chars: new Map(), phrases: [] };

/** The text with every foldable character folded; exactly as many code points as the source. */
export function fold(text: string, folder: Folder): string {
  let out = '';
  for (const char of text) out += NAME_SEPARATORS.has(char) ? TRANSPARENT : (folder.chars.get(char) ?? char);
  for (const [from, to] of folder.phrases) if (out.includes(from)) out = out.replaceAll(from, to);
  return out;
}

/** True when folding changes the text in a way matching can see. */
export const folds = (text: string, folder: Folder) => fold(text, folder) !== text;
