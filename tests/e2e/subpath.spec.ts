/**
 * The site as a government host serves it: built with BASE_PATH=/gzf/ and SITE_URL under it, served
 * only under /gzf/ (anything outside is 404, as on a shared host), with the headers of _headers.
 * One build in beforeAll (its own OUT_DIR), then a smoke set: home, catalogue filter, entry,
 * search result, lesson print; every request stays under /gzf/; the public address appears where
 * it should and no `localhost` is written anywhere. Then the release archive as an administrator
 * receives it: `npm run package` on this build, unpacked with tar and unzip, served by Debian's
 * nginx with the archive's own nginx.conf under /gzf/ (skipped, saying so, where nginx is absent;
 * .ci/run installs nginx-light). `npm run test:subpath` runs just this file.
 */
import { expect, test, type Page } from './fixtures.ts';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { freePort } from '../../scripts/lib/free-port.ts';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { searchDone } from './search-done.ts';
import { filterReady } from './site.ts';

const BASE = '/gzf/';
const SITE = 'https://dangjian.example.gov.cn/gzf/';
const OUT = resolve(process.env.SUBPATH_OUT_DIR ?? '.subpath/dist');

let origin = '';
let close: (() => Promise<void>) | undefined;
const NGINX = '/usr/sbin/nginx';
const work = mkdtempSync(join(tmpdir(), 'gongzuofa-release-'));
let root = '';
let nginx: ChildProcess | undefined;
const at = (path = '') => `${origin}${BASE}${path}`;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(420_000);
  // SUBPATH_REUSE=1 skips the build when one is there (re-running a failing test by hand).
  if (!(process.env.SUBPATH_REUSE === '1' && existsSync(join(OUT, 'index.html')))) {
    const built = spawnSync(process.execPath, ['scripts/build.ts'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BASE_PATH: BASE, SITE_URL: SITE, OUT_DIR: OUT, ASTRO_TELEMETRY_DISABLED: '1' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    if (built.status !== 0) throw new Error(`sub-path build failed:\n${built.stdout.slice(-3000)}\n${built.stderr.slice(-3000)}`);
  }
  const server = await startStaticServer({ root: OUT, base: BASE });
  origin = server.url;
  close = server.close;
});

test.afterAll(async () => {
  await close?.();
  nginx?.kill('SIGTERM');
  rmSync(work, { recursive: true, force: true });
});

/** Fails the test on any request the page makes outside /gzf/ (a link or asset written from the root). */
function stayUnderBase(page: Page) {
  const outside: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.origin === origin && !url.pathname.startsWith(BASE)) outside.push(url.pathname);
  });
  page.on('response', (r) => {
    if (r.status() >= 400 && new URL(r.url()).origin === origin) outside.push(`${r.status()} ${new URL(r.url()).pathname}`);
  });
  return outside;
}

test('home, catalogue filter and an entry work under /gzf/, with every request under it', async ({ page }) => {
  const outside = stayUnderBase(page);
  await page.goto(at());
  await expect(page.locator('html')).toHaveAttribute('data-base', BASE);
  await page.getByRole('link', { name: '全部案例' }).first().click();
  await expect(page).toHaveURL(at('cases/'));
  await filterReady(page);
  const guangdong = page.locator('a[data-facet="region"][data-value="guangdong"]');
  const expected = Number(await guangdong.locator('[data-count]').textContent());
  await guangdong.click();
  await expect(page).toHaveURL(`${at('cases/')}?region=guangdong`);
  await expect(page.locator('[data-results] > li:visible')).toHaveCount(expected);
  await page.locator('[data-results] > li:visible h3 a').first().click();
  await expect(page).toHaveURL(new RegExp(`${BASE}cases/[a-z0-9-]+/$`));
  await expect(page.locator('h1')).toBeVisible();
  // Every link on the entry page stays on the site's sub-path.
  const hrefs = await page
    .locator('a[href^="/"], link[href^="/"], script[src^="/"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('href') ?? e.getAttribute('src')!));
  expect(hrefs.length).toBeGreaterThan(10);
  expect(hrefs.filter((h) => !h.startsWith(BASE))).toEqual([]);
  expect(outside).toEqual([]);
});

test('search finds an entry and links to it under /gzf/', async ({ page }) => {
  const outside = stayUnderBase(page);
  await page.goto(`${at('search/')}?q=${encodeURIComponent('民情日记')}`);
  await searchDone(page);
  const first = page.locator('case-search [data-search-results] a').first();
  await expect(first).toHaveAttribute('href', `${BASE}cases/minqing-riji-gongzuofa/`, { timeout: 20_000 });
  await first.click();
  await expect(page.locator('h1')).toContainText('民情日记');
  expect(outside).toEqual([]);
});

test('a lesson prints its handout from entries fetched under /gzf/, with the address it was opened at', async ({ page }) => {
  const outside = stayUnderBase(page);
  await page.goto(at('cases/'));
  await page
    .locator('[data-results] > li')
    .first()
    .getByRole('button', { name: /加入教案/ })
    .click();
  await page.goto(at('lesson/'));
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', '1');
  });
  await page.getByRole('button', { name: '打印讲义' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', '1', { timeout: 20_000 });
  await expect(page.locator('.handout-case')).toHaveCount(1);
  await expect(page.locator('.handout-case')).toContainText(`${origin}${BASE}cases/`);
  await page.getByRole('button', { name: '复制分享链接' }).click();
  expect(await page.locator('[data-share-url]').inputValue()).toMatch(new RegExp(`^${origin}${BASE}lesson/\\?l=`));
  expect(outside).toEqual([]);
});

test('the public address is in canonical, sitemap, robots, RSS, JSON-LD, CSV and JSON', async ({ request }) => {
  const entry = await (await request.get(at('cases/minqing-riji-gongzuofa/'))).text();
  expect(entry).toContain(`<link rel="canonical" href="${SITE}cases/minqing-riji-gongzuofa/"`);
  expect(entry).toContain(`property="og:url" content="${SITE}cases/minqing-riji-gongzuofa/"`);
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]+)<\/script>/.exec(entry)![1]);
  expect(JSON.stringify(ld)).toContain(`${SITE}cases/minqing-riji-gongzuofa/`);
  expect(await (await request.get(at('robots.txt'))).text()).toContain(`Sitemap: ${SITE}sitemap-index.xml`);
  const sitemap = readdirSync(OUT)
    .filter((f) => /^sitemap-\d+\.xml$/.test(f))
    .map((f) => readFileSync(join(OUT, f), 'utf8'))
    .join('');
  expect(sitemap).toContain(`<loc>${SITE}cases/minqing-riji-gongzuofa/</loc>`);
  expect(await (await request.get(at('rss.xml'))).text()).toContain(`<link>${SITE}cases/`);
  expect(await (await request.get(at('cases.csv'))).text()).toContain(`${SITE}cases/minqing-riji-gongzuofa/`);
  expect(await (await request.get(at('cases.json'))).text()).toContain(`"url": "${SITE}cases/minqing-riji-gongzuofa/"`);
  // Outside the base there is nothing: a root-absolute link would have nowhere to go.
  expect((await request.get(`${origin}/cases/`)).status()).toBe(404);
});

/** Every text file of a build that mentions localhost, as `file: excerpt`. */
function localhostIn(dir: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        const text = readFileSync(path).toString('latin1');
        const i = text.indexOf('localhost');
        if (i >= 0) found.push(`${path}: …${text.slice(Math.max(0, i - 60), i + 40)}…`);
      }
    }
  };
  walk(dir);
  return found;
}

test('no built file names localhost, with SITE_URL (this build) or without (the main test build)', () => {
  expect(localhostIn(OUT)).toEqual([]);
  const main = resolve(process.env.OUT_DIR ?? 'dist');
  test.skip(main === OUT || !existsSync(join(main, 'index.html')), `no main build at ${main}`);
  if (!process.env.SITE_URL) expect(readFileSync(join(main, 'index.html'), 'utf8')).not.toContain('rel="canonical"');
  expect(localhostIn(main)).toEqual([]);
});

/* ---- The release archive ---- */

test('npm run package writes the archives from this build', () => {
  const packed = spawnSync(process.execPath, ['scripts/package.ts', '--dist', OUT, '--out', join(work, 'release')], { encoding: 'utf8' });
  expect(packed.status, `${packed.stdout}\n${packed.stderr}`).toBe(0);
});

test('the archive unpacks with tar and unzip into dist/ and deploy/', () => {
  const archives = readdirSync(join(work, 'release'));
  const tarName = archives.find((f) => /^gongzuofa-\d+\.\d+\.\d+-\d{4}-\d{2}-\d{2}\.tar\.gz$/.test(f));
  const zipName = archives.find((f) => /^gongzuofa-\d+\.\d+\.\d+-\d{4}-\d{2}-\d{2}\.zip$/.test(f));
  expect(tarName, archives.join(', ')).toBeTruthy();
  expect(zipName, archives.join(', ')).toBeTruthy();
  const folder = tarName!.replace(/\.tar\.gz$/, '');
  mkdirSync(join(work, 'tar'));
  expect(spawnSync('tar', ['-xzf', join(work, 'release', tarName!), '-C', join(work, 'tar')]).status).toBe(0);
  root = join(work, 'tar', folder);
  for (const file of [
    'dist/index.html',
    'dist/cases/minqing-riji-gongzuofa/index.html',
    'dist/pagefind/pagefind.js',
    'deploy/nginx.conf',
    'deploy/Dockerfile',
    'deploy/部署说明.md',
    'deploy/构建信息.txt',
  ]) {
    expect(existsSync(join(root, file)), file).toBe(true);
  }
  expect(readFileSync(join(root, 'deploy/构建信息.txt'), 'utf8')).toContain(`子路径（BASE_PATH）：${BASE}`);
  expect(readFileSync(join(root, 'deploy/nginx.conf'), 'utf8')).toContain(`location ${BASE} {`);
  expect(readFileSync(join(root, 'deploy/Dockerfile'), 'utf8')).toMatch(/^FROM nginx:/m);
  if (existsSync('/usr/bin/unzip')) {
    const listed = spawnSync('unzip', ['-Z1', join(work, 'release', zipName!)], { encoding: 'utf8' }).stdout.split('\n');
    expect(listed).toContain(`${folder}/dist/index.html`);
    expect(listed).toContain(`${folder}/deploy/部署说明.md`);
    expect(listed.length).toBe(spawnSync('tar', ['-tzf', join(work, 'release', tarName!)], { encoding: 'utf8' }).stdout.split('\n').length);
  }
});

test('nginx serves the archive with its own nginx.conf under /gzf/', async ({ page, request }) => {
  test.skip(!existsSync(NGINX), `Debian's nginx is not installed (${NGINX}): apt-get install nginx-light to run this test`);
  test.skip(!root, 'the archive did not unpack');
  test.slow();
  const dist = join(root, 'dist');
  // A WebAssembly module (the smallest valid one), to check the type nginx gives .wasm files.
  writeFileSync(join(dist, 'probe.wasm'), Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]));
  const port = await freePort();
  const site = readFileSync(join(root, 'deploy/nginx.conf'), 'utf8')
    .replace(/listen 80;/, `listen 127.0.0.1:${port};`)
    .replaceAll('/srv/gongzuofa/dist/', `${dist}/`);
  writeFileSync(join(work, 'site.conf'), site);
  const temp = join(work, 'nginx-temp');
  mkdirSync(temp);
  const main = [
    // As root, workers would drop to nobody, who cannot read a private temp folder.
    process.getuid?.() === 0 ? 'user root;' : '',
    'daemon off;',
    'worker_processes 1;',
    `pid ${join(work, 'nginx.pid')};`,
    `error_log ${join(work, 'error.log')} warn;`,
    'events { worker_connections 64; }',
    'http {',
    '  include /etc/nginx/mime.types;',
    '  default_type application/octet-stream;',
    '  access_log off;',
    ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${join(temp, t)};`),
    `  include ${join(work, 'site.conf')};`,
    '}',
  ].join('\n');
  writeFileSync(join(work, 'nginx.conf'), main);
  const checked = spawnSync(NGINX, ['-t', '-e', join(work, 'error.log'), '-c', join(work, 'nginx.conf')], { encoding: 'utf8' });
  expect(checked.status, checked.stderr).toBe(0);
  nginx = spawn(NGINX, ['-e', join(work, 'error.log'), '-c', join(work, 'nginx.conf')], { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  await expect(async () => expect((await request.get(`${origin}${BASE}`)).status()).toBe(200)).toPass({ timeout: 15_000 });

  const home = await request.get(`${origin}${BASE}`);
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(home.headers()['x-content-type-options']).toBe('nosniff');
  expect(home.headers()['x-frame-options']).toBe('DENY');
  expect(home.headers()['cache-control']).toBe('public, max-age=300');
  const wasm = await request.get(`${origin}${BASE}probe.wasm`);
  expect(wasm.status()).toBe(200);
  expect(wasm.headers()['content-type']).toBe('application/wasm');
  const asset = /\/gzf\/_astro\/[^"]+\.css/.exec(await home.text())![0];
  expect((await request.get(`${origin}${asset}`)).headers()['cache-control']).toContain('immutable');
  const missing = await request.get(`${origin}${BASE}no-such-page/`);
  expect(missing.status()).toBe(404);
  expect(await missing.text()).toContain('回到首页');
  expect((await request.get(`${origin}${BASE}_headers`)).status()).toBe(404);

  // In a browser: home → entry; a search result; the lesson's print button.
  await page.goto(`${origin}${BASE}`);
  await page.getByRole('link', { name: '全部案例' }).first().click();
  await page
    .locator('[data-results] > li')
    .first()
    .getByRole('button', { name: /加入教案/ })
    .click();
  await page.goto(`${origin}${BASE}cases/minqing-riji-gongzuofa/`);
  await expect(page.locator('h1')).toContainText('民情日记');
  await page.goto(`${origin}${BASE}search/?q=${encodeURIComponent('民情日记')}`);
  await searchDone(page);
  await expect(page.locator('case-search [data-search-results] a').first()).toHaveAttribute('href', `${BASE}cases/minqing-riji-gongzuofa/`);
  await page.goto(`${origin}${BASE}lesson/`);
  await page.evaluate(() => {
    window.print = () => document.documentElement.setAttribute('data-printed', '1');
  });
  await page.getByRole('button', { name: '打印讲义' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-printed', '1', { timeout: 20_000 });
  await expect(page.locator('.handout-case')).toHaveCount(1);
});
