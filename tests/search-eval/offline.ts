/**
 * A quick stand-in for `npm run bench:search -- --eval-only`: runs the judged sets through the real
 * planning, ranking and verification code (`planQuery`, `rankCandidates`, `verify`) and the search
 * page's grouping in Node, over the built records in dist/pagefind (run `node scripts/build.ts`
 * first). Pagefind is replaced by a substring match whose score is term frequency with the title
 * counted 3× (as the records repeat the title), so ties may differ from the browser; the browser
 * bench stays the measurement. Usage: `node tests/search-eval/offline.ts [--set holdout] [--misses] [--q a,b]`.
 *
 * `--pagefind` asks the real Pagefind instead (dist/ served on TEST_PORT or 4411, Debian's Chromium
 * answering every `find` and method-family lookup), so ties and the order among a topic's cases are
 * Pagefind's own while the ranking code still runs here: a few seconds per set instead of the
 * browser bench's minutes, and the same order the search page computes (it reads no page text the
 * records do not hold).
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { compact } from '../../src/lib/search.ts';
import { fold } from '../../src/lib/search-fold.ts';
import {
  GROUP,
  pinyinWord,
  planQuery,
  rankCandidates,
  rankGroup,
  readLexicon,
  shortQueryCut,
  shouldCutFirst,
  verify,
  type LexiconFile,
  type NamesFile,
  type Plan,
  type Ranked,
} from '../../src/lib/search-plan.ts';
import { pinyinRow } from '../../src/lib/search-lexicon.node.ts';
import { thesaurus } from '../../src/schema/vocab.ts';
import { KINDS, loadEvalSet, scoreQuery, summarize, type QueryScore } from './eval.ts';

const args = process.argv.slice(2);
const dir = 'dist/pagefind';
const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));

interface Page {
  id: string;
  caseId: string;
  title: string;
  text: string;
  hay: string;
  foldedHay: string;
  themes: string[];
  domains: string[];
}

// The thesaurus is read from content/vocab/ (not the build), so an edit is measured without rebuilding.
const lexicon = readLexicon({ ...(read('lexicon.json') as LexiconFile), thesaurus: thesaurus.map((t) => [t.term, t.related]) });
const names = read('names.json') as NamesFile;
// Spelled here from the names (as the build does), so a change to namesOf is measured without rebuilding.
const pinyin = new Map(Object.entries(names).map(([id, row]) => [id, pinyinRow(row)]));
const pages: Page[] = readdirSync(join(dir, 'fragment')).map((file) => {
  const raw = gunzipSync(readFileSync(join(dir, 'fragment', file))).toString('utf8');
  const f = JSON.parse(raw.slice(raw.indexOf('{'))) as { url: string; meta: Record<string, string>; filters: Record<string, string[]> };
  const text = f.meta.text ?? '';
  return {
    id: file.replace(/\.pf_fragment$/, ''),
    caseId: f.url.replace(/\/$/, '').split('/').pop()!,
    title: f.meta.title ?? '',
    text,
    hay: compact(text),
    foldedHay: compact(fold(text, lexicon.folder)),
    themes: f.filters.theme ?? [],
    domains: f.filters.domain ?? [],
  };
});
const byId = new Map(pages.map((p) => [p.id, p]));

type Answer = Map<string, number>;
let pagefindFind: ((terms: string[]) => Promise<Answer>) | undefined;
let pagefindFilter: ((filter: 'theme' | 'domain', value: string) => Promise<Set<string>>) | undefined;
let closePagefind = async () => {};
if (args.includes('--pagefind')) {
  const { startStaticServer } = await import('../../scripts/lib/static-server.ts');
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_ARGS, findChromium } = await import('../../scripts/chromium.ts');
  const { queryTokens } = await import('../../src/lib/grams.ts');
  const server = await startStaticServer({ root: 'dist', port: Number(process.env.TEST_PORT ?? 4411) });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const page = await browser.newPage();
  await page.goto(`${server.url}/`);
  await page.evaluate(async () => {
    const pf = await import(/* @vite-ignore */ `${location.origin}/pagefind/pagefind.js`);
    await pf.options({ excerptLength: 30, baseUrl: '/' });
    await pf.init();
    (globalThis as unknown as { pf: unknown }).pf = pf;
  });
  type Pf = { search: (q: string | null, o?: object) => Promise<{ results: { id: string; score: number }[] }> };
  pagefindFind = async (terms) =>
    new Map(
      await page.evaluate(
        async (q) => (await (globalThis as unknown as { pf: Pf }).pf.search(q)).results.map((r) => [r.id, r.score]) as [string, number][],
        queryTokens(terms).join(' '),
      ),
    );
  /** Every page Pagefind lists under one value of a filter (a method family or a domain). */
  pagefindFilter = async (filter, value) =>
    new Set(
      await page.evaluate(
        async ([f, v]) =>
          (await (globalThis as unknown as { pf: Pf }).pf.search(null, { filters: { [f]: { any: [v] } } })).results.map((r) => r.id),
        [filter, value] as const,
      ),
    );
  closePagefind = async () => {
    await browser.close();
    await server.close();
  };
}

const count = (hay: string, needle: string) => {
  let n = 0;
  for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length)) n++;
  return n;
};

/** Substring stand-in for Pagefind: pages holding every term (as written or folded). */
async function find(terms: string[]) {
  const out = new Map<string, number>();
  const needles = terms.map(compact).filter(Boolean);
  if (!needles.length) return out;
  for (const p of pages) {
    const holds = needles.every((n) => p.hay.includes(n) || p.foldedHay.includes(n));
    if (!holds) continue;
    const title = compact(p.title);
    const score = needles.reduce((s, n) => s + count(p.foldedHay, n) + 3 * count(title, n), 0);
    out.set(p.id, score / Math.max(1, p.hay.length / 1000));
  }
  return out;
}

/** The ids the search page would show, in order (src/client/case-search.ts `search`). */
export async function showFor(query: string): Promise<string[]> {
  const lex = { ...lexicon, pages: undefined as typeof lexicon.pages, pinyin: undefined as typeof lexicon.pinyin };
  let plan = planQuery(query, lex);
  if (plan.pinyin) {
    lex.pinyin = pinyin;
    // As the page does: pinyin for a word the names hold is searched as that word (pinyinWord).
    lex.pages = new Map(Object.entries(names));
    const word = pinyinWord(plan.pinyin, lex);
    if (word) plan = planQuery(word, lex);
  }
  if (plan.tooCommon || !plan.terms.length) return [];
  const filterPages =
    pagefindFilter ??
    (async (filter: 'theme' | 'domain', value: string) =>
      new Set(pages.filter((p) => (filter === 'theme' ? p.themes : p.domains).includes(value)).map((p) => p.id)));
  const loadNames = async () => {
    lex.pages = new Map(Object.entries(names));
  };
  const finder = pagefindFind ?? find;
  const rank = (p: Plan) => rankCandidates(p, lex, finder, { filterPages, names: loadNames });
  let { ranked } = await rank(plan);
  // As the page does: a four-character word no page holds whole is searched as its words (shortQueryCut),
  // at once when shouldCutFirst says so, else once every candidate has been read and none held it.
  let cut = shortQueryCut(query, plan, lex);
  if (cut && (await shouldCutFirst(plan, ranked, finder))) {
    plan = cut;
    cut = undefined;
    ({ ranked } = await rank(plan));
  }
  const confirm = () => {
    const out: { ranked: Ranked; order: number }[] = [];
    ranked.slice(0, 60).forEach((r, i) => {
      const confirmed = verify(r, byId.get(r.id)!.text, plan, lex);
      if (confirmed) out.push({ ranked: confirmed, order: i });
    });
    return out;
  };
  let shown = confirm();
  if (cut && !shown.length) {
    plan = cut;
    ({ ranked } = await rank(plan));
    shown = confirm();
  }
  const sorted = [...shown].sort((a, b) => rankGroup(a.ranked, plan) - rankGroup(b.ranked, plan) || a.order - b.order);
  const full = sorted.filter((s) => s.ranked.group <= GROUP.related);
  const question = plan.words.join() !== plan.folded.join();
  let visible = question || !full.length ? sorted : full;
  if (visible.some((s) => s.ranked.group <= GROUP.folded)) visible = visible.filter((s) => s.ranked.group !== GROUP.name);
  return visible.map((s) => byId.get(s.ranked.id)!.caseId);
}

const pct = (x: number | null) => (x === null || Number.isNaN(x) ? '—' : `${(x * 100).toFixed(1)}%`);

async function report(file: string) {
  const queries = loadEvalSet(file);
  const scored: { kind: string; q: string; score: QueryScore; shown: string[]; ideal: string[] }[] = [];
  for (const q of queries) {
    const shown = await showFor(q.q);
    scored.push({ kind: q.kind, q: q.q, score: scoreQuery(q, shown), shown, ideal: q.ideal });
  }
  console.log(`\n== ${file} (offline stand-in${pagefindFind ? ', real Pagefind' : ''}) ==`);
  console.log('kind      n   recall@10  precision@10  top-1   empty');
  const line = (name: string, s: QueryScore[]) => {
    const m = summarize(s);
    console.log(
      `${name.padEnd(9)} ${String(m.queries).padStart(3)}  ${pct(m.recall).padStart(8)}  ${pct(m.precision).padStart(11)}  ${pct(m.top1).padStart(6)}  ${pct(m.empty).padStart(6)}`,
    );
  };
  for (const kind of KINDS)
    line(
      kind,
      scored.filter((s) => s.kind === kind).map((s) => s.score),
    );
  line(
    'overall',
    scored.filter((s) => s.kind !== 'none').map((s) => s.score),
  );
  // `--json file`: every query with the ids shown, for a closer look.
  if (args.includes('--json'))
    writeFileSync(
      args[args.indexOf('--json') + 1].replace(/(\.json)?$/, `-${basename(file, '.json')}.json`),
      JSON.stringify({
        queries: scored.map((s) => ({ q: s.q, kind: s.kind, top1: s.score.top1, recall: s.score.recall, shown: s.shown })),
      }),
    );
  if (args.includes('--misses'))
    for (const s of scored)
      if ((s.score.recall ?? 1) < 1 || !s.score.top1)
        console.log(
          `  ${s.kind} ${s.q}: recall ${pct(s.score.recall ?? null)} top1 ${s.score.top1 ? 'y' : 'n'} | shown ${s.shown.slice(0, 6).join(' ')} | missing ${s.ideal.filter((i) => !s.shown.slice(0, 10).includes(i)).join(' ')}`,
        );
}

// `--q 矛盾纠纷,信访维稳`: only these queries, the first eight cases each shows.
if (args.includes('--q')) {
  for (const q of args[args.indexOf('--q') + 1].split(',')) console.log(q, (await showFor(q)).slice(0, 8).join(' '));
  await closePagefind();
  process.exit(0);
}
const set = args.includes('--set') ? args[args.indexOf('--set') + 1] : undefined;
for (const file of set ? [`tests/search-eval/${set}.json`] : ['tests/search-eval/queries.json', 'tests/search-eval/holdout.json'])
  await report(file);
await closePagefind();
