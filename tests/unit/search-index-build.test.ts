/**
 * One build's search index (src/integrations/search-index.ts) with a mocked `pagefind` module that
 * writes what the real one writes and the build reads back (fragments, pagefind-entry.json): the
 * lexicon is written and pages are compared with their records while Astro still writes pages, a
 * page is compared only once written whole, and a page whose text differs from its record, or that
 * is missing, fails the build naming it.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchRecord } from '../../src/lib/search-record.ts';
import { articleText } from '../../src/lib/entry-text.ts';
import { entryView } from '../../src/lib/entry-view.ts';
import { escapeHtml } from '../../src/lib/escape.ts';
import { checkProject } from '../../src/lib/content-files.node.ts';
import type { IndexedEntry } from '../../src/integrations/search-index.ts';

vi.mock('pagefind', () => ({
  createIndex: async () => {
    const urls: string[] = [];
    return {
      errors: [],
      index: {
        addCustomRecord: async (record: SearchRecord) => {
          urls.push(record.url);
          return { errors: [] };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          mkdirSync(join(outputPath, 'fragment'), { recursive: true });
          urls.forEach((url, i) =>
            writeFileSync(join(outputPath, 'fragment', `p${i}.pf_fragment`), gzipSync(`pagefind_dcd${JSON.stringify({ url })}`)),
          );
          writeFileSync(join(outputPath, 'pagefind-entry.json'), JSON.stringify({ languages: { 'zh-cn': { page_count: urls.length } } }));
          return { errors: [], outputPath };
        },
      },
    };
  },
  close: async () => {},
}));

const { SearchIndexBuild } = await import('../../src/integrations/search-index.ts');

let entries: IndexedEntry[];
let out: string;

beforeAll(() => {
  entries = checkProject(resolve('.')).valid.slice(0, 3);
}, 60_000);

afterEach(() => rmSync(out, { recursive: true, force: true }));

/** The entry page as far as the comparison reads it: the article holding the entry's text. */
const page = (e: IndexedEntry, text = articleText(entryView(e.id, e.data, e.body))) =>
  `<!doctype html><html lang="zh-CN"><body><article data-pagefind-body>${escapeHtml(text).replaceAll('\n', '<br>')}</article></body></html>\n`;
const write = (e: IndexedEntry, html: string) => {
  mkdirSync(join(out, 'dist', 'cases', e.id), { recursive: true });
  writeFileSync(join(out, 'dist', 'cases', e.id, 'index.html'), html);
};
const start = (bundled?: Promise<'bundle' | 'end'>) => {
  out = mkdtempSync(join(tmpdir(), 'index-build-'));
  // Staged apart from the output folder, which Astro empties when it starts bundling.
  return SearchIndexBuild.start(Promise.resolve({ outDir: join(out, 'dist'), stageDir: join(out, 'stage'), base: '/', entries }), bundled);
};
/** The lexicon, written to the stage once the records are in. */
const lexiconWritten = () => existsSync(join(out, 'stage', 'pagefind', 'lexicon.json'));
/** Waits for a condition the build reaches on its own (its watch looks every 200 ms). */
const until = (done: () => boolean) => vi.waitFor(() => expect(done()).toBe(true), { timeout: 10_000, interval: 50 });

describe('SearchIndexBuild', () => {
  it('writes the lexicon and compares pages while they are written, leaving little for after the last page', async () => {
    const build = await start();
    await until(lexiconWritten);
    for (const e of entries) write(e, page(e));
    // Compared before the build says its last page is written.
    await until(() => build.pagesCompared === entries.length);
    const report = await build.finish(join(out, 'dist'), Date.now());
    expect(report.info).toContain(`indexed ${entries.length} entry pages in 1 part(s)`);
    expect(report.info).toContain(`${entries.length} compared with their page`);
    // The whole index is in the output folder once the build is done.
    for (const file of ['parts.json', 'lexicon.json', 'pagefind-entry.json'])
      expect(existsSync(join(out, 'dist', 'pagefind', file)), file).toBe(true);
  }, 30_000);

  it('compares a page only once it is written whole', async () => {
    const build = await start();
    const [first, ...rest] = entries;
    const whole = page(first);
    // Cut short as a reader may find it while Astro writes it: compared now, it would differ.
    write(first, whole.slice(0, whole.length / 2));
    await until(lexiconWritten);
    await new Promise((resolve) => setTimeout(resolve, 500));
    write(first, whole);
    for (const e of rest) write(e, page(e));
    await expect(build.finish(join(out, 'dist'), Date.now())).resolves.toBeTruthy();
  }, 30_000);

  it('reads no page before the bundle is written: one left by the previous build is not this build’s', async () => {
    let bundle: (by: 'bundle') => void = () => {};
    const build = await start(new Promise((resolve) => (bundle = resolve)));
    const [first, ...rest] = entries;
    // The previous build's page, from before an edit: whole, and different from the record.
    write(first, page(first, '编辑之前的内容'));
    await until(lexiconWritten);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(build.pagesCompared).toBe(0);
    // Astro empties the folder and bundles; then this build's pages come.
    rmSync(join(out, 'dist'), { recursive: true, force: true });
    bundle('bundle');
    for (const e of [first, ...rest]) write(e, page(e));
    await until(() => build.pagesCompared === entries.length);
    await expect(build.finish(join(out, 'dist'), Date.now())).resolves.toBeTruthy();
  }, 30_000);

  it('fails naming a page whose text differs from its record, and a page that is missing', async () => {
    const build = await start();
    const [first, second] = entries;
    write(first, page(first, '别的内容'));
    write(second, page(second));
    await expect(build.finish(join(out, 'dist'), Date.now())).rejects.toThrow(
      new RegExp(
        `search records differ from their pages[\\s\\S]*/cases/${first.id}/: record[\\s\\S]*/cases/${entries[2].id}/: the page is missing`,
      ),
    );
  }, 30_000);
});
