/**
 * The /submit/ page runs the same privacy rules as `npm run check`: numbers in full-width digits,
 * spaced or with +86 are named beside the field they were typed into, once each; a public hotline
 * from content/vocab/hotlines.json passes; a number that only the whole file shows (split over a
 * list's items) is placed beside its box too.
 */
import { expect, test } from '@playwright/test';
import { fillSubmitForm } from './submit-form.ts';

test('the submission form refuses disguised private data beside its field and lets a public hotline pass', async ({ page }) => {
  // Every keystroke re-runs the whole check in the page; on a loaded 2-core machine this test
  // has taken 45 s, so it gets room beyond the default 60 s.
  test.setTimeout(120_000);
  const field = (label: string) => page.getByLabel(label, { exact: false }).first();
  const errorOf = (selector: string) => page.locator(selector).locator('xpath=..').locator('.field-error');
  await fillSubmitForm(page, {
    实践单位: '某县某村党支部（书记＋８６ １３８ １２３４ ５６７８）',
    开始年份: '',
    做法: '每周二、周四晚上，支部委员分片入户；群众也可拨打12345为民服务热线，或打“96345”求助。',
    成效: '一年里干部共走访320户，登记问题87件，办结81件，一位老党员住阳光小区3栋2单元301室，群众对干部的满意度明显提高。',
    关键数字: '走访户数：320户\n值班电话：（０８３８）７２１ ２３４５',
  });

  await expect(errorOf('#f-unit')).toContainText('手机号码', { timeout: 20_000 });
  await expect(errorOf('#f-unit')).toHaveCount(1);
  await expect(errorOf('#f-figures')).toContainText('带区号的固定电话');
  await expect(errorOf('#f-成效')).toContainText('门牌地址');
  // The hotlines in 做法 are allowed; each finding is listed once, not again as a general problem.
  await expect(errorOf('#f-做法')).toHaveCount(0);
  await expect(page.locator('[data-summary]')).toContainText('还有 3 个问题');
  await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();

  await field('实践单位').fill('某县某村党支部');
  await field('关键数字').fill('走访户数：320户');
  await page.locator('#f-成效').fill('一年里干部共走访320户，登记问题87件，办结81件，群众对干部的满意度明显提高，村里的矛盾纠纷也少了。');
  await page.locator('#f-成效').blur();
  await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查', { timeout: 20_000 });
  await expect(page.locator('.field-error')).toHaveCount(0);

  // A number split over a list's items is one number on the page: only the whole file shows it, and
  // the form places it beside the box it was typed into, as the build would refuse the file.
  await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户。王阿姨的电话分三段记：\n\n- 139\n- 1234\n- 5678');
  await page.locator('#f-做法').blur();
  await expect(errorOf('#f-做法')).toContainText('手机号码', { timeout: 20_000 });
  await expect(errorOf('#f-做法')).toHaveCount(1);
  await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();
});
