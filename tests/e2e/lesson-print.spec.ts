/**
 * The printed handout as a trainer gets it: a contents whose page numbers are the printed ones,
 * all key figures in the comparison, and the two options — 含教师备注 (the trainer's notes and the
 * editors' 教学提示, in print, Word and slides) and 每案一页. The page signals readiness with
 * `data-state="ready"` on [data-handout] after every change.
 */
import { expect, test, type Locator, type Page } from './fixtures.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { unzip } from '../helpers/zip.ts';
import { storeBeforeLoad } from './store-before-load.ts';
import { decodeLesson } from '../../src/lib/lesson-read.ts';

test.describe.configure({ timeout: 180_000 });

const KEY = 'gongzuofa.lesson';
const M = 'minqing-riji-gongzuofa'; // has teaching notes (编者按)
const Z = 'zou-qinqi-gongzuofa';
const T = 'zhongjiang-taizhang-gongzuofa'; // many key figures, no teaching notes
const L = 'ling-juli-bianmin-gongzuofa';
const slow = { timeout: 30_000 };

/** A case's last printed page holds more than its source line and QR code (they never stand alone on a page). */
function expectNoLoneFoot(pages: string[], ids: string[]) {
  for (const id of ids) {
    const text = pages.find((t) => t.includes(`/cases/${id}/`))!;
    expect(text.slice(0, text.search(/出处:|网址:/)).length, `${id}: the page with its source line has other text`).toBeGreaterThan(20);
  }
}

/** The trainer's notes in the lesson the cover's QR code carries (its link is the image's alt text). */
async function coverNotes(handout: Locator): Promise<string[]> {
  const alt = (await handout.locator('.cover-head .qr-code img').getAttribute('alt'))!;
  const read = decodeLesson(new URL(alt.slice(alt.indexOf('http'))).searchParams.get('l')!);
  if (!read.ok) throw new Error(read.error);
  return read.lesson.items.map((item) => item.note);
}

async function open(page: Page, items: [string, string?][]) {
  // Stored before the one load of the lesson page (no load-store-reload), on an empty localStorage.
  await storeBeforeLoad(
    page,
    {
      [KEY]: JSON.stringify({
        version: 2,
        title: '诉求办理专题',
        date: '2026-12-01',
        audience: '社区书记',
        items: items.map(([id, note]) => ({ id, note: note ?? '' })),
      }),
    },
    { clear: true },
  );
  await page.goto('lesson/');
  await expect(page.locator('lesson-editor')).toHaveAttribute('data-state', 'ready', slow);
  const handout = page.locator('[data-handout]');
  await expect(handout.locator('.handout-case')).toHaveCount(items.length, slow);
  await expect(handout).toHaveAttribute('data-state', 'ready', slow);
  return handout;
}

test('the contents page gives the page each case starts on, and it is the printed page', async ({ page }) => {
  const ids = [M, Z, T, L];
  const handout = await open(
    page,
    ids.map((id) => [id]),
  );
  const toc = handout.locator('.toc-page');
  await expect(toc).toHaveCount(5);
  const starts = await toc.evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.start)));
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  expect(pages.length).toBe(Number(await handout.getAttribute('data-pages')));
  // Cover and contents share the first page.
  expect(pages[0]).toContain('2026-12-01');
  expect(pages[0]).toMatch(/案例4/);
  for (const [i, id] of ids.entries()) {
    const heading = pages.findIndex((text, n) => n > 0 && text.includes(`案例${i + 1}`));
    expect(heading + 1, `case ${i + 1} starts where the contents say`).toBe(starts[i]);
    // Its address (at its end) is on the page before the next part starts.
    const end = pages.findIndex((text) => text.includes(`/cases/${id}/`));
    expect(end + 1).toBe(starts[i + 1] - 1);
  }
  expect(starts[4]).toBe(pages.length);
  expect(pages.at(-1)).toMatch(/案例对/);
  expectNoLoneFoot(pages, ids);

  // The comparison lists every key figure of every case, not just the first.
  for (const i of ids.keys()) {
    const figures = await handout.locator('.handout-case').nth(i).locator('.figure-grid li').count();
    await expect(handout.locator('.compare-table tbody tr').nth(i).locator('li')).toHaveCount(figures);
  }
  expect(await handout.locator('.handout-case').nth(2).locator('.figure-grid li').count()).toBeGreaterThan(5);
});

test('on a phone the preview is scaled to fit the screen, and its contents still give the printed pages', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  const ids = [M, Z, T, L];
  const handout = await open(
    page,
    ids.map((id) => [id]),
  );
  await expect(page.locator('[data-fit-note]')).toBeVisible();
  const box = (await handout.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(360);
  // Measured while scaled, the page numbers are still those Chromium prints (at A4, unscaled).
  const starts = await handout.locator('.toc-page').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.start)));
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  expect(pages.length).toBe(Number(await handout.getAttribute('data-pages')));
  for (const i of ids.keys()) {
    const heading = pages.findIndex((text, n) => n > 0 && text.includes(`案例${i + 1}`));
    expect(heading + 1, `case ${i + 1} starts where the contents say`).toBe(starts[i]);
  }
});

test('含教师备注 prints the trainer’s notes and the editors’ 教学提示 only when ticked; 每案一页 prints one page a case', async ({
  page,
}) => {
  test.setTimeout(300_000); // two PDFs and three re-renders; on a loaded shared machine printing alone took over a minute
  const handout = await open(page, [[M, '先讲这个，十分钟'], [T]]);
  await expect(handout.locator('.teacher-note')).toHaveText('教师备注：先讲这个，十分钟');
  await expect(handout.locator('.teaching-note')).toHaveCount(1); // only the entry that has them
  await expect(handout.locator('.handout-case').first().locator('.teaching-note')).toContainText('教学提示（编者按）');
  await expect(handout.locator('.teaching-note')).toContainText('不是来源原文');
  expect(await coverNotes(handout)).toEqual(['先讲这个，十分钟', '']);
  const withNotes = await pdfPages(await page.pdf({ format: 'A4' }));
  expect(withNotes.join('')).toMatch(/编者按/);
  expect(withNotes.length).toBe(Number(await handout.getAttribute('data-pages')));
  expectNoLoneFoot(withNotes, [M, T]);

  const download = async (name: string) => {
    const [file] = await Promise.all([page.waitForEvent('download', slow), page.getByRole('button', { name }).click()]);
    return unzip(Buffer.concat(await (await file.createReadStream()).toArray()));
  };
  const docxText = (files: Map<string, Buffer>) =>
    [
      ...files
        .get('word/document.xml')!
        .toString('utf8')
        .matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g),
    ]
      .map((m) => m[1])
      .join('\n');
  const notesText = (files: Map<string, Buffer>) =>
    [...files.keys()]
      .filter((n) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(n))
      .map((n) => files.get(n)!.toString('utf8'))
      .join('');

  // Was its own test on a lesson of the same two entries; checked here on the same page load.
  await test.step('the Word handout and the slide deck carry the editors’ 教学提示 only when 含教师备注 is ticked', async () => {
    const word = docxText(await download('下载 Word 讲义'));
    expect(word.split('\n').filter((t) => t === '教学提示（编者按）')).toHaveLength(1);
    expect(word).toContain('以下是编者写给培训者的建议，不是来源原文。');
    expect(word).toMatch(/教学目标：.+/);
    expect(notesText(await download('下载 PPT 课件'))).toContain('教学提示（编者按）');
  });

  await page.getByLabel('含教师备注').uncheck();
  await expect(handout).toHaveAttribute('data-state', 'ready', slow);
  await expect(handout.locator('.teacher-note, .teaching-note')).toHaveCount(0);
  await expect(handout).not.toContainText('先讲这个');
  await expect(handout).not.toContainText('教学提示');
  // A handout for participants does not hand them the trainer's notes through its QR code either.
  expect(await coverNotes(handout)).toEqual(['', '']);
  await test.step('…and without 教学提示 in Word and slides once 含教师备注 is unticked', async () => {
    const plainWord = docxText(await download('下载 Word 讲义'));
    expect(plainWord).not.toContain('教学提示');
    expect(plainWord).toContain('思考题');
    expect(notesText(await download('下载 PPT 课件'))).not.toContain('教学提示');
  });
  // Fewer pages without them (counted as the contents counts them, which the first test holds to the PDF).
  expect(Number(await handout.getAttribute('data-pages'))).toBeLessThan(withNotes.length);

  // 每案一页: summary, key figures and questions; no section text; one page per case.
  await page.getByLabel('每案一页').check();
  await expect(handout).toHaveAttribute('data-state', 'ready', slow);
  await expect(handout.locator('.section-body')).toHaveCount(0);
  await expect(handout.locator('.handout-case .lead')).toHaveCount(2);
  await expect(handout.locator('.handout-case').nth(1).locator('.questions-box li')).not.toHaveCount(0);
  await expect(handout.locator('.toc-page').first()).toHaveText('第 2 页（1 页）');
  await expect(handout).toHaveAttribute('data-pages', '4');
  const summary = await pdfPages(await page.pdf({ format: 'A4' }));
  expect(summary).toHaveLength(4);
  expect(summary[1]).toContain(`/cases/${M}/`);
  expect(summary[2]).toContain(`/cases/${T}/`);
});

test('a lesson too long for a QR code is still drawn and printed, and its cover says how to share it', async ({ page, request }) => {
  // 30 cases (the most a lesson holds) with a note each: no QR code can hold the link. The QR encoder
  // threw, and the handout stayed blank ("pending") for good.
  const { cases } = (await (await request.get('cases.json')).json()) as { cases: { id: string }[] };
  const ids = cases.slice(0, 30).map((c) => c.id);
  expect(ids).toHaveLength(30);
  const handout = await open(
    page,
    ids.map((id) => [id, '请学员对照本单位的做法，说一说哪一条可以直接用。']),
  );
  const cover = handout.locator('.cover-head');
  await expect(cover).toContainText('二维码放不下');
  await expect(cover).toContainText('复制分享链接');
  await expect(cover.locator('img')).toHaveCount(0);
  // Each case keeps its own code.
  await expect(handout.locator('.case-foot .qr-code img')).toHaveCount(30);
});

test('the contents’ page numbers hold for cases that fill their last page to within a few millimetres', async ({ page }) => {
  // Each of these was counted a page short (the case's 2 mm top padding, and paragraphs taken to
  // break anywhere rather than between lines): the contents then named the wrong page for every
  // case after it. Found by printing 68 lessons of 3–5 cases and comparing (README, lesson export).
  const ids = ['shenzhen-dangdaibiao-gongzuoshi-wuhua', 'nanping-liuyao-qunzhong-gongzuofa', 'neimenggu-kouan-shi-sige-jujiao'];
  const handout = await open(page, [[ids[0]], [ids[1], '这里是教师备注，提醒讨论时注意联系本地实际，先讲做法再讲成效。'], [ids[2]]]);
  const starts = await handout.locator('.toc-page').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.start)));
  const pages = await pdfPages(await page.pdf({ format: 'A4' }));
  expect(pages.length).toBe(Number(await handout.getAttribute('data-pages')));
  for (const [i, id] of ids.entries()) {
    // A case ends on the page before the next part starts (its address is at its end).
    const end = pages.findIndex((text) => text.includes(`/cases/${id}/`));
    expect(end + 1, `${id} ends on the page before the next part`).toBe(starts[i + 1] - 1);
  }
});
