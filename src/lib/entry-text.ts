/**
 * An entry's search record made from its source file, so the search index can be built while
 * Astro is still bundling and rendering (see src/integrations/pagefind.ts) rather than after it.
 *
 * The record must hold what the entry page shows, no more and no less: `articleText` lists the
 * page's article in the order `src/pages/cases/[id].astro` lays it out, one block per line. The
 * build compares it with the built pages (`findMismatch`) and stops on any difference, so a
 * change to the page that is not made here too cannot go unnoticed.
 */
import type { CaseData } from '../schema/case.ts';
import { labelOf } from '../schema/vocab.ts';
import { searchFilters } from './facets.ts';
import { visible } from '../schema/sections.ts';
import { formatRegion, inferredFieldLabels } from './format.ts';
import { compact } from './search.ts';
import { htmlToText } from './grams.ts';
import { markdownToHtml } from 'satteri';
import { recordOf, type SearchRecord } from './search-record.ts';
import type { Folder } from './search-fold.ts';

/**
 * The body as the reader sees it, rendered by satteri, the Markdown compiler behind Astro 7's MDX
 * integration, so emphasis, lists and escapes come out exactly as on the page. Entries hold no
 * JSX or expressions (the content check refuses them), so the Markdown and MDX readings agree.
 */
export function markdownText(body: string): string {
  return htmlToText(markdownToHtml(visible(body), { features: { frontmatter: false } }).html);
}

const present = (blocks: (string | false | undefined)[]) => blocks.filter((b): b is string => typeof b === 'string' && b.length > 0);

/**
 * The article in three parts: the heading (title, headline, summary), the info box (unit, place,
 * level, domain, method families, aliases, inferred facts, notes) and the rest (body, figures,
 * questions). Search snippets come from the heading and the rest, never from the info box.
 */
export function articleParts(data: CaseData, body: string): { head: string[]; box: string[]; rest: string[] } {
  const head = present([data.title, data.headline, data.summary]);
  const box = present([
    '实践单位',
    data.unit,
    '地区',
    formatRegion(data.region),
    data.region.note && `（${data.region.note}）`,
    '层级',
    labelOf('level', data.level),
    '领域',
    labelOf('domain', data.domain),
    '方法类别',
    ...data.themes.map((t) => labelOf('theme', t)),
    '起始年份',
    data.year ? `${data.year} 年` : '来源未载明',
    ...(data.aliases.length ? ['又称', data.aliases.join('、')] : []),
    ...(data.inferred.length
      ? ['说明：以下信息由编者推断，来源中没有直接写明。', ...data.inferred.map((i) => `${inferredFieldLabels[i.field] ?? i.field}：${i.note}`)]
      : []),
    data.notes && `编者说明：${data.notes}`,
  ]);
  const rest = present([
    markdownText(body),
    ...(data.figures.length ? ['关键数字', ...data.figures.flatMap((f) => [f.label, f.value])] : []),
    '思考题',
    ...data.questions,
  ]);
  return { head, box, rest };
}

/** The text of an entry page's article, block by block. */
export function articleText(data: CaseData, body: string): string {
  const { head, box, rest } = articleParts(data, body);
  return [...head, ...box, ...rest].join('\n');
}

/**
 * The search record of a published entry, from its front matter and body. `meta.box` gives where
 * the info box stands in the text ("start,end" in characters), so snippets can leave it out.
 */
export function entryRecord(id: string, data: CaseData, body: string, folder?: Folder): SearchRecord {
  const { head, box, rest } = articleParts(data, body);
  const boxStart = [...head.join('\n')].length + 1;
  const boxEnd = boxStart + [...box.join('\n')].length;
  return recordOf(`/cases/${id}/`, [...head, ...box, ...rest].join('\n'), { // url-ok: Pagefind record key, a site path; the search page adds the base
    meta: {
      box: `${boxStart},${boxEnd}`,
      title: data.title,
      unit: data.unit,
      region: formatRegion(data.region),
      domain: labelOf('domain', data.domain),
      ...(data.aliases.length ? { aliases: data.aliases.join('、') } : {}),
    },
    filters: searchFilters(data),
  }, folder);
}

/**
 * Where a record's text and the page's article text first differ, as the search sees them
 * (after `compact`); undefined when they agree.
 */
export function findMismatch(recordText: string, pageText: string): string | undefined {
  const a = compact(recordText);
  const b = compact(pageText);
  if (a === b) return undefined;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `record “…${a.slice(Math.max(0, i - 20), i + 20)}…” / page “…${b.slice(Math.max(0, i - 20), i + 20)}…”`;
}
