/**
 * `npm run screenshots`: screenshots of the built site at 360 px (a phone) and 1366 px (a common
 * office desktop), light and dark, of every page type a reader meets, written to
 * docs/screenshots/<page>-<width>-<theme>.png so a design change can be seen and reviewed.
 *
 *   npm run screenshots                 # builds first if dist/ is missing
 *   npm run screenshots -- --build      # always build first
 *   npm run screenshots -- --only home,entry
 *
 * Serves dist/ on a free port (scripts/lib/static-server.ts) and drives Debian's Chromium through
 * Playwright. Each shot waits for the page's own "done" signal where it has one (search, lesson),
 * never a fixed time. Shots are cut at a fixed height so the PNGs stay small.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';
import { build } from './lib/serve.ts';
import { freePort } from './lib/free-port.ts';
import { startStaticServer } from './lib/static-server.ts';

const OUT = 'docs/screenshots';
const entry = 'minqing-riji-gongzuofa';
const pair = `${entry},zou-qinqi-gongzuofa`;

interface Shot {
  name: string;
  path: string;
  /** Runs after load: waits for the page's own signal, sets state (open filters, errors). */
  prepare?: (page: Page) => Promise<void>;
}

const searchDone = (page: Page) => page.locator('case-search[data-state="done"]').waitFor({ timeout: 60_000 });

const shots: Shot[] = [
  { name: 'home', path: '/' },
  { name: 'cases', path: '/cases/' },
  {
    name: 'cases-filters-open',
    path: '/cases/',
    prepare: async (page) => {
      // The phone sheet opens from a button; on the desktop (or without a sheet) the groups open.
      const opener = page.getByRole('button', { name: /筛选/ }).first();
      if ((await opener.count()) && (await opener.isVisible())) await opener.click();
      await page.evaluate(() => document.querySelectorAll('case-filter details').forEach((d) => ((d as HTMLDetailsElement).open = true)));
      const chip = page.locator('a[data-facet="domain"][data-value="nongcun"]').first();
      if (await chip.isVisible()) await chip.click();
    },
  },
  {
    name: 'entry',
    path: `/cases/${entry}/`,
    // Its buttons are in the page from the start, enabled once their script runs.
    prepare: (page) => page.locator('.case-actions lesson-toggle button:enabled').waitFor({ timeout: 30_000 }),
  },
  { name: 'search-results', path: `/search/?q=${encodeURIComponent('民情日记')}`, prepare: searchDone },
  { name: 'search-empty', path: `/search/?q=${encodeURIComponent('量子计算')}`, prepare: searchDone },
  {
    name: 'compare',
    path: `/compare/?ids=${pair}`,
    prepare: async (page) => {
      // Drawn a cell at a time: done when <case-compare> says so.
      await page.locator('case-compare[data-state="ready"]').waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'lesson',
    path: '/lesson/',
    prepare: async (page) => {
      await page.evaluate((ids) => {
        localStorage.setItem(
          'gongzuofa.lesson',
          JSON.stringify({
            version: 2,
            title: '诉求办理专题',
            date: '',
            audience: '村（社区）党组织书记',
            items: ids.map((id) => ({ id, note: '' })),
          }),
        );
      }, pair.split(','));
      await page.reload();
      await page.locator('lesson-editor[data-state="ready"]').waitFor({ timeout: 30_000 });
      await page.locator('[data-handout] .handout-case').first().waitFor({ timeout: 30_000 });
    },
  },
  {
    name: 'submit-errors',
    path: '/submit/',
    prepare: async (page) => {
      await page.locator('#f-title').fill('夜访');
      await page.locator('#f-summary').fill('短');
      // "检查你的内容" marks every problem and lists them at the top, as an editor sees it.
      await page.getByRole('button', { name: '检查你的内容' }).click();
      await page.locator('[data-summary] li').first().waitFor({ timeout: 30_000 });
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
];

const widths = [
  { width: 360, height: 780, cut: 1400 },
  { width: 1366, height: 900, cut: 1100 },
];
const themes = ['light', 'dark'] as const;

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1].split(',') : undefined;
if (!existsSync('dist/index.html') || process.argv.includes('--build')) build();
mkdirSync(OUT, { recursive: true });
const server = await startStaticServer({ root: 'dist', port: process.env.TEST_PORT ? Number(process.env.TEST_PORT) : await freePort() });
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...CHROMIUM_ARGS, '--hide-scrollbars'],
});
let total = 0;
try {
  for (const theme of themes) {
    for (const { width, height, cut } of widths) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme: theme,
        locale: 'zh-CN',
        serviceWorkers: 'block',
        deviceScaleFactor: 1,
      });
      for (const shot of shots.filter((s) => !only || only.includes(s.name))) {
        const page = await context.newPage();
        await page.goto(server.url + shot.path, { waitUntil: 'networkidle' });
        await shot.prepare?.(page);
        await page.evaluate(() => document.fonts.ready);
        const full = await page.evaluate(() => document.documentElement.scrollHeight);
        const file = `${OUT}/${shot.name}-${width}-${theme}.png`;
        await page.screenshot({
          path: file,
          fullPage: true,
          clip: { x: 0, y: 0, width, height: Math.min(full, cut) },
          animations: 'disabled',
          caret: 'hide',
        });
        const kb = statSync(file).size / 1024;
        total += kb;
        console.log(`${file}  ${kb.toFixed(0)} KB`);
        await page.close();
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
}
console.log(`total ${(total / 1024).toFixed(1)} MB`);
