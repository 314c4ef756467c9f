/**
 * The 层级 facet, added through the facet registry alone (src/lib/facets.ts): its pages, its group
 * in the catalogue filter, its search filter and its vocabulary in the codebook.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { searchDone } from './search-done.ts';
import { filterReady } from './site.ts';

/** Published entries per level id, read from the files themselves. */
const perLevel = (() => {
  const dir = join('content', 'cases');
  const counts = new Map<string, number>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
    const text = readFileSync(join(dir, file), 'utf8');
    if (!/^status: 已发布$/m.test(text)) continue;
    const level = /^level: (\S+)$/m.exec(text)![1];
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return counts;
})();
const levels: { id: string; label: string }[] = JSON.parse(readFileSync(join('content', 'vocab', 'levels.json'), 'utf8')).values;
const label = (id: string) => levels.find((l) => l.id === id)!.label;

// One test: each former test is a step under its old title (a test costs CPU twice, root and /gzf/ runs).
test('the 层级 facet: its pages, catalogue filter, search filter and codebook', async ({ page }) => {
  await test.step('/levels/ lists every level that has entries, and each page lists exactly its entries', async () => {
    await page.goto('levels/');
    await expect(page.locator('h1')).toHaveText('按层级浏览');
    const items = page.locator('.facet-grid > li');
    await expect(items).toHaveCount(perLevel.size);
    expect(perLevel.size).toBeGreaterThanOrEqual(4);
    for (const [id, count] of perLevel) {
      const item = items.filter({ hasText: label(id) });
      await expect(item.locator('.count')).toHaveText(String(count));
      await expect(item.locator('a')).toHaveAttribute('href', new RegExp(`/levels/${id}/$`));
    }
    const [id, count] = [...perLevel].sort((a, b) => b[1] - a[1])[0];
    await page.goto(`levels/${id}/`);
    await expect(page.locator('h1')).toHaveText(label(id));
    await expect(page.locator('.card-list > li')).toHaveCount(count);
    // The breadcrumb leads back to the index, and the catalogue link carries the same filter.
    await expect(page.getByRole('link', { name: '层级', exact: true }).first()).toHaveAttribute('href', /\/levels\/$/);
    await expect(page.getByRole('link', { name: '在全部案例中与其他条件组合筛选' })).toHaveAttribute(
      'href',
      new RegExp(`/cases/\\?level=${id}$`),
    );
  });

  await test.step('the codebook lists the level vocabulary and the level columns', async () => {
    await page.goto('codebook/');
    const heading = page.locator('h2', { hasText: '词表：层级' });
    await expect(heading).toBeVisible();
    const rows = page.locator('h2:has-text("词表：层级") + table tbody tr');
    await expect(rows).toHaveCount(levels.length);
    await expect(rows.first()).toContainText('shengji');
    await expect(page.locator('table').first()).toContainText('level_name');
  });

  await test.step('the catalogue has a 层级 filter group that narrows the cards and keeps it in the URL', async () => {
    await page.goto('cases/');
    await filterReady(page);
    const group = page.locator('.facet-panel details[data-facet-group="level"]');
    await expect(group.locator('summary')).toHaveText('层级');
    await group.locator('summary').click();
    const options = group.locator('a[data-facet="level"]');
    await expect(options).toHaveCount(perLevel.size);
    const county = group.locator('a[data-value="xianji"]');
    await expect(county.locator('[data-count]')).toHaveText(String(perLevel.get('xianji')));
    await county.click();
    await expect(page).toHaveURL(/\/cases\/\?level=xianji$/);
    const visible = page.locator('[data-results] > li:visible');
    await expect(visible).toHaveCount(perLevel.get('xianji')!);
    for (const value of await visible.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-level')))) expect(value).toBe('xianji');
    await expect(page.locator('[data-status]')).toContainText(`筛选出 ${perLevel.get('xianji')} /`);
    // A link with the filter opens already filtered.
    await page.goto('cases/?level=cun-shequ');
    await expect(visible).toHaveCount(perLevel.get('cun-shequ')!);
  });

  await test.step('search has a 层级 filter that limits the results to that level', async () => {
    await page.goto('search/?level=dishiji');
    const group = page.locator('details[data-facet-group="level"]');
    await expect(group.locator('summary')).toContainText('层级');
    await expect(group.locator('input[data-filter="level"]')).toHaveCount(perLevel.size);
    await expect(group.locator('input[value="dishiji"]')).toBeChecked();
    await searchDone(page);
    const results = page.locator('[data-search-results] > li');
    await expect(results).toHaveCount(perLevel.get('dishiji')!, { timeout: 20_000 });
    // Every result is an entry of that level: its page says so.
    const paths = await page
      .locator('[data-search-results] h2 a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const html = await page.request.get(paths[0]).then((r) => r.text());
    expect(html).toMatch(/<dt[^>]*>层级<\/dt><dd[^>]*>地市级</);
  });
});
