/**
 * `npm run bench:build -- --entries 1000[,2000,…]`: generates N realistic entries, builds this
 * site with its search index, builds a bare Astro 7 site (one page per entry, Pagefind on) from
 * the same entries, and prints build time, search-index time, peak memory, output and index size,
 * time per entry and the ratio to the bare site; then the time to rebuild after editing one entry.
 * `--runs N` builds ours and the bare site N times each and reports medians; `--no-bare` and
 * `--no-rebuild` leave those builds out (they double a 10,000-entry run);
 * `--log` appends the table rows to .bench/build-results.md.
 * `--attribute` also builds ours without the per-case .docx, without the search index and without
 * both (SKIP_CASE_DOCX=1, SKIP_SEARCH_INDEX=1), in turn with the full build in every run, and prints
 * what each costs: the budget covers every build-time addition, and this tells which one is over it.
 */
import { execSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BUILD_ENV } from './lib/build-env.ts';
import { measure } from './lib/measure.ts';
import { generateLibrary } from './lib/synthetic.ts';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (flag('--entries') ?? '1000').split(',').map(Number);
const skipBare = args.includes('--no-bare');
const skipRebuild = args.includes('--no-rebuild');
const runs = Number(flag('--runs') ?? 1);
const attribute = args.includes('--attribute');

/** The builds `--attribute` adds: ours with one feature (or both) left out. */
const WITHOUT: { name: string; env: Record<string, string> }[] = [
  { name: 'without the per-case .docx', env: { SKIP_CASE_DOCX: '1' } },
  { name: 'without the search index', env: { SKIP_SEARCH_INDEX: '1' } },
  { name: 'without both', env: { SKIP_CASE_DOCX: '1', SKIP_SEARCH_INDEX: '1' } },
];
/** A build without the index is also set beside the bare site's Astro build alone, without its Pagefind run. */
const withoutIndex = (extra: Record<string, string>) => extra.SKIP_SEARCH_INDEX === '1';
const env = (extra: Record<string, string>) => ({ ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra });
const du = (path: string) => Number(execSync(`du -sk ${path}`).toString().split('\t')[0]) / 1024;
const fmt = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The bare comparison site: content collection, one page per entry, nothing else. */
function writeBareSite(dir: string, contentDir: string) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'src/pages/cases'), { recursive: true });
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], markdown: { syntaxHighlight: false } });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { cases: defineCollection({ loader: glob({ pattern: '*.mdx', base: ${JSON.stringify(resolve(contentDir, 'cases'))} }) }) };\n`,
  );
  writeFileSync(
    join(dir, 'src/pages/cases/[id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() { return (await getCollection('cases')).map((entry) => ({ params: { id: entry.id }, props: { entry } })); }\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="zh-CN"><head><meta charset="utf-8" /><title>{entry.data.title}</title></head><body><main data-pagefind-body><h1>{entry.data.title}</h1><Content /></main></body></html>\n`,
  );
}

type Measured = Awaited<ReturnType<typeof measure>>;

/** Builds the bare site (Astro, then the Pagefind CLI) from a library; returns the total wall and CPU time. */
async function buildBare(base: string): Promise<{ ms: number; cpuMs: number; astroMs: number }> {
  const bare = resolve(`${base}/bare`);
  writeBareSite(bare, `${base}/content`);
  // The bare site gets the same memory settings: they are the environment, not a feature.
  const astro = await measure(resolve('node_modules/.bin/astro'), ['build', '--root', bare], env(BUILD_ENV));
  if (astro.code !== 0) throw new Error(`bare build failed:\n${astro.output.slice(-3000)}`);
  const pagefind = await measure(
    resolve('node_modules/.bin/pagefind'),
    ['--site', join(bare, 'dist'), '--force-language', 'zh-cn'],
    env({}),
  );
  if (pagefind.code !== 0) throw new Error(`bare pagefind failed:\n${pagefind.output.slice(-3000)}`);
  console.log(`  bare: astro ${fmt(astro.ms)}, pagefind ${fmt(pagefind.ms)} (CPU ${fmt(astro.cpuMs + pagefind.cpuMs)})`);
  return { ms: astro.ms + pagefind.ms, cpuMs: astro.cpuMs + pagefind.cpuMs, astroMs: astro.ms };
}

const rows: string[] = [];
for (const n of sizes) {
  const base = `.bench/build-${n}`;
  console.log(`\n== ${n} entries ==`);
  generateLibrary(n, `${base}/content`, { seed: 11 });
  // Builds vary by 10–15% from run to run on this machine: with --runs N, ours and the bare site
  // are built N times, alternately, and the medians are reported (peak memory: the highest).
  const ourRuns: Measured[] = [];
  const bareRuns: { ms: number; cpuMs: number; astroMs: number }[] = [];
  const withoutRuns: Measured[][] = WITHOUT.map(() => []);
  /** A cold build of ours (no output, no cache), with `extra` in its environment. */
  const buildOurs = async (extra: Record<string, string> = {}) => {
    rmSync(`${base}/dist`, { recursive: true, force: true });
    rmSync(`${base}/dist-cache`, { recursive: true, force: true });
    const built = await measure('node', ['scripts/build.ts'], env({ CONTENT_DIR: `${base}/content`, OUT_DIR: `${base}/dist`, ...extra }));
    if (built.code !== 0) throw new Error(`build failed:\n${built.output.slice(-3000)}`);
    return built;
  };
  for (let run = 0; run < runs; run++) {
    // Left-out builds first, so the last build in place is the full one (the rebuild below edits it).
    if (attribute)
      for (const [i, { name, env: extra }] of WITHOUT.entries()) {
        const built = await buildOurs(extra);
        withoutRuns[i].push(built);
        console.log(`  ours ${name}: ${fmt(built.ms)} (CPU ${fmt(built.cpuMs)}), peak memory ${built.peakMB.toFixed(0)} MB`);
      }
    const built = await buildOurs();
    ourRuns.push(built);
    // Printed at once: at 10,000 entries on a shared machine the bare build after it can take as long again.
    console.log(`  ours: ${fmt(built.ms)} (CPU ${fmt(built.cpuMs)}), peak memory ${built.peakMB.toFixed(0)} MB`);
    if (!skipBare) bareRuns.push(await buildBare(base));
  }
  const ours = { ...ourRuns.sort((a, b) => a.ms - b.ms)[Math.floor(runs / 2)], peakMB: Math.max(...ourRuns.map((r) => r.peakMB)) };
  // The index is built while Astro bundles and renders; what remains is the time after the last page.
  const indexMs = Number(/index finished (\d+) ms after the pages/.exec(ours.output)?.[1] ?? NaN);
  const parts = /in (\d+) part\(s\), (\d+) from source while building/.exec(ours.output);
  const runsNote = runs > 1 ? ` (median of ${runs}: ${ourRuns.map((r) => fmt(r.ms)).join(', ')})` : '';
  console.log(
    `ours: ${fmt(ours.ms)}${runsNote}; search index in ${parts?.[1]} part(s), ${parts?.[2]} of ${n} entries indexed while building, ${fmt(indexMs)} after the last page; peak memory ${ours.peakMB.toFixed(0)} MB, output ${du(`${base}/dist`).toFixed(1)} MB, index ${du(`${base}/dist/pagefind`).toFixed(1)} MB, ${(ours.ms / n).toFixed(1)} ms per entry`,
  );
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const bareMs = skipBare ? NaN : median(bareRuns.map((r) => r.ms));
  const bareCpu = skipBare ? NaN : median(bareRuns.map((r) => r.cpuMs));
  const ourCpu = median(ourRuns.map((r) => r.cpuMs));
  // Wall time is the budget; CPU time is the figure to trust when the machine is shared (see measure.ts).
  if (!skipBare)
    console.log(
      `bare Astro 7 + Pagefind: ${fmt(bareMs)}${runs > 1 ? ` (median of ${bareRuns.map((r) => fmt(r.ms)).join(', ')})` : ''}; ours is ${(ours.ms / bareMs).toFixed(2)}× the bare site in wall time, ${(ourCpu / bareCpu).toFixed(2)}× in CPU time (${fmt(ourCpu)} vs ${fmt(bareCpu)})`,
    );

  if (attribute) {
    const bareAstroMs = skipBare ? NaN : median(bareRuns.map((r) => r.astroMs));
    const ratio = (ms: number, of: number) => (Number.isNaN(of) ? '—' : `${(ms / of).toFixed(2)}×`);
    console.log(
      `what each part costs (medians${runs > 1 ? ` of ${runs} runs` : ''}; bare site ${fmt(bareMs)}, of it Astro alone ${fmt(bareAstroMs)}):`,
    );
    console.log(`  full build: ${fmt(ours.ms)}, CPU ${fmt(ourCpu)}, ${ratio(ours.ms, bareMs)} the bare site`);
    for (const [i, { name, env: extra }] of WITHOUT.entries()) {
      const ms = median(withoutRuns[i].map((r) => r.ms));
      const cpu = median(withoutRuns[i].map((r) => r.cpuMs));
      console.log(
        `  ${name}: ${fmt(ms)} (${fmt(ours.ms - ms)} less), CPU ${fmt(cpu)} (${fmt(ourCpu - cpu)} less), ${ratio(ms, bareMs)} the bare site${withoutIndex(extra) ? `, ${ratio(ms, bareAstroMs)} its Astro build alone` : ''}`,
      );
    }
  }

  // Rebuild after editing one entry, with Astro's content cache warm.
  let rebuildMs = NaN;
  if (!skipRebuild) {
    const edited = `${base}/content/cases/syn-00001.mdx`;
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('## 背景\n\n', '## 背景\n\n（已修改）'));
    const rebuild = await measure('node', ['scripts/build.ts'], env({ CONTENT_DIR: `${base}/content`, OUT_DIR: `${base}/dist` }));
    if (rebuild.code !== 0) throw new Error(`rebuild failed:\n${rebuild.output.slice(-3000)}`);
    rebuildMs = rebuild.ms;
    console.log(`rebuild after editing one entry: ${fmt(rebuildMs)}`);
  }

  rows.push(
    `| ${n} | ${fmt(ours.ms)} | ${fmt(indexMs)} | ${ours.peakMB.toFixed(0)} MB | ${(ours.ms / n).toFixed(1)} ms | ${Number.isNaN(bareMs) ? '—' : fmt(bareMs)} | ${Number.isNaN(bareMs) ? '—' : `${(ours.ms / bareMs).toFixed(2)}×`} | ${Number.isNaN(bareCpu) ? '—' : `${(ourCpu / bareCpu).toFixed(2)}×`} | ${Number.isNaN(rebuildMs) ? '—' : fmt(rebuildMs)} |`,
  );
}
console.log(
  '\n| entries | build (with search) | index after last page | peak memory | per entry | bare site | ratio | CPU ratio | rebuild after one edit |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const row of rows) console.log(row);
if (args.includes('--log')) appendFileSync('.bench/build-results.md', `${rows.join('\n')}\n`);
