/**
 * The build's worker threads share the module compile cache that Astro's CLI turns on for its own
 * thread (src/lib/worker-thread.node.ts): without it each worker strips and compiles its
 * TypeScript, zod and the docx package afresh on every build (about 6 s of CPU at 1,000 entries).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { enableCompileCache, getCompileCacheDir } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { startWorker } from '../../src/lib/worker-thread.node.ts';

const dir = mkdtempSync(join(tmpdir(), 'worker-thread-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// A worker that answers with the compile cache folder it uses (undefined when it has none).
const script = join(dir, 'answer.mjs');
writeFileSync(
  script,
  "import { getCompileCacheDir } from 'node:module';\nimport { parentPort } from 'node:worker_threads';\nparentPort.postMessage(getCompileCacheDir() ?? null);\n",
);
const cacheOf = (worker: Worker) =>
  new Promise<string | null>((resolve, reject) => {
    worker.once('message', (m: string | null) => {
      void worker.terminate();
      resolve(m);
    });
    worker.once('error', reject);
  });

describe('startWorker', () => {
  it('gives the worker the compile cache this thread uses', async () => {
    enableCompileCache(join(dir, 'cache'));
    const parent = getCompileCacheDir();
    expect(parent).toBeTruthy();
    expect(await cacheOf(startWorker(pathToFileURL(script)))).toBe(parent);
    // A plain worker has none unless the environment names one: what startWorker adds.
    if (!process.env.NODE_COMPILE_CACHE) expect(await cacheOf(new Worker(pathToFileURL(script)))).toBeNull();
  });
});
