/**
 * `npm run bench:search`: recall and precision of the site's real search, measured in Chromium.
 * Queries come from the entries themselves (every method name and alias, unit and place, and a
 * sample of two- to four-character words from each body); the truth is a plain substring match over
 * each entry page's text. Prints recall@10, precision@10, best-first share, latency and transfer,
 * and the worst queries. `--entries N` also measures transfer and latency on N synthetic entries
 * (`--synthetic-only` skips the real library; `--reuse` keeps the last generated build).
 *
 * `--eval` also runs the judged query set in tests/search-eval/queries.json (written from the
 * source documents and from how cadres type, not cut from the entries) through the real search
 * page and reports recall@10, precision@10 and top-1 per kind and overall, and the share of
 * must-return-nothing queries that returned nothing; the full report goes to
 * test-results/search-eval.json. `--eval-only` runs only that (no substring set, speed or
 * transfer); `--eval-kind typo,pinyin` runs only those kinds; `--no-build` reuses dist/ as it is.
 * The held-out set tests/search-eval/holdout.json is run after it, in its own table (its report:
 * test-results/search-eval-holdout.json); `--eval-set queries` or `--eval-set holdout` runs one.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { splitFrontmatter } from '../src/lib/content-check.ts';
import { articleBounds, htmlToText } from '../src/lib/grams.ts';
import { compact, parseQuery } from '../src/lib/search.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { build, serve } from './lib/serve.ts';
import { generateLibrary, random } from './lib/synthetic.ts';
import {
  exactFirst,
  KINDS,
  loadEvalSet,
  scoreQuery,
  summarize,
  type EvalQuery,
  type QueryScore,
  type Summary,
} from '../tests/search-eval/eval.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const syntheticCount = Number(flag('--entries') ?? 0);
const sampleWords = Number(flag('--words') ?? 3);
const evalOnly = args.includes('--eval-only');
/** `--speed-only`: only speed and transfer (no substring set), e.g. to compare timings quickly. */
const speedOnly = args.includes('--speed-only');
const withEval = evalOnly || args.includes('--eval');
/**
 * The judged sets: the main set, and the held-out set written later and never tuned on, reported
 * beside it in its own table. `--eval-set holdout` (or `queries`) runs only one.
 */
const EVAL_SETS = [
  { name: 'queries', file: 'tests/search-eval/queries.json', report: 'test-results/search-eval.json' },
  { name: 'holdout', file: 'tests/search-eval/holdout.json', report: 'test-results/search-eval-holdout.json' },
].filter((s) => !flag('--eval-set') || flag('--eval-set') === s.name);

interface Query {
  q: string;
  kind: 'name' | 'alias' | 'unit' | 'place' | 'word';
  /** For name, alias and unit queries: the entry the query was taken from. */
  expected?: string;
}

function entryTexts(dist: string) {
  const texts = new Map<string, string>();
  for (const id of readdirSync(join(dist, 'cases'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)) {
    const html = readFileSync(join(dist, 'cases', id, 'index.html'), 'utf8');
    const { start, end } = articleBounds(html);
    texts.set(id, compact(htmlToText(html.slice(start, end))));
  }
  return texts;
}

function buildQueries(contentDir: string, texts: Map<string, string>): Query[] {
  const rand = random(7);
  const queries: Query[] = [];
  for (const file of readdirSync(join(contentDir, 'cases')).filter((f) => f.endsWith('.mdx'))) {
    const id = file.replace(/\.mdx$/, '');
    const data = parse(splitFrontmatter(readFileSync(join(contentDir, 'cases', file), 'utf8'))!.yaml);
    queries.push({ q: data.title, kind: 'name', expected: id });
    for (const alias of data.aliases ?? []) queries.push({ q: alias, kind: 'alias' });
    queries.push({ q: data.unit, kind: 'unit' });
    for (const place of [data.region.city, data.region.county].filter(Boolean)) queries.push({ q: place, kind: 'place' });
    const text = texts.get(id)!;
    const runs = text.match(/\p{Script=Han}{4,}/gu) ?? [];
    for (let i = 0; i < sampleWords && runs.length; i++) {
      const run = [...runs[Math.floor(rand() * runs.length)]];
      const length = 2 + Math.floor(rand() * 3);
      const at = Math.floor(rand() * (run.length - length + 1));
      queries.push({ q: run.slice(at, at + length).join(''), kind: 'word' });
    }
  }
  const seen = new Set<string>();
  return queries.filter((q) => !seen.has(q.q) && seen.add(q.q));
}

async function runQuery(page: Page, base: string, q: string): Promise<string[]> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => {
    const el = document.querySelector('case-search');
    return el && !el.hasAttribute('aria-busy') && document.querySelector('[data-search-status]')!.textContent;
  });
  return page.$$eval('[data-search-results] h2 a', (as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname.split('/')[2]));
}

/** Time from the last keystroke (an input event) to the results list changing, on a warm page. */
async function latency(page: Page, base: string, queries: string[]) {
  await runQuery(page, base, queries[0]);
  const times: number[] = [];
  for (const q of queries) {
    times.push(
      await page.evaluate(async (query) => {
        const input = document.querySelector<HTMLInputElement>('[data-query]')!;
        const status = document.querySelector('[data-search-status]')!;
        const element = document.querySelector('case-search')!;
        while (element.hasAttribute('aria-busy')) await new Promise((r) => setTimeout(r, 20));
        const done = new Promise<void>((resolve) =>
          new MutationObserver((_m, observer) => {
            // The first status that names this query: the first results (or "none") are on screen.
            if (status.textContent?.includes(`“${query}”`)) {
              observer.disconnect();
              resolve();
            }
          }).observe(status, { childList: true, characterData: true, subtree: true }),
        );
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input'));
        await done;
        return performance.now() - t0;
      }, q),
    );
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)], max: times[times.length - 1] };
}

/** Bytes over the wire for opening /search/?q=… in a fresh browser and getting the first results. */
async function transfer(browser: import('playwright-core').Browser, base: string, q: string) {
  // Pagefind fetches from a worker; context-level events see those requests too.
  const context = await browser.newContext();
  const page = await context.newPage();
  let pageBytes = 0;
  let searchBytes = 0;
  const pending: Promise<void>[] = [];
  // astro preview sends text uncompressed; any real host gzips it, so text counts at its gzip
  // size. Pagefind's index, fragments and wasm are compressed already and count as sent.
  context.on('requestfinished', (request) =>
    pending.push(
      (async () => {
        const response = await request.response();
        // With the offline worker active, a file the worker fetched is reported twice: once for
        // the worker's own request and once for the page's, which the worker answered. Count it once.
        if (response?.fromServiceWorker()) return;
        const body = (await response?.body()) ?? Buffer.alloc(0);
        const type = response?.headers()['content-type'] ?? '';
        const bytes = /text|javascript|json|css|svg|xml/.test(type) ? gzipSync(body).length : body.length;
        if (request.url().includes('/pagefind/')) searchBytes += bytes;
        else pageBytes += bytes;
      })(),
    ),
  );
  await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForFunction(() => document.querySelector('[data-search-results] li'));
  await Promise.all(pending);
  const firstResults = searchBytes;
  await page.waitForFunction(() => !document.querySelector('case-search')!.hasAttribute('aria-busy'));
  await page.waitForTimeout(200);
  await Promise.all(pending);
  await context.close();
  return { pageKB: pageBytes / 1024, firstKB: firstResults / 1024, searchKB: searchBytes / 1024 };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/**
 * The case ids the search page shows for a query, in order, once the page says it is done
 * (`<case-search data-state="done">`, set when the last batch is on screen). One case link per
 * result item, so tags or facet links inside an item do not count twice.
 */
async function shownCases(page: Page, base: string, q: string): Promise<string[]> {
  await page.goto(`${base}/search/?q=${encodeURIComponent(q)}`);
  await page.waitForSelector('case-search[data-state="done"]', { state: 'attached', timeout: 30_000 });
  return page.$$eval('[data-search-results] > li', (items) =>
    items.flatMap((li) => {
      const a = li.querySelector<HTMLAnchorElement>('a[href*="/cases/"]');
      const id = a ? new URL(a.href).pathname.split('/').filter(Boolean)[1] : undefined;
      return id ? [id] : [];
    }),
  );
}

/** Runs the judged query set through the real search page; prints the table and writes the JSON report. */
async function evaluate(page: Page, base: string, setFile: string, reportFile: string) {
  const kinds = flag('--eval-kind')?.split(',');
  for (const k of kinds ?? [])
    if (!(KINDS as readonly string[]).includes(k)) throw new Error(`--eval-kind ${k}: not a kind; use ${KINDS.join(', ')}`);
  const queries = loadEvalSet(setFile).filter((q) => !kinds || kinds.includes(q.kind));
  if (!queries.length) return;
  const known = new Set(
    readdirSync('content/cases')
      .filter((f) => f.endsWith('.mdx'))
      .map((f) => f.replace(/\.mdx$/, '')),
  );
  for (const q of queries)
    for (const id of [...q.ideal, ...(q.acceptable ?? [])])
      if (!known.has(id))
        throw new Error(`${setFile}: “${q.q}” names ${id}, which is not in content/cases. 改正案例 id / fix the case id.`);
  // A new entry that contains an exact name would be shown rightly but scored as noise: say so,
  // so the judgement is updated instead of the search being blamed.
  const texts = entryTexts('dist');
  for (const q of queries.filter((x) => x.kind === 'exact' || x.kind === 'number')) {
    const phrase = compact(q.q);
    const judged = new Set([...q.ideal, ...(q.acceptable ?? [])]);
    const unjudged = [...texts].filter(([id, t]) => t.includes(phrase) && !judged.has(id)).map(([id]) => id);
    if (unjudged.length)
      console.log(`warning: “${q.q}” occurs in ${unjudged.join(', ')}, not judged in ${setFile}; add them to ideal or acceptable`);
  }
  const rows: (EvalQuery & QueryScore & { shown: string[] })[] = [];
  /** Exact and number queries: every page holding the phrase shown, all before any loose match. */
  const exactOrder: { q: string; holders: number; ok: boolean }[] = [];
  const started = performance.now();
  for (const q of queries) {
    const shown = await shownCases(page, base, q.q);
    if (q.kind === 'exact' || q.kind === 'number') {
      const phrase = compact(q.q);
      const holders = new Set([...texts].filter(([, t]) => t.includes(phrase)).map(([id]) => id));
      exactOrder.push({ q: q.q, holders: holders.size, ok: exactFirst(holders, shown) });
    }
    rows.push({ ...q, ...scoreQuery(q, shown), shown: shown.slice(0, 10) });
    if (rows.length % 25 === 0) console.log(`  ${rows.length}/${queries.length} queries…`);
  }
  const judged = rows.filter((r) => r.kind !== 'none');
  const present = KINDS.filter((k) => rows.some((r) => r.kind === k));
  const byKind = Object.fromEntries(present.map((k) => [k, summarize(rows.filter((r) => r.kind === k))])) as Record<string, Summary>;
  const overall = summarize(judged);
  const none = rows.filter((r) => r.kind === 'none');
  const noneEmpty = none.filter((r) => r.empty).length / (none.length || 1);

  console.log(`\n== judged query set (${setFile}): ${rows.length} queries, ${((performance.now() - started) / 1000).toFixed(0)} s ==`);
  console.log('kind        queries  recall@10  precision@10  top-1    empty');
  const line = (name: string, s: Summary) =>
    console.log(
      `${name.padEnd(12)}${String(s.queries).padStart(7)}  ${(s.recall === null ? '—' : pct(s.recall)).padStart(9)}  ${pct(s.precision).padStart(12)}  ${pct(s.top1).padStart(6)}  ${pct(s.empty).padStart(7)}`,
    );
  for (const k of present) if (k !== 'none') line(k, byKind[k]);
  if (judged.length) line('overall', overall);
  if (none.length) console.log(`none: ${none.filter((r) => r.empty).length}/${none.length} returned nothing (${pct(noneEmpty)})`);
  if (exactOrder.length) {
    const ok = exactOrder.filter((x) => x.ok).length;
    console.log(
      `exact precision (issue 12: every page holding the phrase shown, all above loose matches), exact and number queries: ${ok}/${exactOrder.length} (${pct(ok / exactOrder.length)})`,
    );
    for (const x of exactOrder.filter((y) => !y.ok)) console.log(`  not exact-first: ${x.q} (${x.holders} pages hold it)`);
  }
  const misses = judged.filter((r) => (r.recall ?? 1) < 1 || !r.top1).sort((a, b) => (a.recall ?? 0) - (b.recall ?? 0));
  console.log(`queries below full recall or with a wrong first result: ${misses.length}; the worst:`);
  for (const r of misses.slice(0, 12))
    console.log(
      `  [${r.kind}] ${r.q}: recall ${pct(r.recall ?? 0)}, first ${r.shown[0] ?? '—'}${r.top1 ? ' ✓' : ''}, ${r.shown.length ? `${r.shown.length} shown` : 'nothing shown'}`,
    );
  for (const r of none.filter((x) => !x.empty)) console.log(`  [none] ${r.q}: showed ${r.shown.join(', ')}`);

  mkdirSync('test-results', { recursive: true });
  const report = {
    generated: new Date().toISOString(),
    set: setFile,
    definitions: {
      recall: 'ideal cases among the first 10 shown / min(number of ideal cases, 10); mean over every query except kind none',
      precision:
        'ideal or acceptable cases among the first 10 shown / min(10, number shown); an empty result scores 0; mean over every query except kind none',
      top1: 'the first result is one of `first` (or of `ideal` when `first` is not given); an empty result scores 0',
      none: 'share of kind-none queries that showed nothing',
      empty: 'share of queries that showed nothing',
    },
    kinds: present,
    overall: judged.length ? overall : null,
    none: none.length ? { queries: none.length, returnedNothing: noneEmpty } : null,
    byKind,
    exactPrecision: exactOrder.length
      ? {
          queries: exactOrder.length,
          exactFirst: exactOrder.filter((x) => x.ok).length,
          misses: exactOrder.filter((x) => !x.ok).map((x) => x.q),
        }
      : null,
    queries: rows.map(({ q, kind, ideal, acceptable, first, recall, precision, top1, empty, shown }) => ({
      q,
      kind,
      recall,
      precision,
      top1,
      empty,
      shown,
      ideal,
      acceptable,
      first,
    })),
  };
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`report: ${reportFile}`);
}

async function measureLibrary(label: string, contentDir: string, outDir: string, port: number | undefined, full: boolean) {
  if ((full && !args.includes('--no-build')) || !existsSync(join(outDir, 'index.html'))) {
    console.log(`building ${label}…`);
    build(contentDir === 'content' ? {} : { contentDir, outDir });
  }
  // A loaded machine may take minutes to start the preview server.
  const server = await serve(port, contentDir === 'content' ? {} : { contentDir, outDir }, 300_000);
  const browser = await chromium.launch({
    executablePath: findChromium({ install: true }),
    args: CHROMIUM_ARGS,
  });
  try {
    const texts = entryTexts(outDir);
    const queries = buildQueries(contentDir, texts);
    const page = await browser.newPage();
    if (full && withEval) for (const set of EVAL_SETS) await evaluate(page, server.url, set.file, set.report);
    if (evalOnly) return;
    const rows: (Query & { relevant: number; top: string[]; recall: number; precision: number; best: boolean })[] = [];
    if (full && !speedOnly) {
      for (const query of queries) {
        const terms = parseQuery(query.q).map(compact);
        const relevant = new Set([...texts].filter(([, t]) => terms.every((term) => t.includes(term))).map(([id]) => id));
        const top = (await runQuery(page, server.url, query.q)).slice(0, 10);
        const hits = top.filter((id) => relevant.has(id)).length;
        const recall = relevant.size ? hits / Math.min(relevant.size, 10) : 1;
        const precision = top.length ? hits / top.length : relevant.size ? 0 : 1;
        const best = query.expected ? top[0] === query.expected : top.length ? relevant.has(top[0]) : relevant.size === 0;
        rows.push({ ...query, relevant: relevant.size, top, recall, precision, best });
      }
      const mean = (f: (r: (typeof rows)[number]) => number) => rows.reduce((n, r) => n + f(r), 0) / rows.length;
      const names = rows.filter((r) => r.kind === 'name');
      console.log(
        `\n== ${label}: search quality (${rows.length} queries: ${names.length} method names, ${rows.filter((r) => r.kind === 'word').length} sampled words) ==`,
      );
      console.log(`recall@10            ${pct(mean((r) => r.recall))}`);
      console.log(`precision@10         ${pct(mean((r) => r.precision))}`);
      console.log(`best result expected ${pct(mean((r) => (r.best ? 1 : 0)))}`);
      console.log(
        `method name first    ${pct(names.filter((r) => r.best).length / names.length)} (${names.filter((r) => r.best).length}/${names.length})`,
      );
      const worst = [...rows]
        .sort((a, b) => a.recall + a.precision + (a.best ? 1 : 0) - (b.recall + b.precision + (b.best ? 1 : 0)))
        .slice(0, 8);
      console.log('worst queries:');
      for (const r of worst)
        console.log(
          `  ${r.q} [${r.kind}] recall ${pct(r.recall)} precision ${pct(r.precision)} best ${r.best ? 'yes' : `no (got ${r.top[0] ?? '—'}${r.expected ? `, expected ${r.expected}` : ''})`} relevant ${r.relevant}`,
        );
    }
    const sample = queries
      .filter((q) => q.kind === 'word')
      .slice(0, 20)
      .map((q) => q.q);
    const lat = await latency(page, server.url, sample);
    console.log(`\n== ${label}: speed ==`);
    console.log(
      `results after last keystroke (incl. 150 ms debounce): median ${lat.median.toFixed(0)} ms, p95 ${lat.p95.toFixed(0)} ms, max ${lat.max.toFixed(0)} ms`,
    );
    const t = await transfer(browser, server.url, sample[0] ?? '工作法');
    console.log(
      `first search "${sample[0]}" transfer: page ${t.pageKB.toFixed(1)} KB + search ${t.firstKB.toFixed(1)} KB to first results = ${(t.pageKB + t.firstKB).toFixed(1)} KB; ${(t.pageKB + t.searchKB).toFixed(1)} KB once every candidate is read (text at gzip size, Pagefind's binary files as served)`,
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

if (!args.includes('--synthetic-only'))
  await measureLibrary(`library (${readdirSync('content/cases').length} entries)`, 'content', 'dist', undefined, true);
if (syntheticCount > 0) {
  const dir = `.bench/search-${syntheticCount}`;
  if (!args.includes('--reuse')) {
    generateLibrary(syntheticCount, `${dir}/content`);
    console.log(`building synthetic library (${syntheticCount} entries)…`);
    build({ contentDir: `${dir}/content`, outDir: `${dir}/dist` });
  }
  await measureLibrary(`synthetic library (${syntheticCount} entries)`, `${dir}/content`, `${dir}/dist`, undefined, false);
}
