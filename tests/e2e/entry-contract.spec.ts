/**
 * The built entry contract: every entry page has its /cases/<id>.json, which the schema accepts and
 * which says what the page says, and its /cases/<id>.docx, which the page links as a plain
 * download (a real file: WeChat's browser drops blob: downloads).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { entryView } from '../../src/schema/entry.ts';
import { unzip } from '../helpers/zip.ts';
import { built } from './site.ts';

const pages = () =>
  readdirSync(built('cases'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(built(`cases/${d.name}/index.html`)))
    .map((d) => d.name);

test('every entry page has a contract file the schema accepts and a Word file', () => {
  const ids = pages();
  expect(ids.length).toBeGreaterThan(70);
  const json = readdirSync(built('cases'))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.replace(/\.json$/, ''));
  const docx = readdirSync(built('cases'))
    .filter((f) => f.endsWith('.docx'))
    .map((f) => f.replace(/\.docx$/, ''));
  expect(json.sort()).toEqual([...ids].sort());
  expect(docx.sort()).toEqual([...ids].sort());
  for (const id of ids) {
    const raw = JSON.parse(readFileSync(built(`cases/${id}.json`), 'utf8'));
    const view = entryView.parse(raw);
    expect(view, id).toEqual(raw); // nothing the schema does not name
    expect(view.id).toBe(id);
    const html = readFileSync(built(`cases/${id}/index.html`), 'utf8');
    const escaped = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(html, id).toMatch(new RegExp(`<h1\\b[^>]*>${escaped(view.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</h1>`));
    expect(html, id).toContain(`>${escaped(view.unit)}</dd>`);
    const document = unzip(readFileSync(built(`cases/${id}.docx`)))
      .get('word/document.xml')!
      .toString('utf8');
    expect(document, id).toContain('w:eastAsia="仿宋_GB2312"');
    const text = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const name of ['背景', '做法', '成效', '启示', '思考题']) expect(text, `${id} ${name}`).toContain(name);
  }
});

test('the entry page links its Word file as a plain download, and it downloads', async ({ page }) => {
  await page.goto('cases/minqing-riji-gongzuofa/');
  const link = page.getByRole('link', { name: '下载 Word 版' });
  await expect(link).toHaveAttribute('download', /\.docx$/);
  const href = (await link.getAttribute('href'))!;
  expect(href).toMatch(/\/cases\/minqing-riji-gongzuofa\.docx$/);
  expect(href).not.toMatch(/^blob:/);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), link.click()]);
  const title = (await page.locator('h1').textContent())!.trim();
  expect(download.suggestedFilename()).toBe(`${title}.docx`);
  const bytes = Buffer.concat(await (await download.createReadStream()).toArray());
  const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
  const paragraphs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]);
  expect(paragraphs[0]).toBe(title);
});
