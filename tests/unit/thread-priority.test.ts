/**
 * The per-case .docx worker lowers its own thread's priority (src/integrations/thread-priority.ts):
 * only that thread, never the build's main thread, which would slow the whole build.
 */
import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

/** A task's nice value: field 19 of /proc/<pid>/task/<tid>/stat (after the name in parentheses). */
const niceOf = (statPath: string) => Number(readFileSync(statPath, 'utf8').split(') ')[1].split(' ')[16]);
const linux = process.platform === 'linux';

describe('lowerThreadPriority', () => {
  it.skipIf(!linux)('lowers the calling worker thread to nice 19 and leaves the main thread as it was', async () => {
    const before = niceOf('/proc/thread-self/stat');
    const module = new URL('../../src/integrations/thread-priority.ts', import.meta.url).href;
    const worker = new Worker(
      `import(${JSON.stringify(module)}).then(({ lowerThreadPriority }) => {
         const done = lowerThreadPriority();
         // The worker's own task, named from outside so the test reads it with the same niceOf.
         const task = require('node:fs').readlinkSync('/proc/thread-self');
         require('node:worker_threads').parentPort.postMessage({ done, task });
         // Kept alive until terminated, so its task is still there to be read.
         setInterval(() => {}, 1000);
       });`,
      { eval: true },
    );
    const { done, task } = await new Promise<{ done: boolean; task: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    // Read while the worker's task still exists.
    const answer = { done, nice: niceOf(`/proc/${task}/stat`) };
    await worker.terminate();
    expect(answer).toEqual({ done: true, nice: 19 });
    expect(niceOf('/proc/thread-self/stat')).toBe(before);
    expect(niceOf(`/proc/${process.pid}/stat`)).toBe(before);
  });
});
