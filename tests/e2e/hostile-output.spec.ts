/**
 * Script payloads in every front-matter string and every section of three real entries (and in
 * their source file), built with the content check switched off, served with _headers: no page
 * may run them, navigate away or even trip the CSP, and each payload must read as plain text.
 * The front-matter schema still applies (it is part of the build): fields where angle brackets
 * make no sense (titles, names, units, places, labels) are refused by it, so they carry the
 * payloads a schema cannot refuse (quotes, entities, `javascript:`, braces); prose fields carry
 * the tag payloads. Bodies hold them as Markdown text (inline code, backslash escapes,
 * character references), as the MDX pipeline refuses raw HTML and expressions.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from './fixtures.ts';
import { parse, stringify } from 'yaml';
import { build } from '../../scripts/lib/serve.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { searchDone } from './search-done.ts';

const SCRIPT = '</script><script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(1)>';
const REFRESH = '<meta http-equiv=refresh content="0;url=https://example.org">';
const JS = 'javascript:alert(1)';
/** Fits every field, titles' 60 characters included: no angle brackets, no line break. */
const NAME = `"' onmouseover=alert(1) &lt;b&gt; javascript:x {x}`;

const ids = ['minqing-riji-gongzuofa', 'zhongjiang-taizhang-gongzuofa', 'zou-qinqi-gongzuofa'];
const marks = ['甲', '乙', '丙'];

interface Hostile {
  id: string;
  title: string;
  summary: string;
  sourceTitle: string;
}

/** The front matter of one entry with a payload in every string field. */
function hostileFrontmatter(data: Record<string, any>, mark: string): Record<string, any> {
  return {
    ...data,
    title: `${mark}名称${NAME}`,
    headline: `${mark}原题${NAME}`,
    aliases: [`${mark}别名${NAME}`],
    unit: `${mark}单位" onfocus=alert(1) autofocus x="`,
    region: { ...data.region, city: `${mark}市" onmouseover="alert(1)`, county: `${mark}县' ${JS}`, note: `${REFRESH}\u2028${SCRIPT}` },
    summary: `${mark}摘要${SCRIPT}${IMG}\u2028\u2029${JS}`,
    notes: `=HYPERLINK("https://example.org","x") ${REFRESH} ${SCRIPT} ${IMG}\n\u2028\u2029 ${JS}`,
    figures: [{ label: `${mark}指标" x="`, value: `${IMG}${SCRIPT}` }],
    questions: [`@SUM(1+1)${SCRIPT}第一题？`, `${REFRESH}第二题？`, `${IMG}第三题？`],
    inferred: [{ field: 'unit', note: `${SCRIPT}${REFRESH}` }],
    author: `${mark}作者' onclick='alert(1)`,
    related: [],
    status: '已发布',
  };
}

/** A body whose four sections hold the payloads as Markdown text. */
const hostileBody = (mark: string) =>
  ['背景', '做法', '成效', '启示']
    .map(
      (name) => `## ${name}

${mark}${name}：代码 \`${SCRIPT}\`，转义 \\<img src=x onerror=alert(1)\\>，实体 &lt;meta http-equiv=refresh content="0;url=//example.org"&gt;，${JS}，\\{alert(1)\\}，分隔符\u2028之后。

- 列表 \`${IMG}\`
`,
    )
    .join('\n');

let dir: string;
let url: string;
let close: () => Promise<void>;
const hostile: Hostile[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  // One build of ~80 pages: 30–60 s on a loaded 2-core machine.
  test.setTimeout(240_000);
  dir = mkdtempSync(join(tmpdir(), 'hostile-output-'));
  const content = join(dir, 'content');
  mkdirSync(join(content, 'cases'), { recursive: true });
  cpSync('content/vocab', join(content, 'vocab'), { recursive: true });
  cpSync('content/sources', join(content, 'sources'), { recursive: true });
  cpSync('content/catalogue.json', join(content, 'catalogue.json'));
  const sources = new Set<string>();
  ids.forEach((id, i) => {
    const raw = readFileSync(`content/cases/${id}.mdx`, 'utf8');
    const [, yaml] = /^---\n([\s\S]*?)\n---\n/.exec(raw)!;
    const data = hostileFrontmatter(parse(yaml), marks[i]);
    writeFileSync(join(content, 'cases', `${id}.mdx`), `---\n${stringify(data)}---\n\n${hostileBody(marks[i])}`);
    sources.add(data.source.id);
    hostile.push({ id, title: data.title, summary: data.summary, sourceTitle: '' });
  });
  for (const source of sources) {
    const file = join(content, 'sources', `${source}.json`);
    const data = JSON.parse(readFileSync(file, 'utf8'));
    data.title = `来源${NAME}`;
    data.notes = `${SCRIPT}${REFRESH}${IMG}\u2028`;
    writeFileSync(file, JSON.stringify(data, null, 2));
  }
  for (const h of hostile) h.sourceTitle = `来源${NAME}`;
  build({ contentDir: content, outDir: join(dir, 'dist'), skipContentCheck: true });
  ({ url, close } = await startStaticServer({ root: join(dir, 'dist') }));
});

test.afterAll(async () => {
  await close?.();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Seen = { dialogs: string[]; navigations: string[]; foreign: string[]; console: string[] };
// Per test: with the reused context (playwright.config.ts) the next test may get the same page, its
// routes and init scripts cleared, so it must be watched afresh.
let watched = new WeakMap<Page, Seen>();
test.beforeEach(() => {
  watched = new WeakMap();
});

/**
 * Records everything a payload could do in this page: dialogs, navigations, requests to other
 * hosts, CSP violations (events and console). Set up once per page, so one page opens several
 * paths in turn (a new page per path costs CPU in every run); `open` empties the record first.
 */
async function watch(page: Page): Promise<Seen> {
  const known = watched.get(page);
  if (known) return known;
  const seen: Seen = { dialogs: [], navigations: [], foreign: [], console: [] };
  watched.set(page, seen);
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) seen.navigations.push(f.url());
  });
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.console.push(m.text());
  });
  await page.route(/^(?!http:\/\/127\.0\.0\.1:)/, (route) => {
    seen.foreign.push(route.request().url());
    return route.abort();
  });
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as any).__violations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return seen;
}

/** Opens a path in the page and expects that no payload did anything (see `watch`). */
async function open(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  const seen = await watch(page);
  for (const list of Object.values(seen)) list.length = 0;
  await page.goto(`${url}${path}`);
  await ready(page);
  // Anything a payload set off on load (a timer, a 0-second refresh) has had its chance by now:
  // the page's own scripts have run (ready) and the document has loaded.
  await page.waitForLoadState('load');
  const injected = await page.evaluate(
    () =>
      document.querySelectorAll(
        'img[src="x"], meta[http-equiv="refresh" i], script:not([src]):not([type="application/ld+json"]), [onerror], [onmouseover], [onfocus], [onclick], a[href^="javascript:" i]',
      ).length,
  );
  const violations = (await page.evaluate(() => (window as any).__violations)) as string[];
  expect({ ...seen, violations, injected, navigations: [...new Set(seen.navigations)] }).toEqual({
    dialogs: [],
    navigations: [`${url}${path}`],
    foreign: [],
    console: [],
    violations: [],
    injected: 0,
  });
}

test('entry pages show every payload as text and run none of them', async ({ page }) => {
  test.setTimeout(120_000);
  for (const h of hostile) {
    await open(page, `/cases/${h.id}/`, async (p) => {
      await expect(p.locator('print-button button')).toBeVisible({ timeout: 20_000 });
    });
    await expect(page.locator('h1')).toHaveText(h.title);
    expect(await page.locator('.lead').textContent()).toBe(h.summary);
    expect(await page.locator('meta[name="description"]').getAttribute('content')).toBe(h.summary);
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(jsonLd).toMatchObject({ headline: h.title, description: h.summary, isBasedOn: { name: h.sourceTitle } });
    const article = (await page.locator('article.case').textContent())!;
    // The body's escaped braces show as written: text, never an expression.
    for (const text of [SCRIPT, '<img src=x onerror=alert(1)>', REFRESH, JS, '{alert(1)', IMG]) expect(article).toContain(text);
    await expect(page.locator('article.case code').first()).toHaveText(SCRIPT);
  }
});

test('catalogue, search, comparison and source page run no payload', async ({ page }) => {
  test.setTimeout(120_000);
  // One page for all four, opened in turn (watch records each path afresh).
  await open(page, '/cases/', async (p) => {
    await expect(p.locator('[data-results] > li')).toHaveCount(hostile.length, { timeout: 20_000 });
  });
  await expect(page.locator('[data-results]')).toContainText(hostile[0].title);

  await open(page, `/search/?q=${encodeURIComponent('名称')}`, async (p) => {
    await searchDone(p);
  });
  await expect(page.locator('.results > li')).toHaveCount(hostile.length);
  await expect(page.locator('.results')).toContainText(hostile[1].title);

  await open(page, `/compare/?ids=${hostile.map((h) => h.id).join(',')}`, async (p) => {
    await expect(p.locator('main')).toContainText(hostile[2].title, { timeout: 20_000 });
  });

  const sourceId = parse(/^---\n([\s\S]*?)\n---\n/.exec(readFileSync(join(dir, 'content', 'cases', `${hostile[0].id}.mdx`), 'utf8'))![1])
    .source.id;
  await open(page, `/sources/${sourceId}/`, async (p) => {
    await expect(p.locator('h1')).toHaveText(hostile[0].sourceTitle);
  });
  await expect(page.locator('main')).toContainText(SCRIPT);
});

test('open data keeps the payloads as data: JSON equal, CSV quoted and formulas neutralised', async ({ page, request }) => {
  await open(page, '/cases.json', async (p) => {
    await expect(p.locator('body')).toContainText(hostile[0].id);
  });
  const list = ((await (await request.get(`${url}/cases.json`)).json()) as { cases: Record<string, unknown>[] }).cases;
  for (const h of hostile) expect(list.find((r) => r.id === h.id)).toMatchObject({ title: h.title, summary: h.summary });

  const csv = await (await request.get(`${url}/cases.csv`)).text();
  expect(csv).toContain(`"'=HYPERLINK(""https://example.org"",""x"")`);
  expect(csv).toContain(`"'@SUM(1+1)</script>`);

  const rss = await (await request.get(`${url}/rss.xml`)).text();
  expect(rss).not.toContain('<script>');
  expect(rss).not.toContain('<img');
});
