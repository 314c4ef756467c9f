/** Runs a command and reports its wall time and the peak memory of its whole process tree (Linux /proc). */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';

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
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, tree(child.pid!).reduce((n, pid) => n + rssKB(pid), 0));
  }, 150);
  const code: number = await new Promise((resolve) => child.on('close', resolve));
  clearInterval(timer);
  return { ms: performance.now() - started, peakMB: peak / 1024, output, code };
}
