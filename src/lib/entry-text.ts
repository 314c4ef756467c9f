/**
 * An entry's search record made from its view (src/lib/entry-view.ts, the entry contract), so
 * the search index can be built while Astro is still bundling and rendering (see
 * src/integrations/pagefind.ts) rather than after it.
 *
 * The record must hold what the entry page shows, no more and no less: `articleText` lists the
 * page's article in the order `src/pages/cases/[id].astro` lays it out, one block per line. Both
 * read the same view; the build compares the record with the built pages (`findMismatch`) and
 * stops on any difference, so a change to the page that is not made here too cannot go unnoticed.
 */
import type { EntryView } from '../schema/entry.ts';
import { compact } from './search.ts';
import { htmlToText } from './grams.ts';
import { bodyHtml } from './entry-view.ts';
import { recordOf, type SearchRecord } from './search-record.ts';
import { NAME_LIST } from './search-plan.ts';
import { listText } from './format.ts';
import type { Folder } from './search-fold.ts';

/**
 * The body as the reader sees it, rendered by satteri, the Markdown compiler behind Astro 7's MDX
 * integration, so emphasis, lists and escapes come out exactly as on the page. Entries hold no
 * JSX, expressions or comments (the content check refuses them), so the Markdown and MDX readings agree.
 */
export function markdownText(body: string): string {
  return htmlToText(bodyHtml(body));
}

const present = (blocks: (string | false | undefined)[]) => blocks.filter((b): b is string => typeof b === 'string' && b.length > 0);

/**
 * The article in three parts: the heading (title, headline, summary), the info box (unit, place,
 * level, domain, method families, aliases, inferred facts, notes) and the rest (body, figures,
 * questions). Search snippets come from the heading and the rest, never from the info box.
 */
export function articleParts(view: EntryView): { head: string[]; box: string[]; rest: string[] } {
  const head = present([view.title, view.headline, view.summary]);
  const fact = (field: string) => view.facts.find((f) => f.field === field)?.value;
  const box = present([
    '实践单位',
    fact('unit'),
    '地区',
    fact('region'),
    view.region.note && `（${view.region.note}）`,
    '层级',
    fact('level'),
    '领域',
    fact('domain'),
    '方法类别',
    ...view.themes.map((t) => t.label),
    '起始年份',
    fact('year'),
    ...(view.aliases.length ? ['又称', listText(view.aliases)] : []),
    ...(view.inferred.length
      ? ['说明：以下信息由编者推断，来源中没有直接写明。', ...view.inferred.map((i) => `${i.label}：${i.note}`)]
      : []),
    view.notes && `编者说明：${view.notes}`,
  ]);
  const rest = present([
    ...view.sections.flatMap((s) => [s.name, htmlToText(s.html)]),
    ...(view.figures.length ? ['关键数字', ...view.figures.flatMap((f) => [f.label, f.value])] : []),
    '思考题',
    ...view.questions,
  ]);
  return { head, box, rest };
}

/** The text of an entry page's article, block by block. */
export function articleText(view: EntryView): string {
  const { head, box, rest } = articleParts(view);
  return [...head, ...box, ...rest].join('\n');
}

/**
 * The search record of a published entry, from its view. `meta.box` gives where the info box
 * stands in the text ("start,end" in characters), so snippets can leave it out.
 */
/** An entry's main points, weighted in its search record (see MAIN_BOOST): summary, aliases, first method family. */
export const mainPoints = (view: EntryView): string[] => [view.summary, ...view.aliases, ...view.themes.slice(0, 1).map((t) => t.label)];

export function entryRecord(view: EntryView, folder?: Folder): SearchRecord {
  const { head, box, rest } = articleParts(view);
  const boxStart = [...head.join('\n')].length + 1;
  const boxEnd = boxStart + [...box.join('\n')].length;
  return recordOf(
    `/cases/${view.id}/`, // url-ok: Pagefind record key, a site path; the search page adds the base
    [...head, ...box, ...rest].join('\n'),
    {
      meta: {
        box: `${boxStart},${boxEnd}`,
        title: view.title,
        unit: view.unit,
        region: view.region.label,
        domain: view.domain.label,
        ...(view.aliases.length ? { aliases: view.aliases.join(NAME_LIST) } : {}),
      },
      filters: view.filters,
    },
    folder,
    mainPoints(view),
  );
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
