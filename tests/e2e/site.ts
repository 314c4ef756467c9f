/**
 * Writing a browser test that runs both at the root and under a sub-path (read this before adding a spec).
 *
 * `npm test` runs the whole browser suite twice: against a root build (BASE_PATH unset, served at
 * `/`) and against a build with BASE_PATH=/gzf/ served only under /gzf/ (everything outside is 404).
 * playwright.config.ts sets baseURL to `http://127.0.0.1:<port>/gzf/` in the second run, so:
 *
 * - Navigate and request with paths RELATIVE to the site: `page.goto('cases/')`,
 *   `request.get('cases.json')`, `page.goto('./')` for the home page. Never `goto('/cases/')`:
 *   a leading slash leaves the base and gets the 404 page.
 * - Assert URLs with `atSite(/cases\/\?region=x$/)` (the pattern is the path after the base), so a
 *   link that forgot the base fails instead of matching `/cases/` anywhere.
 * - Read a link's site path with `sitePathOf(href)` → `/cases/x/` (base removed; throws when the
 *   link is outside the base), and an entry id with `caseIdOf(href)`.
 * - Read built files through `built('cases/x/index.html')` (the run's OUT_DIR, not always dist/).
 * - A spec that cannot run under a base (it builds its own fixture site at the root) says so with
 *   `test.skip(base !== '/', 'why')` at the top of the file; list it in README, "测试".
 * - Every test runs in both runs (issue 15). A costly test may repeat less under a base where the
 *   repetition reads nothing the base changes (`if (base !== '/')`: the dark-theme axe pass, the
 *   ranking of every query), saying why in a comment; whatever reads a URL it does in full.
 */
import { join } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { normaliseBase } from '../../src/site-config.ts';

/** The sub-path of this run: `/` or e.g. `/gzf/`. */
export const base = normaliseBase(process.env.BASE_PATH);

/** The folder this run's build was written to (scripts/test.ts sets OUT_DIR for the sub-path run). */
export const outDir = process.env.OUT_DIR ?? 'dist';

/** A built file of this run, by its path in the site: `built('cases/x/index.html')`. */
export const built = (path: string) => join(outDir, path.replace(/^\//, ''));

/** A site path as the browser sees it: `/cases/x/` → `/gzf/cases/x/`. */
export const onSite = (path: string) => base + path.replace(/^\//, '');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A URL pattern for toHaveURL: origin, then the base, then `pattern` (the path after the base). */
export const atSite = (pattern: RegExp) => new RegExp(`^https?://[^/]+${escapeRegExp(base)}${pattern.source}`, pattern.flags);

/** The site path of a link (`/cases/x/`, base removed). Throws for a link outside the base. */
export function sitePathOf(href: string): string {
  const { pathname } = new URL(href, 'http://127.0.0.1');
  if (!pathname.startsWith(base)) throw new Error(`link outside the site's base ${base}: ${href}`);
  return `/${pathname.slice(base.length)}`;
}

/** The entry id of a link to an entry (`…/cases/<id>/`), or undefined for another page. */
export const caseIdOf = (href: string) => /^\/cases\/([^/]+)\/$/.exec(sitePathOf(href))?.[1];

/**
 * Waits until the catalogue's filter has taken over its chips (`<case-filter data-state="ready">`).
 * A chip is a plain link to its facet page until then, so a click that comes first leaves /cases/.
 */
export const filterReady = (page: Page) => expect(page.locator('case-filter')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });

/**
 * Records every layout shift the reader did not cause, from the first paint on (call before `goto`);
 * `layoutShifts(page)` reads them. A page that draws late content into reserved space records none.
 */
export const watchLayoutShifts = (page: Page) =>
  page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] };
    w.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
        if (!e.hadRecentInput) w.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });

/** The layout shifts recorded since `watchLayoutShifts`, in order. */
export const layoutShifts = (page: Page) => page.evaluate(() => (window as unknown as { shifts: number[] }).shifts);

/** The addresses the page has loaded whose URL holds `part` (e.g. a lazily loaded export library). */
export const loadedResources = (page: Page, part: string) =>
  page.evaluate(
    (part) =>
      performance
        .getEntriesByType('resource')
        .map((r) => r.name)
        .filter((n) => n.includes(part)),
    part,
  );
