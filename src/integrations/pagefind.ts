/**
 * Builds the search index with Pagefind's Node API and fails the build on any Pagefind error or if
 * the index does not hold exactly one record per entry page.
 *
 * Two things keep the build fast and its memory bounded at thousands of entries:
 * - Records are added while Astro renders: a middleware hands each entry page to the index as it
 *   is produced, so Pagefind (a separate process) works on the second core during rendering
 *   instead of after it. If no page came through the middleware, the pages are read from disk.
 * - The index is written in parts of PART_SIZE entries: Pagefind holds a whole index in memory
 *   until it is written (about 0.9 GB per 1,000 entries with our tokens), so each part is written
 *   and its process closed before the next starts. The browser merges the parts (`parts.json`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { searchRecord, type SearchRecord } from '../lib/search-record.ts';
import { COLLECTOR, type Collector } from './search-collector.ts';

/** Entries per index part; SEARCH_PART_SIZE overrides it for tests of the merged search. */
const PART_SIZE = Number(process.env.SEARCH_PART_SIZE) || 1000;


function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Adds records in arrival order and writes a part whenever PART_SIZE records are in it. */
class PartedIndex {
  private queue: Promise<void> = Promise.resolve();
  private index: pagefind.PagefindIndex | undefined;
  private inPart = 0;
  readonly parts: string[] = [];
  readonly urls = new Set<string>();
  readonly errors: string[] = [];

  constructor(private readonly outDir: string) {}

  add(record: SearchRecord) {
    this.urls.add(record.url);
    this.queue = this.queue.then(() => this.addNow(record)).catch((error) => void this.errors.push(String(error)));
  }

  private async open(): Promise<pagefind.PagefindIndex> {
    if (!this.index) {
      // zh-cn: the index language matches the pages' lang, so the browser loads this index.
      const created = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      check('createIndex', created.errors);
      this.index = created.index!;
    }
    return this.index;
  }

  private async addNow(record: SearchRecord) {
    const added = await (await this.open()).addCustomRecord({ ...record, language: 'zh-cn' });
    check(`addCustomRecord (${record.url})`, added.errors);
    if (++this.inPart >= PART_SIZE) await this.writePart();
  }

  private async writePart() {
    if (!this.index) return;
    const path = this.parts.length ? `part-${this.parts.length + 1}/` : '';
    const written = await this.index.writeFiles({ outputPath: join(this.outDir, 'pagefind', path) });
    check('writeFiles', written.errors);
    this.parts.push(`/pagefind/${path}`);
    // Closing the process returns the part's memory; the next record starts a new one.
    await pagefind.close();
    this.index = undefined;
    this.inPart = 0;
  }

  async finish() {
    await this.queue;
    if (this.errors.length) throw new Error(`Pagefind failed:\n${this.errors.join('\n')}`);
    // The last, partly filled part; or an empty index, so the search page still finds one.
    if (this.index || !this.parts.length) {
      await this.open();
      await this.writePart();
    }
  }
}

export default function pagefindIndex(): AstroIntegration {
  let index: PartedIndex | undefined;
  let logger: AstroIntegrationLogger;
  const skip = process.env.SKIP_SEARCH_INDEX === '1';
  return {
    name: 'gongzuofa:pagefind',
    hooks: {
      'astro:config:setup': ({ addMiddleware, command }) => {
        if (command === 'build' && !skip) addMiddleware({ entrypoint: new URL('./search-middleware.ts', import.meta.url), order: 'post' });
      },
      'astro:build:start': ({ logger: l }) => {
        logger = l;
      },
      'astro:config:done': ({ config }) => {
        if (skip) return;
        index = new PartedIndex(fileURLToPath(config.outDir));
        (globalThis as Record<symbol, unknown>)[COLLECTOR] = ((url, html) => {
          try {
            index!.add(searchRecord(url, html));
          } catch (error) {
            index!.errors.push(String(error));
          }
        }) satisfies Collector;
      },
      'astro:build:done': async ({ dir }) => {
        // Page-budget tests on generated libraries measure pages, not search: they may skip it.
        if (skip || !index) {
          logger?.warn('SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const rendered = performance.now();
        delete (globalThis as Record<symbol, unknown>)[COLLECTOR];
        const out = fileURLToPath(dir);
        const casesDir = join(out, 'cases');
        const pages = existsSync(casesDir)
          ? readdirSync(casesDir, { withFileTypes: true })
              .filter((d) => d.isDirectory() && existsSync(join(casesDir, d.name, 'index.html')))
              .map((d) => `/cases/${d.name}/`)
          : [];
        const streamed = index.urls.size;
        // Whatever the middleware did not see (for example if rendering ran elsewhere) is read from disk.
        for (const url of pages) if (!index.urls.has(url)) index.add(searchRecord(url, readFileSync(join(out, url, 'index.html'), 'utf8')));
        await index.finish();
        await pagefind.close();

        const extra = index.parts.slice(1);
        writeFileSync(join(out, 'pagefind', 'parts.json'), JSON.stringify({ parts: extra }));
        let indexed = 0;
        for (const part of index.parts) {
          const entry = JSON.parse(readFileSync(join(out, part, 'pagefind-entry.json'), 'utf8'));
          indexed += Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
        }
        if (indexed !== pages.length || index.urls.size !== pages.length) {
          throw new Error(`Pagefind indexed ${indexed} records (${index.urls.size} pages seen) but the site has ${pages.length} entry pages`);
        }
        logger.info(
          `indexed ${indexed} entry pages in ${index.parts.length} part(s), ${streamed} of them while rendering; ` +
            `index finished ${Math.round(performance.now() - rendered)} ms after the pages`,
        );
      },
    },
  };
}
