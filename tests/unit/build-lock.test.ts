/** One build at a time in a checkout (scripts/lib/build-lock.ts): what a second `npm run build` meets. */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withBuildLock } from '../../scripts/lib/build-lock.ts';

const lockModule = resolve('scripts/lib/build-lock.ts');
const fresh = () => join(mkdtempSync(join(tmpdir(), 'build-lock-')), 'lock');

/** A process that takes the lock, writes `took` when it has it, holds it `ms`, then writes `done`. */
function holder(lock: string, dir: string, ms: number) {
  const script = `
    import { writeFileSync } from 'node:fs';
    import { withBuildLock } from ${JSON.stringify(lockModule)};
    withBuildLock(() => {
      writeFileSync(${JSON.stringify(join(dir, 'took'))}, '');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
      writeFileSync(${JSON.stringify(join(dir, 'done'))}, String(Date.now()));
    }, { path: ${JSON.stringify(lock)} });`;
  return spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'inherit' });
}

async function until(condition: () => boolean, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the build lock', { timeout: 30_000 }, () => {
  it('runs the build and leaves no lock behind, also when the build throws', () => {
    const lock = fresh();
    expect(withBuildLock(() => (existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : ''), { path: lock })).toBe(
      String(process.pid),
    );
    expect(existsSync(lock)).toBe(false);
    expect(() =>
      withBuildLock(
        () => {
          throw new Error('build failed');
        },
        { path: lock },
      ),
    ).toThrow('build failed');
    expect(existsSync(lock)).toBe(false);
  });

  it('waits for a build running in another process, says so, then builds', async () => {
    const lock = fresh();
    const dir = join(lock, '..');
    const other = holder(lock, dir, 1500);
    await until(() => existsSync(join(dir, 'took')));
    const waitedFor: number[] = [];
    const startedAt = withBuildLock(() => Date.now(), { path: lock, onWait: (pid) => waitedFor.push(pid) });
    expect(waitedFor).toEqual([other.pid]);
    expect(startedAt).toBeGreaterThanOrEqual(Number(readFileSync(join(dir, 'done'), 'utf8')));
    await new Promise((r) => other.once('exit', r));
  });

  it('takes over the lock of a build that was killed', () => {
    const lock = fresh();
    // A process id that ran and is gone.
    const gone = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), gone);
    const waited: number[] = [];
    expect(withBuildLock(() => 'built', { path: lock, onWait: (pid) => waited.push(pid) })).toBe('built');
    expect(waited).toEqual([]);
  });

  it('gives up after its time, naming the process that holds the lock and the folder to remove', () => {
    const lock = fresh();
    mkdirSync(lock);
    writeFileSync(join(lock, 'pid'), String(process.ppid)); // alive: the process that started this test
    // A string: the message must contain it as written (no pattern to escape the path for).
    expect(() => withBuildLock(() => 'built', { path: lock, timeoutMs: 300 })).toThrow(
      `another build (process ${process.ppid}) still holds ${lock}`,
    );
    expect(existsSync(lock)).toBe(true); // not ours to remove
  });
});
