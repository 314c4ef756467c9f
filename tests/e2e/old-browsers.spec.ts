/**
 * Intranet desktops run old or dual-engine browsers: the page asks for the modern engine, and
 * without WebAssembly the search says why it cannot run while the catalogue and entries still work.
 * Relative paths, so the file also runs under a sub-path (baseURL ends in the base).
 */
import { expect, test } from '@playwright/test';
import { searchDone } from './search-done.ts';

test('dual-engine browsers are asked for the modern engine', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('meta[name="renderer"]')).toHaveAttribute('content', 'webkit');
});

test('without WebAssembly, search explains itself and the catalogue still filters', async ({ page }) => {
  await page.addInitScript(() => {
    // @ts-expect-error: a browser without WebAssembly
    delete globalThis.WebAssembly;
  });
  await page.goto(`search/?q=${encodeURIComponent('民情日记')}`);
  await searchDone(page);
  await expect(page.locator('case-search')).toContainText('不支持 WebAssembly');
  await page.goto('cases/');
  const guangdong = page.locator('a[data-facet="region"][data-value="guangdong"]');
  const expected = Number(await guangdong.locator('[data-count]').textContent());
  await guangdong.click();
  await expect(page.locator('[data-results] > li:visible')).toHaveCount(expected);
  await page.locator('[data-results] > li:visible h3 a').first().click();
  await expect(page.locator('h1')).toBeVisible();
});
