/**
 * `npm run bench:handout`: the printed handout's contents against Chromium's own PDF. The lesson
 * page counts the pages each case will print on (src/lib/handout-print.ts) from the preview's
 * layout; this prints many lessons and counts the cases whose start page the contents get wrong.
 * Lessons are runs of `--size` consecutive entries (by id), one every `--step` entries from
 * `--start`, each printed with and without trainer notes; `--width 360` lays the preview out on a
 * phone's screen. Builds dist/ first unless `--no-build`. Prints the lessons it got wrong.
 */
import { readdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { build } from './lib/serve.ts';
import { startStaticServer } from './lib/static-server.ts';
import { pdfPages } from '../tests/helpers/pdf.ts';
import { storeBeforeLoad } from '../tests/e2e/store-before-load.ts';
import { CHROMIUM_ARGS, findChromium } from './chromium.ts';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [size, step, start, width] = [flag('--size', 5), flag('--step', 5), flag('--start', 0), flag('--width', 1280)];
if (!args.includes('--no-build')) build();

const ids = readdirSync('dist/cases')
  .filter((f) => f.endsWith('.docx'))
  .map((f) => f.replace(/\.docx$/, ''))
  .sort();
const NOTE = '这里是教师备注，提醒讨论时注意联系本地实际，先讲做法再讲成效。';
const { url, close } = await startStaticServer({ root: 'dist', port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
let lessons = 0;
let wrongLessons = 0;
let cases = 0;
let wrongCases = 0;
for (let offset = start; offset < ids.length; offset += step) {
  for (const notes of [false, true]) {
    const chosen = ids.slice(offset, offset + size);
    const page = await browser.newPage({ viewport: { width, height: 800 } });
    // A trainer's note on every other case: notes change what a case prints.
    const lesson = {
      version: 2,
      title: '专题',
      date: '2026-12-01',
      audience: '社区书记',
      items: chosen.map((id, i) => ({ id, note: notes && i % 2 === 0 ? NOTE : '' })),
    };
    await storeBeforeLoad(page, { 'gongzuofa.lesson': JSON.stringify(lesson) });
    await page.goto(`${url}/lesson/`);
    const handout = page.locator('[data-handout]');
    await page.locator('lesson-editor[data-state="ready"]').waitFor({ timeout: 60_000 });
    await handout.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    if (!notes) {
      await page.getByLabel('含教师备注').uncheck();
      await handout.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 60_000 });
    }
    const starts = await page.locator('.toc-page').evaluateAll((tds) => tds.map((td) => Number((td as HTMLElement).dataset.start)));
    const counted = Number(await handout.getAttribute('data-pages'));
    await page.emulateMedia({ media: 'print' });
    const pages = await pdfPages(await page.pdf({ format: 'A4' }));
    lessons++;
    const wrong: string[] = [];
    for (const [i, id] of chosen.entries()) {
      cases++;
      // A case ends with its address: the page it is on is the one before the next part starts.
      const end = pages.findIndex((text) => text.includes(`/cases/${id}/`)) + 1;
      if (end !== starts[i + 1] - 1) {
        wrongCases++;
        wrong.push(`${id} ends on page ${end}, contents say ${starts[i + 1] - 1}`);
      }
    }
    if (wrong.length || counted !== pages.length) {
      wrongLessons++;
      console.log(
        `lesson from ${offset}${notes ? ', with notes' : ''}: ${pages.length} pages printed, ${counted} counted; ${wrong.join('; ')}`,
      );
    }
    await page.close();
  }
}
console.log(
  `${lessons} lessons, ${wrongLessons} with a wrong page; ${cases} cases, ${wrongCases} ending on another page than the contents say`,
);
await browser.close();
await close();
