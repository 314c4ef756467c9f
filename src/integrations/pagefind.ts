/**
 * Builds the search index with Pagefind's Node API and fails the build on any Pagefind error, if
 * the index does not hold exactly one record per entry page, or if a record's text differs from
 * its page.
 *
 * Two things keep the build fast and its memory bounded at thousands of entries:
 * - Records are made from each entry's view (src/lib/entry-view.ts, src/lib/entry-text.ts) of the
 *   files the content check has already read, so indexing starts as soon as the configuration is
 *   done and Pagefind, a separate process, works on the second core while Astro bundles and renders. After the build
 *   every page's article text is compared with its record (a sample of 2,000 in larger
 *   libraries), and any page without a record is indexed from its HTML.
 * - The index is written in parts of PART_SIZE entries: Pagefind holds a whole index in memory
 *   until it is written (about 1 GB per 1,000 entries with our tokens), so each part is written
 *   and its process closed before the next starts. The browser merges the parts (`parts.json`).
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { entryRecord, findMismatch, articleText } from '../lib/entry-text.ts';
import { entryView } from '../lib/entry-view.ts';
import { isPublished } from '../lib/editorial.ts';
import { pageText, searchRecord, type SearchRecord } from '../lib/search-record.ts';
import { lastCheckResult } from './content-check.ts';
import { gunzipSync } from 'node:zlib';
import { fold, type Folder } from '../lib/search-fold.ts';
import { indexFolder, lexiconFile, lexiconPage, pairsFor, pinyinRow, traditionalPairs } from '../lib/search-lexicon.node.ts';
import type { LexiconPage } from '../lib/search-plan.ts';
import { labelOf, themes, thesaurus, variants } from '../schema/vocab.ts';
import { formatRegion } from '../lib/format.ts';

/**
 * Pagefind page ids by URL, read from the written fragments (each a gzipped "pagefind_dcd" + JSON),
 * so the lexicon can be keyed by the id the browser gets with every result.
 */
function pageIds(out: string, parts: string[]): Map<string, string> {
  const ids = new Map<string, string>();
  for (const part of parts) {
    const dir = join(out, part, 'fragment');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.pf_fragment'))) {
      const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
      const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
      ids.set(url, file.replace(/\.pf_fragment$/, ''));
    }
  }
  return ids;
}
import { href } from '../lib/url.ts';
import { normaliseBase } from '../site-config.ts';

/** Entries per index part; SEARCH_PART_SIZE overrides it for tests of the merged search. */
const PART_SIZE = Number(process.env.SEARCH_PART_SIZE) || 1000;

/** Pages whose text is compared with their record after the build, at most. */
const PARITY_SAMPLE = 2000;

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** Adds records in order and writes a part whenever `partSize` records are in it (exported for its unit test). */
export class PartedIndex {
  private queue: Promise<void> = Promise.resolve();
  private index: pagefind.PagefindIndex | undefined;
  private inPart = 0;
  readonly parts: string[] = [];
  readonly urls = new Set<string>();
  readonly errors: string[] = [];

  constructor(
    private readonly outDir: string,
    private readonly partSize = PART_SIZE,
  ) {}

  /** Queues a record; `make` runs only when its turn comes, so queued records take no memory. */
  add(url: string, make: () => SearchRecord) {
    this.urls.add(url);
    this.queue = this.queue.then(() => this.addNow(make())).catch((error) => void this.errors.push(String(error)));
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
    if (++this.inPart >= this.partSize) await this.writePart();
  }

  private async writePart() {
    if (!this.index) return;
    const path = this.parts.length ? `part-${this.parts.length + 1}/` : '';
    const written = await this.index.writeFiles({ outputPath: join(this.outDir, 'pagefind', path) });
    check('writeFiles', written.errors);
    this.parts.push(`/pagefind/${path}`); // url-ok: a path inside the build folder; parts.json adds the base
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

/** Entry page URLs in the built site. */
function builtEntryPages(out: string): string[] {
  const casesDir = join(out, 'cases');
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(casesDir, d.name, 'index.html')))
    .map((d) => `/cases/${d.name}/`); // url-ok: site path as Pagefind record key; the search page adds the base (baseUrl)
}

export default function pagefindIndex(): AstroIntegration {
  let index: PartedIndex | undefined;
  let entries = new Map<string, NonNullable<ReturnType<typeof lastCheckResult>>['valid'][number]>();
  let logger: AstroIntegrationLogger;
  let folder: Folder | undefined;
  /** Characters of the folded library: the browser's folding table needs only these. */
  const used = new Set<string>();
  let command = '';
  let base = '/';
  const skip = process.env.SKIP_SEARCH_INDEX === '1';
  let lexiconMissing: string[] = [];
  /** Writes /pagefind/lexicon.json, names.json and pinyin.json (see src/lib/search-lexicon.node.ts). */
  const writeLexicon = (out: string, parts: string[]) => {
    const ids = pageIds(out, parts);
    const rows: Record<string, LexiconPage> = {};
    const spellings: Record<string, string> = {};
    lexiconMissing = [];
    for (const [url, id] of ids) {
      const e = entries.get(url);
      if (!e) {
        lexiconMissing.push(url);
        continue;
      }
      rows[id] = lexiconPage({
        title: e.data.title,
        aliases: e.data.aliases,
        unit: e.data.unit,
        region: formatRegion(e.data.region),
        themes: e.data.themes.map((t) => labelOf('theme', t)),
      });
      spellings[id] = pinyinRow(rows[id]);
    }
    const file = lexiconFile({ pages: rows, pairs: pairsFor(fullPairs, used, folder!), variants, thesaurus, themes });
    writeFileSync(join(out, 'pagefind', 'lexicon.json'), JSON.stringify(file));
    writeFileSync(join(out, 'pagefind', 'names.json'), JSON.stringify(rows));
    writeFileSync(join(out, 'pagefind', 'pinyin.json'), JSON.stringify(spellings));
  };
  let fullPairs = '';
  return {
    name: 'gongzuofa:pagefind',
    hooks: {
      'astro:config:setup': (options) => {
        command = options.command;
      },
      'astro:config:done': async ({ config, logger: l }) => {
        logger = l;
        if (skip || command !== 'build') return;
        // Under a sub-path parts.json lists /gzf/pagefind/part-2/, the address the browser merges.
        base = normaliseBase(config.base);
        index = new PartedIndex(fileURLToPath(config.outDir));
        folder = await indexFolder(variants);
        fullPairs = await traditionalPairs();
        const f = folder;
        // The content check (an earlier integration) has read and validated every entry.
        const published = (lastCheckResult()?.valid ?? []).filter((e) => isPublished(e.data.status, false));
        entries = new Map(published.map((e) => [`/cases/${e.id}/`, e])); // url-ok: site path as Pagefind record key; the search page adds the base (baseUrl)
        for (const [url, e] of entries)
          index.add(url, () => {
            // The entry contract, as the page gets it from src/lib/cases.ts; the record prints no source.
            const record = entryRecord(entryView(e.id, e.data, e.body), f);
            for (const char of fold(record.meta.text, f)) used.add(char);
            return record;
          });
      },
      'astro:build:done': async ({ dir }) => {
        // Page-budget tests on generated libraries measure pages, not search: they may skip it.
        if (skip || !index) {
          logger.warn('SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const rendered = performance.now();
        const out = fileURLToPath(dir);
        const pages = builtEntryPages(out);
        const html = (url: string) => readFileSync(join(out, url, 'index.html'), 'utf8');
        const fromSource = index.urls.size;
        // Pages with no record from source (none, unless the content check did not run) are indexed as built.
        for (const url of pages) if (!index.urls.has(url)) index.add(url, () => searchRecord(url, html(url)));
        const finished = index.finish();

        // While Pagefind writes: the records must say what the pages say.
        const step = Math.max(1, Math.ceil(pages.length / PARITY_SAMPLE));
        const mismatches: string[] = [];
        for (let i = 0; i < pages.length; i += step) {
          const entry = entries.get(pages[i]);
          const found = entry && findMismatch(articleText(entryView(entry.id, entry.data, entry.body)), pageText(html(pages[i])));
          if (found) mismatches.push(`${pages[i]}: ${found}`);
        }
        await finished;
        await pagefind.close();
        if (mismatches.length) {
          throw new Error(
            `搜索索引与页面不一致 / search records differ from their pages: src/lib/entry-text.ts must list the article as src/pages/cases/[id].astro shows it\n${mismatches.slice(0, 10).join('\n')}`,
          );
        }

        writeFileSync(join(out, 'pagefind', 'parts.json'), JSON.stringify({ parts: index.parts.slice(1).map((p) => href(p, base)) }));
        writeLexicon(out, index.parts);
        let indexed = 0;
        for (const part of index.parts) {
          const entry = JSON.parse(readFileSync(join(out, part, 'pagefind-entry.json'), 'utf8'));
          indexed += Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
        }
        if (lexiconMissing.length) logger.warn(`search lexicon: no entry for ${lexiconMissing.length} page(s), e.g. ${lexiconMissing[0]}`);
        if (indexed !== pages.length || index.urls.size !== pages.length) {
          throw new Error(`Pagefind indexed ${indexed} records (${index.urls.size} entries) but the site has ${pages.length} entry pages`);
        }
        logger.info(
          `indexed ${indexed} entry pages in ${index.parts.length} part(s), ${fromSource} from source while building, ` +
            `${Math.ceil(pages.length / step)} compared with their page; index finished ${Math.round(performance.now() - rendered)} ms after the pages`,
        );
      },
    },
  };
}
