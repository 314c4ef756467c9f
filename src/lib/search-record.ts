/**
 * The search record of an entry page, read from the page as built so the index holds exactly what
 * a reader sees: the article's text, the values marked `data-pagefind-meta` and
 * `data-pagefind-filter`, and the tokens that make every substring of that text findable.
 */
import { articleBounds, charTokens, htmlToText, textTokens } from './grams.ts';

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

/** Values of the elements carrying `attribute="name"`, by name, in page order. */
function marked(html: string, attribute: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const pattern = new RegExp(`<(\\w+)\\b[^>]*\\b${attribute}="([\\w-]+)"[^>]*>([\\s\\S]*?)</\\1>`, 'g');
  for (const [, , name, inner] of html.matchAll(pattern)) (out[name] ??= []).push(htmlToText(inner));
  return out;
}

export function searchRecord(url: string, html: string): SearchRecord {
  const { start, end } = articleBounds(html);
  const article = html.slice(start, end);
  const text = htmlToText(article);
  const meta = Object.fromEntries(Object.entries(marked(article, 'data-pagefind-meta')).map(([k, v]) => [k, v.join('、')]));
  if (!meta.title) throw new Error(`${url}: the article has no data-pagefind-meta="title"`);
  const titlePairs = textTokens(meta.title);
  const tokens = [...Array.from({ length: TITLE_BOOST }, () => titlePairs).flat(), ...textTokens(text), ...charTokens(text)];
  return { url, content: tokens.join(' '), meta: { ...meta, text }, filters: marked(article, 'data-pagefind-filter') };
}
