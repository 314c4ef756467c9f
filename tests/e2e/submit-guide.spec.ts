/**
 * The /submit/ form guides (issue 14.7, GOV.UK patterns): an error summary whose links move focus
 * to their fields, problems in untouched required fields marked on "检查你的内容", a download that
 * is disabled (and says why) until the review step, autosave and restore with a way to discard,
 * and a "新来源" option whose fields make a source file that passes the project's check; also what
 * editors.spec.ts held (problems beside their fields, the downloaded file passing npm run check, a
 * near-duplicate named by its id, the editors' guide and the backlog).
 *
 * Two tests, each one /submit/ page taken through several behaviours in turn (a page load and the
 * form's checker cost more CPU than most checks); each step keeps the title of the test it once was.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Download, type Page } from './fixtures.ts';
import { fillSubmitForm } from './submit-form.ts';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { readAsBuild } from '../../src/lib/frontmatter.ts';

/** The page listens (src/client/submit-loader.ts); the checker itself loads on the first touch of the form. */
const ready = (page: Page) => expect(page.locator('case-submit')).toHaveAttribute('data-state', /ready|checked/, { timeout: 20_000 });
const checked = (page: Page) => expect(page.locator('case-submit')).toHaveAttribute('data-state', 'checked', { timeout: 20_000 });
const textOf = async (download: Download) => Buffer.concat(await (await download.createReadStream()).toArray()).toString('utf8');

test('a fresh form: the guide link, autosave, every problem of an empty form, a near-duplicate; the guide and the backlog', async ({
  page,
}) => {
  test.setTimeout(240_000);
  const scripts: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));

  await test.step('the editors’ guide opens in a new tab', async () => {
    await page.goto('submit/');
    const guide = page.getByRole('link', { name: /编辑指南/ }).first();
    await expect(guide).toHaveAttribute('target', '_blank');
    await expect(guide).toHaveAttribute('rel', /noopener/);
  });

  await test.step('what is typed is saved, restored after a reload, and can be discarded', async () => {
    // The page opened above, its checker not loaded yet: typing loads it.
    await ready(page);
    await page.locator('#f-title').fill('“夜访”工作法');
    // Typing loads the checker; the rest waits until it has loaded and checked the form once.
    await checked(page);
    await page.locator('#f-unit').fill('某县某村党支部');
    await page.getByLabel('走访联系群众').check({ timeout: 20_000 });
    await page.locator('#f-做法').fill('每周二、周四晚上入户走访。');
    await expect(page.locator('[data-autosave]')).toContainText('已自动保存', { timeout: 20_000 });

    await page.reload();
    await checked(page);
    await expect(page.locator('#f-title')).toHaveValue('“夜访”工作法');
    await expect(page.locator('#f-unit')).toHaveValue('某县某村党支部');
    await expect(page.getByLabel('走访联系群众')).toBeChecked();
    await expect(page.locator('#f-做法')).toHaveValue('每周二、周四晚上入户走访。');
    const restored = page.locator('[data-restored]');
    await expect(restored).toBeVisible();
    await expect(restored).toContainText('已恢复你上次填写的内容');

    await restored.getByRole('button', { name: '丢弃保存的内容，重新开始' }).click();
    await expect(page.locator('#f-title')).toHaveValue('');
    await expect(page.getByLabel('走访联系群众')).not.toBeChecked();
    await expect(restored).toBeHidden();
    // The next step watches which scripts this fresh load of the page requests.
    scripts.length = 0;
    await page.reload();
    await ready(page);
    await expect(page.locator('#f-title')).toHaveValue('');
    await expect(page.locator('[data-restored]')).toBeHidden();
  });

  await test.step('on "检查你的内容" an empty form lists every problem in plain Chinese at the top, each a link focusing its field; the Word control is Chinese', async () => {
    // The page as the step above reloaded it, the saved content discarded.
    await ready(page);
    // The checker (the page's largest script) is not loaded with the page, only on first use.
    expect(scripts.filter((url) => url.includes('case-submit'))).toEqual([]);
    // The Word drop zone: no native "Choose File" button, a Chinese control labelling the file input,
    // reachable by keyboard with a visible focus ring, opening the file chooser.
    const zone = page.locator('docx-drop');
    const fileInput = zone.locator('input[type="file"]');
    const pick = zone.locator('label', { hasText: '选择 Word 文件' });
    await expect(pick).toBeVisible();
    const inputBox = (await fileInput.boundingBox())!;
    expect(inputBox.width * inputBox.height).toBeLessThanOrEqual(1);
    await expect(page.getByLabel('选择 Word 文件')).toHaveAttribute('type', 'file');
    await fileInput.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(fileInput).toBeFocused();
    expect(await pick.evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pick.click()]);
    expect(chooser.isMultiple()).toBe(false);

    const summary = page.locator('[data-summary]');
    await expect(summary).toBeHidden();
    await page.getByRole('button', { name: '检查你的内容' }).click();
    // Untouched required fields are marked now, and the summary takes focus.
    await expect(summary).toBeVisible();
    await expect(summary).toBeFocused();
    await expect(summary.locator('h2')).toContainText(/还有 \d+ 个问题需要改正/);
    const links = summary.locator('a');
    expect(await links.count()).toBeGreaterThanOrEqual(8);
    // Every item is a link, and the count in the heading is the list's.
    await expect(summary.locator('li')).toHaveCount(await links.count());
    await expect(summary.locator('h2')).toContainText(`还有 ${await links.count()} 个问题`);
    await expect(page.locator('#f-title')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-title').locator('xpath=..').locator('.field-error')).toHaveText(/请填写工作法名称/);
    // Plain Chinese: what to do in which box; no field ids, no vocabulary ids, no " / English" tail.
    const texts = await links.allTextContents();
    for (const text of texts) expect(text).not.toMatch(/[a-z]{3,}/);
    expect(texts).toEqual(expect.arrayContaining(['请填写实践单位', '请选择领域', '请至少选择一个方法类别']));

    await summary.locator('a', { hasText: '实践单位' }).first().click();
    await expect(page.locator('#f-unit')).toBeFocused();
    await summary.locator('a', { hasText: '方法类别' }).click();
    await expect(page.locator('#f-themes input').first()).toBeFocused();
    await summary.locator('a', { hasText: '“背景”一节' }).click();
    await expect(page.locator('#f-背景')).toBeFocused();
    await summary.locator('a', { hasText: '思考题' }).first().click();
    await expect(page.locator('#f-questions')).toBeFocused();
  });

  await test.step('the submission form flags a near-duplicate of an existing entry by its id', async () => {
    await page.getByLabel('工作法名称').fill('“民情日记”工作法');
    await page.getByLabel('实践单位').fill('韶关市始兴县罗坝镇淋头村党支部');
    await page.getByLabel('实践单位').blur();
    await expect(page.locator('#f-title').locator('xpath=..').locator('.field-error')).toContainText('minqing-riji-gongzuofa', {
      timeout: 20_000,
    });
  });

  await test.step('the editors’ guide lists every field, and the backlog lists what is left to write', async () => {
    await page.goto('guide/');
    await expect(page.locator('h1')).toHaveText('编辑指南');
    for (const field of ['title', 'region.province', 'source.locator', 'status', 'reviewed'])
      await expect(page.locator('table code', { hasText: new RegExp(`^${field.replace('.', '\\.')}$`) })).toHaveCount(1);
    await page.goto('backlog/');
    await expect(page.locator('#listed')).toContainText('各地联系服务群众经验做法选编：29 个');
    await expect(page.locator('#review')).toContainText('所有条目都在 2 年内审核过');
  });
});

test('a filled form: each problem beside its field, a download disabled until the review, the file passing the check, a new source', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await fillSubmitForm(page, {
    位置: '第45-1行',
    做法: '每周二、周四晚上，支部委员分片入户。有事可打村支书手机13912345678。',
    // A name that holds 、, and a value that holds a colon of its own: both kept as typed.
    别名: '夜访\n访、办、回',
    关键数字: '走访时间：19:30-21:30\n走访户数：320户',
  });

  await test.step('the submission form explains each problem beside its field, and its file passes npm run check', async () => {
    // The bad values are named beside their fields, in Chinese, and the file cannot be downloaded.
    const locatorField = page.locator('#f-locator').locator('xpath=..');
    await expect(locatorField.locator('.field-error')).toContainText('起止顺序颠倒', { timeout: 20_000 });
    await expect(page.locator('#f-locator')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('#f-做法').locator('xpath=..').locator('.field-error')).toContainText('手机号码');
    await expect(page.getByRole('button', { name: '下载 .mdx 文件' })).toBeDisabled();
    await expect(page.locator('[data-summary]')).toContainText('还有 2 个问题');
    // Fixed one by one: the phone number here, the locator in the next step; the file is checked there.
    await page.locator('#f-做法').fill('每周二、周四晚上，支部委员分片入户，每次走访不少于十户；听到的问题当场登记，办结后上门回访。');
    await page.locator('#f-做法').blur();
    await expect(page.locator('#f-做法').locator('xpath=..').locator('.field-error')).toHaveCount(0, { timeout: 20_000 });
  });

  await test.step('the download is really disabled, says why, and opens only after the review step', async () => {
    // One problem left: the reversed locator (the phone number was fixed above).
    await checked(page);
    const download = page.getByRole('button', { name: '下载 .mdx 文件' });
    await expect(download).toBeDisabled();
    await expect(page.locator('#download-why')).toContainText('还有 1 个问题需要改正', { timeout: 20_000 });
    await expect(download).toHaveAttribute('aria-describedby', 'download-why');
    // It looks disabled too: faded, not the accent colour of the enabled button.
    expect(Number(await download.evaluate((b) => getComputedStyle(b).opacity))).toBeLessThan(1);
    expect(await download.evaluate((b) => getComputedStyle(b).cursor)).toBe('not-allowed');

    await page.locator('#f-locator').fill('第1-45行');
    await page.locator('#f-locator').blur();
    await expect(page.locator('#download-why')).toContainText('请先点击“检查你的内容”', { timeout: 20_000 });
    await expect(download).toBeDisabled();
    // From editors.spec.ts: fixed, the form passes with no problem left beside any field.
    await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查', { timeout: 20_000 });
    await expect(page.locator('.field-error')).toHaveCount(0);

    await page.getByRole('button', { name: '检查你的内容' }).click();
    const review = page.locator('[data-review]');
    await expect(review).toBeFocused();
    await expect(review.locator('dt', { hasText: '工作法名称' })).toHaveCount(1);
    await expect(review).toContainText('“夜访”工作法');
    await expect(review).toContainText('走访联系群众');
    await expect(download).toBeEnabled();
    expect(await download.evaluate((b) => getComputedStyle(b).opacity)).toBe('1');
    // From editors.spec.ts: the file downloads, and dropped into the library it passes the same check the build runs.
    const [file] = await Promise.all([page.waitForEvent('download'), download.click()]);
    expect(file.suggestedFilename()).toBe('deyang-yefang-gongzuofa.mdx');
    const text = await textOf(file);
    const read = readAsBuild(text);
    expect(read.ok && read.data.aliases).toEqual(['夜访', '访、办、回']);
    expect(read.ok && read.data.figures).toEqual([
      { label: '走访时间', value: '19:30-21:30' },
      { label: '走访户数', value: '320户' },
    ]);
    const work = mkdtempSync(join(tmpdir(), 'gongzuofa-submit-'));
    try {
      cpSync('content', join(work, 'content'), { recursive: true });
      writeFileSync(join(work, 'content/cases', file.suggestedFilename()), text);
      const result = checkProject(work);
      expect(result.errors).toEqual([]);
      expect(result.files).toBeGreaterThan(74);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    // "修改" goes back to the field.
    await review.locator('.review-row', { hasText: '实践单位' }).getByRole('link', { name: /修改/ }).click();
    await expect(page.locator('#f-unit')).toBeFocused();
  });

  await test.step('a new source has its own fields, and both downloaded files pass the project check', async () => {
    // The form is the valid one the steps above left, reviewed.
    await checked(page);
    await expect(page.locator('[data-new-source]')).toBeHidden();
    await page.locator('#f-source').selectOption('__new__');
    const fields = page.locator('[data-new-source]');
    await expect(fields).toBeVisible();
    // Without a title and file the new source is refused, beside its own fields.
    await page.getByRole('button', { name: '检查你的内容' }).click();
    await expect(page.locator('#f-src-title').locator('xpath=..').locator('.field-error')).toBeVisible();
    await expect(page.locator('[data-summary]')).toContainText('来源标题');

    await page.locator('#f-src-title').fill('某县组织部关于“夜访”工作的材料');
    await page.locator('#f-src-issuer').fill('某县委组织部');
    await page.locator('#f-src-date').fill('2013-05');
    await page.locator('#f-src-kind').selectOption('文件');
    await page.locator('#f-src-file').fill('夜访材料.txt');
    await page.locator('#f-src-lines').fill('120');
    await page.locator('#f-src-lines').blur();
    await page.getByRole('button', { name: '检查你的内容' }).click();
    await expect(page.locator('[data-review]')).toBeFocused();
    await expect(page.locator('[data-summary]')).toBeHidden();

    const [entry] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .mdx 文件' }).click()]);
    const sourceButton = page.getByRole('button', { name: /下载来源文件 laigao-.+\.json/ });
    const [source] = await Promise.all([page.waitForEvent('download'), sourceButton.click()]);
    expect(entry.suggestedFilename()).toBe('deyang-yefang-gongzuofa.mdx');
    expect(source.suggestedFilename()).toBe('laigao-deyang-yefang-gongzuofa.json');
    const entryText = await textOf(entry);
    expect(entryText).toContain('id: laigao-deyang-yefang-gongzuofa');
    const sourceText = await textOf(source);
    const sourceData = JSON.parse(sourceText);
    expect(sourceData).toMatchObject({
      title: '某县组织部关于“夜访”工作的材料',
      issuer: '某县委组织部',
      date: '2013-05',
      kind: '文件',
      file: '夜访材料.txt',
      lines: 120,
    });

    const work = mkdtempSync(join(tmpdir(), 'gongzuofa-new-source-'));
    try {
      cpSync('content', join(work, 'content'), { recursive: true });
      writeFileSync(join(work, 'content/cases', entry.suggestedFilename()), entryText);
      writeFileSync(join(work, 'content/sources', source.suggestedFilename()), sourceText);
      const result = checkProject(work);
      expect(result.errors).toEqual([]);
      expect(result.validIds).toContain('deyang-yefang-gongzuofa');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
