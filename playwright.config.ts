import { defineConfig } from '@playwright/test';
import { normaliseBase } from './src/site-config.ts';
import { CHROMIUM_ARGS } from './scripts/chromium.ts';

const port = Number(process.env.TEST_PORT ?? 4399);
// Under a sub-path (BASE_PATH=/gzf/, npm run test:subpath) the server serves the site there and
// baseURL ends in it; specs meant for both go to relative paths (`page.goto('cases/')`).
const base = normaliseBase(process.env.BASE_PATH);

export default defineConfig({
  testDir: 'tests/e2e',
  // npm test (scripts/test.ts) runs this suite twice, at the root and under /gzf/ (see tests/e2e/site.ts).
  // Specs that build and serve their own fixture site at the root run only in the root run;
  // subpath.spec.ts (the SITE_URL build, the release archive, nginx) only in the sub-path run, or alone
  // through npm run test:subpath.
  testIgnore:
    base === '/'
      ? process.env.E2E_SUBPATH_RUN_FOLLOWS === '1'
        ? ['**/subpath.spec.ts']
        : []
      : ['**/scale.spec.ts', '**/hostile-output.spec.ts'],
  fullyParallel: true,
  workers: 2,
  // No retries: a flaky test must show. Timeouts are sized for a loaded 2-core machine; tests that
  // wait on search or builds wait for the page's own "done" signal with their own explicit timeouts.
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json']],
  // scripts/test.ts runs the sub-path run beside the root run: each needs its own output folder,
  // because Playwright empties it when a run starts (downloads and attachments live there).
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results',
  use: {
    // One browser context per worker, reset between tests by tests/e2e/fixtures.ts (specs import
    // `test` from there): it keeps one page and clears storage, cache, routes, init scripts, listeners
    // and emulation itself, cheaper than Playwright's reuseContext reset (README "测试"). A fresh
    // context with its first page costs about 1.5 s of CPU in Chromium. A test that changes a context
    // option (javaScriptEnabled, isMobile, serviceWorkers…) still gets a context with its options.
    // To rule the fixture out: E2E_RESET=playwright uses Playwright's reuseContext reset instead,
    // E2E_FRESH_CONTEXT=1 gives every test its own context.
    reuseContext: process.env.E2E_RESET === 'playwright' && process.env.E2E_FRESH_CONTEXT !== '1',
    // The offline worker would cache every page a test opens, and a reused context keeps the
    // Cache Storage: only the test of offline reading lets it run (quality.spec.ts).
    serviceWorkers: 'block',
    baseURL: `http://127.0.0.1:${port}${base === '/' ? '' : base}`,
    locale: 'zh-CN',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // Tests only (benchmarks keep CHROMIUM_ARGS as they are): without site isolation a tab keeps its
      // renderer process from one test to the next instead of starting a new one for each navigation
      // after Playwright's reset. A/B on 32 tests (pages, catalogue, design, search, teaching; one
      // worker; CPU of the whole process tree): 104.6 and 106.5 CPU-s without, 91.1 and 90.2 with
      // (README, "测试"). Every page under test is served from 127.0.0.1: isolation guards nothing here.
      // RenderDocument (on by default in Chromium 156) builds a new frame, document host and script
      // contexts in the renderer for every navigation; off, a navigation reuses the frame, as Chromium
      // did before it. What a page does is the same; the engine work around each navigation is less:
      // 30 loads each, one page: 0.16 → 0.13 CPU-s for favicon.svg, 0.24–0.27 → 0.18–0.19 for an
      // entry page. Seven spec files (15 tests, one worker, four alternating pairs): on 86.2, 85.9,
      // 83.5, 78.4 CPU-s; off 87.9, 77.1, 74.7, 74.2 (median −10%, within the noise of single runs).
      args: [...CHROMIUM_ARGS, '--disable-site-isolation-trials', '--disable-features=RenderDocument'],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: {
    // dist/ as a static host serves it, with the headers of its _headers file (astro preview ignores them).
    command: `node scripts/lib/static-server.ts --port ${port} --base ${base}`,
    url: `http://127.0.0.1:${port}${base}`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
