/**
 * `npm run bench:lighthouse`: Lighthouse (mobile settings, its defaults) on the home page, the
 * catalogue, an entry, search, compare, the lesson page and the submission form of the built site,
 * in Debian's Chromium (never a downloaded browser). Prints the four category scores per page, every
 * audit below 0.9 and, for layout shifts and browser issues, what caused them. Builds the site first
 * if dist/ is missing.
 *
 *   --pages 对比,教案   only these pages
 *   --calibrate        scale Lighthouse's CPU slowdown to this host (see below)
 *   --json <dir>       also write each page's full Lighthouse report there (<dir>/<page>.json)
 *
 * Lighthouse simulates a mid-range phone on a slow 4G network (Lantern). The network part does not
 * depend on the host; the CPU part does: Lighthouse multiplies the main-thread time it observes by 4,
 * which assumes an idle desktop-class host (BenchmarkIndex about 1,500). On a shared, loaded 2-core
 * machine the observed times are already several times too long, and Total Blocking Time dominates
 * the score. `--calibrate` measures the host first (Lighthouse's own BenchmarkIndex) and picks the
 * multiplier Lighthouse's calculator recommends for it (patrickhulce/lighthouse-cpu-throttling-calculator),
 * so the score estimates the same phone whatever the load. Every run prints the BenchmarkIndex.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { build, serve } from './lib/serve.ts';

const allPages: Record<string, string> = {
  首页: '/',
  全部案例: '/cases/',
  案例页: '/cases/minqing-riji-gongzuofa/',
  搜索: '/search/?q=%E6%B0%91%E6%83%85%E6%97%A5%E8%AE%B0',
  对比: '/compare/?ids=minqing-riji-gongzuofa,ling-juli-bianmin-gongzuofa',
  教案: '/lesson/',
  投稿: '/submit/',
};

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const only = arg('--pages')?.split(',');
const pages = Object.entries(allPages).filter(([name]) => !only || only.includes(name));
const calibrate = process.argv.includes('--calibrate');
const jsonDir = arg('--json');

/** Lighthouse's calculator: the CPU slowdown that makes this host behave like its reference phone. */
function multiplierFor(benchmarkIndex: number): number {
  if (benchmarkIndex >= 1300) return 3 + (benchmarkIndex - 1300) / 233;
  if (benchmarkIndex >= 800) return 1 + ((benchmarkIndex - 800) / 500) * 2;
  return 1;
}

if (!existsSync('dist/index.html') || process.argv.includes('--build')) build();
const site = await serve(process.env.TEST_PORT ? Number(process.env.TEST_PORT) : undefined);
const chrome = await chromeLauncher.launch({ chromePath: findChromium({ install: true }), chromeFlags: CHROMIUM_ARGS });
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const rows: string[] = [];
let worst = 100;

type Result = NonNullable<Awaited<ReturnType<typeof lighthouse>>>['lhr'];
const run = async (path: string, cpuSlowdownMultiplier?: number): Promise<Result> =>
  (await lighthouse(`${site.url}${path}`, {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...categories],
    ...(cpuSlowdownMultiplier ? { throttling: { rttMs: 150, throughputKbps: 1638.4, cpuSlowdownMultiplier } } : {}),
  }))!.lhr;

/** The nodes an audit names (layout-shift culprits, browser issues), shortly. */
const detailOf = (audit: Result['audits'][string]): string => {
  const items = ((audit.details as { items?: Record<string, unknown>[] } | undefined)?.items ?? []).slice(0, 4);
  return items
    .map((item) => {
      const node = (item.node ?? item.element) as { selector?: string; snippet?: string } | undefined;
      const sub = (item.subItems as { items?: Record<string, unknown>[] } | undefined)?.items ?? [];
      return node?.selector ?? node?.snippet ?? String(item.issueType ?? item.url ?? sub.map((s) => JSON.stringify(s)).join(' ') ?? '');
    })
    .filter(Boolean)
    .join('; ');
};

try {
  let multiplier: number | undefined;
  if (calibrate) {
    const warm = await run(pages[0][1]);
    multiplier = Math.round(multiplierFor(warm.environment.benchmarkIndex) * 10) / 10;
    console.log(`BenchmarkIndex ${warm.environment.benchmarkIndex}: CPU slowdown ${multiplier}× instead of 4×`);
  }
  for (const [name, path] of pages) {
    const lhr = await run(path, multiplier);
    const scores = categories.map((c) => Math.round((lhr.categories[c].score ?? 0) * 100));
    if (jsonDir) {
      mkdirSync(jsonDir, { recursive: true });
      writeFileSync(join(jsonDir, `${name}.json`), JSON.stringify(lhr));
    }
    worst = Math.min(worst, ...scores);
    rows.push(`| ${name} | ${scores.join(' | ')} |`);
    console.log(`${name}: BenchmarkIndex ${lhr.environment.benchmarkIndex}, scores ${scores.join(' / ')}`);
    const metric = (id: string) => lhr.audits[id]?.displayValue ?? '—';
    console.log(
      `  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}, SI ${metric('speed-index')}`,
    );
    const failing = Object.values(lhr.audits).filter(
      (a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable',
    );
    for (const a of failing) {
      const detail = ['layout-shifts', 'inspector-issues', 'valid-source-maps', 'errors-in-console'].includes(a.id) ? detailOf(a) : '';
      console.log(`  ${a.id} (${a.displayValue ?? a.score})${detail ? `: ${detail}` : ''}`);
    }
  }
} finally {
  await chrome.kill();
  site.stop();
}
console.log('\n| 页面 | performance | accessibility | best practices | SEO |');
console.log('| --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
console.log(`\nlowest score: ${worst}`);
