/**
 * `npm test`: unit tests, eslint and prettier --check, then the browser suite twice — against a root build and against a build
 * with BASE_PATH=/gzf/ served only under /gzf/, at the same time — then one closing line with the totals of all three.
 * Finds Chromium by itself (see scripts/chromium.ts).
 *
 * To save time on a 2-core machine, no core waits: the root build and then the sub-path build (its own
 * OUT_DIR and cache) run in the background while the unit tests that build nothing run on both
 * cores; then the two unit files that run `astro build` (one at a time: every build writes the
 * project's `.astro/` folder) run beside eslint and prettier. The two browser runs then share the
 * machine with nothing else, and run side by side (see below).
 *
 *   npm test                      everything
 *   npm test -- --e2e-only        skips the unit tests
 *   npm test -- --root-only       skips the sub-path run (quicker while working; CI runs both)
 * Other arguments go to both Playwright runs (e.g. a spec file).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { findChromium } from './chromium.ts';
import { freePort } from './lib/free-port.ts';

const args = process.argv.slice(2);
const e2eOnly = args.includes('--e2e-only');
const rootOnly = args.includes('--root-only');
const passThrough = args.filter((a) => a !== '--e2e-only' && a !== '--root-only');

const SUBPATH = { BASE_PATH: '/gzf/', SITE_URL: 'https://dangjian.example.gov.cn/gzf/', OUT_DIR: '.subpath/dist' };
// The root run sees none of the sub-path settings, even when the caller's shell has them.
const rootEnv = { BASE_PATH: '', SITE_URL: '', OUT_DIR: '' };

/** Runs a command; its output goes to the terminal, or to a log file when `log` is given (a background job). */
const run = (command: string, commandArgs: string[], env: Record<string, string> = {}, log?: string) =>
  new Promise<number>((done) => {
    console.log(
      `\n> ${Object.entries(env)
        .filter(([k]) => /BASE_PATH|OUT_DIR/.test(k))
        .map(([k, v]) => `${k}=${v} `)
        .join('')}${command} ${commandArgs.join(' ')}${log ? ` (in the background, output in ${log})` : ''}`,
    );
    const merged: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env };
    for (const [k, v] of Object.entries(merged)) if (v === '') delete merged[k];
    const child = spawn(command, commandArgs, { stdio: log ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: merged });
    const chunks: Buffer[] = [];
    child.stdout?.on('data', (c: Buffer) => chunks.push(c));
    child.stderr?.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (error) => {
      chunks.push(Buffer.from(String(error)));
      done(1);
    });
    child.on('close', (code) => {
      if (log) writeFileSync(log, Buffer.concat(chunks));
      done(code ?? 1);
    });
  });

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines: string[] = [];
const readJson = (path: string) => {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
};
const started = Date.now();
const finish = (code: number) => {
  for (const line of lines) console.log(line);
  // Seconds too: issue 16's budget is 6 minutes, and "6.0 min" alone can't say on which side of it a run fell.
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(
    `\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped (${(seconds / 60).toFixed(1)} min, ${seconds} s)`,
  );
  process.exit(code);
};
/** A failed step that reported no failing test (a crash, a server that never started) is still a failure. */
const account = (name: string, code: number, counts: { passed: number; failed: number; skipped: number }) => {
  if (code !== 0 && counts.failed === 0) counts.failed = 1;
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
};

mkdirSync('test-results', { recursive: true });
const chromium = findChromium({ install: true });
// Not in test-results/: Playwright empties that folder when a run starts, and the sub-path build
// writes its log while the root browser run is starting.
mkdirSync('.test-logs', { recursive: true });
const buildLog = '.test-logs/build-root.log';
const subpathLog = '.test-logs/build-subpath.log';

let unitCode = 0;
const rootBuild = run(process.execPath, ['scripts/build.ts'], rootEnv, e2eOnly ? undefined : buildLog);
// One build after the other, never both at once: every build writes the project's `.astro/` folder
// (content-modules.mjs names the entry files it imports), so two at once can mix their entries.
const subpathBuild = rootOnly
  ? Promise.resolve(0)
  : rootBuild.then((code) => (code === 0 ? run(process.execPath, ['scripts/build.ts'], SUBPATH, subpathLog) : 1));
/** A vitest run of some of the unit projects (vitest.config.ts), its counts read from its JSON report. */
const vitest = async (projects: string[], json: string) => {
  rmSync(json, { force: true });
  const code = await run('npx', [
    'vitest',
    'run',
    ...projects.flatMap((p) => ['--project', p]),
    '--reporter=default',
    '--reporter=json',
    `--outputFile=${json}`,
  ]);
  const unit = readJson(json);
  return {
    code,
    counts: {
      passed: unit?.numPassedTests ?? 0,
      failed: unit?.numFailedTests ?? 0,
      skipped: (unit?.numPendingTests ?? 0) + (unit?.numTodoTests ?? 0),
    },
  };
};

if (!e2eOnly) {
  // The unit files that build no site, on both cores, while the site builds run.
  const unit = await vitest(['unit', 'unit (mocks)'], 'test-results/unit.json');
  // The files that run `astro build` share the project's `.astro/` folder with every build, so they
  // wait for the site builds (vitest.config.ts, `building`); eslint and prettier (one core each)
  // run beside them. Their output is printed whole after all three end.
  await Promise.all([rootBuild, subpathBuild]);
  const style = [
    ['eslint', 'npx', ['eslint', '.']],
    ['prettier', 'npx', ['prettier', '--check', '.']],
  ] as const;
  const [builds, ...styleCodes] = await Promise.all([
    vitest(['unit (builds)'], 'test-results/unit-builds.json'),
    ...style.map(([name, command, commandArgs]) => run(command, [...commandArgs], {}, `.test-logs/${name}.log`)),
  ]);
  // One line for the unit tests, as before the split: a unit failure does not stop the browser
  // runs, so one `npm test` reports everything that fails.
  const sum = (k: 'passed' | 'failed' | 'skipped') => unit.counts[k] + builds.counts[k];
  account('unit', unit.code || builds.code, { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') });
  unitCode = unit.code || builds.code;
  // Lint and formatting, as `npm run check` runs them: each counts as one check.
  for (const [i, [name]] of style.entries()) {
    const styleCode = styleCodes[i];
    console.log(readFileSync(`.test-logs/${name}.log`, 'utf8').trimEnd());
    account(name, styleCode, { passed: styleCode === 0 ? 1 : 0, failed: styleCode === 0 ? 0 : 1, skipped: 0 });
    unitCode ||= styleCode;
  }
}

const built = await rootBuild;
if (!e2eOnly) console.log(readFileSync(buildLog, 'utf8').split('\n').slice(-4).join('\n'));
if (built !== 0) {
  if (!e2eOnly) console.log(readFileSync(buildLog, 'utf8').slice(-4000));
  account('root build', built, { passed: 0, failed: 1, skipped: 0 });
  finish(unitCode || built);
}

const portsTaken = new Set<string>();
/**
 * One Playwright run; errors outside any test (the web server never started, a broken config) count
 * as failures. `log`: the run's output goes to that file instead of the terminal (a run beside another).
 */
async function e2e(name: string, env: Record<string, string>, json: string, log?: string) {
  rmSync(json, { force: true });
  // A free port per run, so a leftover server or the other run never answers in our place.
  let port = String(await freePort());
  while (portsTaken.has(port)) port = String(await freePort());
  portsTaken.add(port);
  const code = await run(
    'npx',
    ['playwright', 'test', ...passThrough],
    { ...env, CHROMIUM_PATH: chromium, TEST_PORT: port, PLAYWRIGHT_JSON_OUTPUT_NAME: json },
    log,
  );
  const stats = readJson(json)?.stats;
  const errors = readJson(json)?.errors?.length ?? 0;
  const counts = {
    passed: stats?.expected ?? 0,
    failed: (stats?.unexpected ?? 0) + (stats?.flaky ?? 0) + errors,
    skipped: stats?.skipped ?? 0,
  };
  return { name, code, counts };
}

// The sub-path build is done before any browser test starts (in --e2e-only too): the root run's
// fixture builds (scale.spec, hostile-output.spec) write the same `.astro/` folder.
const subBuilt = await subpathBuild;
if (!rootOnly) {
  console.log(readFileSync(subpathLog, 'utf8').split('\n').slice(-4).join('\n'));
  if (subBuilt !== 0) {
    // The root run still runs, so one npm test reports everything that fails.
    console.log(readFileSync(subpathLog, 'utf8').slice(-4000));
    account('sub-path build', subBuilt, { passed: 0, failed: 1, skipped: 0 });
  }
}
/*
 * The two browser runs run at the same time, two workers each. One after the other, each run left a
 * core idle while its last tests ran and while the next run started (about 37 idle core-seconds of
 * 5 minutes on a fresh clone); side by side, the other run's tests fill those gaps (idle fell to about
 * 15 core-seconds; the whole run was about 0.2–0.3 min shorter, within the run-to-run spread, because
 * four workers on two cores also slow each test: README "测试", round 10). They share nothing
 * they write: each has its own server, port, build folder, output folder (E2E_OUTPUT_DIR: Playwright
 * empties its output folder when a run starts) and report, and the sub-path run builds no site, so the
 * root run's fixture builds have the project's `.astro/` folder to themselves. The sub-path run's
 * output is printed whole when both have ended. subpath.spec.ts reuses the sub-path build.
 */
const withSubpath = !rootOnly && subBuilt === 0;
const subpathE2eLog = '.test-logs/e2e-subpath.log';
const runs = await Promise.all([
  e2e('browser, at /', { ...rootEnv, E2E_SUBPATH_RUN_FOLLOWS: rootOnly ? '' : '1' }, 'test-results/e2e.json'),
  ...(withSubpath
    ? [
        e2e(
          'browser, under /gzf/',
          { ...SUBPATH, SUBPATH_OUT_DIR: SUBPATH.OUT_DIR, SUBPATH_REUSE: '1', E2E_OUTPUT_DIR: '.subpath/test-results' },
          '.test-logs/e2e-subpath.json',
          subpathE2eLog,
        ),
      ]
    : []),
]);
if (withSubpath) console.log(`\n> the run under /gzf/ (beside the run at /):\n${readFileSync(subpathE2eLog, 'utf8').trimEnd()}`);
for (const r of runs) account(r.name, r.code, r.counts);
finish(unitCode || subBuilt || runs.reduce((code, r) => code || r.code, 0));
