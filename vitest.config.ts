import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that replace modules with vi.mock: each runs in a fresh module registry of its own, so a
// module another file loaded first can never reach them unmocked.
const mocking = ['tests/unit/entry-contract.test.ts', 'tests/unit/pagefind-parts.test.ts', 'tests/unit/search-index-build.test.ts'];
// Files that run `astro build` in the project folder. Each build writes the project's own `.astro/`
// folder (content-modules.mjs lists the entry files a build imports), whatever its OUT_DIR: two
// builds at once can read each other's entries (seen: the root build importing build-guard's
// hostile entry). So they run one at a time, after the other files, and `npm test` (scripts/test.ts)
// runs them only once its own builds of the site are done.
export const building = ['tests/unit/build-guard.test.ts', 'tests/unit/editors.test.ts'];

// vitest's default of 5 s per test fails tests that read the whole library (content, privacy and
// markup checks: 0.3–0.9 s idle) when two workers share the 2-core machine with the site builds
// (5.7 s and 8.4 s measured at load 8–15). A hang still fails, at 30 s; build and CLI tests set their own.
const testTimeout = 30_000;

export default defineConfig({
  test: {
    projects: [
      {
        // Every other file shares its worker's module registry (isolate: false) instead of
        // importing zod, Astro's markdown stack and the content library again per file: on the
        // 2-core machine that was about a fifth of the unit stage (README, "测试").
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          exclude: [...mocking, ...building],
          isolate: false,
          testTimeout,
          // vitest's default is one worker fewer than the cores: ONE worker on this 2-core machine,
          // which left a core idle for most of the unit stage (README, "测试").
          maxWorkers: availableParallelism(),
        },
      },
      { test: { name: 'unit (mocks)', include: mocking, maxWorkers: availableParallelism(), testTimeout } },
      { test: { name: 'unit (builds)', include: building, maxWorkers: 1, testTimeout, sequence: { groupOrder: 1 } } },
    ],
  },
});
