/**
 * The accessibility audit the browser specs share (quality.spec.ts, lesson-safety.spec.ts): axe-core
 * on the page as it is served, reported as one line per violation.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from './fixtures.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Every violation of `rules` (default: WCAG 2.0, 2.1 and 2.2, levels A and AA) inside `selector`
 * (default: the whole document), as `id: help (count) first-target`. axe is loaded once per page load.
 */
export async function axeViolations(page: Page, { rules, selector }: { rules?: string[]; selector?: string } = {}): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Evaluated through the DevTools protocol, which the page's Content-Security-Policy does not
    // govern (it rightly refuses an injected <script>): the page is audited as it is served, and the
    // test needs no bypassCSP, a context option that cost a fresh browser context per test.
    await page.evaluate(axeSource);
    // axe copies the HTML of every node it checks, passes included, into its results; the report
    // names a violation by its selector and count only. Without the copies the same rules run on the
    // same nodes for less CPU (round 8, all 17 pages of quality.spec.ts, each variant run on the same
    // page load: light 7.2 → 5.5, dark 3.6 → 3.3 CPU-s).
    await page.evaluate(() => (window as any).axe.configure({ noHtml: true }));
  }
  return page.evaluate(
    async ({ rules, selector }) => {
      const runOnly = rules
        ? { type: 'rule', values: rules }
        : { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] };
      const context = selector ? document.querySelector(selector) : document;
      // Only violations: axe need not build the full list of passing nodes.
      const result = await (window as any).axe.run(context, { runOnly, resultTypes: ['violations'] });
      return result.violations.map((v: any) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes[0]?.target}`);
    },
    { rules, selector },
  );
}
