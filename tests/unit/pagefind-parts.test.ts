/**
 * The parted search index (src/integrations/pagefind.ts) with a mocked `pagefind` module: records
 * go to the index in order, a part is written and its process closed every `partSize` records, the
 * parts land where parts.json says, and any Pagefind error fails the build naming the record.
 * The real Pagefind is exercised by the build and by tests/e2e/scale.spec.ts (three parts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SearchRecord } from '../../src/lib/search-record.ts';

/** What the mocked Pagefind saw: one entry per index created. */
const created: { urls: string[]; writtenTo?: string; inAtWrite?: number }[] = [];
const fail = { add: '', write: false, create: false };
/** When set, each record's answer comes after a random delay of up to this many ms, so answers arrive out of order. */
const slow = { ms: 0 };
const close = vi.fn(async () => {});

vi.mock('pagefind', () => ({
  createIndex: vi.fn(async () => {
    if (fail.create) return { errors: ['no pagefind binary'] };
    const seen: (typeof created)[number] = { urls: [] };
    created.push(seen);
    return {
      errors: [],
      index: {
        addCustomRecord: async (record: SearchRecord & { language: string }) => {
          expect(record.language).toBe('zxx');
          if (slow.ms) await new Promise((resolve) => setTimeout(resolve, Math.random() * slow.ms));
          seen.urls.push(record.url);
          return { errors: record.url === fail.add ? [`bad record ${record.url}`] : [] };
        },
        writeFiles: async ({ outputPath }: { outputPath: string }) => {
          seen.writtenTo = outputPath;
          seen.inAtWrite = seen.urls.length;
          return { errors: fail.write ? ['disk full'] : [], outputPath };
        },
      },
    };
  }),
  close,
}));

const { PartedIndex, memoryGate } = await import('../../src/integrations/search-index.ts');

const record = (url: string): SearchRecord =>
  ({ url, content: `正文 ${url}`, meta: { title: url } as SearchRecord['meta'], filters: {} }) as SearchRecord;
const urls = (n: number) => Array.from({ length: n }, (_, i) => `/cases/e${i + 1}/`);

beforeEach(() => {
  created.length = 0;
  close.mockClear();
  Object.assign(fail, { add: '', write: false, create: false });
  slow.ms = 0;
});

describe('PartedIndex', () => {
  it('writes a part every partSize records, in order, closing Pagefind after each', async () => {
    const index = new PartedIndex('/out', 2);
    for (const url of urls(5)) index.add(url, () => record(url));
    await index.finish();
    expect(created.map((c) => c.urls)).toEqual([['/cases/e1/', '/cases/e2/'], ['/cases/e3/', '/cases/e4/'], ['/cases/e5/']]);
    expect(created.map((c) => c.writtenTo)).toEqual(['/out/pagefind', '/out/pagefind/part-2/', '/out/pagefind/part-3/']);
    expect(index.parts).toEqual(['/pagefind/', '/pagefind/part-2/', '/pagefind/part-3/']);
    expect(close).toHaveBeenCalledTimes(3);
    expect([...index.urls]).toEqual(urls(5));
  });

  it('writes no empty last part when the records fill the parts exactly', async () => {
    const index = new PartedIndex('/out', 2);
    for (const url of urls(4)) index.add(url, () => record(url));
    await index.finish();
    expect(index.parts).toEqual(['/pagefind/', '/pagefind/part-2/']);
    expect(created).toHaveLength(2);
  });

  it('writes one empty index for a library without entries, so the search page still finds one', async () => {
    const index = new PartedIndex('/out', 2);
    await index.finish();
    expect(index.parts).toEqual(['/pagefind/']);
    expect(created).toEqual([{ urls: [], writtenTo: '/out/pagefind', inAtWrite: 0 }]);
  });

  it('seal writes the part being filled once its records are in, and records added later start a new part', async () => {
    const written: string[] = [];
    const index = new PartedIndex('/out', 10, (dir) => written.push(dir));
    for (const url of urls(3)) index.add(url, () => record(url));
    index.seal();
    await index.settled();
    // Written before finish is called: at the build, while Astro still renders.
    expect(written).toEqual(['/out/pagefind']);
    expect(close).toHaveBeenCalledTimes(1);
    index.add('/cases/late/', () => record('/cases/late/'));
    await index.finish();
    expect(created.map((c) => c.urls)).toEqual([urls(3), ['/cases/late/']]);
    expect(written).toEqual(['/out/pagefind', '/out/pagefind/part-2/']);
  });

  it('starts no part while the gate holds it back (Pagefind holds nothing meanwhile), then fills and writes it', async () => {
    let letThrough!: () => void;
    const leave = new Promise<void>((resolve) => (letThrough = resolve));
    const gate = { whenRoom: () => leave, held: { waitedMs: 0, renderingMs: 0 } };
    const written: string[] = [];
    const made: string[] = [];
    const index = new PartedIndex('/out', 3, (dir) => written.push(dir), gate);
    for (const url of urls(3)) index.add(url, () => (made.push(url), record(url)));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Only the first record is made, waiting for its part; no Pagefind process is started.
    expect(created).toEqual([]);
    expect(made).toEqual(urls(1));
    letThrough();
    await index.finish();
    expect(created.map((c) => c.urls)).toEqual([urls(3)]);
    expect(written).toEqual(['/out/pagefind']);
  });

  it('sends records without waiting for each answer, yet writes a part only once every record sent to it is in', async () => {
    slow.ms = 5;
    const index = new PartedIndex('/out', 100);
    for (const url of urls(250)) index.add(url, () => record(url));
    await index.finish();
    expect(created.map((c) => [c.urls.length, c.inAtWrite])).toEqual([
      [100, 100],
      [100, 100],
      [50, 50],
    ]);
    expect(created.flatMap((c) => c.urls).sort()).toEqual(urls(250).sort());
  });

  it('makes each record only when its turn comes, so queued records take no memory', async () => {
    const index = new PartedIndex('/out', 2);
    const make = vi.fn(() => record('/cases/a/'));
    index.add('/cases/a/', make);
    expect(make).not.toHaveBeenCalled();
    await index.finish();
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('fails naming the record Pagefind refused, after the records before it', async () => {
    fail.add = '/cases/e2/';
    const index = new PartedIndex('/out', 10);
    for (const url of urls(3)) index.add(url, () => record(url));
    await expect(index.finish()).rejects.toThrow(/addCustomRecord \(\/cases\/e2\/\)[\s\S]*bad record \/cases\/e2\//);
  });

  it('fails when a part cannot be written or no index can be created', async () => {
    fail.write = true;
    const writing = new PartedIndex('/out', 1);
    writing.add('/cases/a/', () => record('/cases/a/'));
    await expect(writing.finish()).rejects.toThrow(/writeFiles failed:\ndisk full/);

    Object.assign(fail, { write: false, create: true });
    const creating = new PartedIndex('/out', 1);
    await expect(creating.finish()).rejects.toThrow(/createIndex failed:\nno pagefind binary/);
  });
});

describe('memoryGate', () => {
  /** The build process's resident memory, as the gate reads it, set by each test. */
  let processMb = 0;
  beforeEach(() => {
    vi.spyOn(process.memoryUsage, 'rss').mockImplementation(() => processMb * 2 ** 20);
  });
  afterEach(() => vi.restoreAllMocks());

  it('lets a part be written at once while the process leaves room for it', async () => {
    processMb = 1900; // a 1,000-entry build at its peak
    const gate = memoryGate(new Promise(() => {}));
    await gate.whenRoom();
    expect(gate.held).toEqual({ waitedMs: expect.any(Number), renderingMs: expect.any(Number) });
    expect(gate.held.waitedMs).toBeLessThan(100);
  });

  it('holds a full part back while the bundler holds the memory, until the pages are bundled', async () => {
    processMb = 2400;
    let bundled!: (by: 'bundle') => void;
    const gate = memoryGate(new Promise((resolve) => (bundled = resolve)));
    let written = false;
    const write = gate.whenRoom().then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(written).toBe(false);
    bundled('bundle');
    await write;
    expect(written).toBe(true);
    expect(gate.held.until).toBe('bundle');
    expect(gate.held.waitedMs).toBeGreaterThanOrEqual(500);
    // Once bundled, a part is written at once while the process is below the ceiling (2,900 MB)…
    processMb = 2800;
    const since = performance.now();
    await gate.whenRoom();
    expect(performance.now() - since).toBeLessThan(100);
  });

  it('while the pages are built, holds a part back above the ceiling until the process shrinks', async () => {
    // …and not above it: a part's write (up to 0.9 GB) would take the build past 4 GB (4,175 MB, round 18).
    processMb = 3100;
    const gate = memoryGate(Promise.resolve('bundle'));
    let written = false;
    const write = gate.whenRoom().then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(written).toBe(false);
    processMb = 2700;
    await write;
    expect(gate.held.renderingMs).toBeGreaterThanOrEqual(500);
    expect(gate.held.waitedMs).toBeLessThan(100);
  });

  it('lets every part through once the last page is built, whatever the memory', async () => {
    processMb = 3500;
    let ended!: () => void;
    const gate = memoryGate(Promise.resolve('bundle'), { ended: new Promise((resolve) => (ended = resolve)) });
    let written = false;
    const write = gate.whenRoom().then(() => (written = true));
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(written).toBe(false);
    ended();
    await write;
    const since = performance.now();
    await gate.whenRoom();
    expect(performance.now() - since).toBeLessThan(100);
    // The last page built before the bundle signal came: bundling and rendering are both over.
    const late = memoryGate(Promise.resolve('end'));
    await late.whenRoom();
    expect(late.held.until).toBe('end');
  });

  it('lets a held part be written when the process has shrunk below the room', async () => {
    processMb = 3000;
    const gate = memoryGate(new Promise(() => {}));
    const write = gate.whenRoom();
    processMb = 2200;
    await expect(write).resolves.toBeUndefined();
  });
});
