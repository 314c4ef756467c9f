import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { searchRecord } from '../../src/lib/search-record.ts';
import { atSite, built } from './site.ts';

// Teaching notes are editors' words: shown under their own 编者按 heading, never mixed into the
// source-based text, and left out of search (the block sits inside the searchable article).

test('teaching notes show as 编者按 only on entries that have them', async ({ page }) => {
  await test.step('an entry without teaching notes shows no teaching block', async () => {
    await page.goto('cases/chunfeng-gongzuofa/');
    await expect(page.locator('.questions li').first()).toBeVisible();
    await expect(page.locator('section.teaching')).toHaveCount(0);
    await expect(page.getByText('编者按')).toHaveCount(0);
  });

  await test.step('an entry with teaching notes shows them as 编者按, with working further-reading links', async () => {
    await page.goto('cases/minqing-riji-gongzuofa/');
    const block = page.locator('section.teaching');
    await expect(block.getByRole('heading', { level: 2 })).toHaveText('教学提示（编者按）');
    await expect(block).toContainText('不是来源原文');
    await expect(block.locator('[data-teaching="goals"] li')).toHaveCount(3);
    await expect(block.locator('[data-teaching="audience"]')).toContainText('村党组织书记');
    expect(await block.locator('[data-teaching="flow"] li').count()).toBeGreaterThanOrEqual(2);
    await expect(block).toHaveAttribute('data-pagefind-ignore', /.*/);
    // The block follows the questions, so the source-based text comes first.
    const order = await page.evaluate(() => {
      const q = document.querySelector('.questions')!;
      const t = document.querySelector('.teaching')!;
      return q.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    await block.locator('[data-teaching="further"] a').filter({ hasText: '“三送”工作' }).click();
    await expect(page).toHaveURL(atSite(/cases\/ganzhou-sansong\/$/));
    await expect(page.locator('section.teaching h2')).toHaveText('教学提示（编者按）');
  });
});

test('the search record of a built entry page leaves the teaching notes out', () => {
  const html = readFileSync(built('cases/minqing-riji-gongzuofa/index.html'), 'utf8');
  const step = '找出记和办之间的衔接点';
  expect(html).toContain(step);
  const { meta } = searchRecord('/cases/minqing-riji-gongzuofa/', html);
  expect(meta.text).toContain('民忧档案');
  expect(meta.text).not.toContain(step);
  expect(meta.text).not.toContain('教学提示');
});
