/**
 * Runs a command and reports its wall time, its CPU time (user + system, children included) and the
 * peak memory of its whole process tree (Linux /proc). CPU time is what to compare on a shared
 * machine: wall time doubles when another build runs beside it, CPU time barely moves.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function tree(root: number): number[] {
  const parent = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      /* gone */
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid);
  return out;
}

const rssKB = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
};

export async function measure(command: string, args: string[], env: NodeJS.ProcessEnv, cwd = process.cwd()) {
  const started = performance.now();
  // GNU time (Debian's `time` package) reports the CPU of the whole waited-for tree; without it, CPU is unknown.
  const gnuTime = existsSync('/usr/bin/time');
  const dir = mkdtempSync(join(tmpdir(), 'measure-'));
  const cpuFile = join(dir, 'cpu');
  const child = gnuTime
    ? spawn('/usr/bin/time', ['-f', '%U %S', '-o', cpuFile, command, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    : spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(
      peak,
      tree(child.pid!).reduce((n, pid) => n + rssKB(pid), 0),
    );
  }, 150);
  const code: number = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  let cpuMs = NaN;
  try {
    const [user, system] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
    cpuMs = (user + system) * 1000;
  } catch {
    /* no GNU time */
  }
  rmSync(dir, { recursive: true, force: true });
  return { ms: performance.now() - started, cpuMs, peakMB: peak / 1024, output, code };
}
