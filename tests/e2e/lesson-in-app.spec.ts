import { expect, test } from './fixtures.ts';
import { loadedResources } from './site.ts';
import { storeBeforeLoad } from './store-before-load.ts';

// A page load in WeChat, then the share link in a plain browser and a Word download there.
test.describe.configure({ timeout: 180_000 });

/** WeChat 8 on Android, as its in-app browser (XWEB) reports itself. */
const WECHAT =
  'Mozilla/5.0 (Linux; Android 13; V2183A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MMWEBID/2247 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64';

/** The phone's own browser. */
const BROWSER = 'Mozilla/5.0 (Linux; Android 13; V2183A) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';

const ids = ['zou-qinqi-gongzuofa', 'minqing-riji-gongzuofa'];

test.use({ userAgent: WECHAT, viewport: { width: 360, height: 780 } });

test('in WeChat, which drops files a page makes, the lesson says what to do and takes itself into the address', async ({
  page,
  browser,
}) => {
  await storeBeforeLoad(page, {
    'gongzuofa.lesson': JSON.stringify({
      version: 2,
      title: '诉求办理专题',
      date: '',
      audience: '',
      items: ids.map((id) => ({ id, note: '' })),
    }),
  });
  const downloads: string[] = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  await page.goto('lesson/');
  await expect(page.locator('lesson-editor')).toHaveAttribute('data-state', 'ready');
  const titles = page.locator('[data-items] .item-title');
  await expect(titles.nth(1)).not.toHaveText(ids[1], { timeout: 20_000 });
  const names = (await titles.allTextContents()).map((t) => t.trim());

  await test.step('下载 Word 讲义 says to open the page in a browser instead of failing silently', async () => {
    await page.getByRole('button', { name: '下载 Word 讲义' }).click();
    // Said under the buttons, where the trainer is looking, not at the page's top.
    const notice = page.locator('[data-action-messages] .notice.error').filter({ hasText: '在浏览器打开' });
    await expect(notice).toContainText('这个教案已写进网址');
    await expect(notice).toBeInViewport();
    // Nothing was made for nothing: the Word library was never loaded, and no download started.
    expect(await loadedResources(page, 'handout-docx')).toEqual([]);
    expect(downloads).toEqual([]);
    await expect(page).toHaveURL(/\/lesson\/\?l=/);
  });

  await test.step('打印讲义 still asks to print, and says what to do if WeChat opens no print dialog', async () => {
    await page.evaluate(() => {
      window.print = () => document.documentElement.setAttribute('data-printed', '1');
    });
    await page.getByRole('button', { name: '打印讲义' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-printed', '1', { timeout: 20_000 });
    await expect(page.locator('[data-action-messages] .notice').filter({ hasText: '如果没有出现打印窗口' })).toContainText('在浏览器打开');
  });

  await test.step('the address, opened in a plain browser, shows the same lesson and downloads it', async () => {
    // Playwright gives a new context this file's options (the WeChat agent) unless told otherwise.
    const context = await browser.newContext({ userAgent: BROWSER, viewport: { width: 360, height: 780 } });
    try {
      const plain = await context.newPage();
      await plain.goto(page.url());
      await expect(plain.locator('lesson-editor')).toHaveAttribute('data-state', 'ready');
      const shared = plain.locator('[data-items] .item-title');
      await expect(shared.nth(1)).not.toHaveText(ids[1], { timeout: 20_000 });
      expect((await shared.allTextContents()).map((t) => t.trim())).toEqual(names);
      const [download] = await Promise.all([
        plain.waitForEvent('download', { timeout: 60_000 }),
        plain.getByRole('button', { name: '下载 Word 讲义' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('诉求办理专题.docx');
    } finally {
      await context.close();
    }
  });
});

test('in WeChat, a case’s print button says what to do if no print dialog opens; its Word file is a plain link', async ({ page }) => {
  await page.goto('cases/minqing-riji-gongzuofa/');
  const actions = page.locator('.case-actions');
  const print = actions.getByRole('button', { name: '仅打印本案例' });
  await expect(print).toBeEnabled({ timeout: 20_000 });
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', '1');
  });
  const help = actions.locator('[data-print-help]');
  await expect(help).toBeHidden();
  // The button at the screen's bottom edge, where a reader scrolling down meets it: the help below it is brought into view.
  await print.evaluate((b) => b.scrollIntoView({ block: 'end' }));
  await print.click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', '1');
  await expect(help).toHaveText(/如果没有出现打印窗口.*在浏览器打开/);
  await expect(help).toBeInViewport();
  // The help takes a row of its own under both buttons, not a squeezed cell beside one of them.
  const [box, button] = await Promise.all([help.boundingBox(), print.boundingBox()]);
  expect(box!.y).toBeGreaterThan(button!.y + button!.height - 1);
  expect(box!.width).toBeGreaterThan(button!.width * 1.5);
  // The built .docx needs no page-made file, so it stays a link WeChat can open.
  await expect(actions.getByRole('link', { name: '下载 Word 版' })).toHaveAttribute('href', /\/cases\/minqing-riji-gongzuofa\.docx$/);
});
