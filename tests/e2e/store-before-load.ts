import type { Page } from '@playwright/test';

/**
 * Puts values into localStorage before the page's own scripts run on the NEXT page load, and on that
 * load only. It replaces "open the page, store, reload", which costs a whole page load (about 0.5
 * CPU-s, in both the root and the /gzf/ run) where only the load with the stored value is under test.
 * Playwright init scripts run on every load of the page, so a one-time mark in sessionStorage (which
 * the site never uses) keeps later loads and reloads from storing the value again. `clear` first
 * empties localStorage, as a fresh test would have it.
 */
export async function storeBeforeLoad(page: Page, values: Record<string, string>, { clear = false } = {}) {
  const mark = `test-stored-${Math.random()}`;
  await page.addInitScript(
    ([values, mark, clear]) => {
      if (location.protocol === 'about:' || sessionStorage.getItem(mark)) return;
      sessionStorage.setItem(mark, '1');
      if (clear) localStorage.clear();
      for (const [key, value] of Object.entries(values)) localStorage.setItem(key, value);
    },
    [values, mark, clear] as const,
  );
}
