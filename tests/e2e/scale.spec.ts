/**
 * Budgets at 1,000 entries, on a generated library built for this test. Its search index is
 * written in parts of 400 entries, so the merged search of a large library is tested too.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { gzipSync } from 'node:zlib';
import { build } from '../../scripts/lib/serve.ts';
import { generateLibrary } from '../../scripts/lib/synthetic.ts';
import { searchDone } from './search-done.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';

const dir = '.bench/test-1000';
let site: { url: string; close: () => Promise<void> };

test.describe.configure({ mode: 'serial', timeout: 240_000 });

/**
 * A hash of everything the generated build depends on (site code, vocabularies, generator, config,
 * installed packages), so the budgets below are never measured on a build of older code.
 */
function inputsHash(): string {
  const hash = createHash('sha256');
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else hash.update(path).update(readFileSync(path));
  };
  // This file too: the fixture's build options are here.
  for (const path of [
    'src',
    'content/vocab',
    'scripts/build.ts',
    'scripts/lib/synthetic.ts',
    'scripts/lib/serve.ts',
    'tests/e2e/scale.spec.ts',
    'astro.config.mjs',
    'package-lock.json',
  ])
    walk(path);
  return hash.digest('hex');
}

test.beforeAll(async () => {
  test.setTimeout(300_000); // generating and building 1,000 entries takes a minute or two
  const hash = inputsHash();
  const stamp = `${dir}/inputs.sha256`;
  if (!existsSync(`${dir}/dist/pagefind/parts.json`) || !existsSync(stamp) || readFileSync(stamp, 'utf8') !== hash) {
    rmSync(dir, { recursive: true, force: true });
    generateLibrary(1000, `${dir}/content`, { seed: 3 });
    // With the index's memory gate closed (any process is over 1 MB): the parts wait until Astro has
    // bundled the pages, as at 10,000 entries, then (the ceiling closed too) until the last page is built,
    // so the merged search below is searched as built that way, and a lost end signal would hang the build.
    // Without the per-case .docx files (about 10 CPU-s here): no test below reads them, and
    // entry-contract.spec.ts and tests/unit/entry-contract.test.ts check them in the main build.
    const { output } = build({
      contentDir: `${dir}/content`,
      outDir: `${dir}/dist`,
      searchPartSize: 400,
      searchMemoryRoomMb: 1,
      searchMemoryCeilingMb: 1,
      skipCaseDocx: true,
    });
    writeFileSync(`${dir}/build.log`, output);
    writeFileSync(stamp, hash);
  }
  // Served in this process by the tests' own static server (as hostile-output.spec.ts does), not by
  // `npx astro preview`: that started npm, a shell and Astro with its integrations to serve files.
  site = await startStaticServer({ root: `${dir}/dist` });
});
test.afterAll(() => site?.close());

// One load of the 1,000-card catalogue for two tests that once each opened it; each is a step under its old title.
test('a 1,000-entry catalogue is under 200 KB gzipped before it is usable, and filtering it moves no card', async ({ page }) => {
  await test.step('a 1,000-entry catalogue is under 200 KB gzipped before it is usable', async () => {
    // Every response's size is awaited before summing, so a late body can't slip past the budget.
    const sizes: Promise<number>[] = [];
    page.on('response', (response) =>
      sizes.push(
        response
          .body()
          .catch(() => Buffer.alloc(0))
          .then((body) =>
            /text|javascript|json|css|svg|xml/.test(response.headers()['content-type'] ?? '') ? gzipSync(body).length : body.length,
          ),
      ),
    );
    await page.goto(`${site.url}/cases/`);
    await expect(page.locator('[data-results] > li')).toHaveCount(1000);
    await expect(page.locator('label', { hasText: '排序' })).toBeVisible(); // the filter script has run
    await page.waitForLoadState('networkidle');
    const kb = (await Promise.all(sizes)).reduce((a, b) => a + b, 0) / 1024;
    console.log(`catalogue of 1,000: ${kb.toFixed(1)} KB gzipped`);
    expect(kb).toBeLessThanOrEqual(200);
  });

  await test.step('filtering a 1,000-entry catalogue only shows and hides cards: it moves none', async () => {
    // Response time is measured by npm run bench:build (it prints it); here, the property that keeps
    // it low: a filter click changes visibility and counts, never the order of a thousand elements.
    // The page is as loaded above, with no filter chosen yet.
    await expect(page.locator('[data-status]')).not.toContainText('筛选出');
    const moves = await page.evaluate(() => {
      let moved = 0;
      const list = document.querySelector('[data-results]')!;
      const observer = new MutationObserver((records) => (moved += records.filter((r) => r.type === 'childList').length));
      observer.observe(list, { childList: true });
      for (const [facet, value] of [
        ['domain', 'nongcun'],
        ['region', 'guangdong'],
        ['theme', 'xinxihua'],
      ])
        document.querySelector<HTMLAnchorElement>(`a[data-facet="${facet}"][data-value="${value}"]`)!.click();
      observer.disconnect();
      return moved;
    });
    expect(moves).toBe(0);
    await expect(page.locator('[data-status]')).toContainText('筛选出');
  });
});

test('search over an index written in three parts finds entries from every part', async ({ page }) => {
  // The build told the index when the pages were bundled (a Vite plugin), and the parts waited for that.
  expect(readFileSync(`${dir}/build.log`, 'utf8')).toMatch(
    /parts waited [\d.]+ s to be started or written while Astro bundled, for memory, until the pages were bundled\) \(and [\d.]+ s while the pages were built\)/,
  );
  // Built as asked (SKIP_CASE_DOCX): the entry JSON files without their .docx.
  const files = readdirSync(`${dir}/dist/cases`);
  expect(files.filter((f) => f.endsWith('.json')).length).toBe(1000);
  expect(files.filter((f) => f.endsWith('.docx'))).toEqual([]);
  expect(JSON.parse(readFileSync(`${dir}/dist/pagefind/parts.json`, 'utf8')).parts).toEqual(['/pagefind/part-2/', '/pagefind/part-3/']);
  // Pages are indexed in catalogue order, so these three fall in parts 1, 2 and 3.
  const { cases } = JSON.parse(readFileSync(`${dir}/dist/cases.json`, 'utf8')) as { cases: { id: string; title: string }[] };
  for (const entry of [cases[10], cases[500], cases[990]]) {
    await page.goto(`${site.url}/search/?q=${encodeURIComponent(entry.title)}`);
    await searchDone(page);
    await expect(page.locator(`[data-search-results] a[href="/cases/${entry.id}/"]`), entry.title).toBeVisible();
  }
});
