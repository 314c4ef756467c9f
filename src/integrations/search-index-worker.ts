/**
 * Worker thread of src/integrations/pagefind.ts: builds the search index (./search-index.ts) off
 * Astro's main thread. It is started before the content check runs, so that loading its modules
 * and the folding tables takes the second core while the main thread checks the files; its first
 * message is the job (the checked entries), and it starts indexing at once. On the message
 * `{ out, rendered }` (the pages are built) it finishes and answers `{ report }` or `{ error }`,
 * which the integration turns into a log line or a stopped build.
 */
import { parentPort } from 'node:worker_threads';
import { SearchIndexBuild, type IndexedEntry } from './search-index.ts';

export interface SearchIndexJob {
  outDir: string;
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

// The first message is the job; the listener for the second is in place before it can arrive.
const job = new Promise<SearchIndexJob>((receive) =>
  parentPort!.once('message', (message: SearchIndexJob) => {
    receive(message);
    parentPort!.once('message', finish);
  }),
);
// A failure to start is reported when the build asks for the index, where it can stop the build.
const started = SearchIndexBuild.start(job);
started.catch(() => {});
