/** `npm run build`: astro build with the memory settings in scripts/lib/build-env.ts. */
import { spawnSync } from 'node:child_process';
import { BUILD_ENV } from './lib/build-env.ts';

const result = spawnSync('astro', ['build', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, ...BUILD_ENV } });
process.exit(result.status ?? 1);
