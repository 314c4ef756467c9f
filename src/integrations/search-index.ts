/**
 * The search index's work, run in a worker thread (./search-index-worker.ts) started by
 * ./pagefind.ts: records from the checked entries, Pagefind's Node API (its own process), the
 * check of every page against its record, the lexicon files. In the worker it no longer takes
 * Astro's main thread while Astro bundles and renders (about 4 s of CPU at 1,000 entries).
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
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import type { CaseData } from '../schema/case.ts';
import { entryRecord, findMismatch, articleText } from '../lib/entry-text.ts';
import { entryView } from '../lib/entry-view.ts';
import { pageText, searchRecord, type SearchRecord } from '../lib/search-record.ts';
import { fold, type Folder } from '../lib/search-fold.ts';
import { indexFolder, lexiconFile, lexiconPage, pairsFor, pinyinRow, traditionalPairs } from '../lib/search-lexicon.node.ts';
import type { LexiconPage } from '../lib/search-plan.ts';
import { labelOf, themes, thesaurus, variants } from '../schema/vocab.ts';
import { formatRegion } from '../lib/format.ts';
import { href } from '../lib/url.ts';

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

  // Plain fields, not parameter properties: the worker thread runs this file with Node's type stripping.
  private readonly outDir: string;
  private readonly partSize: number;

  constructor(outDir: string, partSize = PART_SIZE) {
    this.outDir = outDir;
    this.partSize = partSize;
  }

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

/** Entry page URLs in the built site. */
function builtEntryPages(out: string): string[] {
  const casesDir = join(out, 'cases');
  if (!existsSync(casesDir)) return [];
  return readdirSync(casesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(casesDir, d.name, 'index.html')))
    .map((d) => `/cases/${d.name}/`); // url-ok: site path as Pagefind record key; the search page adds the base (baseUrl)
}

/** A published entry as the content check read it. */
export interface IndexedEntry {
  id: string;
  data: CaseData;
  body: string;
}

/** What the build logs once the index is written. */
export interface IndexReport {
  info: string;
  warnings: string[];
}

/**
 * One build's search index: `start` queues a record for every checked entry (made when its turn
 * comes), `finish` indexes any page without one from its HTML, compares pages with their records,
 * writes parts.json and the lexicon files, and throws on any failure or difference.
 */
export class SearchIndexBuild {
  private readonly index: PartedIndex;
  private readonly entries: Map<string, IndexedEntry>;
  /** Characters of the folded library: the browser's folding table needs only these. */
  private readonly used = new Set<string>();

  private readonly base: string;
  private readonly folder: Folder;
  private readonly fullPairs: string;

  private constructor(outDir: string, base: string, published: IndexedEntry[], folder: Folder, fullPairs: string) {
    this.base = base;
    this.folder = folder;
    this.fullPairs = fullPairs;
    this.index = new PartedIndex(outDir);
    this.entries = new Map(published.map((e) => [`/cases/${e.id}/`, e])); // url-ok: site path as Pagefind record key; the search page adds the base (baseUrl)
    for (const [url, e] of this.entries)
      this.index.add(url, () => {
        // The entry contract, as the page gets it from src/lib/cases.ts; the record prints no source.
        const record = entryRecord(entryView(e.id, e.data, e.body), folder);
        for (const char of fold(record.meta.text, folder)) this.used.add(char);
        return record;
      });
  }

  /** The folding tables are read while the job (the checked entries) is still on its way. */
  static async start(job: Promise<{ outDir: string; base: string; entries: IndexedEntry[] }>): Promise<SearchIndexBuild> {
    const folder = await indexFolder(variants);
    const pairs = await traditionalPairs();
    const { outDir, base, entries } = await job;
    return new SearchIndexBuild(outDir, base, entries, folder, pairs);
  }

  /** Writes /pagefind/lexicon.json, names.json and pinyin.json (see src/lib/search-lexicon.node.ts); returns the pages with no entry. */
  private writeLexicon(out: string, parts: string[]): string[] {
    const ids = pageIds(out, parts);
    const rows: Record<string, LexiconPage> = {};
    const spellings: Record<string, string> = {};
    const missing: string[] = [];
    for (const [url, id] of ids) {
      const e = this.entries.get(url);
      if (!e) {
        missing.push(url);
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
    const file = lexiconFile({ pages: rows, pairs: pairsFor(this.fullPairs, this.used, this.folder), variants, thesaurus, themes });
    writeFileSync(join(out, 'pagefind', 'lexicon.json'), JSON.stringify(file));
    writeFileSync(join(out, 'pagefind', 'names.json'), JSON.stringify(rows));
    writeFileSync(join(out, 'pagefind', 'pinyin.json'), JSON.stringify(spellings));
    return missing;
  }

  /** After the pages are built in `out`: see the class comment. `rendered` is when the pages were done (Date.now(): threads have their own performance clock). */
  async finish(out: string, rendered: number): Promise<IndexReport> {
    const { index, entries } = this;
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

    writeFileSync(join(out, 'pagefind', 'parts.json'), JSON.stringify({ parts: index.parts.slice(1).map((p) => href(p, this.base)) }));
    const lexiconMissing = this.writeLexicon(out, index.parts);
    let indexed = 0;
    for (const part of index.parts) {
      const entry = JSON.parse(readFileSync(join(out, part, 'pagefind-entry.json'), 'utf8'));
      indexed += Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
    }
    const warnings = lexiconMissing.length
      ? [`search lexicon: no entry for ${lexiconMissing.length} page(s), e.g. ${lexiconMissing[0]}`]
      : [];
    if (indexed !== pages.length || index.urls.size !== pages.length) {
      throw new Error(`Pagefind indexed ${indexed} records (${index.urls.size} entries) but the site has ${pages.length} entry pages`);
    }
    return {
      warnings,
      info:
        `indexed ${indexed} entry pages in ${index.parts.length} part(s), ${fromSource} from source while building, ` +
        `${Math.ceil(pages.length / step)} compared with their page; index finished ${Date.now() - rendered} ms after the pages`,
    };
  }
}
