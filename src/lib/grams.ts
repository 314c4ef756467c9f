/**
 * Exact-substring recall on top of Pagefind. Pagefind segments Chinese one way when indexing
 * (jieba) and another way in the browser (Intl.Segmenter), so a word can be cut differently on
 * the two sides and missed. We therefore index an entry as ASCII tokens that no segmenter splits,
 * one for every character followed by the next: `q` + the character's code + the next one's code,
 * or just `q` + the character's code when a boundary or the end follows.
 *
 * A query is sent as the tokens of its own pairs: every page containing the query contains all
 * of them, so Pagefind returns it, and `containsAll` then removes pages that hold the pairs but
 * not the phrase. A one-character query is sent as `q` + its code, which Pagefind matches as a
 * prefix of every token starting with that character: every occurrence starts a token, so every
 * page holding the character is found without indexing characters separately. The readable text
 * travels in the record's metadata.
 */
import { BOUNDARY, compact } from './search.ts';

/**
 * Symbols per code: three base-36 digits (0-9, a-z) cover U+0000 to U+B63F, every CJK Unified
 * Ideograph of the BMP included. Nine letters a token (four per code) made Pagefind's write about
 * a tenth slower at 1,000 entries for the same information (README, Performance, round 25).
 * Letters and digits in one run are one word to Pagefind and to Intl.Segmenter (UAX #29 joins
 * them), so no tokenizer splits a token.
 */
const WIDTH = 3;

/** Code points past this share its code: only extra candidates, which `containsAll` removes. */
const LAST_CODE = 36 ** WIDTH - 1;

/** Codes already computed, by code point (clamped): a text repeats its characters, and each is coded once. */
const codes = new Map<number, string>();

/** The three base-36 symbols of a clamped code point. */
function symbolsOf(code: number): string {
  const known = codes.get(code);
  if (known !== undefined) return known;
  const out = code.toString(36).padStart(WIDTH, '0');
  codes.set(code, out);
  return out;
}

/** A character's code point, clamped to LAST_CODE. */
const codeOf = (char: string) => Math.min(char.codePointAt(0)!, LAST_CODE);

/** A character as three symbols (U+0000 to U+B63F exactly): fixed length, so codes never run together. */
export const charCode = (char: string): string => symbolsOf(codeOf(char));

/** The token spelled from a clamped code and the next one's (-1: none). */
const spell = (first: number, second: number) => `q${symbolsOf(first)}${second >= 0 ? symbolsOf(second) : ''}`;

/** The token for a character and the one after it (none at a boundary or the end). */
export const token = (char: string, next?: string) => spell(codeOf(char), next ? codeOf(next) : -1);

/** Pair keys: first code × SPAN + second code + 1, or first code × SPAN alone for a token with no second character. */
const SPAN = LAST_CODE + 2;

/** The tokens of a text, each once, in the order they first occur. */
export function textTokens(text: string): string[] {
  // Deduplicated as numbers and spelled once each: a text holds about half again as many pairs as distinct ones.
  const keys = new Set<number>();
  /** The previous character's code if it starts a token (neither a boundary nor a space), else -1. */
  let previous = -1;
  for (const char of compact(text)) {
    const code = char !== BOUNDARY && char.trim() ? codeOf(char) : -1;
    if (previous >= 0) keys.add(previous * SPAN + code + 1);
    previous = code;
  }
  if (previous >= 0) keys.add(previous * SPAN);
  return Array.from(keys, (key) => spell(Math.floor(key / SPAN), (key % SPAN) - 1));
}

/**
 * The tokens to send to Pagefind for parsed query terms: the pairs of each term, or for a
 * one-character term the prefix every token of that character starts with.
 */
export function queryTokens(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    const chars = [...compact(term)].filter((c) => c !== BOUNDARY);
    if (chars.length === 1) out.add(token(chars[0]));
    for (let i = 0; i + 1 < chars.length; i++) out.add(token(chars[i], chars[i + 1]));
  }
  return [...out];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/**
 * One character of a tag after its name, or a whole quoted attribute value: satteri and Astro leave
 * `<` and `>` raw inside quoted values (valid HTML), so `[^>]*` would end the tag at a link title's `>`.
 */
export const IN_TAG = String.raw`(?:[^>"']|"[^"]*"|'[^']*')`;
const IGNORED = new RegExp(
  `<(section|div|aside|p|span|a|nav)\\b${IN_TAG}*?data-pagefind-(?:ignore|filter)${IN_TAG}*>[\\s\\S]*?<\\/\\1>`,
  'gi',
);
const INLINE_TAG = new RegExp(`<\\/?(strong|em|b|i|a|span|mark|code|abbr|small|sup|sub)\\b${IN_TAG}*>`, 'gi');
const ANY_TAG = new RegExp(`<${IN_TAG}+>`, 'g');

/** Visible text of an HTML fragment, leaving out elements marked data-pagefind-ignore. */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
      .replace(IGNORED, ' ')
      // Inline elements do not break a word; block elements do.
      .replace(INLINE_TAG, '')
      .replace(ANY_TAG, ' ')
      .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, name: string) =>
        name[0] === '#'
          ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1)))
          : (entities[name] ?? m),
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

/**
 * Where an entry page's indexed article starts and ends. The index build and the search
 * benchmark's ground truth both use it, so they read exactly the same text.
 */
export function articleBounds(html: string): { start: number; end: number } {
  const start = html.search(/<article\b[^>]*data-pagefind-body/);
  // The entry's own article holds no nested article; related cards come after it.
  const end = start < 0 ? -1 : html.indexOf('</article>', start);
  if (start < 0 || end < start) throw new Error('entry page has no <article data-pagefind-body>');
  return { start, end };
}
