/**
 * Exact-substring recall on top of Pagefind. Pagefind segments Chinese one way when indexing
 * (jieba) and another way in the browser (Intl.Segmenter), so a word can be cut differently on
 * the two sides and missed. We therefore also index every character pair of an entry's text as
 * an ASCII token that no segmenter splits, and query with the pairs of what the reader typed:
 * every page containing the query contains all its pairs, so Pagefind returns it, and
 * `containsAll` then removes pages that hold the pairs but not the phrase.
 */
import { compact } from './search.ts';

/** Marks the start of the token block in Pagefind's page content, so excerpts can drop it. */
export const GRAM_MARK = 'qqgramsqq';


/** A code point as four lower-case letters: tokens made only of letters stay whole in every tokenizer. */
function letters(codePoint: number): string {
  let out = '';
  for (let i = 0; i < 4; i++) {
    out = String.fromCharCode(97 + (codePoint % 26)) + out;
    codePoint = Math.floor(codePoint / 26);
  }
  return out;
}

/** Token for one character (`qu` + 4 letters) or a pair (`qb` + 8 letters); fixed lengths make prefix matches exact. */
export function token(chars: string): string {
  const points = [...chars].map((c) => c.codePointAt(0)!);
  return (points.length === 1 ? 'qu' : 'qb') + points.map(letters).join('');
}

/** Every single character and adjacent pair of the text, as tokens, each once. */
export function textTokens(text: string): string[] {
  const chars = [...compact(text)];
  const out = new Set<string>();
  chars.forEach((c, i) => {
    out.add(token(c));
    if (i + 1 < chars.length) out.add(token(c + chars[i + 1]));
  });
  return [...out];
}

/** The tokens to send to Pagefind for parsed query terms: the pairs of each term (its character if it has one). */
export function queryTokens(terms: string[]): string[] {
  const out = new Set<string>();
  for (const term of terms) {
    const chars = [...compact(term)];
    if (chars.length === 1) out.add(token(chars[0]));
    for (let i = 0; i + 1 < chars.length; i++) out.add(token(chars[i] + chars[i + 1]));
  }
  return [...out];
}

/** Page content as Pagefind returns it, without the token block. */
export const stripTokens = (content: string) => {
  const at = content.indexOf(GRAM_MARK);
  return at < 0 ? content : content.slice(0, at);
};

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

/** Visible text of an HTML fragment, leaving out elements marked data-pagefind-ignore. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|template)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<(section|div|aside|p|span|a|nav)\b[^>]*data-pagefind-ignore[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, name: string) =>
      name[0] === '#' ? String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : Number(name.slice(1))) : (entities[name] ?? m),
    )
    .replace(/\s+/g, ' ')
    .trim();
}
