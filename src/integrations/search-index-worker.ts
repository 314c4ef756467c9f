/**
 * Worker thread of src/integrations/pagefind.ts: builds the search index (./search-index.ts) off
 * Astro's main thread. It is started before the content check runs, so that loading its modules
 * and the folding tables takes the second core while the main thread checks the files; its first
 * message is the job (the checked entries), and it starts indexing at once; the message 'bundled'
 * says Astro has bundled the pages (see memoryGate in ./search-index.ts). On the message
 * `{ out, rendered }` (the pages are built: the memory gate opens) it finishes and answers `{ report }` or `{ error }`,
 * which the integration turns into a log line or a stopped build.
 */
import { parentPort } from 'node:worker_threads';
import { SearchIndexBuild, type Bundled, type IndexedEntry } from './search-index.ts';

export interface SearchIndexJob {
  outDir: string;
  /** Where the index is written until the pages are built (see SearchIndexBuild). */
  stageDir: string;
  base: string;
  entries: IndexedEntry[];
}

/** The second message, `{ out, rendered }`: the pages are built; finish the index and answer. */
async function finish({ out, rendered }: { out: string; rendered: number }) {
  try {
    const report = await (await started).finish(out, rendered);
    const cpu = process.threadCpuUsage();
    parentPort!.postMessage({ report, cpuMs: (cpu.user + cpu.system) / 1000 });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
}

// The first message is the job. Then 'bundled' and `{ out, rendered }`, which also counts as
// bundled should the first not have come.
let bundled!: (by: Bundled) => void;
const isBundled = new Promise<Bundled>((resolve) => (bundled = resolve));
let ended!: () => void;
const isEnded = new Promise<void>((resolve) => (ended = resolve));
const job = new Promise<SearchIndexJob>((receive) => {
  let first = true;
  parentPort!.on('message', (message: SearchIndexJob | 'bundled' | { out: string; rendered: number }) => {
    if (first) {
      first = false;
      receive(message as SearchIndexJob);
    } else if (message === 'bundled') bundled('bundle');
    else {
      bundled('end');
      ended();
      void finish(message as { out: string; rendered: number });
    }
  });
});
// A failure to start is reported when the build asks for the index, where it can stop the build.
const started = SearchIndexBuild.start(job, isBundled, isEnded);
started.catch(() => {});
