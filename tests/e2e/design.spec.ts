/** Issue 14: one search box, reader words, a phone-sized region list, the entry page using the width. */
import { expect, test } from './fixtures.ts';
import { searchDone } from './search-done.ts';
import { layoutShifts, watchLayoutShifts } from './site.ts';

// Tests here are few on purpose (a test costs CPU twice, root and /gzf/ runs): each former test is a
// step under its old title, so a failure still names the behaviour.

test('the home page on a desktop and a phone, and the search page', async ({ page }) => {
  await test.step('the home page and the search page each have exactly one search box, and home shows no editors’ counts', async () => {
    await page.goto('search/');
    await expect(page.locator('input[type="search"]'), 'search/').toHaveCount(1);
    // For the next step: a lesson of one entry stored before the home page loads (no reload needed).
    await page.evaluate(() =>
      localStorage.setItem(
        'gongzuofa.lesson',
        JSON.stringify({ version: 2, title: '', date: '', audience: '', items: [{ id: 'minqing-riji-gongzuofa', note: '' }] }),
      ),
    );
    await page.goto('');
    await expect(page.locator('input[type="search"]'), 'home').toHaveCount(1);
    await expect(page.locator('main')).not.toContainText('待整理');
    // The placeholder fits its box on a phone (not clipped mid-word).
    await page.setViewportSize({ width: 360, height: 780 });
    const fits = await page.locator('#home-q').evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(input.placeholder).width <= room;
    });
    expect(fits).toBe(true);
  });

  await test.step('on a phone the regions are a list of targets at least 44 px tall, and the header stays two rows', async () => {
    // The home page of the previous step, now 360 px wide, loaded with the stored lesson.
    await expect(page.locator('lesson-count [data-count]')).toHaveText('（1）');
    const header = await page.locator('.site-header').boundingBox();
    expect(header!.height).toBeLessThan(110);
    const list = page.locator('.region-list a');
    await expect(list.first()).toBeVisible();
    await expect(page.locator('.tile-map > svg').first()).toBeHidden();
    for (const box of await list.evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height)))
      expect(box).toBeGreaterThanOrEqual(44);
    await list.first().click();
    await expect(page).toHaveURL(/\/regions\/guangdong\/$/);
  });
});

test('the entry page on a phone and on a desktop', async ({ page, browser, request }) => {
  await test.step('on a phone the entry page’s buttons are there from the first paint, so nothing moves when they start working; without JavaScript they are absent', async () => {
    const path = 'cases/minqing-riji-gongzuofa/';
    // In the page as served: the button boxes are final before any script runs.
    const html = await (await request.get(path)).text();
    expect(html).toMatch(/<lesson-toggle[^>]*><button[^>]*data-needs-js[^>]*>\s*加入教案\s*<\/button>/);
    expect(html).toMatch(/<print-button><button[^>]*data-needs-js[^>]*>仅打印本案例<\/button>/);

    await page.setViewportSize({ width: 360, height: 780 });
    await watchLayoutShifts(page);
    await page.goto(path);
    const actions = page.locator('.case-actions');
    const add = actions.getByRole('button', { name: '加入教案' });
    await expect(add).toBeEnabled({ timeout: 20_000 });
    await expect(actions.getByRole('button', { name: '仅打印本案例' })).toBeEnabled();
    await page.waitForLoadState('load');
    expect(await layoutShifts(page)).toEqual([]);
    await add.click();
    await expect(actions.getByRole('button', { name: '✓ 已加入教案' })).toHaveAttribute('aria-pressed', 'true');

    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const plain = await noScript.newPage();
    await plain.goto(path);
    await expect(plain.locator('.case-actions').getByRole('link', { name: '下载 Word 版' })).toBeVisible();
    await expect(plain.locator('.case-actions').getByRole('button')).toHaveCount(0);
    await noScript.close();
  });

  await test.step('on a desktop the entry page puts facts, contents and actions beside the text', async () => {
    // The same entry page, widened: the layout follows the viewport, no reload needed.
    await page.setViewportSize({ width: 1366, height: 900 });
    const text = (await page.locator('.sections').boundingBox())!;
    const side = (await page.locator('.case-side').boundingBox())!;
    expect(side.x).toBeGreaterThan(text.x + text.width);
    await expect(page.locator('.toc a')).toContainText(['背景', '做法', '成效', '启示']);
    await page.locator('.toc a', { hasText: '成效' }).click();
    await expect(page).toHaveURL(/#%E6%88%90%E6%95%88$/);
    await expect(page.locator('.side-related a').first()).toBeVisible();
  });
});

test("reader pages say no editors' internals, and search answers at once", async ({ page }) => {
  await test.step('readers see no file names, no （无题） and no raw check messages; the footer leads to the editors’ pages and the data', async () => {
    await page.goto('sources/');
    await expect(page.locator('main')).not.toContainText('（无题）');
    await expect(page.locator('main')).toContainText('原件未注明标题');
    await page.goto('sources/qunzhong-gongzuo-baodao-huibian/');
    await expect(page.locator('main')).not.toContainText('原始文件');
    await expect(page.locator('main')).not.toContainText(/\d+_[0-9a-f]+\.txt/);
    await page.goto('backlog/');
    const warnings = page.locator('.warned');
    await expect(warnings).not.toContainText('##');
    await expect(warnings).not.toContainText(' / ');
    for (const [name, path] of [
      ['投稿', '/submit/'],
      ['编辑指南', '/guide/'],
      ['字段说明', '/codebook/'],
      ['cases.json', '/cases.json'],
      ['cases.csv', '/cases.csv'],
    ]) {
      await expect(page.locator('.site-footer').getByRole('link', { name: new RegExp(name) })).toHaveAttribute(
        'href',
        new RegExp(`${path.replace('.', '\\.')}$`),
      );
    }
    await page.goto('regions/');
    await expect(page.locator('main').getByRole('link', { name: '欢迎投稿' })).toHaveAttribute('href', /\/submit\/$/);
    await expect(page.locator('.facet-grid li').first()).toContainText(/\S \d+ 个案例/);
    await page.goto('stats/');
    await expect(page.locator('svg.bars text').last()).toHaveText(/^\d{4}$/);
  });

  await test.step('search says 正在搜索 at once, before the index answers, and an empty result offers topics and browsing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/pagefind/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto('search/');
    await page.locator('#q').fill('量子计算');
    await expect(page.locator('[data-search-status]')).toHaveText('正在搜索…');
    release();
    await searchDone(page);
    await expect(page.locator('[data-search-status]')).toContainText('没有找到');
    const suggestions = page.locator('[data-search-suggestions]');
    await expect(suggestions).toBeVisible();
    await expect(suggestions.getByRole('link', { name: '矛盾纠纷' })).toBeVisible();
    await expect(suggestions.getByRole('link', { name: /浏览全部案例/ })).toBeVisible();
  });
});
