/** Budgets, accessibility, security headers, exports and offline reading, checked on the built site. */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page, type Response } from './fixtures.ts';
import { axeViolations } from './axe.ts';
import { storeBeforeLoad } from './store-before-load.ts';
import { columns } from '../../src/lib/export.ts';
import { base, built, filterReady, onSite } from './site.ts';

/** One page of each type. */
const pages = {
  home: './',
  catalogue: 'cases/',
  entry: 'cases/minqing-riji-gongzuofa/',
  region: 'regions/',
  'region facet': 'regions/guangdong/',
  domain: 'domains/nongcun/',
  theme: 'themes/minqing-shouji/',
  source: 'sources/lianxi-fuwu-qunzhong-xuanbian-2013/',
  search: 'search/?q=%E6%B0%91%E6%83%85',
  lesson: 'lesson/',
  compare: 'compare/?ids=minqing-riji-gongzuofa,zou-qinqi-gongzuofa',
  submit: 'submit/',
  guide: 'guide/',
  backlog: 'backlog/',
  stats: 'stats/',
  codebook: 'codebook/',
  '404': 'no-such-page/',
};

// The dark theme changes colours only (src/styles/tokens.css): the same DOM, names and roles. So the
// light pass runs every WCAG 2.2 A/AA rule, and the dark pass only the rules that read colours; that
// halves the cost of the audit without leaving anything the dark theme can break unchecked.
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

/** The light pass runs every WCAG 2.2 A/AA rule, the dark pass the colour rules (see above). */
const axe = (page: Page, theme: 'light' | 'dark') => axeViolations(page, { rules: theme === 'dark' ? COLOUR_RULES : undefined });

/**
 * Switches the system's colour scheme under an open page and waits until the page follows it
 * (public/theme.js listens to prefers-color-scheme and sets data-theme-now), as a reader's page
 * does when the system switches to dark: one page load serves both themes' audits.
 */
async function useScheme(page: Page, theme: 'light' | 'dark') {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme-now', theme);
}

// Under /gzf/ the light pass only (see site.ts): the pages differ from the root's in their URLs
// alone, and the dark pass reads colours only, which the base cannot change; every page still
// loads under the base, gets everything it asks for, and passes every rule there.
const themes = base === '/' ? (['light', 'dark'] as const) : (['light'] as const);

test.describe(`accessibility (${themes.join(' and ')} theme${themes.length > 1 ? 's' : ''})`, () => {
  // The theme follows the system's preference (prefers-color-scheme), as a reader's would.
  test.use({ colorScheme: 'light' });
  // Several pages per test, one tab each in turn: a new browser context per page cost more than the
  // audit. Each page is loaded once and audited in the light theme, then in the dark theme after the
  // system's scheme switches under it (the page follows without a reload). Soft expects, so every
  // page with a violation is named, not only the first.
  const entries = Object.entries(pages);
  // Six groups of about three pages. Two groups of eight or nine cost the same CPU (68.6 against
  // 69.0 CPU-s for all 17 pages, measured A/B on a loaded machine): the audit itself, about 4 CPU-s a
  // page in both themes, is the cost, not the test around it; smaller tests share out better over workers.
  const groups = [0, 1, 2, 3, 4, 5].map((g) => entries.filter((_, i) => i % 6 === g));
  for (const group of groups) {
    test(`axe: no WCAG 2.2 AA violation (light)${themes.length > 1 ? ' and no colour violation (dark)' : ''} on the ${group.map(([name]) => name).join(', ')} pages`, async ({
      page,
    }) => {
      // The budget a page had when each page and theme was its own test (the config's 60 s), for a loaded machine.
      test.setTimeout(60_000 * group.length);
      // Each audited page also gets everything it asks for (styles, scripts, fonts, images, data), at the
      // root and under /gzf/: the light pass alone there relies on the pages loading whole.
      const failed: string[] = [];
      page.on('response', (r) => {
        const url = new URL(r.url());
        // The 404 page's own document answers 404 by design; anything it loads must not.
        if (r.status() >= 400 && !(r.request().isNavigationRequest() && url.pathname.endsWith('/no-such-page/')))
          failed.push(`${r.status()} ${url.pathname}`);
      });
      page.on('requestfailed', (r) => failed.push(`${r.failure()?.errorText} ${new URL(r.url()).pathname}`));
      for (const [name, path] of group) {
        await page.emulateMedia({ colorScheme: 'light' });
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        // A page that never asked for its stylesheet would pass the list of failed requests: the site's tokens (src/styles/tokens.css) must apply.
        expect
          .soft(
            await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--font').trim()),
            `${name} page styled`,
          )
          .not.toBe('');
        // The search page is audited with its results shown: its own done signal, not network quiet
        // (search-done.ts), which came before the results on a loaded machine.
        if (name === 'search') await expect(page.locator('case-search')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
        for (const theme of themes) {
          await useScheme(page, theme);
          expect.soft(await axe(page, theme), `${name} page (${path}, ${theme})`).toEqual([]);
        }
      }
      expect(failed).toEqual([]);
    });
  }
});

test('an entry page is under 30 KB of HTML and CSS gzipped, and reads without JavaScript', async ({ browser, request }) => {
  const html = await (await request.get(pages.entry)).text();
  const css = await Promise.all(
    [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(async (m) => (await request.get(m[1])).text()),
  );
  const kb = gzipSync(html + css.join('')).length / 1024;
  expect(kb).toBeLessThanOrEqual(30);

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pages.entry);
  await expect(page.locator('.sections h2')).toHaveText(['背景', '做法', '成效', '启示']);
  await expect(page.locator('.questions li').first()).toBeVisible();
  await context.close();
});

test('an entry page loads no JavaScript beyond its small enhancement modules, and nothing from elsewhere', async ({ page }) => {
  // The page's own scripts; the offline worker (its script fetched whenever registration finishes,
  // sometimes after the page is idle) is blocked by the config and tested on its own below. The
  // worker's reused context starts each test with an empty HTTP cache, so every script is fetched.
  const scripts: { url: string; bytes: number }[] = [];
  const foreign: string[] = [];
  // Every body is awaited before the figures are read: a handler still reading a body when the
  // test ends fails it (and a budget read before the bodies arrive would pass when exceeded).
  const reading: Promise<void>[] = [];
  const onResponse = (response: Response) => {
    const url = new URL(response.url());
    if (url.hostname !== '127.0.0.1') foreign.push(response.url());
    if (response.request().resourceType() === 'script')
      reading.push(response.body().then((body) => void scripts.push({ url: response.url(), bytes: body.length })));
  };
  page.on('response', onResponse);
  await page.goto(pages.entry);
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  await Promise.all(reading);
  const gz = scripts.reduce((n, s) => n + s.bytes, 0);
  // The lesson button and counter: a few KB, not a framework, not zod, not the search index.
  expect(scripts.some((s) => /pagefind|schemas/.test(s.url))).toBe(false);
  expect(gz / 1024).toBeLessThan(15);
  expect(foreign).toEqual([]);
});

test('every page forbids inline and third-party scripts through its Content-Security-Policy', async ({ request }) => {
  for (const path of [pages.home, pages.entry, pages.search, pages.lesson, pages.submit]) {
    const html = await (await request.get(path)).text();
    const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
    expect(scriptSrc, path).toContain("'self'");
    expect(scriptSrc, path).not.toContain('unsafe-inline');
    expect(scriptSrc, path).not.toMatch(/https?:/);
    expect(html, path).not.toMatch(/<script(?![^>]*(type="module"|application\/ld\+json))[^>]*>[^<]+<\/script>/);
  }
  const headers = readFileSync(built('_headers'), 'utf8');
  expect(headers).toContain("frame-ancestors 'none'");
  expect(/script-src ([^;\n]+)/.exec(headers)![1]).not.toContain('unsafe-inline');
});

test('cases.json and cases.csv hold every published entry with the codebook’s columns', async ({ request }) => {
  const json = await (await request.get('cases.json')).json();
  const csv = await (await request.get('cases.csv')).body();
  const pageCount = (await (await request.get('cases/')).text()).match(/<li data-id=/g)!.length;
  expect(json.count).toBe(pageCount);
  expect(json.cases).toHaveLength(pageCount);
  expect(json.columns.map((c: { name: string }) => c.name)).toEqual(columns.map((c) => c.name));
  const minqing = json.cases.find((c: { id: string }) => c.id === 'minqing-riji-gongzuofa');
  expect(minqing).toMatchObject({ province: 'guangdong', province_code: '440000', year: 2002, domain_name: '农村' });
  expect(minqing.background).toContain('淋头村');

  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = csv.toString('utf8').slice(1);
  const header = text.split('\r\n')[0].split(',');
  expect(header).toEqual(columns.map((c) => c.name));
  // Quoted fields may hold newlines; count records by the id column instead of lines.
  for (const c of json.cases) expect(text).toContain(`\r\n${c.id},`);

  const codebook = await (await request.get('codebook/')).text();
  for (const c of columns) expect(codebook).toContain(`<code>${c.name}</code>`);

  // The overview table for WPS and Excel: Chinese headers, one row per entry, names rather than ids.
  const table = (await (await request.get('cases-table.csv')).body()).toString('utf8');
  expect(table.startsWith('\uFEFF名称,原标题,实践单位,省份,领域,方法类别,层级,')).toBe(true);
  expect(table).toContain('“民情日记”工作法');
  expect(table).not.toContain(',guangdong,');
  for (const c of json.cases) expect(table).toContain(c.url);
});

test('feeds and discovery files are there', async ({ request }) => {
  const rss = await (await request.get('rss.xml')).text();
  expect(rss).toContain('<language>zh-cn</language>');
  expect(rss.match(/<item>/g)!.length).toBeGreaterThan(10);
  const entry = await (await request.get(pages.entry)).text();
  // The test build has no SITE_URL: no host is made up, so no canonical, og:url or sitemap, and
  // feed links are base-relative (the SITE_URL build is checked in tests/e2e/subpath.spec.ts).
  if (process.env.SITE_URL) {
    expect((await request.get('sitemap-index.xml')).ok()).toBe(true);
    expect(await (await request.get('robots.txt')).text()).toContain(`Sitemap: ${process.env.SITE_URL}sitemap-index.xml`);
    expect(entry).toContain(`<link rel="canonical" href="${process.env.SITE_URL}cases/minqing-riji-gongzuofa/"`);
  } else {
    expect((await request.get('sitemap-index.xml')).status()).toBe(404);
    expect(await (await request.get('robots.txt')).text()).not.toContain('Sitemap:');
    expect(entry).not.toContain('rel="canonical"');
    expect(entry).not.toContain('og:url');
    expect(rss).toContain(`<link>${onSite('/cases/')}`);
  }
  expect(entry).toContain('property="og:title" content="“民情日记”工作法"');
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(entry)![1]);
  expect(ld).toMatchObject({ '@type': 'Article', headline: '“民情日记”工作法', inLanguage: 'zh-CN' });
});

test.describe('offline reading', () => {
  // The config blocks the offline worker (a reused context would keep what it caches); this test
  // lets it run, in a context of its own.
  test.use({ serviceWorkers: 'allow' });

  test('the catalogue and a visited entry read offline; an unvisited page explains', async ({ page, context }) => {
    await page.goto('cases/');
    // Installed, the worker has stored the catalogue (public/sw.js precaches it) and, active, it
    // handles the next navigation, which stores the entry: no reload is needed to come under it.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.goto(pages.entry);
    await expect(page.locator('h1')).toHaveText('“民情日记”工作法');
    await page.goto('search/'); // visited online, so the worker keeps the page itself
    await expect(page.locator('h1')).toHaveText('搜索案例');
    await context.setOffline(true);
    // Offline, a search whose index files were never fetched says so, instead of asking for another word.
    await page.goto(`search/?q=${encodeURIComponent('台账')}`);
    await expect(page.locator('case-search')).toHaveAttribute('data-state', 'done', { timeout: 20_000 });
    await expect(page.locator('main')).toContainText('现在没有网络，搜索需要的文件还没有存到这台设备上');
    await page.goto('cases/');
    await expect(page.locator('[data-results] > li').first()).toBeVisible();
    await page.goto(pages.entry);
    await expect(page.locator('h1')).toHaveText('“民情日记”工作法');
    await page.goto('cases/zou-qinqi-gongzuofa/');
    await expect(page.locator('h1')).toHaveText('现在没有网络');
    await context.setOffline(false);
  });
});

// One catalogue load for two tests that once each opened it; each is a step under its old title.
test('the filter pages stay usable at 200% zoom and by keyboard alone, and the site works without the offline worker', async ({ page }) => {
  await page.setViewportSize({ width: 640, height: 900 }); // 1280 px at 200% zoom
  await page.goto('cases/');
  await filterReady(page);
  await test.step('the filter pages stay usable at 200% zoom and by keyboard alone', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.keyboard.press('Tab');
    await expect(page.locator('.skip-link')).toBeFocused();
    // At this width the filters sit in a sheet, closed at first: a keyboard user opens it with Enter.
    const option = page.locator('a[data-facet="region"][data-value="guangdong"]');
    // The sheet, then the region group inside it, each opened with Enter on its summary if closed.
    for (const details of [page.locator('[data-filter-sheet]'), page.locator('details').filter({ has: option }).last()]) {
      if (await details.evaluate((d) => (d as HTMLDetailsElement).open)) continue;
      await details.locator(':scope > summary').focus();
      await page.keyboard.press('Enter');
      await expect(details).toHaveAttribute('open', '');
    }
    await option.focus();
    const outline = await option.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Enter');
    await expect(option).toHaveAttribute('aria-pressed', 'true');
  });

  await test.step('the site works without the offline worker', async () => {
    // The config blocks the offline worker (serviceWorkers: 'block') for every test but the one above.
    // At full width the domain chips are on the page, outside the sheet.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.locator('a[data-facet="domain"][data-value="nongcun"]').click();
    await expect(page).toHaveURL(/domain=nongcun/);
    await expect(page.locator('a[data-facet="domain"][data-value="nongcun"]')).toHaveAttribute('aria-pressed', 'true');
  });
});

test('at 360 px, in both themes: the named-lesson list with its print preview and an empty /compare/ with its picker pass axe, keep targets ≥ 24 px and never scroll sideways', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const slow = { timeout: 20_000 };
  // One walk through the pages in the worker's tab, narrowed before the first load: at each stop the
  // system's scheme switches to dark under the open page (it follows without a reload) and the same
  // checks run again.
  await page.setViewportSize({ width: 360, height: 800 });
  await page.emulateMedia({ colorScheme: 'light' });
  /** Interactive things smaller than 24 × 24 px (WCAG 2.5.8), links inside running text excepted. */
  const smallTargets = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('a, button, input, select, textarea, summary, [role="button"]')]
        .filter((e) => !e.closest('p, li > span, td') || e.matches('button, input, select'))
        .filter((e) => !e.closest('.visually-hidden') && !e.classList.contains('visually-hidden'))
        .map((e) => ({ e, r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24))
        .map(
          ({ e, r }) =>
            `${e.tagName} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 12)}" ${r.width}×${r.height}`,
        ),
    );
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  /** The audit, the targets and the width, in the light theme and then in the dark one. */
  const checkBothThemes = async (what: string) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await useScheme(page, colorScheme);
      expect.soft(await axe(page, colorScheme), `${what} (${colorScheme})`).toEqual([]);
      expect.soft(await smallTargets(), `${what} targets (${colorScheme})`).toEqual([]);
      expect.soft(await sideways(), `${what} scrolls sideways by (${colorScheme})`).toBeLessThanOrEqual(0);
    }
    await useScheme(page, 'light');
  };

  // The stored lesson is there before the first load, rather than written after a load and read after a reload.
  const items = [
    { id: 'minqing-riji-gongzuofa', note: '先讲台账' },
    { id: 'zou-qinqi-gongzuofa', note: '' },
  ];
  await storeBeforeLoad(
    page,
    { 'gongzuofa.lesson': JSON.stringify({ version: 2, title: '第一课', date: '', audience: '', items }) },
    { clear: true },
  );
  await page.goto('lesson/');
  await expect(page.locator('lesson-editor')).toHaveAttribute('data-state', 'ready', slow);
  await page.getByLabel('新教案名称').fill('第二课');
  await page.getByRole('button', { name: '新建教案' }).click();
  await expect(page.locator('[data-shelf-list] li')).toHaveCount(2, slow);
  // Back to the first lesson: its two cases fill the print preview.
  await page.getByRole('button', { name: '打开“第一课”' }).click();
  await expect(page.locator('[data-handout]')).toHaveAttribute('data-state', 'ready', slow);
  await checkBothThemes('lesson list');

  await page.goto('compare/');
  await expect(page.locator('[data-compare-picker]')).toBeVisible(slow);
  await checkBothThemes('empty compare');
});

test('on a phone in the dark theme, the filter sheet’s “查看 N 个案例” bar reads clearly', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('cases/');
  await filterReady(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme-now', 'dark');
  const sheet = page.locator('[data-filter-sheet]');
  if (!(await sheet.evaluate((d) => (d as HTMLDetailsElement).open))) await sheet.locator(':scope > summary').click();
  await expect(page.locator('[data-sheet-done]')).toBeVisible();
  expect(await axeViolations(page, { rules: COLOUR_RULES, selector: '.sheet-bar' })).toEqual([]);
});
