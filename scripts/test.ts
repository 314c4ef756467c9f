/**
 * `npm test`: unit tests, then a production build, then browser tests against that build, then
 * one closing line with the totals. Finds Chromium by itself (see scripts/chromium.ts).
 * `npm test -- --e2e-only` skips the unit tests; other arguments go to Playwright.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { findChromium } from './chromium.ts';
import { freePort } from './lib/free-port.ts';

const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const passThrough = args.filter((a) => a !== '--e2e-only');

const run = (command: string, commandArgs: string[], env: Record<string, string> = {}) => {
  console.log(`\n> ${command} ${commandArgs.join(' ')}`);
  return spawnSync(command, commandArgs, { stdio: 'inherit', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env } }).status ?? 1;
};
const totals = { passed: 0, failed: 0, skipped: 0 };
const readJson = (path: string) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
};
const finish = (code: number) => {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(code);
};

mkdirSync('test-results', { recursive: true });
const chromium = findChromium({ install: true });

if (!e2eOnly) {
  rmSync('test-results/unit.json', { force: true });
  const code = run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=test-results/unit.json']);
  const unit = readJson('test-results/unit.json');
  if (unit) {
    totals.passed += unit.numPassedTests;
    totals.failed += unit.numFailedTests;
    totals.skipped += unit.numPendingTests + unit.numTodoTests;
  }
  // A runner that failed before reporting (a syntax error, a crashed worker) is still a failure.
  if (code !== 0 && totals.failed === 0) totals.failed += 1;
  if (code !== 0) finish(code || 1);
}

const built = run('node', ['scripts/build.ts']);
if (built !== 0) {
  totals.failed += 1;
  finish(built);
}

// A free port per run, so a leftover server or a parallel run never answers in our place.
const port = process.env.TEST_PORT ?? String(await freePort());
rmSync('test-results/e2e.json', { force: true });
const e2e = run('npx', ['playwright', 'test', ...passThrough], { CHROMIUM_PATH: chromium, TEST_PORT: port, PLAYWRIGHT_JSON_OUTPUT_NAME: 'test-results/e2e.json' });
const report = readJson('test-results/e2e.json');
if (report?.stats) {
  totals.passed += report.stats.expected;
  totals.failed += report.stats.unexpected + report.stats.flaky;
  totals.skipped += report.stats.skipped;
  // Errors outside any test (the web server never started, a broken config) count as failures.
  totals.failed += report.errors?.length ?? 0;
}
if (e2e !== 0 && totals.failed === 0) totals.failed += 1;
finish(e2e);
