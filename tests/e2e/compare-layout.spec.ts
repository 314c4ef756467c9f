/**
 * /compare/ as a reader uses it: a narrow label column and case titles that stay on screen, long
 * aspects folded with 展开, a picker on an empty page, and paging on a phone. Every test waits for
 * <case-compare data-state="ready">.
 */
import { expect, test, type Page } from './fixtures.ts';
import { layoutShifts, watchLayoutShifts } from './site.ts';

const slow = { timeout: 20_000 };
const ids = ['minqing-riji-gongzuofa', 'zhongjiang-taizhang-gongzuofa', 'ling-juli-bianmin-gongzuofa'];
const titles = ['“民情日记”工作法', '“台账工作法”', '“零距离便民”工作法'];

async function open(page: Page, path: string) {
  await page.goto(path);
  await expect(page.locator('case-compare')).toHaveAttribute('data-state', 'ready', slow);
}

test.describe('on a desktop', () => {
  test.use({ viewport: { width: 1366, height: 800 } });

  // One test, three page loads: each former test is a step under its old title (a test costs CPU
  // twice, root and /gzf/ runs). The folds are checked before 全部展开 opens them all.
  test('the table: folds, a narrow label column and titles that stay; the picker', async ({ page }) => {
    await test.step('long aspects start as their first lines; 展开 opens that aspect for every case, and closes it again', async () => {
      await open(page, `compare/?ids=${ids.join(',')}`);
      const row = page.locator('[data-compare-table] tbody tr', { has: page.locator('th', { hasText: '做法' }) });
      const folds = row.locator('.compare-fold');
      await expect(folds).toHaveCount(3);
      const heights = async () => folds.evaluateAll((els) => els.map((e) => ({ shown: e.clientHeight, full: e.scrollHeight })));
      const lineHeight = await folds.first().evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      for (const { shown, full } of await heights()) {
        expect(shown).toBeLessThanOrEqual(lineHeight * 3 + 6);
        expect(full).toBeGreaterThan(shown); // there really was more to show
      }
      // Short facts are never folded.
      await expect(page.locator('[data-compare-table] tbody tr').first().locator('.compare-fold')).toHaveCount(0);

      const expand = row.getByRole('button', { name: '展开做法' }).first();
      await expect(expand).toHaveAttribute('aria-expanded', 'false');
      await expand.click();
      for (const { shown, full } of await heights()) expect(shown).toBe(full);
      await expect(row.getByRole('button', { name: '收起做法' })).toHaveCount(3);
      await expect(row.getByRole('button', { name: '收起做法' }).first()).toHaveAttribute('aria-expanded', 'true');
      // Other aspects stay folded.
      const background = page
        .locator('[data-compare-table] tbody tr', { has: page.locator('th', { hasText: '背景' }) })
        .locator('.compare-fold')
        .first();
      expect(await background.evaluate((e) => e.scrollHeight > e.clientHeight)).toBe(true);

      await row.getByRole('button', { name: '收起做法' }).first().click();
      for (const { shown, full } of await heights()) expect(shown).toBeLessThan(full);
    });

    await test.step('the label column is narrow and stays put; the case titles stay on screen while reading down', async () => {
      // The same comparison as the previous step, its folds closed again.
      const table = page.locator('[data-compare-table] table');
      const label = (await table.locator('tbody th').first().boundingBox())!;
      const column = (await table.locator('tbody td').first().boundingBox())!;
      // Narrow: well under half a case column (it was as wide as one).
      expect(label.width).toBeLessThan(column.width / 2);

      const heads = table.locator('thead th[scope="col"]');
      await expect(heads).toHaveText(['方面', ...titles]);
      // The aspects in order, and each case's facts in its column (from lesson.spec.ts, where this had a page load of its own).
      await expect(table.locator('tbody th')).toHaveText([
        '实践单位',
        '地区与层级',
        '领域',
        '方法类别',
        '起始年份',
        '背景',
        '做法',
        '成效与数字',
        '启示',
      ]);
      await expect(table.locator('tbody tr').nth(1)).toContainText('四川 · 德阳市 · 中江县');
      // Read down to the last aspect (opened, so the table is long): the titles are still at the top.
      await page.getByRole('button', { name: '全部展开' }).click();
      await table.locator('tbody tr').last().scrollIntoViewIfNeeded();
      await page.mouse.wheel(0, 400);
      await expect.poll(() => page.evaluate(() => window.scrollY), slow).toBeGreaterThan(600);
      for (let i = 1; i <= titles.length; i++) {
        const box = (await heads.nth(i).boundingBox())!;
        expect(Math.abs(box.y)).toBeLessThanOrEqual(1); // pinned to the top of the window
        await expect(heads.nth(i)).toBeInViewport();
      }
    });

    await test.step('an empty /compare/ offers a picker: tick two cases and compare them', async () => {
      await open(page, 'compare/');
      const picker = page.locator('[data-compare-picker]');
      await expect(picker.getByRole('heading', { name: '选择要对比的案例' })).toBeVisible();
      const submit = picker.getByRole('button', { name: '对比所选案例' });
      await expect(submit).toHaveAttribute('aria-disabled', 'true');
      // Marked unavailable but still reachable, so a press explains what is missing.
      await submit.focus();
      await page.keyboard.press('Enter');
      await expect(picker.locator('[data-picker-note]')).toHaveText('请至少选 2 个案例。');
      await expect(page).toHaveURL(/\/compare\/$/);

      // Narrow the list by a word, tick two.
      await picker.getByLabel('在列表中查找').fill('民情日记');
      await expect(picker.locator('.picker-list li:visible')).toHaveCount(1);
      await picker.getByRole('checkbox', { name: /“民情日记”工作法/ }).check();
      await picker.getByLabel('在列表中查找').fill('零距离');
      await picker.getByRole('checkbox', { name: /“零距离便民”工作法/ }).check();
      // The first choice stays listed while another word is typed.
      await expect(picker.getByRole('checkbox', { name: /“民情日记”工作法/ })).toBeVisible();
      await expect(picker.locator('[data-picker-count]')).toHaveText('2');
      await expect(submit).toHaveAttribute('aria-disabled', 'false');
      await submit.click();
      await expect(page).toHaveURL(/\/compare\/\?ids=minqing-riji-gongzuofa,ling-juli-bianmin-gongzuofa$/);
      await expect(page.locator('case-compare')).toHaveAttribute('data-state', 'ready', slow);
      await expect(page.locator('[data-compare-table] thead th')).toHaveText(['方面', '“民情日记”工作法', '“零距离便民”工作法']);

      // 换案例: back to the picker with these two ticked; a third added, the comparison shows three.
      await expect(page.getByRole('button', { name: '打印对比表' })).toBeEnabled();
      await page.getByRole('link', { name: '换案例' }).click();
      await expect(page.locator('case-compare')).toHaveAttribute('data-state', 'ready', slow);
      await expect(picker.locator('[data-picker-count]')).toHaveText('2');
      await expect(picker.getByRole('checkbox', { name: /“零距离便民”工作法/ })).toBeChecked();
      await picker.getByRole('checkbox', { name: /“台账工作法”/ }).check();
      await submit.click();
      await expect(page.locator('case-compare')).toHaveAttribute('data-state', 'ready', slow);
      await expect(page.locator('[data-compare-table] thead th')).toHaveCount(4);
    });

    await test.step('the picker stops at four, and offers the lesson’s cases in one click', async () => {
      // Stored on the open comparison page (same origin), read by the next load: no extra page.
      await page.evaluate(
        (list) =>
          localStorage.setItem(
            'gongzuofa.lesson',
            JSON.stringify({ version: 2, title: '', date: '', audience: '', items: list.map((id) => ({ id, note: '' })) }),
          ),
        ids,
      );
      await open(page, 'compare/');
      const picker = page.locator('[data-compare-picker]');
      const boxes = picker.getByRole('checkbox');
      for (let i = 0; i < 4; i++) await boxes.nth(i).check();
      await expect(boxes.nth(4)).toBeDisabled();
      await expect(picker.locator('[data-picker-note]')).toContainText('已选满 4 个');
      await boxes.nth(0).uncheck();
      await expect(boxes.nth(4)).toBeEnabled();

      const fromLesson = picker.getByRole('link', { name: '对比教案中的 3 个案例' });
      await expect(picker.locator('[data-picker-lesson]')).toContainText(titles.join('、'));
      await fromLesson.click();
      await expect(page).toHaveURL(new RegExp(`/compare/\\?ids=${ids.join(',')}$`));
      await expect(page.locator('case-compare')).toHaveAttribute('data-state', 'ready', slow);
      await expect(page.locator('[data-compare-table] thead th')).toHaveText(['方面', ...titles]);
    });
  });
});

test.describe('on a 360-px phone', () => {
  test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

  // Layout shifts are watched from the first paint, so that step goes first; it ends on a wide
  // window, so the cards are opened again for the rest.
  test('the cards: drawn without moving, paging and 展开 on every card', async ({ page }) => {
    await test.step('the comparison is drawn without moving anything, only the cards are built, and 展开 shows a section whole', async () => {
      // Every layout shift not caused by the reader, from the first paint on.
      await watchLayoutShifts(page);
      await open(page, `compare/?ids=${ids.join(',')}`);
      expect(await layoutShifts(page)).toEqual([]);
      // The table is not built on a phone.
      await expect(page.locator('[data-compare-table] table')).toHaveCount(0);
      // Three cards in a row that scrolls sideways (from lesson.spec.ts, as above).
      await expect(page.locator('[data-compare-cards] > article')).toHaveCount(3);
      await expect(page.locator('[data-compare-cards] > article').first()).toBeVisible();
      expect(await page.locator('[data-compare-cards]').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);

      // 做法 of the first case, opened: all of it, as the entry's contract file has it.
      const card = page.locator('[data-compare-cards] > article').first();
      const fold = card.locator('dd .compare-fold').nth(1);
      await card.getByRole('button', { name: '展开做法' }).click();
      const whole = await page.evaluate(async (id) => {
        const entry = (await (await fetch(`../cases/${id}.json`)).json()) as { sections: { name: string; html: string }[] };
        const div = document.createElement('div');
        div.innerHTML = entry.sections.find((s) => s.name === '做法')!.html;
        return div.textContent!.replace(/\s+/g, '');
      }, ids[0]);
      expect((await fold.textContent())!.replace(/\s+/g, '')).toBe(whole);
      const last = fold.locator('p, li').last();
      await last.scrollIntoViewIfNeeded();
      await expect(last).toBeInViewport();
      expect(await fold.evaluate((e) => e.scrollHeight - e.clientHeight)).toBeLessThanOrEqual(1);

      // Wider window: the table is built then, with the aspect still open.
      await page.setViewportSize({ width: 1366, height: 800 });
      await expect(page.locator('[data-compare-table] thead th')).toHaveText(['方面', ...titles]);
      await expect(page.locator('[data-compare-table]').getByRole('button', { name: '收起做法' })).toHaveCount(3);
    });

    await test.step('the cards page visibly: 1 / 3 with the title in view, next and previous, and swiping', async () => {
      await page.setViewportSize({ width: 360, height: 740 });
      await open(page, `compare/?ids=${ids.join(',')}`);
      const pager = page.locator('[data-compare-pager]');
      await expect(pager).toBeVisible();
      await expect(pager.locator('.compare-where')).toHaveText(`1 / 3${titles[0]}`);
      const prev = pager.getByRole('button', { name: '上一个' });
      const next = pager.getByRole('button', { name: '下一个' });
      await expect(prev).toBeDisabled();

      const cards = page.locator('[data-compare-cards] > article');
      // The next card peeks in at the edge: a sign there is more to swipe to.
      const second = (await cards.nth(1).boundingBox())!;
      expect(second.x).toBeLessThan(360);

      await next.click();
      await expect(pager.locator('.compare-where')).toHaveText(`2 / 3${titles[1]}`, slow);
      // The second card now starts at the left edge (cards are taller than the screen: compare x only).
      await expect.poll(async () => Math.round((await cards.nth(1).boundingBox())!.x), slow).toBeLessThanOrEqual(20);
      await next.click();
      await expect(pager.locator('.compare-where')).toHaveText(`3 / 3${titles[2]}`, slow);
      await expect(next).toBeDisabled();

      // Swiping (a scroll of the row) moves the pager too.
      await page.locator('[data-compare-cards]').evaluate((el) => el.scrollTo({ left: 0 }));
      await expect(pager.locator('.compare-where')).toHaveText(`1 / 3${titles[0]}`, slow);
      await expect(prev).toBeDisabled();

      // The pager stays at the top while a card is read down.
      await page.mouse.wheel(0, 900);
      await expect.poll(() => page.evaluate(() => window.scrollY), slow).toBeGreaterThan(300);
      expect(Math.abs((await pager.boundingBox())!.y)).toBeLessThanOrEqual(1);
    });

    await test.step('展开 on a card opens that aspect on every card', async () => {
      // The cards of the previous step, back on the first card.
      const cards = page.locator('[data-compare-cards] > article');
      await cards.first().getByRole('button', { name: '展开背景' }).click();
      for (let i = 0; i < 3; i++)
        await expect(cards.nth(i).getByRole('button', { name: '收起背景' })).toHaveAttribute('aria-expanded', 'true');
      const open3 = await cards.locator('dd .compare-fold.is-open').count();
      expect(open3).toBe(3);
    });
  });
});
