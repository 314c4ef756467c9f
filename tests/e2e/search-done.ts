import { expect, type Page } from '@playwright/test';

/**
 * Waits for <case-search>'s own "done" signal (data-state="done", set once the last batch of the
 * current search is shown). Reading up to 60 index records takes seconds on a loaded 2-core
 * machine, hence the explicit timeout rather than the default 5 s.
 */
export async function searchDone(page: Page, timeout = 30_000) {
  await expect(page.locator('case-search')).toHaveAttribute('data-state', 'done', { timeout });
}

/**
 * Runs a query and waits for its results. On the search page it is typed into the search box (the
 * page sets data-state="searching" from the keystroke, so a stale "done" is never read), which
 * skips reloading the page and starting Pagefind again; elsewhere the search page is opened with
 * it. Relative URL, so it works under a sub-path too.
 */
export async function searchFor(page: Page, query: string, timeout = 30_000) {
  if ((await page.locator('case-search #q').count()) > 0 && (await page.locator('case-search #q').inputValue()) !== query) {
    await page.locator('case-search #q').fill(query);
  } else {
    await page.goto(`search/?q=${encodeURIComponent(query)}`);
  }
  await searchDone(page, timeout);
}
