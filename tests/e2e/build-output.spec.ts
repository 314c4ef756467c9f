/** Nothing dropped silently: every entry file is a page, and every entry page is in the search index. */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { entryRecord, findMismatch, mainPoints } from '../../src/lib/entry-text.ts';
import { entryView } from '../../src/lib/entry-view.ts';
import { searchRecord } from '../../src/lib/search-record.ts';
import { built, onSite } from './site.ts';

test('entry files, entry pages and indexed pages are the same number', async ({ page }) => {
  // Only published entries are built (drafts and, by default, 待审 entries are not).
  const files = readdirSync('content/cases').filter(
    (f) => f.endsWith('.mdx') && !f.startsWith('_') && /^status: 已发布$/m.test(readFileSync(`content/cases/${f}`, 'utf8')),
  );
  const pages = readdirSync(built('cases'), { withFileTypes: true }).filter(
    (d) => d.isDirectory() && existsSync(built(`cases/${d.name}/index.html`)),
  );
  const entry = JSON.parse(readFileSync(built('pagefind/pagefind-entry.json'), 'utf8'));
  expect(pages.map((d) => d.name).sort()).toEqual(files.map((f) => f.replace(/\.mdx$/, '')).sort());
  // One index, of pair tokens (language zxx, see src/integrations/search-index.ts), which the
  // page (lang zh-CN) falls back to.
  expect(Object.keys(entry.languages)).toEqual(['zxx']);
  expect(entry.languages.zxx.page_count).toBe(files.length);

  // And the browser sees the same count through Pagefind itself.
  await page.goto('search/');
  const indexed = await page.evaluate(async (url) => {
    const pf = await import(/* @vite-ignore */ url);
    await pf.init();
    // Every entry carries exactly one domain filter, so the domain counts add up to the pages indexed.
    const filters: Record<string, Record<string, number>> = await pf.filters();
    return Object.values(filters.domain).reduce((a, b) => a + b, 0);
  }, onSite('/pagefind/pagefind.js'));
  expect(indexed).toBe(files.length);
});

test("every entry's search record, made from its source, says what its built page says", () => {
  // The index is built from source while Astro renders; what a reader finds must be what they see.
  const { valid } = checkProject(process.cwd());
  expect(valid.length).toBeGreaterThan(70);
  for (const { id, data, body } of valid.filter((e) => e.data.status === '已发布')) {
    const view = entryView(id, data, body);
    const fromSource = entryRecord(view);
    // The main points are weighted from source (MAIN_BOOST); the page's text must hold them.
    const main = mainPoints(view);
    const fromPage = searchRecord(`/cases/${id}/`, readFileSync(built(`cases/${id}/index.html`), 'utf8'), main);
    for (const point of main) expect(fromPage.meta.text, `${id}: ${point}`).toContain(point);
    expect(findMismatch(fromSource.meta.text, fromPage.meta.text), id).toBeUndefined();
    expect(fromSource.content, id).toBe(fromPage.content);
    // `box` (where the info box stands, for search snippets) is known only from source.
    const { box, ...sourceMeta } = fromSource.meta;
    expect(box, id).toMatch(/^\d+,\d+$/);
    expect(sourceMeta, id).toEqual({ ...fromPage.meta, text: fromSource.meta.text });
    expect(fromSource.filters, id).toEqual(fromPage.filters);
  }
});
