/**
 * /submit/ applies the build's rules to hostile bodies: the MDX parser reads the section, so code
 * hidden in comments or behind lookalike code fences, raw HTML and javascript: links are named
 * beside the field and the file cannot be downloaded. Then, on the same form, the privacy rules
 * (once submit-privacy.spec.ts, merged here to fill the form once).
 */
import { expect, test, type Page } from './fixtures.ts';
import { fillSubmitForm } from './submit-form.ts';

async function fillValidForm(page: Page) {
  await fillSubmitForm(page);
  await expect(page.locator('case-submit')).toHaveAttribute('data-state', 'checked', { timeout: 20_000 });
  await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查', { timeout: 20_000 });
}

const hostile: [string, string, string][] = [
  ['code wrapped in an MDX comment', "走访{/* 注 */ process.getBuiltinModule('node:fs').writeFileSync('x', 'y')}记录。", '花括号表达式'],
  ['a comment-only expression', '走访记录。{/* 编者注 */}', '注释'],
  ['code between lookalike code fences', '说明 ```\n{globalThis.ran = 1}\n``` 结束', '花括号表达式'],
  ['raw HTML with an event handler', '走访记录 <img src="x.png" onerror="alert(1)" />', '内联事件处理器'],
  ['a javascript: link with a leading space', '见[说明]( javascript:alert(1))。', '不允许的协议'],
  ['a javascript: reference definition', '见[说明][a]。\n\n[a]: JavaScript:alert(1)', '不允许的协议'],
];

test('the submission form refuses hostile markup in a section, beside the field, and blocks the download; and disguised private data', async ({
  page,
}) => {
  // Every keystroke re-runs the whole check in the page; on a loaded 2-core machine the privacy part
  // alone has taken 45 s, so the test gets room beyond the default 60 s.
  test.setTimeout(180_000);
  await fillValidForm(page);
  const practice = page.locator('#f-做法');
  const download = page.getByRole('button', { name: '下载 .mdx 文件' });
  for (const [name, body, message] of hostile) {
    await practice.fill(`每周二、周四晚上，支部委员分片入户，每次走访不少于十户；听到的问题当场登记，办结后上门回访。\n\n${body}`);
    await practice.blur();
    await expect(practice.locator('xpath=..').locator('.field-error'), name).toContainText(message, { timeout: 20_000 });
    await expect(download, name).toBeDisabled();
    await expect(page.locator('[data-output-status]'), name).not.toContainText('已通过全部检查');
  }
  // Plain Markdown again: the form passes, so the refusals above were the markup's doing.
  await practice.fill('每周二、周四晚上，支部委员**分片入户**，每次走访不少于十户；见[编辑指南](/guide/)。');
  await practice.blur();
  await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查', { timeout: 20_000 });
  // The download opens after the review step (检查你的内容), as for every submission.
  await page.getByRole('button', { name: '检查你的内容' }).click();
  await expect(page.locator('[data-review]')).toBeVisible();
  await expect(download).toBeEnabled();

  // Once submit-privacy.spec.ts, which filled a form of its own: the same privacy rules as npm run
  // check, numbers in full-width digits, spaced or with +86 named beside their field once each, a
  // public hotline from content/vocab/hotlines.json passing, a number split over a list's items
  // placed beside its box too.
  await test.step('the submission form refuses disguised private data beside its field and lets a public hotline pass', async () => {
    const field = (label: string) => page.getByLabel(label, { exact: false }).first();
    const errorOf = (selector: string) => page.locator(selector).locator('xpath=..').locator('.field-error');
    // The valid form above, its fields overwritten as submit-privacy.spec.ts once filled them afresh.
    await field('实践单位').fill('某县某村党支部（书记＋８６ １３８ １２３４ ５６７８）');
    await field('开始年份').fill('');
    await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户；群众也可拨打12345为民服务热线，或打“96345”求助。');
    await page
      .locator('#f-成效')
      .fill(
        '一年里干部共走访320户，登记问题87件，办结81件，一位老党员住阳光小区3栋2单元301室，他家的面包车（川F·A2345）由支部帮忙修好，群众对干部的满意度明显提高。',
      );
    await field('关键数字').fill('走访户数：320户\n值班电话：（０８３８）７２１ ２３４５');
    await field('关键数字').blur();

    await expect(errorOf('#f-unit')).toContainText('手机号码', { timeout: 20_000 });
    await expect(errorOf('#f-unit')).toHaveCount(1);
    await expect(errorOf('#f-figures')).toContainText('带区号的固定电话');
    // Two findings in one box: each its own message, in the order they stand.
    await expect(errorOf('#f-成效')).toHaveText([/门牌地址/, /机动车号牌“川F·A2345”/]);
    // The hotlines in 做法 are allowed; each finding is listed once, not again as a general problem.
    await expect(errorOf('#f-做法')).toHaveCount(0);
    await expect(page.locator('[data-summary]')).toContainText('还有 4 个问题');
    await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();

    await field('实践单位').fill('某县某村党支部');
    await field('关键数字').fill('走访户数：320户');
    await page.locator('#f-成效').fill('一年里干部共走访320户，登记问题87件，办结81件，群众对干部的满意度明显提高，村里的矛盾纠纷也少了。');
    await page.locator('#f-成效').blur();
    await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查', { timeout: 20_000 });
    await expect(page.locator('.field-error')).toHaveCount(0);

    // A number split over a list's items is one number on the page: only the whole file shows it, and
    // the form places it beside the box it was typed into, as the build would refuse the file.
    await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户。一位阿姨的电话分三段记：\n\n- 139\n- 1234\n- 5678');
    await page.locator('#f-做法').blur();
    await expect(errorOf('#f-做法')).toContainText('手机号码', { timeout: 20_000 });
    await expect(errorOf('#f-做法')).toHaveCount(1);
    await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();

    // A full name after 村民, followed by what a person does in the sentence (反映), names a resident: an error.
    await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户。村民王小明反映的路灯问题当晚登记，三天后修好。');
    await page.locator('#f-做法').blur();
    await expect(errorOf('#f-做法')).toContainText('群众的姓名或带姓氏的称呼“王小明”', { timeout: 20_000 });
    await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();

    // 老王 may be a resident's nickname or an official's: a hint beside the box, not an error.
    await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户。老王家门口的路灯坏了，当晚登记，三天后修好。');
    await page.locator('#f-做法').blur();
    const warnings = page.locator('#f-做法').locator('xpath=..').locator('.field-warning');
    await expect(warnings.filter({ hasText: '“老王”像是群众的姓名' })).toHaveCount(1, { timeout: 20_000 });
    await expect(errorOf('#f-做法')).toHaveCount(0);
  });
});
