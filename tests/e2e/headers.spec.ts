/**
 * The site as a static host serves it with public/_headers (playwright.config.ts serves dist/
 * through scripts/lib/static-server.ts): the header's policy and every page's <meta> policy agree,
 * and the pages still work when both apply.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures.ts';
import { headersFor, parseHeadersFile } from '../../scripts/lib/static-server.ts';
import { searchDone } from './search-done.ts';
import { filterReady, outDir } from './site.ts';

const dist = outDir;
const headerPolicy = headersFor(parseHeadersFile(readFileSync(join(dist, '_headers'), 'utf8')), '/')['Content-Security-Policy'];

/** A policy as directive → sorted sources, hashes left out (they allow only inline code, and there is none). */
function directives(policy: string, { dropHashes = false } = {}): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = sources.filter((s) => !(dropHashes && /^'sha(256|384|512)-/.test(s))).sort();
  }
  return out;
}

const htmlFiles = (readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));

/** Collects CSP violations and CSP console errors from the moment the page starts. */
async function watchPolicy(page: Page) {
  const console: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) console.push(m.text());
  });
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return async () => ({ violations: (await page.evaluate(() => (window as any).__violations)) as string[], console });
}

test('every page states the policy of _headers in a <meta> that comes first in <head>, with no inline script or style', () => {
  expect(headerPolicy).toBeTruthy();
  expect(headerPolicy).not.toContain("'unsafe-inline'");
  const { 'frame-ancestors': frameAncestors, ...header } = directives(headerPolicy);
  expect(frameAncestors).toEqual(["'none'"]);
  expect(htmlFiles.length).toBeGreaterThan(100);
  for (const file of htmlFiles) {
    const html = readFileSync(join(dist, file), 'utf8');
    const head = /<head[^>]*>\s*<meta http-equiv="content-security-policy" content="([^"]*)">/i.exec(html);
    expect(head, `${file}: the CSP <meta> is not the first element of <head>`).not.toBeNull();
    expect(directives(head![1], { dropHashes: true }), `${file}: <meta> and _headers policies differ`).toEqual(header);
    const inlineScripts = [...html.matchAll(/<script\b([^>]*)>/gi)].filter(
      ([, attrs]) => !/\bsrc=/.test(attrs) && !/type="application\/ld\+json"/.test(attrs),
    );
    expect(
      inlineScripts.map((m) => m[0]),
      `${file}: inline script`,
    ).toEqual([]);
    expect(html, `${file}: inline <style>`).not.toMatch(/<style\b/i);
    expect(html, `${file}: style attribute`).not.toMatch(/<[a-z][^>]*\sstyle=/i);
  }
});

test('HTML, data and script responses carry the headers of _headers', async ({ request }) => {
  for (const path of ['./', 'cases/', 'cases/minqing-riji-gongzuofa/', 'search/', 'no-such-page/']) {
    const response = await request.get(path);
    expect(response.headers()['content-type'], path).toBe('text/html; charset=utf-8');
    expect(response.headers()['content-security-policy'], path).toBe(headerPolicy);
    expect(response.headers()['x-frame-options'], path).toBe('DENY');
  }
  const csv = await request.get('cases.csv');
  expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
  expect(csv.headers()['x-content-type-options']).toBe('nosniff');
});

test('under the header policy, the catalogue filters, the print button shows and search answers, with no violation; an inserted script is refused', async ({
  page,
}) => {
  const report = await watchPolicy(page);
  const catalogue = await page.goto('cases/');
  expect(catalogue!.headers()['content-security-policy']).toBe(headerPolicy);
  await filterReady(page);
  const cards = page.locator('[data-results] > li:visible');
  const total = await cards.count();
  expect(total).toBeGreaterThanOrEqual(74);
  const region = page.locator('a[data-facet="region"][data-value="guangdong"]');
  const expected = Number(await region.locator('[data-count]').textContent());
  expect(expected).toBeLessThan(total);
  await region.click();
  await expect(cards).toHaveCount(expected, { timeout: 20_000 });
  expect(await report()).toEqual({ violations: [], console: [] });

  await page.goto('cases/minqing-riji-gongzuofa/');
  await expect(page.locator('print-button button')).toBeVisible({ timeout: 20_000 });
  expect(await report()).toEqual({ violations: [], console: [] });

  // Pagefind's WebAssembly ('wasm-unsafe-eval', served as application/wasm) and its worker.
  const response = await page.goto('search/?q=台账');
  await searchDone(page);
  await expect(page.locator('.results > li').first()).toBeVisible();
  expect(await report()).toEqual({ violations: [], console: [] });

  // Once a test of its own that opened the catalogue again; the search page has the same policy, and
  // this comes last because it causes the violation the checks above must not see.
  await test.step('the header policy is enforced: a script inserted into the page does not run and is reported', async () => {
    expect(response!.headers()['content-security-policy']).toBe(headerPolicy);
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.head.append(script);
      await new Promise((r) => setTimeout(r, 100));
      return (window as any).__inlineRan === true;
    });
    expect(ran).toBe(false);
    await expect.poll(async () => (await report()).violations.some((v) => v.startsWith('script-src')), { timeout: 10_000 }).toBe(true);
  });
});
