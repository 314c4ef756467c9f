/**
 * The catalogue as a reader on a phone and at a keyboard meets it: the filter sheet and its
 * sticky count, removable tags, the advice for an empty result, chips toggled by Space and Enter,
 * the 跳到结果 link and the keyword box. Every test waits for <case-filter data-state="ready">.
 */
import { expect, test, type Page } from './fixtures.ts';

const slow = { timeout: 20_000 };
const cards = (page: Page) => page.locator('[data-results] > li:visible');
const option = (page: Page, facet: string, value: string) => page.locator(`a[data-facet="${facet}"][data-value="${value}"]`);
const countOf = async (page: Page, facet: string, value: string) =>
  Number(await option(page, facet, value).locator('[data-count]').textContent());

async function open(page: Page, path = 'cases/') {
  await page.goto(path);
  await expect(page.locator('case-filter')).toHaveAttribute('data-state', 'ready', slow);
}

test.describe('on a 360-px phone', () => {
  test.use({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true });

  test('the filter sheet on a phone: closed at first, with a sticky count bar', async ({ page }) => {
    await test.step('the filters start closed and the first result is on the first screen', async () => {
      await open(page);
      await expect(page.locator('.filter-sheet > summary')).toBeVisible();
      await expect(option(page, 'region', 'guangdong')).toBeHidden();
      const title = await cards(page).first().locator('h3').boundingBox();
      expect(title, 'first result heading').not.toBeNull();
      expect(title!.y + title!.height).toBeLessThanOrEqual(640);
    });

    await test.step('the open sheet keeps a sticky 查看 N 个案例 bar that follows each tap and leads to the results', async () => {
      // The page of the previous step, sheet still closed.
      const total = await cards(page).count();
      await page.locator('.filter-sheet > summary').click();
      const bar = page.locator('[data-sheet-done]');
      await expect(bar).toHaveText(`查看 ${total} 个案例`);
      await expect(bar).toBeInViewport();

      const expected = await countOf(page, 'region', 'guangdong');
      await option(page, 'region', 'guangdong').click();
      await expect(bar).toHaveText(`查看 ${expected} 个案例`);
      await expect(page.locator('[data-sheet-chosen]')).toHaveText('已选 1 项');

      // Deep in the sheet (the last facet), the bar is still on screen with the same count.
      await option(
        page,
        'source',
        (await page.locator('a[data-facet="source"]').last().getAttribute('data-value')) ?? '',
      ).scrollIntoViewIfNeeded();
      await expect(bar).toBeInViewport();
      await expect(bar).toHaveText(`查看 ${expected} 个案例`);

      await bar.click();
      await expect(page.locator('[data-filter-sheet]')).not.toHaveAttribute('open');
      await expect(cards(page)).toHaveCount(expected);
      await expect(cards(page).first()).toBeInViewport();
      await expect(page.locator('[data-results-start]')).toBeFocused();
    });
  });

  test('without JavaScript the filters are simply shown, as links', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('cases/');
    await expect(page.locator('.filter-sheet > summary')).toBeHidden();
    await expect(option(page, 'region', 'guangdong')).toBeVisible();
    await expect(page.locator('[data-keyword]')).toBeHidden();
    await expect(page.locator('[data-sheet-done]')).toHaveAttribute('href', '#results');
    await context.close();
  });
});

// The keyword steps share one page load of ?region=guangdong: the first leaves the keyword empty again.
test('tags, advice for an empty result, and the keyword box', async ({ page, request }) => {
  await test.step('applied filters show as tags at the top of the results, each removing its own condition', async () => {
    await open(page, 'cases/?region=guangdong&domain=chengshi-shequ');
    const tags = page.locator('[data-applied] .applied-tag');
    await expect(tags).toHaveText(['地区：广东×', '领域：城市社区×']);
    const communities = await countOf(page, 'domain', 'chengshi-shequ');
    // The tags sit above the first card.
    const tagBox = (await page.locator('[data-applied]').boundingBox())!;
    expect(tagBox.y).toBeLessThan((await cards(page).first().boundingBox())!.y);

    await page.getByRole('button', { name: '去掉地区：广东' }).click();
    await expect(page).toHaveURL(/\/cases\/\?domain=chengshi-shequ$/);
    await expect(option(page, 'region', 'guangdong')).toHaveAttribute('aria-pressed', 'false');
    await expect(tags).toHaveText(['领域：城市社区×']);
    // Without the region, every community case is back (the chip's own count, read before).
    await expect(page.locator('[data-status]')).toHaveText(new RegExp(`^筛选出 ${await cards(page).count()} / `));
    expect(await cards(page).count()).toBeGreaterThanOrEqual(communities);

    await page.getByRole('button', { name: '去掉领域：城市社区' }).click();
    await expect(page).toHaveURL(/\/cases\/$/);
    await expect(page.locator('[data-applied]')).toBeHidden();
  });

  await test.step('an empty result names the condition to drop and how many cases that gives', async () => {
    // How many rural cases, and how many in Beijing, there are in all: the numbers the advice must
    // promise. Read from the open data (every published entry, quality.spec.ts) rather than from two
    // more page loads; the click below checks the promise against the cards the page then shows.
    const { cases } = (await (await request.get('cases.json')).json()) as { cases: { province: string; domain: string }[] };
    const rural = cases.filter((c) => c.domain === 'nongcun').length;
    const beijing = cases.filter((c) => c.province === 'beijing').length;

    await open(page, 'cases/?region=beijing&domain=nongcun');
    await expect(page.locator('[data-status]')).toHaveText(/^筛选出 0 \//);
    const advice = page.locator('[data-advice]');
    await expect(advice).toContainText('没有同时符合这些条件的案例');
    // Most cases first; a tie keeps the facets' order (地区 before 领域).
    const offers = [
      [rural, `去掉「北京」可见 ${rural} 个案例`],
      [beijing, `去掉「农村」可见 ${beijing} 个案例`],
    ] as const;
    await expect(advice.getByRole('button')).toHaveText([...offers].sort((a, b) => b[0] - a[0]).map(([, text]) => text));

    await advice.getByRole('button', { name: `去掉「北京」可见 ${rural} 个案例` }).click();
    await expect(page).toHaveURL(/\/cases\/\?domain=nongcun$/);
    await expect(cards(page)).toHaveCount(rural);
    await expect(advice).toBeHidden();
  });

  await test.step('a keyword with no match offers to drop the keyword, with the count of the facets alone', async () => {
    await open(page, 'cases/?region=guangdong');
    const guangdong = await cards(page).count();
    await page.locator('[data-keyword]').fill('没有这个词');
    await expect(page.locator('[data-status]')).toHaveText(/^筛选出 0 \//);
    await expect(page.locator('[data-advice]').getByRole('button')).toHaveText([`去掉关键词「没有这个词」可见 ${guangdong} 个案例`]);
    await page.locator('[data-advice]').getByRole('button').click();
    await expect(page.locator('[data-keyword]')).toHaveValue('');
    await expect(cards(page)).toHaveCount(guangdong);
  });

  await test.step('the keyword box narrows within the chosen facets, over title, unit, place and summary', async () => {
    // The page of the previous step: ?region=guangdong, keyword emptied again.
    const guangdong = await cards(page).count();
    await page.locator('[data-keyword]').fill('社区');
    await expect(page).toHaveURL(/\?region=guangdong&q=%E7%A4%BE%E5%8C%BA$/);
    const shown = await cards(page).count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(guangdong);
    for (const card of await cards(page).all()) {
      await expect(card.locator('.meta')).toContainText('广东');
      expect(await card.locator('h3, .meta, .summary').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('社区')]),
      );
    }
    // The chip counts follow the keyword, and the keyword is a removable tag.
    await expect(option(page, 'region', 'guangdong').locator('[data-count]')).toHaveText(String(shown));
    await expect(page.getByRole('button', { name: '去掉关键词：社区' })).toBeVisible();

    // A shared link keeps it; removing the tag brings the facet's cases back.
    await open(page, 'cases/?region=guangdong&q=%E7%A4%BE%E5%8C%BA');
    await expect(page.locator('[data-keyword]')).toHaveValue('社区');
    await expect(cards(page)).toHaveCount(shown);
    await page.getByRole('button', { name: '去掉关键词：社区' }).click();
    await expect(cards(page)).toHaveCount(guangdong);
    await expect(page).toHaveURL(/\?region=guangdong$/);
  });

  await test.step('the keyword reads variant spellings as search does, and offers the full-text search', async () => {
    await open(page, 'cases/');
    await expect(page.locator('[data-full-search]')).toBeHidden();
    // 台帐 is the variant the editors fold to 台账 (content/vocab/variants.json).
    await page.locator('[data-keyword]').fill('台帐');
    await expect(cards(page).filter({ hasText: '“台账工作法”' })).toHaveCount(1);
    const link = page.locator('[data-full-search-link]');
    await expect(link).toHaveText('在全文中搜索“台帐”');
    await link.click();
    await expect(page).toHaveURL(/\/search\/\?q=%E5%8F%B0%E5%B8%90$/);
    await expect(page.locator('case-search')).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  });

  await test.step('a topic typed in 查找 finds its method family’s cases (矛盾纠纷 → 矛盾调解)', async () => {
    await open(page, 'cases/');
    const family = Number(await option(page, 'theme', 'tiaojie-hexie').locator('[data-count]').textContent());
    await page.locator('[data-keyword]').fill('矛盾纠纷');
    // Before, 0: the words readers use for a family stood on no card.
    expect(await cards(page).count()).toBeGreaterThanOrEqual(family);
    await expect(option(page, 'theme', 'tiaojie-hexie').locator('[data-count]')).toHaveText(String(family));
  });
});

// 跳到结果 counts Tab stops from the top of a fresh page, so it goes first; the chip step focuses its chip itself.
test('at a keyboard: 跳到结果, then Space and Enter on a chip', async ({ page }) => {
  await test.step('跳到结果 is among the first stops of the page and leads past the filters to the first case', async () => {
    await open(page);
    const skip = page.getByRole('link', { name: '跳到结果' });
    let presses = 0;
    while (!(await skip.evaluate((el) => el === document.activeElement)) && presses < 20) {
      await page.keyboard.press('Tab');
      presses++;
    }
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.locator('[data-results-start]')).toBeFocused();
    // From the results: the keyword box, the sort menu, then the first case.
    const first = cards(page).first().locator('h3 a');
    let more = 0;
    while (!(await first.evaluate((el) => el === document.activeElement)) && more < 6) {
      await page.keyboard.press('Tab');
      more++;
    }
    await expect(first).toBeFocused();
    expect(presses + more).toBeLessThanOrEqual(16);
  });

  await test.step('Space and Enter toggle a chip, and Space does not scroll the page', async () => {
    // The same page: the chip is focused directly, wherever the previous step left the focus.

    const chip = option(page, 'domain', 'nongcun');
    await chip.focus();
    const before = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('Space');
    await expect(chip).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/\?domain=nongcun$/);
    expect(await page.evaluate(() => window.scrollY)).toBe(before);
    await page.keyboard.press('Enter');
    await expect(chip).toHaveAttribute('aria-pressed', 'false');
    await expect(page).toHaveURL(/\/cases\/$/);
    await expect(chip).toBeFocused();
  });
});
