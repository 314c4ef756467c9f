/**
 * The search index runs in a worker thread (src/integrations/pagefind.ts starts
 * src/integrations/search-index-worker.ts), off Astro's main thread. What a build relies on: the
 * integration's hooks still write the index and log what was indexed, and a failure inside the
 * worker still stops the build with its message. Real worker, real Pagefind, a tiny built site.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration } from 'astro';
import { afterEach, expect, it } from 'vitest';
import pagefindIndex from '../../src/integrations/pagefind.ts';

type Hooks = Record<string, (options: unknown) => unknown>;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site in a temporary folder, with one entry page per given HTML. */
function site(pages: Record<string, string>): string {
  const out = mkdtempSync(join(tmpdir(), 'search-index-'));
  dirs.push(out);
  for (const [id, html] of Object.entries(pages)) {
    mkdirSync(join(out, 'cases', id), { recursive: true });
    writeFileSync(join(out, 'cases', id, 'index.html'), html);
  }
  return out;
}

/** Runs the integration's hooks as `astro build` does; returns what it logged. */
async function build(out: string) {
  const logged: string[] = [];
  const logger = { info: (m: string) => logged.push(m), warn: (m: string) => logged.push(`warn: ${m}`) };
  const hooks = (pagefindIndex() as AstroIntegration).hooks as Hooks;
  const root = pathToFileURL(`${process.cwd()}/`);
  const dir = pathToFileURL(`${out}/`);
  const cacheDir = pathToFileURL(`${out}-cache/`);
  dirs.push(`${out}-cache`);
  await hooks['astro:config:setup']!({ command: 'build', config: { root }, updateConfig: () => {} });
  await hooks['astro:config:done']!({ config: { root, outDir: dir, cacheDir, base: '/' }, logger });
  await hooks['astro:build:done']!({ dir });
  return logged;
}

const page = (title: string, text: string) =>
  `<!doctype html><html lang="zh-CN"><body><main><article data-pagefind-body><h1 data-pagefind-meta="title">${title}</h1><p>${text}</p></article></main></body></html>`;

it('writes the index from the worker and logs what it indexed', async () => {
  const out = site({ 'minqing-riji': page('民情日记工作法', '党员干部每周入户，记录民情。') });
  const logged = await build(out);
  expect(logged.join('\n')).toMatch(/indexed 1 entry pages in 1 part\(s\), 0 from source while building, .* s CPU in the worker/);
  expect(existsSync(join(out, 'pagefind', 'pagefind-entry.json'))).toBe(true);
  expect(existsSync(join(out, 'pagefind', 'parts.json'))).toBe(true);
}, 60_000);

it('stops the build when the worker fails, with the worker’s message', async () => {
  const out = site({ broken: '<!doctype html><html><body><main><p>no article here</p></main></body></html>' });
  await expect(build(out)).rejects.toThrow(/no <article data-pagefind-body>/);
}, 60_000);
