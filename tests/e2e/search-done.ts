import { expect, type Page } from '@playwright/test';

/**
 * Waits for <case-search>'s own "done" signal (data-state="done", set once the last batch of the
 * current search is shown). Reading up to 60 index records takes seconds on a loaded 2-core
 * machine, hence the explicit timeout rather than the default 5 s.
 */
export async function searchDone(page: Page, timeout = 30_000) {
  await expect(page.locator('case-search')).toHaveAttribute('data-state', 'done', { timeout });
}
