import { expect, test } from './fixtures.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { atSite, onSite } from './site.ts';

// Two tests, one page load each where possible: every page load costs CPU twice (root and /gzf/ runs).
// Each step keeps the title of the test it was, so a failure still names the behaviour.

test('an entry page: its facts, print, privacy and phone width', async ({ page }) => {
  // Thirteen A4 prints of an entry (the print steps) take a few seconds each on a loaded 2-core machine.
  test.setTimeout(120_000);
  await test.step('an entry page shows its facts, four sections, figures, questions, source and neighbours', async () => {
    await page.goto('cases/minqing-riji-gongzuofa/');
    await expect(page).toHaveTitle('“民情日记”工作法 · 工作法案例库');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    const facts = page.locator('.facts');
    await expect(facts).toContainText('韶关市始兴县罗坝镇淋头村党支部');
    await expect(facts).toContainText('广东 · 韶关市 · 始兴县');
    await expect(facts).toContainText('村社区');
    await expect(facts).toContainText('农村');
    await expect(facts).toContainText('2002 年');
    await expect(page.locator('.sections h2')).toHaveText(['背景', '做法', '成效', '启示']);
    await expect(page.locator('.figures dd').first()).not.toBeEmpty();
    expect(await page.locator('.questions li').count()).toBeGreaterThanOrEqual(2);
    await expect(page.locator('.source')).toContainText('粤群组办〔2014〕12号');
    await expect(page.locator('.source')).toContainText('第 533–723 行');
    await expect(page.locator('.related li').first()).toBeVisible();
    await page.locator('a[rel="next"]').click();
    await expect(page).toHaveURL(atSite(/cases\/zou-qinqi-gongzuofa\/$/));
    await page.locator('a[rel="prev"]').click();
    await expect(page).toHaveURL(atSite(/cases\/minqing-riji-gongzuofa\/$/));
  });

  await test.step('an entry prints on A4 without navigation and ends with its address', async () => {
    // The previous step ends back on this entry's page.
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.site-header')).toBeHidden();
    await expect(page.locator('.pager')).toBeHidden();
    await expect(page.locator('.related')).toBeHidden();
    await expect(page.locator('.site-footer')).toBeHidden();
    await expect(page.locator('.page-address')).toBeVisible();
    await expect(page.locator('.page-address')).toContainText(onSite('/cases/minqing-riji-gongzuofa/'));
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    // The whole entry fits a few pages, ends with the entry's address, and the text is the entry's.
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(6);
    expect(pages.at(-1)).toContain(onSite('/cases/minqing-riji-gongzuofa/'));
    expect(pages.join('')).toContain('2002');
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('wherever an entry ends on the page, its address never prints alone on a last page', async () => {
    // Space added above its questions moves the entry's end down the page 4 mm at a time, across more than the
    // height of the address line and the source: once the end falls in the last few millimetres of a
    // page, an address that does not stay with the source is printed on a page of its own (20 of the
    // 74 entries did so before the fix, and one printed only its date on a fifth page).
    await page.goto('cases/xinganmeng-keyouqianqi-zuiqiang-dangzhibu/');
    await page.emulateMedia({ media: 'print' });
    const lastPages: string[] = [];
    for (let mm = 0; mm <= 44; mm += 4) {
      await page.evaluate((height) => {
        const spacer = document.querySelector<HTMLElement>('#print-spacer') ?? document.createElement('div');
        spacer.id = 'print-spacer';
        spacer.style.height = `${height}mm`;
        document.querySelector('.questions')!.before(spacer);
      }, mm);
      const pages = await pdfPages(await page.pdf({ format: 'A4' }));
      lastPages.push(pages.at(-1)!);
    }
    for (const last of lastPages) {
      expect(last).toContain('/cases/xinganmeng-keyouqianqi-zuiqiang-dangzhibu/');
      // The last page starts with the entry's own text, not with the address or the date.
      expect(last).not.toMatch(/^(本.网址|生成日期|\d{4}-\d{2}-\d{2})/u);
    }
    // The sweep did cross a page end: the last page did not hold the same text every time.
    expect(new Set(lastPages.map((text) => text.slice(0, 12))).size).toBeGreaterThan(1);
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('an entry page publishes no contact details from its source', async () => {
    await page.goto('cases/xiangqing-gongzuofa/');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/1[3-9]\d{9}|0\d{2,3}-\d{7,8}|联系人/);
  });

  await test.step('an entry page fits a 360-pixel phone without sideways scrolling', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto('cases/zhongjiang-taizhang-gongzuofa/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

test('the browsing pages, the home page and the 404 page', async ({ page }) => {
  await test.step('regions page lists all 35 province-level units, including those without entries', async () => {
    await page.goto('regions/');
    await expect(page.locator('.facet-grid > li')).toHaveCount(36); // 35 regions + "not stated"
    const xizang = page.locator('.facet-grid > li', { hasText: '西藏' });
    await expect(xizang).toContainText(/(^|\D)0\s*个/);
    await xizang.locator('a').click();
    await expect(page.locator('main')).toContainText('暂无这一地区的案例');
  });

  await test.step('domain and method-family pages list their entries', async () => {
    await page.goto('domains/nongcun/');
    await expect(page.locator('h1')).toHaveText('农村');
    expect(await page.locator('.card-list > li').count()).toBeGreaterThan(5);
    await page.goto('themes/minqing-shouji/');
    await expect(page.locator('.card-list')).toContainText('“民情日记”工作法');
  });

  await test.step('a source page lists its entries and the items still to be written', async () => {
    await page.goto('sources/lianxi-fuwu-qunzhong-xuanbian-2013/');
    await expect(page.locator('h1')).toHaveText('各地联系服务群众经验做法选编');
    await expect(page.locator('table').first().locator('tbody tr')).toHaveCount(3);
    await expect(page.locator('#backlog tbody tr')).toHaveCount(29);
    await expect(page.locator('#backlog')).toContainText('81890 “拨一拨就灵”');
    await page.goto('sources/jieban-dangjian-chuangxin-anli/');
    await expect(page.locator('#backlog tbody tr')).toHaveCount(81);
  });

  await test.step('an unknown address gets the 404 page', async () => {
    const response = await page.goto('cases/no-such-case/');
    expect(response?.status()).toBe(404);
    await expect(page.locator('h1')).toHaveText('页面不存在');
    await expect(page.getByRole('link', { name: '浏览全部案例' })).toBeVisible();
  });

  await test.step('the home page offers search, counts and ways in', async () => {
    await page.goto('./');
    await expect(page.locator('.stats')).toContainText('个案例');
    await page.locator('#home-q').fill('民情日记');
    await page.locator('#home-q').press('Enter');
    await expect(page).toHaveURL(atSite(/search\/\?q=/));
    await expect(page.locator('[data-search-results] a').first()).toHaveText('“民情日记”工作法', { timeout: 20_000 });
  });
});
