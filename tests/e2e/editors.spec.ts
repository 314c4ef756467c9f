import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { fillSubmitForm } from './submit-form.ts';
import { checkProject } from '../../src/lib/content-files.node.ts';

test('the submission form explains each problem beside its field, and its file passes npm run check', async ({ page }) => {
  await fillSubmitForm(page, { 位置: '第45-1行', 做法: '每周二、周四晚上，支部委员分片入户。有事可打村支书手机13912345678。' });
  const field = (label: string) => page.getByLabel(label, { exact: false }).first();

  // The bad values are named beside their fields, in Chinese, and the file cannot be downloaded.
  const locatorField = page.locator('#f-locator').locator('xpath=..');
  await expect(locatorField.locator('.field-error')).toContainText('起止顺序颠倒');
  await expect(page.locator('#f-locator')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#f-做法').locator('xpath=..').locator('.field-error')).toContainText('手机号码');
  await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();
  await expect(page.locator('[data-summary]')).toContainText('还有 2 个问题');

  // Fixed, it passes and downloads.
  await field('位置').fill('第1-45行');
  await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户，每次走访不少于十户；听到的问题当场登记，办结后上门回访。');
  await page.locator('#f-做法').blur();
  await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查');
  await expect(page.locator('.field-error')).toHaveCount(0);
  await page.getByRole('button', { name: '检查你的内容' }).click();
  await expect(page.locator('[data-review]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .mdx 文件' }).click()]);
  expect(download.suggestedFilename()).toBe('deyang-yefang-gongzuofa.mdx');
  const text = Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');

  // The downloaded file, dropped into the library, passes the same check the build runs.
  const work = mkdtempSync(join(tmpdir(), 'gongzuofa-submit-'));
  try {
    cpSync('content', join(work, 'content'), { recursive: true });
    writeFileSync(join(work, 'content/cases', download.suggestedFilename()), text);
    const result = checkProject(work);
    expect(result.errors).toEqual([]);
    expect(result.files).toBeGreaterThan(74);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('the submission form flags a near-duplicate of an existing entry by its id', async ({ page }) => {
  await page.goto('submit/');
  await page.getByLabel('工作法名称').fill('“民情日记”工作法');
  await page.getByLabel('实践单位').fill('韶关市始兴县罗坝镇淋头村党支部');
  await page.getByLabel('实践单位').blur();
  await expect(page.locator('#f-title').locator('xpath=..').locator('.field-error')).toContainText('minqing-riji-gongzuofa');
});

test('the editors’ guide lists every field, and the backlog lists what is left to write', async ({ page }) => {
  await page.goto('guide/');
  await expect(page.locator('h1')).toHaveText('编辑指南');
  for (const field of ['title', 'region.province', 'source.locator', 'status', 'reviewed'])
    await expect(page.locator('table code', { hasText: new RegExp(`^${field.replace('.', '\\.')}$`) })).toHaveCount(1);
  await page.goto('backlog/');
  await expect(page.locator('#listed')).toContainText('各地联系服务群众经验做法选编：29 个');
  await expect(page.locator('#review')).toContainText('所有条目都在 2 年内审核过');
});
