import { expect, test } from './fixtures.ts';
import { atSite, filterReady } from './site.ts';

const cards = (page: import('@playwright/test').Page) => page.locator('[data-results] > li:visible');

test.describe('catalogue with JavaScript', () => {
  // One test with four page loads: each former test is a step under its old title (a test costs CPU
  // twice, in the root and the /gzf/ run). The shared links are opened by URL, as a reader would.
  test('filters, shared links, sorting and combined facets', async ({ page }) => {
    await test.step('filters by region and domain together, with counts, and keeps the state in the URL', async () => {
      await page.goto('cases/');
      await filterReady(page);
      const total = await cards(page).count();
      expect(total).toBeGreaterThanOrEqual(74);
      await expect(page.locator('[data-status]')).toHaveText(`共 ${total} 个案例`);

      const guangdong = page.locator('a[data-facet="region"][data-value="guangdong"]');
      const expected = Number(await guangdong.locator('[data-count]').textContent());
      await guangdong.click();
      await expect(page).toHaveURL(atSite(/cases\/\?region=guangdong$/));
      await expect(cards(page)).toHaveCount(expected);
      await expect(guangdong).toHaveAttribute('aria-pressed', 'true');

      const community = page.locator('a[data-facet="domain"][data-value="chengshi-shequ"]');
      const inBoth = Number(await community.locator('[data-count]').textContent());
      expect(inBoth).toBeLessThan(expected);
      await community.click();
      await expect(page).toHaveURL(/region=guangdong&domain=chengshi-shequ/);
      await expect(cards(page)).toHaveCount(inBoth);
      for (const meta of await cards(page).locator('.meta').allTextContents()) {
        expect(meta).toContain('广东');
        expect(meta).toContain('城市社区');
      }
      await expect(page.locator('[data-status]')).toHaveText(`筛选出 ${inBoth} / ${total} 个案例`);

      // Back button restores the previous filter.
      await page.goBack();
      await expect(cards(page)).toHaveCount(expected);
      await page.getByRole('button', { name: '清除筛选' }).click();
      await expect(cards(page)).toHaveCount(total);
    });

    await test.step('opens with the filters in a shared link and reports unknown ones', async () => {
      await page.goto('cases/?region=sichuan&domain=nongcun&region=atlantis');
      await expect(cards(page)).toHaveCount(1);
      await expect(cards(page).first()).toContainText('台账');
      await expect(page.locator('[data-status]')).toContainText('已忽略无法识别的条件：region=atlantis');
    });

    await test.step('combines a method family with a year', async () => {
      await page.goto('cases/?theme=minqing-shouji&year=2002');
      await expect(cards(page)).toHaveCount(1);
      await expect(cards(page).first()).toContainText('“民情日记”工作法');
    });

    await test.step('sorts by year, newest first', async () => {
      await page.goto('cases/?sort=year');
      await filterReady(page);
      const years = await cards(page).evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.year) || 0));
      const known = years.filter((y) => y > 0);
      expect(known.length).toBeGreaterThan(10);
      expect(known).toEqual([...known].sort((a, b) => b - a));
      expect(years.slice(known.length).every((y) => y === 0)).toBe(true);
      await page.getByLabel('排序').selectOption('source');
      await expect(page).toHaveURL(atSite(/cases\/$/));
    });
  });
});

test.describe('catalogue without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('lists every entry and leads to facet pages by links', async ({ page }) => {
    await page.goto('cases/');
    const total = await page.locator('[data-results] > li').count();
    expect(total).toBeGreaterThanOrEqual(74);
    const option = page.locator('a[data-facet="region"][data-value="sichuan"]');
    const count = Number(await option.locator('[data-count]').textContent());
    await option.click();
    await expect(page).toHaveURL(atSite(/regions\/sichuan\/$/));
    await expect(page.locator('h1')).toHaveText('四川');
    await expect(page.locator('.card-list > li')).toHaveCount(count);
  });
});
