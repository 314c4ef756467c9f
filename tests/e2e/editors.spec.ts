import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { checkProject } from '../../src/integrations/content-check.ts';

test('the submission form explains each problem beside its field, and its file passes npm run check', async ({ page }) => {
  await page.goto('/submit/');
  const field = (label: string) => page.getByLabel(label, { exact: false }).first();
  await field('工作法名称').fill('“夜访”工作法');
  await field('实践单位').fill('某县某村党支部');
  await page.locator('#f-province').selectOption('sichuan');
  await field('地级市').fill('德阳市');
  await page.locator('#f-level').selectOption('村社区');
  await page.locator('#f-domain').selectOption('nongcun');
  await page.getByLabel('走访联系群众').check();
  await field('开始年份').fill('2012');
  await field('摘要').fill('村党支部干部每周两个晚上入户走访，把群众反映的问题登记办理并回访。');
  await page.locator('#f-source').selectOption('qunzhong-gongzuo-baodao-huibian');
  await field('位置').fill('第45-1行');
  await page.locator('#f-背景').fill('这个村的青壮年白天外出务工，干部白天入户常常见不到人，群众反映的问题也就很难及时掌握，支部决定把走访改到晚上。');
  await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户。有事可打村支书手机13912345678。');
  await page.locator('#f-成效').fill('一年里干部共走访320户，登记问题87件，办结81件，群众对干部的满意度明显提高，村里的矛盾纠纷也少了。');
  await page.locator('#f-启示').fill('联系群众要迁就群众的时间，而不是让群众迁就干部；登记、办理、回访三个环节缺一不可，才能让走访不走过场。');
  await field('思考题').fill('你们的干部什么时候走访群众？\n登记下来的问题怎样保证件件有回音？');
  await field('撰写人').fill('测试编辑');
  await field('撰写人').blur();

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
  await page.goto('/submit/');
  await page.getByLabel('工作法名称').fill('“民情日记”工作法');
  await page.getByLabel('实践单位').fill('韶关市始兴县罗坝镇淋头村党支部');
  await page.getByLabel('实践单位').blur();
  await expect(page.locator('#f-title').locator('xpath=..').locator('.field-error')).toContainText('minqing-riji-gongzuofa');
});

test('the editors’ guide lists every field, and the backlog lists what is left to write', async ({ page }) => {
  await page.goto('/guide/');
  await expect(page.locator('h1')).toHaveText('编辑指南');
  for (const field of ['title', 'region.province', 'source.locator', 'status', 'reviewed']) await expect(page.locator('table code', { hasText: new RegExp(`^${field.replace('.', '\\.')}$`) })).toHaveCount(1);
  await page.goto('/backlog/');
  await expect(page.locator('#listed')).toContainText('各地联系服务群众经验做法选编：29 个');
  await expect(page.locator('#review')).toContainText('所有条目都在 2 年内审核过');
});
