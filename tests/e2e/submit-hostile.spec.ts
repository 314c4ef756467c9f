/**
 * /submit/ applies the build's rules to hostile bodies: the MDX parser reads the section, so code
 * hidden in comments or behind lookalike code fences, raw HTML and javascript: links are named
 * beside the field and the file cannot be downloaded.
 */
import { expect, test, type Page } from '@playwright/test';

async function fillValidForm(page: Page) {
  await page.goto('/submit/');
  await expect(page.locator('case-submit')).toHaveAttribute('data-state', 'checked', { timeout: 20_000 });
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
  await field('位置').fill('第1-45行');
  await page.locator('#f-背景').fill('这个村的青壮年白天外出务工，干部白天入户常常见不到人，群众反映的问题也就很难及时掌握，支部决定把走访改到晚上。');
  await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户，每次走访不少于十户；听到的问题当场登记，办结后上门回访。');
  await page.locator('#f-成效').fill('一年里干部共走访320户，登记问题87件，办结81件，群众对干部的满意度明显提高，村里的矛盾纠纷也少了。');
  await page.locator('#f-启示').fill('联系群众要迁就群众的时间，而不是让群众迁就干部；登记、办理、回访三个环节缺一不可，才能让走访不走过场。');
  await field('思考题').fill('你们的干部什么时候走访群众？\n登记下来的问题怎样保证件件有回音？');
  await field('撰写人').fill('测试编辑');
  await field('撰写人').blur();
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
  await expect(download).toBeEnabled();
});
