import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Files that replace modules with vi.mock: each runs in a fresh module registry of its own, so a
// module another file loaded first can never reach them unmocked.
const mocking = ['tests/unit/entry-contract.test.ts', 'tests/unit/pagefind-parts.test.ts'];

export default defineConfig({
  test: {
    // vitest's default is one worker fewer than the cores: ONE worker on this 2-core machine, which
    // left a core idle for most of the unit stage (README, "测试"). Files that build or run a CLI use
    // their own temporary folders (.bench/…-XXXX, their own OUT_DIR and cache), so files running at
    // the same time never share a path.
    maxWorkers: availableParallelism(),
    projects: [
      {
        // Every other file shares its worker's module registry (isolate: false) instead of
        // importing zod, Astro's markdown stack and the content library again per file: on the
        // 2-core machine that was about a fifth of the unit stage (README, "测试").
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: mocking, isolate: false },
      },
      { test: { name: 'unit (mocks)', include: mocking } },
    ],
  },
});
