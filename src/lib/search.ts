/**
 * Search query handling, pure so it can be unit-tested and shared by the search page and the
 * benchmark. Pagefind finds candidate pages; these rules decide what the reader asked for and
 * which candidates really contain it, so that 台账 never matches a page with only 平台 and 账户.
 */
import { standsAsWord } from './search-words.ts';

const CJK = '\\p{Script=Han}';
const cjkRun = new RegExp(`[${CJK}]+`, 'gu');

/**
 * Folds the forms readers mix up: full-width letters, digits and signs (ＡＢＣ１２３＋) to half-width,
 * ideographic spaces to spaces, Latin to lower case. Applied to queries and to page text alike.
 */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Signs that belong to numbers and names like 1+10, and so are not separators. */
const keep = /[+#%]/;

/** Splits a query into terms; each term must appear in a result as written. */
export function parseQuery(query: string): string[] {
  const folded = normalize(query);
  let terms: string[] = [];
  let current = '';
  for (const char of folded) {
    if (keep.test(char) || !/[\s\p{P}\p{S}]/u.test(char)) current += char;
    else {
      terms.push(current);
      current = '';
    }
  }
  terms.push(current);
  // A sign with no digit or letter next to it (a stray "+") is punctuation after all.
  terms = terms.map((t) => t.replace(/^[+#%]+|[+]+$/g, '')).filter((t) => t.length > 0);
  // The same term twice, or a term inside a longer one, adds nothing.
  const unique = [...new Set(terms)];
  return unique.filter((t) => !unique.some((other) => other !== t && other.includes(t)));
}

/** Quotes and brackets do not interrupt a phrase: 三本台账 matches “三本台账”. */
const transparent = /["'“”‘’「」『』《》〈〉()[\]【】〔〕]/;
const isHan = (char: string | undefined) => !!char && /\p{Script=Han}/u.test(char);
/** Stands where a phrase may not run across: sentence punctuation, or a space between two Chinese characters. */
export const BOUNDARY = '|';

/**
 * The text as matching sees it, like Ctrl+F with the obvious forgiveness: folded (全角/半角, case),
 * quotes and brackets dropped, spaces dropped except between two Chinese characters (where they
 * separate blocks, as in a heading followed by a paragraph), and other punctuation turned into a
 * boundary that no phrase crosses, so 背景 / 宁波 never reads as 景宁.
 */
const wordChar = /[\p{L}\p{N}]/u;

export function compact(text: string): string {
  const chars = [...normalize(text)];
  let out = '';
  // The last UTF-16 unit of `out`, kept aside: reading out[out.length - 1] flattened the growing
  // string at every sign, which made a long text cost far more than its length.
  let last = '';
  for (let i = 0; i < chars.length; i++) {
    const char = chars[i];
    // Letters and digits (nearly every character) are kept as they are; test them first.
    if (wordChar.test(char) || keep.test(char)) {
      out += char;
      last = char[char.length - 1];
    } else if (transparent.test(char)) continue;
    else if (/\s/.test(char)) {
      let j = i + 1;
      while (j < chars.length && /\s/.test(chars[j])) j++;
      if (isHan(last) && isHan(chars[j])) out += last = BOUNDARY;
    } else if (/[\p{P}\p{S}]/u.test(char)) {
      if (last !== BOUNDARY) out += last = BOUNDARY;
    } else {
      out += char;
      last = char[char.length - 1];
    }
  }
  return out;
}

/** True when every term occurs in the text (after folding). */
export function containsAll(text: string, terms: string[]): boolean {
  const haystack = compact(text);
  return terms.every((term) => haystack.includes(compact(term)));
}

/**
 * The looser query tried when the strict one finds nothing: mixed runs split into their Chinese
 * and Latin/digit parts, and Chinese runs longer than four characters into two-character pieces
 * a reader might have meant (社区服务中心 → 社区 服务 中心).
 */
export function loosen(terms: string[]): string[] {
  const pieces = terms.flatMap((term) => term.match(new RegExp(`[${CJK}]+|[^${CJK}]+`, 'gu')) ?? []);
  const out = pieces.flatMap((piece) => {
    if (!cjkRun.test(piece) || [...piece].length <= 4) return [piece];
    cjkRun.lastIndex = 0;
    const chars = [...piece];
    const parts: string[] = [];
    for (let i = 0; i < chars.length; i += 2) parts.push(chars.slice(i, i + 2).join(''));
    return parts.filter((p) => [...p].length === 2);
  });
  cjkRun.lastIndex = 0;
  return [...new Set(out)].filter((t) => t.length > 0);
}

export interface Segment {
  text: string;
  mark: boolean;
}

/**
 * A short excerpt of `text` around the first occurrence of any term, split into marked and
 * unmarked segments so callers can render it without building HTML from strings.
 */
export function excerpt(text: string, terms: string[], length = 90): Segment[] {
  const chars = [...text];
  const folded = [...normalize(text)];
  // NFKC can change length (rare compatibility characters); fall back to the raw text then.
  const source = folded.length === chars.length ? folded.join('') : text.toLowerCase();
  let first = -1;
  for (const term of terms) {
    const at = source.indexOf(term);
    if (at >= 0 && (first < 0 || at < first)) first = at;
  }
  const firstChar = first < 0 ? 0 : [...source.slice(0, first)].length;
  const start = Math.max(0, firstChar - Math.floor(length / 3));
  const end = Math.min(chars.length, start + length);
  const window = chars.slice(start, end);
  const windowFolded = [...source].slice(start, end);
  const marks = new Array(window.length).fill(false);
  for (const term of terms) {
    const termChars = [...term];
    for (let i = 0; i + termChars.length <= window.length; i++) {
      if (termChars.every((c, j) => windowFolded[i + j] === c)) for (let j = 0; j < termChars.length; j++) marks[i + j] = true;
    }
  }
  const segments: Segment[] = [];
  if (start > 0) segments.push({ text: '…', mark: false });
  window.forEach((char, i) => {
    const last = segments[segments.length - 1];
    if (last && last.mark === marks[i] && last.text !== '…') last.text += char;
    else segments.push({ text: char, mark: marks[i] });
  });
  if (end < chars.length) segments.push({ text: '…', mark: false });
  return segments;
}

/** What ranking needs of a candidate page. */
export interface Candidate {
  title: string;
  /** Other names of the method, comma- or 、-separated. */
  aliases?: string;
  unit?: string;
  region?: string;
  content: string;
}

const occurrences = (haystack: string, needle: string) => {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) count++;
  return count;
};

/**
 * Keeps the candidates that contain every term and orders them as a reader expects: the method
 * named in the title first (the shortest such title, the most exact name, leading), then in its
 * aliases, then the unit or place, then the rest by how often the terms occur; ties keep the order
 * they came in.
 */
export function rankResults<T extends Candidate>(candidates: T[], terms: string[]): T[] {
  const compactTerms = terms.map(compact);
  const all = (c: Candidate) => `${c.title} ${c.aliases ?? ''} ${c.unit ?? ''} ${c.region ?? ''} ${c.content}`;
  const scored = candidates
    .filter((c) => containsAll(all(c), terms))
    .map((c, order) => {
      const tier = containsAll(c.title, terms)
        ? 0
        : containsAll(c.aliases ?? '', terms)
          ? 1
          : containsAll(`${c.unit ?? ''} ${c.region ?? ''}`, terms)
            ? 2
            : 3;
      const text = compact(all(c));
      const frequency = compactTerms.reduce((n, t) => n + occurrences(text, t), 0);
      // A shorter title that contains the query is the more exact name match.
      const titleLength = tier === 0 ? [...c.title].length : 0;
      return { c, tier, frequency, titleLength, order };
    });
  scored.sort((a, b) => a.tier - b.tier || a.titleLength - b.titleLength || b.frequency - a.frequency || a.order - b.order);
  return scored.map((s) => s.c);
}

/**
 * Where each needle occurs in `text`, as [start, end) in code points of `text`, matching as
 * `containsAll` does (folded widths and case, quotes skipped, never across punctuation). `view` is
 * the text as matched, one code point for one (a folded copy), or the text itself.
 */
export function locate(text: string, needles: string[], view: string = text, asWord: ReadonlySet<string> = new Set()): [number, number][] {
  const chars = [...view];
  let s = '';
  const at: number[] = [];
  // The last UTF-16 unit of `s`, kept aside for the same reason as in `compact`.
  let last = '';
  const push = (c: string, i: number) => {
    s += c;
    last = c[c.length - 1];
    for (let k = 0; k < c.length; k++) at.push(i);
  };
  chars.forEach((raw, i) => {
    for (const char of normalize(raw)) {
      if (wordChar.test(char) || keep.test(char)) push(char, i);
      else if (transparent.test(char)) continue;
      else if (/\s/.test(char)) {
        let j = i + 1;
        while (j < chars.length && /\s/.test(chars[j])) j++;
        if (isHan(last) && isHan(chars[j])) push(BOUNDARY, i);
      } else if (/[\p{P}\p{S}]/u.test(char)) {
        if (last !== BOUNDARY) push(BOUNDARY, i);
      } else push(char, i);
    }
  });
  const out: [number, number][] = [];
  const words = new Set([...asWord].map(compact));
  for (const needle of new Set(needles.map(compact).filter((n) => n && n !== BOUNDARY))) {
    for (let from = s.indexOf(needle); from >= 0; from = s.indexOf(needle, from + 1))
      if (!words.has(needle) || standsAsWord(s, from, needle.length)) out.push([at[from], at[from + needle.length - 1] + 1]);
  }
  return out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
}

/**
 * The sentence of the text around the first match outside `skip` ranges (the title line and the
 * info box), with every match in it marked; a long sentence is cut around the match. With no match
 * outside `skip`, the opening of the text after the title, unmarked.
 */
export function sentenceExcerpt(
  text: string,
  needles: string[],
  options: { view?: string; skip?: [number, number][]; length?: number; asWord?: ReadonlySet<string> } = {},
): Segment[] {
  const { view = text, skip = [], length = 90, asWord } = options;
  const chars = [...text];
  const outside = (r: [number, number]) => !skip.some(([a, b]) => r[0] < b && r[1] > a);
  const ranges = locate(text, needles, view, asWord);
  const first = ranges.find(outside);
  let start: number;
  let end: number;
  if (!first) {
    start = skip.find(([a]) => a === 0)?.[1] ?? 0;
    // Past the title, any blank and a skipped range (an info box) that comes first.
    for (let moved = true; moved;) {
      moved = false;
      while (start < chars.length && /\s/.test(chars[start])) start++;
      const within = skip.find(([a, b]) => a <= start && start < b);
      if (within) [start, moved] = [within[1], true];
    }
    // …and stopped before the next one: the opening never runs on into the info box.
    end = Math.min(chars.length, start + length, ...skip.filter(([a]) => a > start).map(([a]) => a));
    while (end > start && /\s/.test(chars[end - 1])) end--;
  } else {
    const stop = /[。！？；!?;\n]/;
    start = first[0];
    while (start > 0 && !stop.test(chars[start - 1])) start--;
    end = first[1];
    while (end < chars.length && !stop.test(chars[end])) end++;
    if (end < chars.length && chars[end] !== '\n') end++;
    if (end - start > length) {
      start = Math.max(start, first[0] - Math.floor(length / 3));
      end = Math.min(end, start + length);
    }
  }
  const marks = new Array(end - start).fill(false);
  for (const [a, b] of ranges) for (let i = Math.max(a, start); i < Math.min(b, end); i++) marks[i - start] = true;
  const segments: Segment[] = [];
  const text0 = chars.slice(start, end);
  if (start > 0 && !/[。！？；!?;\n]/.test(chars[start - 1] ?? '')) segments.push({ text: '…', mark: false });
  text0.forEach((char, i) => {
    const c = char === '\n' ? ' ' : char;
    const last = segments[segments.length - 1];
    if (last && last.mark === marks[i] && last.text !== '…') last.text += c;
    else segments.push({ text: c, mark: marks[i] });
  });
  if (end < chars.length && !/[。！？；!?;]/.test(chars[end - 1] ?? '')) segments.push({ text: '…', mark: false });
  return segments;
}
