/**
 * The /submit/ drop zone: a Word document made here is imported in the browser, the form is
 * filled, the removed contact details are listed, and the downloaded draft (with the source file
 * the page offers) passes the project's content check once its proposals are confirmed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import { Document, Packer, Paragraph, TextRun } from 'docx';
import { checkProject } from '../../src/lib/content-files.node.ts';

const P = (text: string) => new Paragraph(text);
const practice =
  '村党支部建立民情台账，支部委员每月分片入户走访，把群众反映的问题登记在册，按轻重缓急分类交办，办结以后再回访群众，听取群众的评价。';

async function submission(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          P('广东省韶关市始兴县太平镇石下村党支部“三本台账”工作法'),
          P('一、基本情况'),
          P(
            '这个村地处山区，青壮年大多外出务工，留守老人多，群众反映的问题过去常常找不到人办，村党支部决定把群众的事情记下来、一件一件办好。',
          ),
          P('二、主要做法'),
          P(practice),
          P('三、取得成效'),
          P('两年来共登记群众诉求326条，办结311条，群众满意率达到98%，村里的矛盾纠纷明显减少，干部和群众的关系也更近了。'),
          P('四、经验启示'),
          P('台账要记实、要公开、要回访，群众的事情件件有回音，干部和群众的关系才会越来越近，这个做法简单，别的村也学得会。'),
          P('联系人：张某某'),
          P('联系电话：13812345678'),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

test('a dropped Word document fills the form, lists what was removed, and downloads a draft that passes the check', async ({ page }) => {
  // Readers who never import load neither mammoth nor the import code.
  const scripts: string[] = [];
  page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
  await page.goto('submit/');
  await page.waitForLoadState('networkidle');
  const zone = page.locator('docx-drop');
  await expect(zone).toBeVisible();
  expect(scripts.some((url) => url.includes('/submit.astro'))).toBe(true);
  expect(scripts.filter((url) => url.includes('docx-import'))).toEqual([]);
  await zone.locator('input[type="file"]').setInputFiles({
    name: '石下村来稿.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await submission(),
  });
  await expect(zone).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  expect(scripts.filter((url) => url.includes('docx-import'))).toHaveLength(1);

  await expect(page.locator('#f-title')).toHaveValue('“三本台账”工作法（待确认）');
  await expect(page.locator('#f-unit')).toHaveValue('广东省韶关市始兴县太平镇石下村党支部（待确认）');
  await expect(page.locator('#f-province')).toHaveValue('guangdong');
  await expect(page.locator('#f-做法')).toHaveValue(practice);
  await expect(page.locator('#f-figures')).toHaveValue(/^登记群众诉求（待确认）：326条/);
  const removed = zone.locator('[data-docx-removed]');
  await expect(removed).toContainText('第 10 段 联系方式');
  await expect(removed).toContainText('第 11 段 联系方式');
  await expect(removed).not.toContainText('13812345678');
  await expect(zone.locator('[data-docx-proposals]')).toContainText('region.province：guangdong');
  for (const field of await page.locator('case-submit textarea, case-submit input[type="text"]').all())
    expect(await field.inputValue()).not.toContain('13812345678');

  // The form checks the draft like anything typed: no error, so it can be downloaded.
  await expect(page.locator('[data-output-status]')).toContainText('已通过全部检查', { timeout: 20_000 });
  await page.getByRole('button', { name: '检查你的内容' }).click();
  const [entryDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 .mdx 文件' }).click()]);
  const [sourceDownload] = await Promise.all([page.waitForEvent('download'), zone.getByRole('button', { name: /下载来源文件/ }).click()]);
  expect(entryDownload.suggestedFilename()).toBe('shixing-sanben-taizhang-gongzuofa.mdx');
  const entry = readFileSync(await entryDownload.path(), 'utf8');
  expect(entry).toContain('status: 草稿');

  // The project's own check on a copy of the content with the two files added.
  const work = mkdtempSync(join(tmpdir(), 'import-docx-'));
  try {
    cpSync('content', join(work, 'content'), { recursive: true });
    writeFileSync(join(work, 'content/sources', sourceDownload.suggestedFilename()), readFileSync(await sourceDownload.path()));
    const file = join(work, 'content/cases', entryDownload.suggestedFilename());
    const mine = (check: ReturnType<typeof checkProject>) => ({
      errors: check.errors.filter((p) => p.file.includes('shixing-sanben')),
      warnings: check.warnings.filter((p) => p.file.includes('shixing-sanben')),
    });
    writeFileSync(file, entry);
    const draft = mine(checkProject(work));
    expect(draft.errors).toEqual([]);
    expect(draft.warnings.some((w) => w.message.zh.includes('待确认'))).toBe(true);
    // The editor confirms every proposal (removes the marks): still no error, no proposal left.
    writeFileSync(file, entry.replace(/（待确认[^）]*）/g, ''));
    const confirmed = mine(checkProject(work));
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.warnings.filter((w) => w.message.zh.includes('待确认'))).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('text Word hides is listed in the browser’s import report, masked, and first in the to-do list', async ({ page }) => {
  // mammoth imports hidden text (Font → Hidden) as ordinary text; the page reads the XML itself to say so.
  const doc = new Document({
    sections: [
      {
        children: [
          P('石下村“三本台账”工作法'),
          P('一、主要做法'),
          new Paragraph({ children: [new TextRun(practice), new TextRun({ text: '内部材料勿外传，联系13812345678', vanish: true })] }),
        ],
      },
    ],
  });
  await page.goto('submit/');
  const zone = page.locator('docx-drop');
  await zone.locator('input[type="file"]').setInputFiles({
    name: '隐藏文字.docx',
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await Packer.toBuffer(doc),
  });
  await expect(zone).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  const hidden = zone.locator('[data-docx-hidden]');
  await expect(hidden).toContainText('内部材料勿外传，联系138******78');
  await expect(hidden).not.toContainText('13812345678');
  await expect(zone.locator('[data-docx-report]')).toContainText('原文有 1 处 Word 隐藏文字');
});

test('a second Word document asks before it replaces what the form holds', async ({ page }) => {
  await page.goto('submit/');
  const zone = page.locator('docx-drop');
  const file = async (name: string) => ({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    buffer: await submission(),
  });
  await zone.locator('input[type="file"]').setInputFiles(await file('石下村来稿.docx'));
  await expect(zone).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await page.locator('#f-title').fill('编辑改过的名称');
  // Declined: nothing replaced.
  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('会替换表单里已经填写的内容');
    void dialog.dismiss();
  });
  await zone.locator('input[type="file"]').setInputFiles(await file('另一份来稿.docx'));
  await expect(zone.locator('[data-docx-status]')).toContainText('没有导入：表单里已经填写的内容保持不变');
  await expect(page.locator('#f-title')).toHaveValue('编辑改过的名称');
  // Accepted: the new document fills the form.
  page.once('dialog', (dialog) => void dialog.accept());
  await zone.locator('input[type="file"]').setInputFiles(await file('另一份来稿.docx'));
  await expect(zone).toHaveAttribute('data-state', 'done', { timeout: 30_000 });
  await expect(page.locator('#f-title')).toHaveValue('“三本台账”工作法（待确认）');
});

test('an old .doc dropped on /submit/ is refused with the fix', async ({ page }) => {
  await page.goto('submit/');
  const zone = page.locator('docx-drop');
  const ole = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
  await zone.locator('input[type="file"]').setInputFiles({ name: '旧稿.doc', mimeType: 'application/msword', buffer: ole });
  await expect(zone).toHaveAttribute('data-state', 'error', { timeout: 30_000 });
  await expect(zone.locator('[data-docx-status]')).toContainText('这是旧版 .doc 文件，请在 Word/WPS 中另存为 .docx');
  await expect(page.locator('#f-title')).toHaveValue('');
});
