/**
 * Exact-substring recall on top of Pagefind. Pagefind segments Chinese one way when indexing
 * (jieba) and another way in the browser (Intl.Segmenter), so a word can be cut differently on
 * the two sides and missed. We therefore index an entry as ASCII tokens that no segmenter splits:
 * one per character pair and one per character. A query is sent as the pairs of what the reader
 * typed (or the character itself, for one character): every page containing the query contains
 * all those tokens, so Pagefind returns it, and `containsAll` then removes pages that hold the
 * tokens but not the phrase. The readable text travels in the record's metadata.
 */
import { BOUNDARY, compact } from './search.ts';


/**
 * Token for a character pair: `q` + three letters from a 32-bit FNV-1a hash (17,576 buckets).
 * Letters only, so every tokenizer keeps it whole; short, so the index and the result fragments
 * stay small. Two pairs may share a bucket: that only adds candidates, which `containsAll` removes,
 * and never loses a page.
 */
export function token(pair: string): string {
  let hash = 0x811c9dc5;
  for (const char of pair) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  let bucket = hash % 17576;
  let out = '';
  for (let i = 0; i < 3; i++) {
    out = String.fromCharCode(97 + (bucket % 26)) + out;
    bucket = Math.floor(bucket / 26);
  }
  return `q${out}`;
}

/**
 * Token for one character: `x` + its code point in four letters (exact, so no collisions). Pair
 * tokens start with `q`, so the two kinds never meet.
 */
export function charToken(char: string): string {
  let code = char.codePointAt(0)!;
  let out = '';
  for (let i = 0; i < 4; i++) {
    out = String.fromCharCode(97 + (code % 26)) + out;
    code = Math.floor(code / 26);
  }
  return `x${out}${code ? String.fromCharCode(97 + code) : ''}`;
}

/** Every adjacent character pair of the text, as tokens, each once. */
export function textTokens(text: string): string[] {
  const chars = [...compact(text)];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] !== BOUNDARY && chars[i + 1] !== BOUNDARY) out.add(token(chars[i] + chars[i + 1]));
  }
  return [...out];
}

/** Every character of the text, as tokens, each once: what a one-character query looks up. */
export function charTokens(text: string): string[] {
  const out = new Set<string>();
  for (const char of compact(text)) if (char !== BOUNDARY && char.trim()) out.add(charToken(char));
  return [...out];
}

/**
 * The tokens to send to Pagefind for parsed query terms: the pairs of each term, or for a
 * one-character term its character token.
 */
export function queryTokens(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    const chars = [...compact(term)].filter((c) => c !== BOUNDARY);
    if (chars.length === 1) out.add(charToken(chars[0]));
    for (let i = 0; i + 1 < chars.length; i++) out.add(token(chars[i] + chars[i + 1]));
  }
  return [...out];
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Visible text of an HTML fragment, leaving out elements marked data-pagefind-ignore. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(section|div|aside|p|span|a|nav)\b[^>]*data-pagefind-(?:ignore|filter)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    // Inline elements do not break a word; block elements do.
    .replace(/<\/?(strong|em|b|i|a|span|mark|code|abbr|small|sup|sub)\b[^>]*>/gi, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, name: string) =>
      name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (entities[name] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
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
