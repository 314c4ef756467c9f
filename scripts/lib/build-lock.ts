/**
 * One `astro build` at a time in a checkout. Every build writes the project's `.astro/` folder
 * (`content-modules.mjs` names the entry files it imports), whatever its OUT_DIR, so two builds at
 * once can render each other's entries (README, "Performance" and "测试"). scripts/build.ts takes this lock:
 * a second build waits for the first and says so, instead of failing or, worse, passing wrongly.
 *
 * The lock is a folder (made atomically) holding the builder's process id; a lock whose process is
 * gone (a build killed mid-way) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** Whether process `pid` is running (signal 0 tests for it without sending anything). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process id written in the lock, or 'retry' when there is none yet: a lock just made whose id
 * is not written gets a moment, then counts as abandoned and is removed.
 */
function holderOf(path: string, pidFile: string): number | 'retry' {
  let text = '';
  try {
    text = readFileSync(pidFile, 'utf8');
  } catch {
    // not written yet, or the lock is gone: see below
  }
  // Read before its maker wrote it (missing, or empty for an instant): not yet a reason to take it over.
  if (text.trim()) return Number(text);
  try {
    if (Date.now() - statSync(path).mtimeMs > 5000) rmSync(path, { recursive: true, force: true });
  } catch {
    return 'retry'; // gone meanwhile: try again at once
  }
  sleep(100);
  return 'retry';
}

export interface LockOptions {
  /** Folder of the lock (default: `.build.lock` in the working folder). */
  path?: string;
  /** How long to wait for another build before giving up (default 20 minutes: a 10,000-entry build). */
  timeoutMs?: number;
  /** Told once when the lock is held by another build, with that build's process id. */
  onWait?: (pid: number) => void;
}

/**
 * Runs `run` holding the build lock; waits while another live process holds it. Throws after
 * `timeoutMs`, naming the process that holds it and the folder to remove if that is wrong.
 */
export function withBuildLock<T>(run: () => T, { path = '.build.lock', timeoutMs = 20 * 60_000, onWait }: LockOptions = {}): T {
  const pidFile = join(path, 'pid');
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      mkdirSync(path);
      writeFileSync(pidFile, String(process.pid));
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(path, pidFile);
    if (holder === 'retry') continue;
    if (!Number.isInteger(holder) || holder <= 0 || !alive(holder)) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    if (!told) onWait?.(holder);
    told = true;
    if (Date.now() > deadline)
      throw new Error(
        `另一个构建（进程 ${holder}）仍在本目录运行 / another build (process ${holder}) still holds ${path}: wait for it, or remove ${path} if no build is running`,
      );
    sleep(250);
  }
  try {
    return run();
  } finally {
    rmSync(path, { recursive: true, force: true });
  }
}
