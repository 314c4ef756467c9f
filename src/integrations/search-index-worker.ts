/**
 * Worker thread of src/integrations/pagefind.ts: builds the search index (./search-index.ts) off
 * Astro's main thread. It starts indexing at once from the checked entries in `workerData`, and
 * on the message `{ out, rendered }` (the pages are built) finishes and answers
 * `{ report }` or `{ error }`, which the integration turns into a log line or a stopped build.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SearchIndexBuild, type IndexedEntry } from './search-index.ts';

export interface SearchIndexJob {
  outDir: string;
  base: string;
  entries: IndexedEntry[];
}

const job = workerData as SearchIndexJob;
// A failure to start is reported when the build asks for the index, where it can stop the build.
const started = SearchIndexBuild.start(job.outDir, job.base, job.entries);
started.catch(() => {});
parentPort!.once('message', async ({ out, rendered }: { out: string; rendered: number }) => {
  try {
    const report = await (await started).finish(out, rendered);
    const cpu = process.threadCpuUsage();
    parentPort!.postMessage({ report, cpuMs: (cpu.user + cpu.system) / 1000 });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
