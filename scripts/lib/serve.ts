/** Building and serving a site for benchmarks: astro build into a folder, astro preview on a port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { freePort } from './free-port.ts';

export interface SiteOptions {
  /** Content folder to build from (default: the real library). */
  contentDir?: string;
  /** Output folder (default: dist). */
  outDir?: string;
  /** Leave out the search index (page-budget checks only). */
  skipSearch?: boolean;
  /** Entries per search-index part (see src/integrations/pagefind.ts). */
  searchPartSize?: number;
  /** Skip the content check (tests that build hostile content on purpose). */
  skipContentCheck?: boolean;
  /** The build process's memory (MB) above which the index waits while Astro bundles (see memoryGate). */
  searchMemoryRoomMb?: number;
  /** The same once the pages are bundled, until the last page is built (see memoryGate). */
  searchMemoryCeilingMb?: number;
  /** Leave out the per-case .docx files (the entry JSON files are still written): a fixture whose tests read none. */
  skipCaseDocx?: boolean;
}

const env = (o: SiteOptions) => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(o.contentDir ? { CONTENT_DIR: o.contentDir } : {}),
  ...(o.outDir ? { OUT_DIR: o.outDir } : {}),
  ...(o.skipSearch ? { SKIP_SEARCH_INDEX: '1' } : {}),
  ...(o.searchPartSize ? { SEARCH_PART_SIZE: String(o.searchPartSize) } : {}),
  ...(o.skipContentCheck ? { CONTENT_CHECK: 'off' } : {}),
  ...(o.searchMemoryRoomMb ? { SEARCH_MEMORY_ROOM_MB: String(o.searchMemoryRoomMb) } : {}),
  ...(o.searchMemoryCeilingMb ? { SEARCH_MEMORY_CEILING_MB: String(o.searchMemoryCeilingMb) } : {}),
  ...(o.skipCaseDocx ? { SKIP_CASE_DOCX: '1' } : {}),
});

/** Runs astro build; returns its wall time in ms and its output. Throws when the build fails. */
export function build(o: SiteOptions = {}): { ms: number; output: string } {
  const started = performance.now();
  const result = spawnSync('node', ['scripts/build.ts'], {
    env: env(o),
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return { ms: performance.now() - started, output: `${result.stdout}\n${result.stderr}` };
}

/**
 * Starts astro preview on a free port (or the one given) and resolves once it answers; call stop()
 * when done. Throws with the server's own output when it never answers, so a test fails on the
 * real cause instead of on a refused connection later.
 */
export async function serve(port?: number, o: SiteOptions = {}, timeoutMs = 60_000): Promise<{ url: string; stop: () => void }> {
  port ??= await freePort();
  const child: ChildProcess = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    env: env(o),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d) => (log = (log + d).slice(-4000)));
  child.stderr?.on('data', (d) => (log = (log + d).slice(-4000)));
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && exited === undefined) {
    try {
      if ((await fetch(`${url}/`)).ok) return { url, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  stop();
  throw new Error(
    `astro preview did not answer on ${url} within ${timeoutMs / 1000} s${exited !== undefined ? ` (exited with ${exited})` : ''}:\n${log}`,
  );
}
