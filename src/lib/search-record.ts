/**
 * The search record of an entry: tokens that make every substring of its text findable (see
 * src/lib/grams.ts), and the text itself with the title, unit and place as metadata. Records are
 * made from the entries' source (src/lib/entry-text.ts) or, here, from a built page.
 */
import { articleBounds, htmlToText, textTokens } from './grams.ts';
import { fold, plainFolder, type Folder } from './search-fold.ts';
import { NAME_LIST } from './search-plan.ts';

export interface SearchRecord {
  url: string;
  /** Tokens only: Pagefind indexes these and nothing else. */
  content: string;
  /** Shown and matched in the browser; `text` is the article as plain text. */
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

/** How many times the title's pairs are repeated, so Pagefind ranks title matches first. */
const TITLE_BOOST = 3;

/**
 * How many times the pairs of an entry's main points (summary, aliases, first method family) are
 * repeated. Each pair is indexed once per text, so without this a page that only mentions a word
 * scores like one whose summary is about it; with it, a topic's core cases outrank pages that
 * merely share its method family.
 */
export const MAIN_BOOST = 2;

/**
 * A record for the article text `text`; `meta.title` is required; `main` are the entry's main
 * points (summary, aliases, first method family), weighted as MAIN_BOOST says. The tokens are those of the text
 * as written (exact matching) and of the text folded (src/lib/search-fold.ts), so a folded query
 * finds 台帐 and 台账 alike while an exact query still finds every page holding it as typed.
 */
export function recordOf(
  url: string,
  text: string,
  { meta, filters }: Pick<SearchRecord, 'meta' | 'filters'>,
  folder: Folder = plainFolder,
  main: string[] = [],
): SearchRecord {
  if (!meta.title) throw new Error(`${url}: the entry has no title`);
  const titleTokens = textTokens(meta.title);
  // Folded too, so 台帐 and 台账 weigh alike. Each main point counts on its own: a page whose
  // summary and alias both hold a word is more about it than one whose alias alone does.
  const mainTokens = main.flatMap((m) => [...new Set([...textTokens(m), ...textTokens(fold(m, folder))])]);
  const exact = textTokens(text);
  const folded = foldedTokens(text, folder, new Set(exact));
  const tokens = [
    ...Array.from({ length: TITLE_BOOST }, () => titleTokens).flat(),
    ...Array.from({ length: MAIN_BOOST }, () => mainTokens).flat(),
    ...exact,
    ...folded,
  ];
  return { url, content: tokens.join(' '), meta: { ...meta, text }, filters };
}

/**
 * Sentence marks that `compact` always reads as a boundary, and that folding leaves alone: no token
 * runs across one, so a text's tokens are those of its clauses between them.
 */
const CLAUSE_END = /[。，；！？]/;

/**
 * The tokens of the folded text that the text's own tokens (`seen`) lack, in the order they first
 * occur: `textTokens(fold(text))` less `seen`. Folding changes few clauses, and an unchanged clause
 * adds no token, so only the changed ones are read (about a third of a record's token time).
 */
export function foldedTokens(text: string, folder: Folder, seen: Set<string>): string[] {
  const out: string[] = [];
  for (const clause of text.split(CLAUSE_END)) {
    const folded = fold(clause, folder);
    if (folded === clause) continue;
    for (const t of textTokens(folded))
      if (!seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
  }
  return out;
}

/** Values of the elements carrying `attribute="name"`, by name, in page order. */
function marked(html: string, attribute: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const pattern = new RegExp(`<(\\w+)\\b[^>]*\\b${attribute}="([\\w-]+)"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  for (const [, , name, inner] of html.matchAll(pattern)) (out[name] ??= []).push(htmlToText(inner));
  return out;
}

/** The article of a built entry page as plain text, as the reader sees it. */
export function pageText(html: string): string {
  const { start, end } = articleBounds(html);
  return htmlToText(html.slice(start, end));
}

/** The record of a built entry page: its article text and its `data-pagefind-*` values. */
export function searchRecord(url: string, html: string, main: string[] = []): SearchRecord {
  const { start, end } = articleBounds(html);
  const article = html.slice(start, end);
  // Aliases are a list of names as in the lexicon (NAME_LIST: a name may hold 、); places are shown joined.
  const meta = Object.fromEntries(
    Object.entries(marked(article, 'data-pagefind-meta')).map(([k, v]) => [k, v.join(k === 'aliases' ? NAME_LIST : '、')]),
  );
  return recordOf(url, htmlToText(article), { meta, filters: marked(article, 'data-pagefind-filter') }, undefined, main);
}
