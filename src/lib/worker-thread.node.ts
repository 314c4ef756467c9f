/**
 * Worker threads for the build (Node only). Astro's CLI turns on Node's module compile cache for its
 * own thread, but a worker thread only uses it when NODE_COMPILE_CACHE is in its environment (Node's
 * `module.enableCompileCache` documentation). Each of the build's workers loads its TypeScript
 * modules, zod, the docx package and the folding tables; with the cache, a build reuses the
 * type-stripped sources and V8's compiled code of the last one instead of stripping and compiling
 * them again in every worker (1,000 entries: about 6 s less CPU and 4.5 s less wall time, three
 * alternating pairs; README, Performance, round 22).
 */
import { getCompileCacheDir } from 'node:module';
import { dirname } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** A worker thread that shares this thread's module compile cache, if it has one (Astro leaves it off under CI). */
export function startWorker(url: URL, options: WorkerOptions = {}): Worker {
  // getCompileCacheDir() names the folder for this Node version inside the cache folder, which is
  // what NODE_COMPILE_CACHE takes: given the inner one, a worker would keep a second cache inside it.
  const used = getCompileCacheDir?.();
  return new Worker(url, used ? { ...options, env: { ...process.env, NODE_COMPILE_CACHE: dirname(used) } } : options);
}
