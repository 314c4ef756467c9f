/** Building and serving a site for benchmarks: astro build into a folder, astro preview on a port. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';

export interface SiteOptions {
  /** Content folder to build from (default: the real library). */
  contentDir?: string;
  /** Output folder (default: dist). */
  outDir?: string;
  /** Leave out the search index (page-budget checks only). */
  skipSearch?: boolean;
  /** Entries per search-index part (see src/integrations/pagefind.ts). */
  searchPartSize?: number;
}

const env = (o: SiteOptions) => ({
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  ...(o.contentDir ? { CONTENT_DIR: o.contentDir } : {}),
  ...(o.outDir ? { OUT_DIR: o.outDir } : {}),
  ...(o.skipSearch ? { SKIP_SEARCH_INDEX: '1' } : {}),
  ...(o.searchPartSize ? { SEARCH_PART_SIZE: String(o.searchPartSize) } : {}),
});

/** Runs astro build; returns wall time in ms. Throws when the build fails. */
export function build(o: SiteOptions = {}): number {
  const started = performance.now();
  const result = spawnSync('node', ['scripts/build.ts'], { env: env(o), stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`astro build failed:\n${result.stdout.slice(-3000)}\n${result.stderr.slice(-3000)}`);
  return performance.now() - started;
}

/** Starts astro preview and resolves once it answers; call stop() when done. */
export async function serve(port: number, o: SiteOptions = {}): Promise<{ url: string; stop: () => void }> {
  const child: ChildProcess = spawn('npx', ['astro', 'preview', '--port', String(port), '--host', '127.0.0.1', '--ignore-lock'], {
    env: env(o),
    stdio: 'ignore',
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop: () => process.kill(-child.pid!, 'SIGTERM') };
}
