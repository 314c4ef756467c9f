/**
 * Several named lessons in one browser: the lesson a trainer already had becomes the first named
 * lesson, and lessons can be created, renamed, duplicated, switched, deleted (with undo and a
 * backup) and shared, each link carrying its name and cases. Waits are on the page's own signals.
 */
import { expect, test, type Browser, type Page } from './fixtures.ts';
import { storeBeforeLoad } from './store-before-load.ts';

test.describe.configure({ timeout: 180_000 });

const KEY = 'gongzuofa.lesson';
const M = 'minqing-riji-gongzuofa';
const Z = 'zou-qinqi-gongzuofa';
const T = 'zhongjiang-taizhang-gongzuofa';
const slow = { timeout: 20_000 };

const idsOf = (page: Page) => page.locator('[data-items] li').evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.id!));
const rows = (page: Page) => page.locator('[data-shelf-list] li');
const names = (page: Page) => rows(page).locator('.shelf-name').allTextContents();
const current = (page: Page) => page.locator('[data-shelf-list] li[aria-current="true"] .shelf-name');

async function ready(page: Page) {
  await expect(page.locator('lesson-editor')).toHaveAttribute('data-state', 'ready', slow);
}

/** A shared link opened in a fresh browser that keeps a lesson of its own (朋友自己的课, stored before the one load). */
async function openAsFriend(browser: Browser, link: string) {
  const other = await browser.newContext();
  const friend = await other.newPage();
  await storeBeforeLoad(friend, {
    [KEY]: JSON.stringify({ version: 2, title: '朋友自己的课', date: '', audience: '', items: [{ id: T, note: '' }] }),
  });
  await friend.goto(link);
  await ready(friend);
  return { other, friend };
}

/** Opens the lesson page with one stored lesson: stored before the one load (no load-store-reload), on an empty localStorage. */
async function openWith(page: Page, title: string, items: [id: string, note?: string][]) {
  await storeBeforeLoad(
    page,
    { [KEY]: JSON.stringify({ version: 2, title, date: '', audience: '', items: items.map(([id, note = '']) => ({ id, note })) }) },
    { clear: true },
  );
  await page.goto('lesson/');
  await ready(page);
}

test('the lesson already kept becomes the first named lesson; create, rename, duplicate, switch and reload keep every lesson', async ({
  page,
}) => {
  // A browser from before named lessons: one lesson, no list of lessons.
  await openWith(page, '第一课', [[M, '甲'], [Z]]);
  await expect(rows(page)).toHaveCount(1);
  await expect(current(page)).toHaveText('第一课');
  await expect(page.locator('#shelf-h')).toHaveText('全部教案（1 份）');
  expect(await idsOf(page)).toEqual([M, Z]);

  // Create: a new empty lesson becomes current; the entry page's button adds to it.
  await page.getByLabel('新教案名称').fill('第二课');
  await page.getByRole('button', { name: '新建教案' }).click();
  await expect(current(page)).toHaveText('第二课');
  await expect(page.getByLabel('课程标题')).toHaveValue('第二课');
  await expect(page.locator('[data-items] li')).toHaveCount(0);
  await page.goto(`cases/${T}/`);
  await page.locator(`lesson-toggle[data-id="${T}"] button`).click();
  await expect(page.locator('lesson-count')).toContainText('（1）');
  await page.goto('lesson/');
  await ready(page);
  await expect.poll(() => idsOf(page)).toEqual([T]);
  expect(await names(page)).toEqual(['第一课', '第二课']);

  // Switch back: the first lesson with its note, untouched.
  await page.getByRole('button', { name: '打开“第一课”' }).click();
  await expect(current(page)).toHaveText('第一课');
  await expect.poll(() => idsOf(page)).toEqual([M, Z]);
  await expect(page.locator(`[data-items] li[data-id="${M}"] textarea`)).toHaveValue('甲');
  await expect(page.locator('lesson-count')).toContainText('（2）');

  // Rename another lesson in place, and the current one through its title.
  await page.getByRole('button', { name: '重命名“第二课”' }).click();
  await page.getByLabel('“第二课”的新名称').fill('第二课：台账');
  await page.getByRole('button', { name: '保存名称' }).click();
  await expect(rows(page).nth(1).locator('.shelf-name')).toHaveText('第二课：台账');
  await expect(page.getByRole('button', { name: '重命名“第二课：台账”' })).toBeFocused();
  await page.getByLabel('课程标题').fill('第一课：民情');
  await expect(current(page)).toHaveText('第一课：民情');

  // Duplicate: the copy sits after the original and is what is edited now; the original keeps its entries.
  await page.getByRole('button', { name: '复制“第一课：民情”' }).click();
  expect(await names(page)).toEqual(['第一课：民情', '第一课：民情（副本）', '第二课：台账']);
  await expect(current(page)).toHaveText('第一课：民情（副本）');
  await expect.poll(() => idsOf(page)).toEqual([M, Z]);
  await page.getByRole('button', { name: '移除：第 2 个案例' }).click();
  await expect.poll(() => idsOf(page)).toEqual([M]);

  // Everything survives a reload, and the original still has both entries.
  await page.reload();
  await ready(page);
  expect(await names(page)).toEqual(['第一课：民情', '第一课：民情（副本）', '第二课：台账']);
  await expect(current(page)).toHaveText('第一课：民情（副本）');
  await expect.poll(() => idsOf(page)).toEqual([M]);
  await page.getByRole('button', { name: '打开“第一课：民情”' }).click();
  await expect.poll(() => idsOf(page)).toEqual([M, Z]);
});

test('deleting a lesson can be undone and leaves a backup; any lesson shares with its name and cases', async ({ page, browser }) => {
  await openWith(page, '要删的课', [[M, '甲的要点'], [Z]]);
  await page.getByLabel('新教案名称').fill('专题：台账');
  await page.getByRole('button', { name: '新建教案' }).click();
  await expect(current(page)).toHaveText('专题：台账');
  await page.getByRole('button', { name: '打开“要删的课”' }).click();
  await expect.poll(() => idsOf(page)).toEqual([M, Z]);

  // Delete the current lesson: its neighbour opens, the status offers 撤销, with focus on it.
  await page.getByRole('button', { name: '删除“要删的课”' }).click();
  expect(await names(page)).toEqual(['专题：台账']);
  await expect(current(page)).toHaveText('专题：台账');
  await expect(page.locator('[data-items] li')).toHaveCount(0);
  const status = page.locator('[data-undo]');
  await expect(status).toContainText('已删除教案“要删的课”（2 个案例）');
  await expect(page.locator('[data-backups] li').first()).toContainText('删除教案前 · “要删的课”，2 个案例');
  await expect(status.getByRole('button', { name: '撤销' })).toBeFocused();
  await page.keyboard.press('Enter');
  expect(await names(page)).toEqual(['要删的课', '专题：台账']);
  await expect(current(page)).toHaveText('要删的课');
  await expect.poll(() => idsOf(page)).toEqual([M, Z]);
  await expect(page.locator(`[data-items] li[data-id="${M}"] textarea`)).toHaveValue('甲的要点');

  // Share a lesson that is not open: the link carries its name and its cases...
  await page.goto(`cases/${T}/`);
  await page.locator(`lesson-toggle[data-id="${T}"] button`).click();
  await expect(page.locator('lesson-count')).toContainText('（3）');
  await page.goto('lesson/');
  await ready(page);
  await page.getByRole('button', { name: '打开“专题：台账”' }).click();
  await expect.poll(() => idsOf(page)).toEqual([]);
  await page.getByRole('button', { name: '分享“要删的课”' }).click();
  const link = await page.locator('[data-share-url]').inputValue();

  // ...and opens in a fresh browser, which can keep it beside its own lesson instead of replacing it.
  const { other, friend } = await openAsFriend(browser, link);
  await expect(friend.locator('[data-messages]')).toContainText('别人分享的教案“要删的课”（3 个案例）');
  await expect.poll(() => idsOf(friend)).toEqual([M, Z, T]);
  await friend.getByRole('button', { name: '另存为新教案' }).click();
  expect(await names(friend)).toEqual(['朋友自己的课', '要删的课']);
  await expect(current(friend)).toHaveText('要删的课');
  await friend.getByRole('button', { name: '打开“朋友自己的课”' }).click();
  await expect.poll(() => idsOf(friend)).toEqual([T]);
  await other.close();
});

test('a change to a shared lesson is kept: the first edit saves it as a new lesson beside the recipient’s own', async ({
  page,
  browser,
}) => {
  await openWith(page, '“共驻共建”专题', [[M], [Z]]);
  await page.getByRole('button', { name: '复制分享链接' }).click();
  const link = await page.locator('[data-share-url]').inputValue();

  const { other, friend } = await openAsFriend(browser, link);
  // Nested quotation marks as Chinese typography sets them.
  await expect(friend.locator('[data-messages]')).toContainText('别人分享的教案“‘共驻共建’专题”（2 个案例）');
  // The recipient writes a note and removes a case, then leaves the page: both changes are still there.
  // Typed key by key: the first keystroke saves the lesson, and none may be lost on the way.
  await friend.locator(`[data-items] li[data-id="${M}"] textarea`).pressSequentially('先讲这一个');
  await expect(friend.locator('[data-messages]')).toContainText('已另存为你的新教案“‘共驻共建’专题”');
  await friend.locator(`[data-items] li[data-id="${Z}"]`).getByRole('button', { name: /移除/ }).click();
  await expect(friend.locator('[data-undo]')).toContainText('已删除“‘走亲戚’工作法”');
  await friend.goto('cases/');
  await friend.goto('lesson/');
  await ready(friend);
  await expect.poll(() => idsOf(friend)).toEqual([M]);
  await expect(friend.locator(`[data-items] li[data-id="${M}"] textarea`)).toHaveValue('先讲这一个');
  expect(await names(friend)).toEqual(['朋友自己的课', '“共驻共建”专题']);
  await expect(current(friend)).toHaveText('“共驻共建”专题');
  await other.close();
});
