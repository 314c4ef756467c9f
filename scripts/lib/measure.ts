/**
 * Runs a command and reports its wall time, its CPU time (user + system, children included) and the
 * peak memory of its whole process tree (Linux /proc). CPU time is what to compare on a shared
 * machine: wall time doubles when another build runs beside it, CPU time barely moves.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, rmSync } from 'node:fs';
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

/** One process as sampled: its id, the program it runs (`/proc/<pid>/exe`) and its resident memory. */
export interface ProcessSample {
  pid: number;
  exe: string;
  kb: number;
  /** Its name (`/proc/<pid>/status`): a fork keeps the name of the thread that forked it until it execs. */
  name?: string;
}

/** The name Node gives its worker threads, and so a fork of one before it runs its own program. */
const WORKER_THREAD = 'WorkerThread';

function sample(pid: number): ProcessSample | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return { pid, exe: readlinkSync(`/proc/${pid}/exe`), kb, name: /^Name:\s+(.*)$/m.exec(status)?.[1] };
  } catch {
    return undefined;
  }
}

/**
 * The highest total memory of the samples (each a reading of the whole tree), in KB, leaving out
 * every reading of a process taken before it replaced its program (its `exe` differs from the last
 * one seen). Such a process is a fork of its parent on its way to exec, as the build's Pagefind
 * processes are: its memory is the parent's, shared, so counting it as well added up to the whole
 * 1–3 GB build process again. A traced 10,000-entry build saw such a child (named after the
 * index worker's thread, "WorkerThread", 1.1 GB, no CPU time) take the total from 2.9 to 4.0 GB.
 * A reading of a process named after a worker thread is left out too: it is such a fork whatever
 * became of it, even one last seen before its exec (a traced run on 2026-12-02 read one of 1.1 GB
 * beside the 2.9 GB build process; the bench run before it reported a peak of 4,011 MB).
 */
export function peakKB(samples: ProcessSample[][]): number {
  const lastExe = new Map<number, string>();
  for (const readings of samples) for (const p of readings) lastExe.set(p.pid, p.exe);
  let peak = 0;
  for (const readings of samples)
    peak = Math.max(
      peak,
      readings.reduce((n, p) => n + (p.exe === lastExe.get(p.pid) && p.name !== WORKER_THREAD ? p.kb : 0), 0),
    );
  return peak;
}

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
  const samples: ProcessSample[][] = [];
  const timer = setInterval(() => samples.push(tree(child.pid!).flatMap((pid) => sample(pid) ?? [])), 150);
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
  return { ms: performance.now() - started, cpuMs, peakMB: peakKB(samples) / 1024, output, code };
}
