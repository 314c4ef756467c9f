/**
 * Whether each compared entry passes the entry contract (src/schema/entry.ts), checked in a
 * worker (case-compare-verify-worker.ts) so that zod never runs on the page's main thread. Where a
 * worker cannot start or fails, the check runs on the page, as it did before (verifyEntry).
 */
import type { EntryView } from '../schema/entry.ts';
import { verifyEntry } from './entry-fetch.ts';

const onPage = (views: EntryView[]) => Promise.all(views.map((view) => verifyEntry(view)));

export function verifyEntries(views: EntryView[]): Promise<boolean[]> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./case-compare-verify-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return onPage(views);
  }
  return new Promise<boolean[]>((resolve) => {
    const done = (result: Promise<boolean[]> | boolean[]) => {
      worker.terminate();
      resolve(result);
    };
    worker.addEventListener('message', (event: MessageEvent<{ ok?: unknown }>) => {
      const ok = event.data?.ok;
      done(Array.isArray(ok) && ok.length === views.length ? ok.map((v) => v === true) : onPage(views));
    });
    worker.addEventListener('error', () => done(onPage(views)));
    worker.addEventListener('messageerror', () => done(onPage(views)));
    worker.postMessage({ views });
  });
}
