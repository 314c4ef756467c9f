/**
 * Intranet desktops run old or dual-engine browsers: the page asks for the modern engine, and
 * without WebAssembly, Intl.Segmenter or service workers the catalogue, entries and print still
 * work, while search either works or says (in Chinese) why it cannot, instead of hanging.
 * Relative paths, so the file also runs under a sub-path (see site.ts).
 */
import { expect, test, type Page } from './fixtures.ts';
import { searchDone } from './search-done.ts';
import { caseIdOf, filterReady, onSite } from './site.ts';

type Missing = 'WebAssembly' | 'Intl.Segmenter' | 'serviceWorker';

/** Removes browser features before any page script runs, and collects uncaught page errors. */
async function without(page: Page, missing: Missing[]) {
  await page.addInitScript((names: string[]) => {
    // @ts-expect-error: a browser without WebAssembly
    if (names.includes('WebAssembly')) delete globalThis.WebAssembly;
    // @ts-expect-error: a browser without Intl.Segmenter (Chrome < 87, Firefox < 125)
    if (names.includes('Intl.Segmenter')) delete Intl.Segmenter;
    // `'serviceWorker' in navigator` is then false, as in browsers without it.
    // @ts-expect-error: a browser without service workers
    if (names.includes('serviceWorker')) delete Navigator.prototype.serviceWorker;
  }, missing);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** The catalogue filters, an entry opens from it, and the entry prints with its address. */
async function catalogueEntryPrint(page: Page) {
  await page.goto('cases/');
  await filterReady(page);
  const guangdong = page.locator('a[data-facet="region"][data-value="guangdong"]');
  const expected = Number(await guangdong.locator('[data-count]').textContent());
  expect(expected).toBeGreaterThan(0);
  await guangdong.click();
  await expect(page.locator('[data-results] > li:visible')).toHaveCount(expected, { timeout: 20_000 });
  await page.locator('[data-results] > li:visible h3 a').first().click();
  await expect(page.locator('.sections h2')).toHaveText(['背景', '做法', '成效', '启示']);
  const id = caseIdOf(page.url());
  expect(id).toBeTruthy();
  await expect(page.locator('print-button button')).toBeVisible({ timeout: 20_000 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.page-address')).toContainText(onSite(`/cases/${id}/`));
  await page.emulateMedia({ media: 'screen' });
}

// A <meta> in the served HTML, read by the dual-engine browser itself: no page needs to run for it.
test('dual-engine browsers are asked for the modern engine', async ({ request }) => {
  const html = await (await request.get('./')).text();
  const head = html.slice(0, html.indexOf('</head>'));
  expect(head).toMatch(/<meta name="renderer" content="webkit">/);
});

test('without WebAssembly, Intl.Segmenter and service workers: search explains itself; catalogue, entries and print work; nothing is registered', async ({
  page,
}) => {
  const errors = await without(page, ['WebAssembly', 'Intl.Segmenter', 'serviceWorker']);
  await page.goto(`search/?q=${encodeURIComponent('民情日记')}`);
  await searchDone(page);
  await expect(page.locator('[data-search-status]')).toContainText('这个浏览器不支持 WebAssembly，无法使用站内搜索');
  await expect(page.locator('[data-search-results] > li')).toHaveCount(0);
  await catalogueEntryPrint(page);
  // Once a test of its own ("without service workers, nothing is registered and the pages work the
  // same"), which walked the same pages with only the worker missing; here the worker is missing too.
  expect(await page.evaluate(() => 'serviceWorker' in navigator)).toBe(false);
  expect(errors).toEqual([]);
});

test('without Intl.Segmenter, search still finds the method by name', async ({ page }) => {
  const errors = await without(page, ['Intl.Segmenter']);
  await page.goto(`search/?q=${encodeURIComponent('民情日记')}`);
  await searchDone(page);
  const found = await page.locator('[data-search-results] h2 a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
  expect(found.map(caseIdOf)[0]).toBe('minqing-riji-gongzuofa');
  expect(errors).toEqual([]);
});
