/**
 * The search index (an Astro integration). The work itself, in ./search-index.ts, runs in a worker
 * thread (./search-index-worker.ts) that starts before the content check, gets the entries the
 * check has read once the configuration is done, and works beside Astro while it bundles and
 * renders (comparing pages with their records as they are written); once the pages are built it
 * finishes the index. The build fails on any Pagefind error, if the index does not hold exactly
 * one record per entry page, or if a record's text differs from its page.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../lib/worker-thread.node.ts';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { isPublished } from '../lib/editorial.ts';
import { lastCheckResult } from './content-check.ts';
import { normaliseBase } from '../site-config.ts';
import type { SearchIndexJob } from './search-index-worker.ts';
import type { IndexReport } from './search-index.ts';

type Answer = { report: IndexReport; cpuMs: number } | { error: string };

export default function pagefindIndex(): AstroIntegration {
  let worker: Worker | undefined;
  let failed: Promise<never> | undefined;
  let logger: AstroIntegrationLogger;
  const skip = process.env.SKIP_SEARCH_INDEX === '1';
  return {
    name: 'gongzuofa:pagefind',
    hooks: {
      // Started here, before the content check (an earlier integration's astro:config:done) runs on the main
      // thread: the worker loads its modules and tables on the second core meanwhile. Unreferenced until it
      // has a job, so a build the check stops exits without waiting for it.
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (skip || command !== 'build') return;
        const started = startWorker(new URL('src/integrations/search-index-worker.ts', config.root));
        worker = started;
        worker.unref();
        // Tells the worker when the pages' server bundle is written: until then the bundler's memory is high,
        // and the index paces its parts by the memory left (memoryGate in ./search-index.ts).
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'gongzuofa:pagefind-bundled',
                applyToEnvironment: (environment) => environment.name === 'prerender',
                writeBundle: () => started.postMessage('bundled'),
              },
            ],
          },
        });
        failed = new Promise((_, reject) => {
          worker!.once('error', reject);
          worker!.once('exit', (code) => reject(new Error(`the search index worker stopped with code ${code}`)));
        });
        failed.catch(() => {});
      },
      'astro:config:done': ({ config, logger: l }) => {
        logger = l;
        if (!worker) return;
        // The content check (an earlier integration) has read and validated every entry.
        const stageDir = join(fileURLToPath(config.cacheDir), 'search-index');
        rmSync(stageDir, { recursive: true, force: true });
        const job: SearchIndexJob = {
          outDir: fileURLToPath(config.outDir),
          stageDir,
          // Under a sub-path parts.json lists /gzf/pagefind/part-2/, the address the browser merges.
          base: normaliseBase(config.base),
          entries: (lastCheckResult()?.valid ?? []).filter((e) => isPublished(e.data.status, false)),
        };
        worker.postMessage(job);
        worker.ref();
      },
      'astro:build:done': async ({ dir }) => {
        // Page-budget tests on generated libraries measure pages, not search: they may skip it.
        if (skip || !worker) {
          logger.warn('SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const answer = new Promise<Answer>((resolve) => worker!.once('message', resolve));
        worker.postMessage({ out: fileURLToPath(dir), rendered: Date.now() });
        const result = await Promise.race([answer, failed!]);
        await worker.terminate();
        if ('error' in result) throw new Error(result.error);
        for (const warning of result.report.warnings) logger.warn(warning);
        logger.info(`${result.report.info} (${(result.cpuMs / 1000).toFixed(1)} s CPU in the worker)`);
      },
    },
  };
}
