/**
 * A section of an entry (its HTML, as the entry view renders the body) as blocks: the plain text
 * the Markdown, CSV, Word and slide exports print, and the same blocks as runs of plain and bold
 * text, so the Word handout keeps the bold lead-ins the page shows (- **典型激励**：…). Pure: the
 * build (src/lib/entry-view.ts) and the Word handout (in the browser, after a click) both use it.
 */
import { htmlToText, IN_TAG } from './grams.ts';

const VOID = new Set(['br', 'hr', 'img', 'input', 'wbr']);

/**
 * The top-level elements of an HTML fragment made by the Markdown compiler (well formed). A quoted
 * attribute value may hold `>` (a link title 申请 -/> 审核): the tag pattern reads past it.
 */
export function topLevelElements(html: string): { tag: string; outer: string; inner: string }[] {
  const out: { tag: string; outer: string; inner: string }[] = [];
  const tags = new RegExp(`<(\\/?)([a-zA-Z][a-zA-Z0-9]*)\\b${IN_TAG}*?(\\/?)>`, 'g');
  let depth = 0;
  let start = 0;
  let innerStart = 0;
  let tag = '';
  for (let m = tags.exec(html); m; m = tags.exec(html)) {
    const [whole, closing, name, selfClosing] = m;
    const lower = name.toLowerCase();
    if (closing) {
      depth--;
      if (depth === 0) out.push({ tag, outer: html.slice(start, m.index + whole.length), inner: html.slice(innerStart, m.index) });
    } else if (selfClosing || VOID.has(lower)) {
      if (depth === 0) out.push({ tag: lower, outer: whole, inner: '' });
    } else {
      if (depth === 0) {
        tag = lower;
        start = m.index;
        innerStart = m.index + whole.length;
      }
      depth++;
    }
  }
  return out;
}

/** One block of a section: its marker (`- `, `3. `, `#### ` or none) and the HTML of its text. */
interface RawBlock {
  marker: string;
  inner: string;
}

function rawBlocks(html: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  for (const { tag, inner, outer } of topLevelElements(html)) {
    if (tag === 'ul' || tag === 'ol') {
      // Numbered from where the list starts, as the page numbers it (3. 4. …; 2015. 2016. …).
      const start = tag === 'ol' ? Number(/^<ol\b[^>]*\bstart="(\d+)"/.exec(outer)?.[1] ?? 1) : 1;
      topLevelElements(inner)
        .filter((li) => li.tag === 'li')
        .forEach((li, i) => blocks.push({ marker: `${tag === 'ol' ? `${start + i}.` : '-'} `, inner: li.inner }));
    } else if (/^h[3-6]$/.test(tag)) blocks.push({ marker: '#### ', inner });
    else if (htmlToText(inner)) blocks.push({ marker: '', inner });
  }
  return blocks;
}

/** A section's blocks as plain text: what the Markdown, Word and slide exports print. */
export function sectionBlocks(html: string): string[] {
  return rawBlocks(html).map(({ marker, inner }) => marker + htmlToText(inner));
}

/** A stretch of a block's text, bold where the page shows it bold. */
export interface TextRun {
  text: string;
  bold?: true;
}

// Stand-ins for <strong> and </strong> while the text is read: characters of Unicode's private use
// area, which the text reading keeps as they are (a block already holding one is one plain run).
const OPEN = '\uE000';
const CLOSE = '\uE001';

/**
 * The runs of one block's HTML: its text exactly as htmlToText reads it, cut where bold starts and
 * ends. When the two readings could differ (a stand-in already in the text), the block is one plain run.
 */
function runsOf(inner: string): TextRun[] {
  const text = htmlToText(inner);
  if (!/<strong\b/i.test(inner) || inner.includes(OPEN) || inner.includes(CLOSE)) return [{ text }];
  const marked = htmlToText(inner.replace(new RegExp(`<strong\\b${IN_TAG}*>`, 'gi'), OPEN).replace(/<\/strong\s*>/gi, CLOSE));
  const runs: TextRun[] = [];
  let depth = 0;
  let current = '';
  const flush = () => {
    if (current) runs.push(depth > 0 ? { text: current, bold: true } : { text: current });
    current = '';
  };
  for (const char of marked) {
    if (char === OPEN || char === CLOSE) {
      flush();
      depth = Math.max(0, depth + (char === OPEN ? 1 : -1));
    } else current += char;
  }
  flush();
  // htmlToText trims the whole text; a stand-in at either end can keep a space inside it.
  if (runs.length) {
    runs[0].text = runs[0].text.trimStart();
    runs[runs.length - 1].text = runs[runs.length - 1].text.trimEnd();
  }
  const kept = runs.filter((r) => r.text);
  return kept.map((r) => r.text).join('') === text ? kept : [{ text }];
}

/**
 * A section's blocks as runs, one array per block of sectionBlocks (the same order and count), each
 * without its marker: what follows `- `, `3. ` or `#### `, or the whole paragraph.
 */
export function sectionRuns(html: string): TextRun[][] {
  return rawBlocks(html).map(({ inner }) => runsOf(inner));
}
