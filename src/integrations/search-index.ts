/**
 * The search index's work, run in a worker thread (./search-index-worker.ts) started by
 * ./pagefind.ts: records from the checked entries, Pagefind's Node API (its own process), the
 * check of every page against its record, the lexicon files. In the worker it no longer takes
 * Astro's main thread while Astro bundles and renders (about 4 s of CPU at 1,000 entries).
 *
 * Three things keep the build fast and its memory bounded at thousands of entries:
 * - Records are made from each entry's view (src/lib/entry-view.ts, src/lib/entry-text.ts) of the
 *   files the content check has already read, so indexing starts as soon as the configuration is
 *   done and Pagefind, a separate process, works on the second core while Astro bundles and renders.
 * - Little is left for after the last page: the last part and the lexicon files are written once
 *   the records are in, and every page's article text is compared with its record as Astro writes
 *   the page (a sample of 2,000 in larger libraries); any page without a record is indexed from its
 *   HTML at the end.
 * - The index is written in parts of PART_SIZE entries: Pagefind holds a whole index in memory
 *   until it is written (up to 0.9 GB per 1,000 entries with our tokens, most of it while writing),
 *   so each part is written and its process closed before the next starts, and while Astro bundles
 *   the parts are paced by the memory left (memoryGate). The browser merges the parts (`parts.json`).
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
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
import { domains, labelOf, themes, thesaurus, variants } from '../schema/vocab.ts';
import { formatRegion } from '../lib/format.ts';
import { href } from '../lib/url.ts';
import { moveStaged } from './move-staged.ts';

/** Entries per index part; SEARCH_PART_SIZE overrides it for tests of the merged search. */
const PART_SIZE = Number(process.env.SEARCH_PART_SIZE) || 1000;

/**
 * The index's language: `zxx`, "no linguistic content". The records hold ASCII pair tokens, not
 * Chinese (src/lib/grams.ts). Under a Chinese language Pagefind runs its word segmenter over every
 * token (and writes a zero-width space after each into the fragments) for the same words: the
 * index chunks come out byte for byte the same, for about 13% less of Pagefind's CPU time. The
 * browser still loads this index: with no index in the page's language (`lang="zh-CN"`) Pagefind
 * takes the one with the most pages, and it still reads queries as the page's language.
 */
export const INDEX_LANGUAGE = 'zxx';

/** Pages whose text is compared with their record, at most (an even sample of a larger library). */
const PARITY_SAMPLE = 2000;

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/**
 * When a part may be written, so the build's memory stays under 4 GB. Measured at 10,000 entries:
 * Pagefind holds about 0.2 GB while a part's 1,000 records come in, and up to 0.9 GB for the
 * 5–15 s it takes to write them; the build process grows to 3.3–3.9 GB as Astro finishes bundling,
 * stays near 3 GB while it writes the browser bundle and moves the server's files, then holds
 * 2.5–3.0 GB while it renders. A part written near the end of bundling took the build to 4.0–4.4 GB
 * in six runs. Once writes were let through at the bundle, one written while the process was still
 * at 2.9–3.0 GB took it to 3.8 GB in traced runs, and a bench run reached 4,175 MB (round 18; that
 * run was not traced). Filling a part takes about 0.2 GB, but at the build's highest point (the end
 * of bundling, the process alone at 3.4–3.7 GB) that is what decides, so a part is started only when
 * it could be written.
 */
export interface MemoryGate {
  /** Settles when there is room for a part's memory in Pagefind: asked before a part is started, and again before it is written (full or the last). */
  whenRoom(): Promise<void>;
  /** What it held back, for the build log: while Astro bundled, and after that while it rendered. */
  held: { waitedMs: number; until?: Bundled; renderingMs: number };
}

/** What ended bundling for the index: the signal that Astro wrote the pages' bundle, or the last page built without it. */
export type Bundled = 'bundle' | 'end';

/** A gate that lets everything through: the unit tests' default. */
export const openGate = (): MemoryGate => ({ whenRoom: async () => {}, held: { waitedMs: 0, renderingMs: 0 } });

/** The build process's memory (MB) above which the index waits while Astro bundles; a test sets it low to close the gate. */
const ROOM_MB = Number(process.env.SEARCH_MEMORY_ROOM_MB) || 2300;

/**
 * The same once the pages are bundled, until the last page is built: 4,000 MB less a part's write
 * (up to 0.9 GB of Pagefind's) and what the build process may grow meanwhile (about 0.15 GB).
 */
const CEILING_MB = Number(process.env.SEARCH_MEMORY_CEILING_MB) || 2900;

/**
 * The build's gate. Until `bundled` settles (Astro has written the pages' server bundle, or the last
 * page is built), a part is written only while the build process is below `roomMb`; after that, until
 * `ended` (the last page is built), only while it is below `ceilingMb`. A part waits to be started,
 * and once full to be written, until the process has shrunk or the next stage comes; its records wait
 * in this thread meanwhile, not yet made (PartedIndex). It is never written early, half full:
 * each part is a Pagefind process to start and an index the browser must merge. A library of one part
 * never waits: a 1,000-entry build stays under 2 GB.
 */
export function memoryGate(
  bundled: Promise<Bundled>,
  {
    roomMb = ROOM_MB,
    ceilingMb = CEILING_MB,
    ended = new Promise<void>(() => {}),
  }: { roomMb?: number; ceilingMb?: number; ended?: Promise<void> } = {},
): MemoryGate {
  let isBundled = false;
  let isEnded = false;
  const held: MemoryGate['held'] = { waitedMs: 0, renderingMs: 0 };
  void bundled.then((by) => {
    isBundled = true;
    held.until = by;
    if (by === 'end') isEnded = true;
  });
  void ended.then(() => (isEnded = true));
  const over = (mb: number) => process.memoryUsage.rss() / 2 ** 20 > mb;
  return {
    held,
    async whenRoom() {
      let since = performance.now();
      while (!isBundled && over(roomMb)) await Promise.race([bundled, sleep(250)]);
      held.waitedMs += performance.now() - since;
      since = performance.now();
      while (!isEnded && over(ceilingMb)) await Promise.race([ended, sleep(250)]);
      held.renderingMs += performance.now() - since;
    },
  };
}

/**
 * Records sent to Pagefind before the answer to the oldest is awaited. Waiting for each answer left
 * the two processes taking turns: this thread made a record while Pagefind idled, then Pagefind
 * indexed it while this thread idled. With a window they work at once: filling a part of 1,000
 * records took 3.4 s instead of 4.5 s (measured on its own, 2026-12-01: README, Performance, round 14),
 * and the index written is byte for byte the same.
 */
const IN_FLIGHT = 64;

/** Adds records in order and writes a part whenever `partSize` records are in it (exported for its unit test). */
export class PartedIndex {
  private queue: Promise<void> = Promise.resolve();
  private index: pagefind.PagefindIndex | undefined;
  private inPart = 0;
  /** Records sent to the part being filled and not yet answered (each settles after noting any error). */
  private inFlight: Promise<void>[] = [];
  readonly parts: string[] = [];
  readonly urls = new Set<string>();
  readonly errors: string[] = [];

  // Plain fields, not parameter properties: the worker thread runs this file with Node's type stripping.
  private readonly outDir: string;
  private readonly partSize: number;
  private readonly written: (dir: string) => void;
  readonly gate: MemoryGate;

  /** `written` is called with each part's folder once it is written; `gate` paces the parts (see MemoryGate). */
  constructor(outDir: string, partSize = PART_SIZE, written: (dir: string) => void = () => {}, gate: MemoryGate = openGate()) {
    this.outDir = outDir;
    this.partSize = partSize;
    this.written = written;
    this.gate = gate;
  }

  /** Queues a record; `make` runs only when its turn comes, so queued records take no memory. */
  add(url: string, make: () => SearchRecord) {
    this.urls.add(url);
    this.queue = this.queue.then(() => this.addNow(make())).catch((error) => void this.errors.push(String(error)));
  }

  /**
   * Writes the part being filled once the records queued so far are in it, rather than when `finish` is
   * called: the records from source are all queued at the start, so the last part is written while
   * Astro still renders, not after the last page.
   */
  seal() {
    this.queue = this.queue.then(() => this.writePart()).catch((error) => void this.errors.push(String(error)));
  }

  private async open(): Promise<pagefind.PagefindIndex> {
    if (!this.index) {
      // A part is started only when it could be written: one filled while Astro bundles would hold its
      // 0.2 GB in Pagefind through the build's highest point, waiting (round 18).
      await this.gate.whenRoom();
      const created = await pagefind.createIndex({ forceLanguage: INDEX_LANGUAGE });
      check('createIndex', created.errors);
      this.index = created.index!;
    }
    return this.index;
  }

  private async addNow(record: SearchRecord) {
    const sent = (await this.open())
      .addCustomRecord({ ...record, language: INDEX_LANGUAGE })
      .then((added) => check(`addCustomRecord (${record.url})`, added.errors))
      .catch((error) => void this.errors.push(String(error)));
    this.inFlight.push(sent);
    if (this.inFlight.length >= IN_FLIGHT) await this.inFlight.shift();
    if (++this.inPart >= this.partSize) await this.writePart();
  }

  private async writePart() {
    if (!this.index) return;
    // Every record sent must be in the part before it is written.
    await Promise.all(this.inFlight.splice(0));
    await this.gate.whenRoom();
    const path = this.parts.length ? `part-${this.parts.length + 1}/` : '';
    const dir = join(this.outDir, 'pagefind', path);
    const written = await this.index.writeFiles({ outputPath: dir });
    check('writeFiles', written.errors);
    this.parts.push(`/pagefind/${path}`); // url-ok: a path inside the build folder; parts.json adds the base
    this.written(dir);
    // Closing the process returns the part's memory; the next record starts a new one.
    await pagefind.close();
    this.index = undefined;
    this.inPart = 0;
  }

  /** Settles once every record queued so far is in the index (or has failed). */
  settled(): Promise<void> {
    return this.queue;
  }

  async finish() {
    await this.queue;
    // The last, partly filled part; or an empty index, so the search page still finds one.
    if (!this.errors.length && (this.index || !this.parts.length)) {
      await this.open();
      await this.writePart();
    }
    if (this.errors.length) throw new Error(`Pagefind failed:\n${this.errors.join('\n')}`);
  }
}

/**
 * Adds the Pagefind page ids by URL of a written part to `ids`, read from its fragments (each a
 * gzipped "pagefind_dcd" + JSON), so the lexicon can be keyed by the id the browser gets with every result.
 */
function readPageIds(partDir: string, ids: Map<string, string>) {
  const dir = join(partDir, 'fragment');
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.pf_fragment'))) {
    const text = gunzipSync(readFileSync(join(dir, file))).toString('utf8');
    const { url } = JSON.parse(text.slice(text.indexOf('{'))) as { url: string };
    ids.set(url, file.replace(/\.pf_fragment$/, ''));
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
 * comes); once they are in, the lexicon files are written and pages are compared with their records
 * as Astro writes them; `finish` indexes any page without a record from its HTML, compares the pages
 * not compared yet, writes parts.json, and throws on any failure or difference.
 */
export class SearchIndexBuild {
  private readonly index: PartedIndex;
  private readonly entries: Map<string, IndexedEntry>;
  /** Characters of the folded library: the browser's folding table needs only these. */
  private readonly used = new Set<string>();

  private readonly base: string;
  private readonly folder: Folder;
  private readonly fullPairs: string;
  /** Pagefind page ids by URL, read as each part is written (while Astro renders, for all but a last part). */
  private readonly ids = new Map<string, string>();

  private constructor(
    outDir: string,
    stageDir: string,
    base: string,
    published: IndexedEntry[],
    folder: Folder,
    fullPairs: string,
    bundled: Promise<Bundled>,
    ended: Promise<void>,
  ) {
    this.base = base;
    this.folder = folder;
    this.fullPairs = fullPairs;
    this.stageDir = stageDir;
    this.index = new PartedIndex(stageDir, PART_SIZE, (dir) => readPageIds(dir, this.ids), memoryGate(bundled, { ended }));
    this.entries = new Map(published.map((e) => [`/cases/${e.id}/`, e])); // url-ok: site path as Pagefind record key; the search page adds the base (baseUrl)
    for (const [url, e] of this.entries)
      this.index.add(url, () => {
        // The entry contract, as the page gets it from src/lib/cases.ts; the record prints no source.
        const record = entryRecord(entryView(e.id, e.data, e.body), folder);
        // Kept for the page's comparison, so the view is not made twice (about 0.4 s of CPU at 1,000 entries).
        if (this.sampled.has(url)) this.recordTexts.set(url, record.meta.text);
        for (const char of fold(record.meta.text, folder)) this.used.add(char);
        // Its lexicon row too, while Pagefind indexes the records before it: made with the lexicon, after
        // the last part, the pinyin took 2.5 s at 10,000 entries. Only the page ids must wait for the parts.
        this.rowOf(url, e);
        return record;
      });
    this.index.seal();
    const urls = [...this.entries.keys()];
    const step = Math.max(1, Math.ceil(urls.length / PARITY_SAMPLE));
    this.sample = urls.filter((_, i) => i % step === 0);
    this.sampled = new Set(this.sample);
    // Once the records from source are written, the lexicon is written and pages are compared as Astro
    // writes them: on two cores the second is mostly idle by then, and neither is left for after the last page.
    this.early = this.index
      .settled()
      .then(() => {
        this.lexiconMissing = this.writeLexicon(stageDir);
      })
      // Not fatal here: `finish` writes it again, and reports what failed.
      .catch(() => {})
      // Pages are read only once the bundle is written: Astro empties the output folder first, and
      // before that a page of the previous build stands there whole, which failed a rebuild after an edit.
      .then(() => bundled)
      .then(
        () => this.watch(outDir),
        () => {},
      );
  }

  /**
   * Where the index is written until the last page is built: Astro empties the output folder when it
   * starts bundling, which a small library's index, written within seconds, could precede.
   */
  private readonly stageDir: string;
  /** The entry pages compared with their records: every one, or an even sample of PARITY_SAMPLE. */
  private readonly sample: string[];
  private readonly sampled: Set<string>;
  /** The article text of each sampled record, from source, until its page is compared (articleText of its view). */
  private readonly recordTexts = new Map<string, string>();
  private readonly compared = new Set<string>();
  private readonly mismatches: string[] = [];
  private lexiconMissing: string[] | undefined;
  private early: Promise<void>;
  private watching = true;
  /** Ends the watch's wait at once when the last page is built. */
  private wake: () => void = () => {};

  /** How many pages have been compared with their records so far. */
  get pagesCompared(): number {
    return this.compared.size;
  }

  /** Compares a page with its record if the page is written whole; says whether it was. */
  private compare(out: string, url: string): boolean {
    let html: string;
    try {
      html = readFileSync(join(out, url, 'index.html'), 'utf8');
    } catch {
      return false;
    }
    // Astro may be writing it: a page is whole once it ends with its closing tag.
    if (!/<\/html>\s*$/.test(html)) return false;
    const entry = this.entries.get(url)!;
    const found = findMismatch(this.recordTexts.get(url) ?? articleText(entryView(entry.id, entry.data, entry.body)), pageText(html));
    this.recordTexts.delete(url);
    if (found) this.mismatches.push(`${url}: ${found}`);
    this.compared.add(url);
    return true;
  }

  /** Compares sampled pages as they are written, until all are or the build's last page is. */
  private async watch(out: string) {
    while (this.watching && this.compared.size < this.sample.length) {
      for (const url of this.sample) if (!this.compared.has(url)) this.compare(out, url);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 200);
      });
    }
  }

  /**
   * The folding tables are read while the job (the checked entries) is still on its way. `bundled`
   * settles when Astro has bundled the pages, or at the latest when they are built; `ended`, when they
   * are built (see memoryGate).
   */
  static async start(
    job: Promise<{ outDir: string; stageDir: string; base: string; entries: IndexedEntry[] }>,
    bundled: Promise<Bundled> = Promise.resolve('bundle'),
    ended: Promise<void> = new Promise(() => {}),
  ): Promise<SearchIndexBuild> {
    const folder = await indexFolder(variants);
    const pairs = await traditionalPairs();
    const { outDir, stageDir, base, entries } = await job;
    return new SearchIndexBuild(outDir, stageDir, base, entries, folder, pairs, bundled, ended);
  }

  /** Each entry's lexicon row and its pinyin, by URL: made with its record, or when the lexicon is written. */
  private readonly rows = new Map<string, { row: LexiconPage; spelling: string }>();

  private rowOf(url: string, e: IndexedEntry) {
    let made = this.rows.get(url);
    if (!made) {
      const row = lexiconPage({
        title: e.data.title,
        aliases: e.data.aliases,
        unit: e.data.unit,
        region: formatRegion(e.data.region),
        themes: e.data.themes.map((t) => labelOf('theme', t)),
      });
      made = { row, spelling: pinyinRow(row) };
      this.rows.set(url, made);
    }
    return made;
  }

  /** Writes /pagefind/lexicon.json, names.json and pinyin.json (see src/lib/search-lexicon.node.ts); returns the pages with no entry. */
  private writeLexicon(out: string): string[] {
    const { ids } = this;
    const rows: Record<string, LexiconPage> = {};
    const spellings: Record<string, string> = {};
    const missing: string[] = [];
    for (const [url, id] of ids) {
      const e = this.entries.get(url);
      if (!e) {
        missing.push(url);
        continue;
      }
      const { row, spelling } = this.rowOf(url, e);
      rows[id] = row;
      spellings[id] = spelling;
    }
    const file = lexiconFile({
      pages: rows,
      pairs: pairsFor(this.fullPairs, this.used, this.folder),
      variants,
      thesaurus,
      themes,
      domains,
    });
    writeFileSync(join(out, 'pagefind', 'lexicon.json'), JSON.stringify(file));
    writeFileSync(join(out, 'pagefind', 'names.json'), JSON.stringify(rows));
    writeFileSync(join(out, 'pagefind', 'pinyin.json'), JSON.stringify(spellings));
    return missing;
  }

  /** After the pages are built in `out`: see the class comment. `rendered` is when the pages were done (Date.now(): threads have their own performance clock). */
  async finish(out: string, rendered: number): Promise<IndexReport> {
    const { index } = this;
    const pages = builtEntryPages(out);
    const fromSource = index.urls.size;
    this.watching = false;
    this.wake();
    // Pages with no record from source (none, unless the content check did not run) are indexed as built.
    for (const url of pages)
      if (!index.urls.has(url)) index.add(url, () => searchRecord(url, readFileSync(join(out, url, 'index.html'), 'utf8')));
    const finished = index.finish();
    // While Pagefind writes: the records must say what the pages say (those not compared yet).
    for (const url of this.sample)
      if (!this.compared.has(url) && !this.compare(out, url)) this.mismatches.push(`${url}: the page is missing or cut short`);
    await finished;
    await this.early;
    await pagefind.close();
    if (this.mismatches.length) {
      throw new Error(
        `搜索索引与页面不一致 / search records differ from their pages: src/lib/entry-text.ts must list the article as src/pages/cases/[id].astro shows it\n${this.mismatches.slice(0, 10).join('\n')}`,
      );
    }

    // Written again only if pages were indexed from their HTML after it was written.
    const lexiconMissing = index.urls.size === fromSource && this.lexiconMissing ? this.lexiconMissing : this.writeLexicon(this.stageDir);
    const target = join(out, 'pagefind');
    rmSync(target, { recursive: true, force: true });
    moveStaged(join(this.stageDir, 'pagefind'), target);
    writeFileSync(join(target, 'parts.json'), JSON.stringify({ parts: index.parts.slice(1).map((p) => href(p, this.base)) }));
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
        `${this.compared.size} compared with their page; index finished ${Date.now() - rendered} ms after the pages` +
        (index.gate.held.waitedMs > 100
          ? ` (parts waited ${(index.gate.held.waitedMs / 1000).toFixed(1)} s to be started or written while Astro bundled, for memory, until ${index.gate.held.until === 'bundle' ? 'the pages were bundled' : 'the last page'})`
          : '') +
        (index.gate.held.renderingMs > 100 ? ` (and ${(index.gate.held.renderingMs / 1000).toFixed(1)} s while the pages were built)` : ''),
    };
  }
}
