/**
 * `npm test`: unit tests, then a production build, then browser tests against that build.
 * Finds Chromium by itself: CHROMIUM_PATH, else Debian's /usr/bin/chromium, installing it with
 * apt-get when running as root on Debian; otherwise it says exactly what to install.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.ts';

const run = (command: string, args: string[], env: Record<string, string> = {}) => {
  console.log(`\n> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const chromium = findChromium({ install: true });
const skipBuild = process.argv.includes('--no-build') && existsSync('dist/index.html');

run('npx', ['vitest', 'run']);
if (!skipBuild) run('npx', ['astro', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2).filter((a) => a !== '--no-build')], { CHROMIUM_PATH: chromium });
