/**
 * /submit/ applies the build's rules to hostile bodies: the MDX parser reads the section, so code
 * hidden in comments or behind lookalike code fences, raw HTML and javascript: links are named
 * beside the field and the file cannot be downloaded.
 */
import { expect, test, type Page } from '@playwright/test';
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

test('the submission form refuses hostile markup in a section, beside the field, and blocks the download', async ({ page }) => {
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
});
