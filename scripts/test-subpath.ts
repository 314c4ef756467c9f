/**
 * `npm run test:subpath`: builds the site with BASE_PATH=/gzf/ (and a SITE_URL under it) into its
 * own OUT_DIR, then runs the sub-path smoke set (tests/e2e/subpath.spec.ts) against that build,
 * served only under /gzf/. Other arguments go to Playwright.
 */
import { spawnSync } from 'node:child_process';
import { findChromium } from './chromium.ts';
import { freePort } from './lib/free-port.ts';

const env = {
  ...process.env,
  ASTRO_TELEMETRY_DISABLED: '1',
  BASE_PATH: '/gzf/',
  SITE_URL: 'https://dangjian.example.gov.cn/gzf/',
  OUT_DIR: '.subpath/dist',
};
const run = (command: string, args: string[], extra: Record<string, string> = {}) =>
  spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extra } }).status ?? 1;

const built = run(process.execPath, ['scripts/build.ts']);
if (built !== 0) process.exit(built);
const port = process.env.TEST_PORT ?? String(await freePort());
process.exit(
  run('npx', ['playwright', 'test', 'tests/e2e/subpath.spec.ts', ...process.argv.slice(2)], {
    CHROMIUM_PATH: findChromium({ install: true }),
    TEST_PORT: port,
    SUBPATH_OUT_DIR: '.subpath/dist',
    SUBPATH_REUSE: '1',
    PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/subpath.json',
  }),
);
