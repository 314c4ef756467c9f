/**
 * The /submit/ page runs the same privacy rules as `npm run check`: numbers in full-width digits,
 * spaced or with +86 are named beside the field they were typed into, once each; a public hotline
 * from content/vocab/hotlines.json passes.
 */
import { expect, test } from '@playwright/test';

test('the submission form refuses disguised private data beside its field and lets a public hotline pass', async ({ page }) => {
  // Every keystroke re-runs the whole check in the page; on a loaded 2-core machine this test
  // has taken 45 s, so it gets room beyond the default 60 s.
  test.setTimeout(120_000);
  await page.goto('/submit/');
  const field = (label: string) => page.getByLabel(label, { exact: false }).first();
  const errorOf = (selector: string) => page.locator(selector).locator('xpath=..').locator('.field-error');
  await field('工作法名称').fill('“夜访”工作法');
  await field('实践单位').fill('某县某村党支部（书记＋８６ １３８ １２３４ ５６７８）');
  await page.locator('#f-province').selectOption('sichuan');
  await field('地级市').fill('德阳市');
  await page.locator('#f-level').selectOption('村社区');
  await page.locator('#f-domain').selectOption('nongcun');
  await page.getByLabel('走访联系群众').check();
  await field('摘要').fill('村党支部干部每周两个晚上入户走访，把群众反映的问题登记办理并回访。');
  await page.locator('#f-source').selectOption('qunzhong-gongzuo-baodao-huibian');
  await field('位置').fill('第1-45行');
  await page.locator('#f-背景').fill('这个村的青壮年白天外出务工，干部白天入户常常见不到人，群众反映的问题也就很难及时掌握，支部决定把走访改到晚上。');
  await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户；群众也可拨打12345为民服务热线，或打“96345”求助。');
  await page.locator('#f-成效').fill('一年里干部共走访320户，登记问题87件，办结81件，一位老党员住阳光小区3栋2单元301室，群众对干部的满意度明显提高。');
  await page.locator('#f-启示').fill('联系群众要迁就群众的时间，而不是让群众迁就干部；登记、办理、回访三个环节缺一不可，才能让走访不走过场。');
  await field('关键数字').fill('走访户数：320户\n值班电话：（０８３８）７２１ ２３４５');
  await field('思考题').fill('你们的干部什么时候走访群众？\n登记下来的问题怎样保证件件有回音？');
  await field('撰写人').fill('测试编辑');
  await field('撰写人').blur();

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
});
