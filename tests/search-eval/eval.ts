/**
 * The search evaluation set (queries.json beside this file) and how a search run is scored
 * against it. Pure: no browser, no build; `npm run bench:search -- --eval` drives the real search
 * page and hands the ids it showed to scoreQuery(). Definitions are in README.md beside this file.
 */
import { readFileSync } from 'node:fs';
import { z } from 'astro/zod';

/** The query kinds, in report order. */
export const KINDS = ['exact', 'number', 'variant', 'typo', 'pinyin', 'topic', 'question', 'multi', 'none'] as const;
export type Kind = (typeof KINDS)[number];

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a case id: the file name in content/cases without .mdx');

export const evalQuerySchema = z
  .strictObject({
    /** What the reader types, exactly as typed (spaces separate words in multi-word queries). */
    q: z.string().min(1),
    /** Which kind of query this is; `none` must return nothing. */
    kind: z.enum(KINDS),
    /** Every case a reader asking this wants to see (empty only for kind `none`). */
    ideal: z.array(id),
    /** Cases that are fine to show but not required (count for precision, not for recall). */
    acceptable: z.array(id).optional(),
    /** The cases of which one should be the first result, when that is clear; default: any ideal case. */
    first: z.array(id).optional(),
    /** One line on a judgement that is not obvious. */
    why: z.string().optional(),
  })
  .superRefine((q, ctx) => {
    if (q.kind === 'none' && (q.ideal.length || q.acceptable?.length || q.first?.length))
      ctx.addIssue({ code: 'custom', message: 'a `none` query lists no ideal, acceptable or first ids' });
    if (q.kind !== 'none' && !q.ideal.length) ctx.addIssue({ code: 'custom', message: 'needs at least one ideal id (or kind `none`)' });
    const ideal = new Set(q.ideal);
    for (const f of q.first ?? []) if (!ideal.has(f)) ctx.addIssue({ code: 'custom', message: `first id ${f} is not among the ideal ids` });
    for (const a of q.acceptable ?? []) if (ideal.has(a)) ctx.addIssue({ code: 'custom', message: `id ${a} is both ideal and acceptable` });
    if (new Set(q.ideal).size !== q.ideal.length) ctx.addIssue({ code: 'custom', message: 'an ideal id is listed twice' });
  });

export const evalSetSchema = z.strictObject({
  /** What this file is. */
  about: z.string(),
  /** The queries, each judged by reading the entries. */
  queries: z.array(evalQuerySchema).min(1),
});

export type EvalQuery = z.infer<typeof evalQuerySchema>;

/** Reads and validates the set; throws naming the file, the query and the field. */
export function loadEvalSet(path: string): EvalQuery[] {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: not valid JSON (${(error as Error).message}). 修正 JSON 语法 / fix the JSON syntax.`, { cause: error });
  }
  const parsed = evalSetSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const [, index] = i.path;
      const q = typeof index === 'number' ? (data as { queries: { q?: string }[] }).queries[index]?.q : undefined;
      return `${path}: ${i.path.join('.')}${q ? ` (“${q}”)` : ''}: ${i.message}`;
    });
    throw new Error(lines.join('\n'));
  }
  const seen = new Set<string>();
  for (const q of parsed.data.queries) {
    if (seen.has(q.q)) throw new Error(`${path}: query “${q.q}” is listed twice. 删去重复项 / remove the duplicate.`);
    seen.add(q.q);
  }
  return parsed.data.queries;
}

export interface QueryScore {
  /** Ideal cases among the first 10 shown / min(ideal cases, 10). Undefined for `none`. */
  recall?: number;
  /** Relevant (ideal or acceptable) among the first 10 shown / min(10, shown); an empty result scores 0 (1 for `none`). */
  precision: number;
  /** The first result is one of `first` (or of `ideal` when `first` is not given); for `none`: nothing was shown. */
  top1: boolean;
  /** Nothing was shown. */
  empty: boolean;
}

/** Scores the ids the search showed, in order, for one query. */
export function scoreQuery(q: EvalQuery, shown: string[]): QueryScore {
  const top = [...new Set(shown)].slice(0, 10);
  const empty = top.length === 0;
  if (q.kind === 'none') return { precision: empty ? 1 : 0, top1: empty, empty };
  const ideal = new Set(q.ideal);
  const relevant = new Set([...q.ideal, ...(q.acceptable ?? [])]);
  const recall = top.filter((i) => ideal.has(i)).length / Math.min(ideal.size, 10);
  const precision = empty ? 0 : top.filter((i) => relevant.has(i)).length / top.length;
  const first = new Set(q.first?.length ? q.first : q.ideal);
  return { recall, precision, top1: !empty && first.has(top[0]), empty };
}

/**
 * Issue 12's exact precision for one query: every page holding the exact phrase (`holders`) is
 * shown, and all of them come before any page that matches only loosely. `shown` is the whole
 * list the page shows, in order.
 */
export function exactFirst(holders: ReadonlySet<string>, shown: string[]): boolean {
  const list = [...new Set(shown)];
  return [...holders].every((id) => list.includes(id)) && list.slice(0, holders.size).every((id) => holders.has(id));
}

export interface Summary {
  queries: number;
  recall: number | null;
  precision: number;
  top1: number;
  /** Share of queries with an empty result. */
  empty: number;
}

/** Means over a group of scored queries (recall over the queries that have one). */
export function summarize(scores: QueryScore[]): Summary {
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const recalls = scores.flatMap((s) => (s.recall === undefined ? [] : [s.recall]));
  return {
    queries: scores.length,
    recall: recalls.length ? mean(recalls) : null,
    precision: mean(scores.map((s) => s.precision)),
    top1: mean(scores.map((s) => (s.top1 ? 1 : 0))),
    empty: mean(scores.map((s) => (s.empty ? 1 : 0))),
  };
}
