/**
 * `npm run bench:search`: recall and precision of the site's real search, measured in Chromium.
 * Queries come from the entries themselves (every method name and alias, unit and place, and a
 * sample of two- to four-character words from each body); the truth is a plain substring match over
 * each entry page's text. Prints recall@10, precision@10, best-first share, latency and transfer,
 * and the worst queries. `--entries N` also measures transfer and latency on N synthetic entries
 * (`--synthetic-only` skips the real library; `--reuse` keeps the last generated build; `--dist DIR`
 * and `--synthetic-dist DIR` measure another build of either, e.g. main's beside a branch's).
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
import { loadavg } from 'node:os';
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
 * The judged sets: the main set, and three held-out sets written later and never tuned on (the
 * second to fifth, 2026-12-02 and 12-03, blind to the code and to the other sets), each reported in its own
 * table. `--eval-set holdout-3` (or `queries`, `holdout`, `holdout-2`, `holdout-4`, `holdout-5`, `holdout-6`, `holdout-7`) runs only one.
 */
const EVAL_SETS = [
  { name: 'queries', file: 'tests/search-eval/queries.json', report: 'test-results/search-eval.json' },
  { name: 'holdout', file: 'tests/search-eval/holdout.json', report: 'test-results/search-eval-holdout.json' },
  { name: 'holdout-2', file: 'tests/search-eval/holdout-2.json', report: 'test-results/search-eval-holdout-2.json' },
  { name: 'holdout-3', file: 'tests/search-eval/holdout-3.json', report: 'test-results/search-eval-holdout-3.json' },
  { name: 'holdout-4', file: 'tests/search-eval/holdout-4.json', report: 'test-results/search-eval-holdout-4.json' },
  { name: 'holdout-5', file: 'tests/search-eval/holdout-5.json', report: 'test-results/search-eval-holdout-5.json' },
  { name: 'holdout-6', file: 'tests/search-eval/holdout-6.json', report: 'test-results/search-eval-holdout-6.json' },
  { name: 'holdout-7', file: 'tests/search-eval/holdout-7.json', report: 'test-results/search-eval-holdout-7.json' },
].filter((s) => !flag('--eval-set') || flag('--eval-set') === s.name);
// A misspelt set name would otherwise run nothing and exit 0.
if (withEval && !EVAL_SETS.length) {
  console.error(`no judged set named "${flag('--eval-set')}" (queries, holdout, holdout-2 … holdout-7)`);
  process.exit(2);
}

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

/** What one query cost, from the last keystroke; everything but the two times is load-independent. */
interface QueryCost {
  q: string;
  /** Until the first results (or "none") are on screen. */
  firstMs: number;
  /** Until the status names the query: the search is done (as every figure this bench printed before). */
  doneMs: number;
  /** Until every candidate is ranked (case-search.ts's `ranked` mark), before any page is read. */
  rankedMs: number;
  /** Calls to Pagefind's worker: searches (pf.search) and page reads (result.data()). */
  searches: number;
  reads: number;
  /** Files fetched from /pagefind/: index chunks, fragments, filter chunks, and their bytes as served. */
  chunks: number;
  fragments: number;
  filters: number;
  kb: number;
  /** Main-thread task time (Chromium's TaskDuration) and the renderer process's CPU time (page + Pagefind's worker). */
  mainMs: number;
  rendererMs: number;
  shown: number;
}

/** CPU time (user + system, ms) of this process's Chromium renderers, from /proc (Linux; 0 elsewhere). */
function rendererCpuMs(): number {
  if (!existsSync('/proc/self/stat')) return 0;
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of parent)
      if (mine.has(ppid) && !mine.has(pid)) {
        mine.add(pid);
        grew = true;
      }
  }
  let ticks = 0;
  for (const pid of mine) {
    try {
      if (!readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      /* gone */
    }
  }
  return ticks * 10; // USER_HZ is 100 on Linux
}

/**
 * Time from the last keystroke (an input event) to the first results and to the done status, on a
 * warm page, and what each query cost in calls, files and CPU (see QueryCost).
 */
async function latency(page: Page, base: string, queries: string[]) {
  const context = page.context();
  // Count what the page asks Pagefind's worker (search, getData), without touching Pagefind.
  await context.addInitScript(() => {
    const calls: Record<string, number> = ((globalThis as unknown as { __pfCalls: Record<string, number> }).__pfCalls = {});
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, message: unknown, options?: StructuredSerializeOptions) {
      const method = (message as { method?: string })?.method ?? 'other';
      calls[method] = (calls[method] ?? 0) + 1;
      return post.call(this, message, options);
    } as Worker['postMessage'];
  });
  const files = { chunks: 0, fragments: 0, filters: 0, bytes: 0 };
  const pending: Promise<void>[] = [];
  const onFinished = (request: import('playwright-core').Request) =>
    pending.push(
      (async () => {
        const url = request.url();
        if (!url.includes('/pagefind/')) return;
        const response = await request.response();
        // A file the offline worker fetched is reported for the worker and again for the page: count it once.
        if (!response || response.fromServiceWorker()) return;
        if (url.includes('/pagefind/index/')) files.chunks++;
        else if (url.includes('/pagefind/fragment/')) files.fragments++;
        else if (url.includes('/pagefind/filter/')) files.filters++;
        const body = await response.body().catch(() => Buffer.alloc(0));
        const type = response.headers()['content-type'] ?? '';
        files.bytes += /text|javascript|json/.test(type) ? gzipSync(body).length : body.length;
      })(),
    );
  context.on('requestfinished', onFinished);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskMs = async () => ((await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  await runQuery(page, base, queries[0]);
  const costs: QueryCost[] = [];
  try {
    for (const q of queries) {
      await Promise.all(pending);
      const before = {
        ...files,
        main: await taskMs(),
        cpu: rendererCpuMs(),
        calls: await page.evaluate(() => ({ ...(globalThis as unknown as { __pfCalls: Record<string, number> }).__pfCalls })),
      };
      const t = await page.evaluate(async (query) => {
        const input = document.querySelector<HTMLInputElement>('[data-query]')!;
        const status = document.querySelector('[data-search-status]')!;
        const list = document.querySelector('[data-search-results]')!;
        const element = document.querySelector('case-search')!;
        while (element.hasAttribute('aria-busy')) await new Promise((r) => setTimeout(r, 20));
        let first = 0;
        const firstSeen = new MutationObserver(() => {
          first ||= performance.now();
          firstSeen.disconnect();
        });
        firstSeen.observe(list, { childList: true });
        const done = new Promise<number>((resolve) =>
          new MutationObserver((_m, observer) => {
            // The first status that names this query: the search is done.
            if (status.textContent?.includes(`“${query}”`)) {
              observer.disconnect();
              resolve(performance.now());
            }
          }).observe(status, { childList: true, characterData: true, subtree: true }),
        );
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input'));
        const end = await done;
        firstSeen.disconnect();
        const ranked = performance.getEntriesByName('gzf-search:ranked')[0]?.startTime;
        return {
          first: (first || end) - t0,
          done: end - t0,
          ranked: ranked === undefined ? NaN : ranked - t0,
          shown: list.children.length,
        };
      }, q);
      await Promise.all(pending);
      const calls = await page.evaluate(() => (globalThis as unknown as { __pfCalls: Record<string, number> }).__pfCalls);
      costs.push({
        q,
        firstMs: t.first,
        doneMs: t.done,
        rankedMs: t.ranked,
        searches: (calls.search ?? 0) - (before.calls.search ?? 0),
        reads: (calls.getData ?? 0) - (before.calls.getData ?? 0),
        chunks: files.chunks - before.chunks,
        fragments: files.fragments - before.fragments,
        filters: files.filters - before.filters,
        kb: (files.bytes - before.bytes) / 1024,
        mainMs: (await taskMs()) - before.main,
        rendererMs: rendererCpuMs() - before.cpu,
        shown: t.shown,
      });
    }
  } finally {
    context.off('requestfinished', onFinished);
    await cdp.detach();
  }
  return costs;
}

const median = (xs: number[]) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length * 0.95)];
};

/** Prints one line per query and the medians: times, then the load-independent counts. */
function printCosts(costs: QueryCost[]) {
  const cols: [string, (c: QueryCost) => number, number][] = [
    ['first', (c) => c.firstMs, 0],
    ['ranked', (c) => c.rankedMs, 0],
    ['done', (c) => c.doneMs, 0],
    ['searches', (c) => c.searches, 0],
    ['reads', (c) => c.reads, 0],
    ['chunks', (c) => c.chunks, 0],
    ['frags', (c) => c.fragments, 0],
    ['filters', (c) => c.filters, 0],
    ['KB', (c) => c.kb, 1],
    ['main ms', (c) => c.mainMs, 0],
    ['cpu ms', (c) => c.rendererMs, 0],
    ['shown', (c) => c.shown, 0],
  ];
  const cell = (x: number, digits: number) => (Number.isNaN(x) ? '—' : x.toFixed(digits)).padStart(8);
  console.log(`${'query'.padEnd(10)}${cols.map(([name]) => name.padStart(8)).join('')}`);
  for (const c of costs) console.log(`${c.q.padEnd(10 - [...c.q].length)}${cols.map(([, f, d]) => cell(f(c), d)).join('')}`);
  console.log(`${'median'.padEnd(10)}${cols.map(([, f, d]) => cell(median(costs.map(f)), d)).join('')}`);
  console.log(
    `${'total'.padEnd(10)}${cols
      .map(([, f, d]) =>
        cell(
          costs.reduce((n, c) => n + (Number.isNaN(f(c)) ? 0 : f(c)), 0),
          d,
        ),
      )
      .join('')}`,
  );
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
    build(contentDir === 'content' && outDir === 'dist' ? {} : { contentDir, outDir });
  }
  // A loaded machine may take minutes to start the preview server.
  const server = await serve(
    port ?? (process.env.TEST_PORT ? Number(process.env.TEST_PORT) : undefined),
    contentDir === 'content' && outDir === 'dist' ? {} : { contentDir, outDir },
    300_000,
  );
  const browser = await chromium.launch({
    executablePath: findChromium({ install: true }),
    args: CHROMIUM_ARGS,
  });
  try {
    const texts = entryTexts(outDir);
    const queries = buildQueries(contentDir, texts);
    // `--no-offline-worker`: without public/sw.js (which every Pagefind file passes through), to see its share.
    const page = await browser.newPage({ serviceWorkers: args.includes('--no-offline-worker') ? 'block' : 'allow' });
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
    const costs = await latency(page, server.url, sample);
    const done = costs.map((c) => c.doneMs);
    const first = costs.map((c) => c.firstMs);
    console.log(
      `\n== ${label}: speed (load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}) ==`,
    );
    // Times include the 150 ms debounce; searches, reads, files, KB and CPU do not depend on the load.
    printCosts(costs);
    console.log(
      `results after last keystroke (incl. 150 ms debounce): median ${median(done).toFixed(0)} ms, p95 ${p95(done).toFixed(0)} ms, max ${Math.max(...done).toFixed(0)} ms (done); first results median ${median(first).toFixed(0)} ms, p95 ${p95(first).toFixed(0)} ms`,
    );
    console.log(
      `per query (median): ${median(costs.map((c) => c.searches))} Pagefind searches, ${median(costs.map((c) => c.reads))} pages read, ${median(costs.map((c) => c.fragments))} fragments and ${median(costs.map((c) => c.chunks))} index chunks fetched, ${median(costs.map((c) => c.kb)).toFixed(1)} KB, ${median(costs.map((c) => c.rendererMs)).toFixed(0)} ms renderer CPU`,
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
  await measureLibrary(`library (${readdirSync('content/cases').length} entries)`, 'content', flag('--dist') ?? 'dist', undefined, true);
if (syntheticCount > 0) {
  const dir = `.bench/search-${syntheticCount}`;
  if (!args.includes('--reuse')) {
    generateLibrary(syntheticCount, `${dir}/content`);
    console.log(`building synthetic library (${syntheticCount} entries)…`);
    build({ contentDir: `${dir}/content`, outDir: `${dir}/dist` });
  }
  await measureLibrary(
    `synthetic library (${syntheticCount} entries)`,
    `${dir}/content`,
    flag('--synthetic-dist') ?? `${dir}/dist`,
    undefined,
    false,
  );
}
