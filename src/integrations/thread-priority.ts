/**
 * Background work at the lowest scheduling priority (Node only). On Linux each thread has its own
 * nice value: a worker thread that lowers its own leaves the main thread, Astro's bundler and the
 * search index their share of the two cores, and runs mostly in the time they leave idle.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/** Sets the calling thread's nice value (19: lowest); says whether it could (not on systems without /proc/thread-self). */
export function lowerThreadPriority(nice = 19): boolean {
  try {
    // "/proc/<pid>/task/<tid>": the thread's own id, which setpriority(2) takes for one thread on Linux.
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (!Number.isInteger(tid) || tid <= 0) return false;
    setPriority(tid, nice);
    return true;
  } catch {
    return false;
  }
}
