/**
 * `npm run build`: astro build with the memory settings in scripts/lib/build-env.ts, one at a time
 * in this checkout (scripts/lib/build-lock.ts: builds share the project's `.astro/` folder).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BUILD_ENV } from './lib/build-env.ts';
import { withBuildLock } from './lib/build-lock.ts';

const result = withBuildLock(
  () => spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...BUILD_ENV } }),
  {
    path: fileURLToPath(new URL('../.build.lock', import.meta.url)),
    onWait: (pid) =>
      console.log(`另一个构建（进程 ${pid}）正在本目录运行，等它结束 / waiting for another build in this folder (process ${pid})`),
  },
);
process.exit(result.status ?? 1);
