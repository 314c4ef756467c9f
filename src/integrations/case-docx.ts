/**
 * Writes /cases/<id>.docx for every published entry: the entry alone, laid out by the lesson's
 * Word handout module (src/lib/handout-docx.ts), so the entry page links a real file that in-app
 * browsers (WeChat, which drops blob: downloads) can fetch; and /cases/<id>.json, the entry
 * contract (see src/pages/cases/[id].json.ts, which serves it in dev).
 *
 * A .docx costs about as much CPU as rendering the entry page, so the documents are made in a
 * worker thread, started before the content check and given the entries it has read once the
 * configuration is done (as the search index is); it runs at the lowest priority while Astro
 * bundles and renders, so the rest of the build comes first (it still costs some time: README, round 17).
 * Astro empties the output folder when it starts writing, so the worker writes into the cache
 * folder and the files are moved into place once the pages are built.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../lib/worker-thread.node.ts';
import type { AstroIntegration } from 'astro';
import { lastCheckResult } from './content-check.ts';
import { moveStaged } from './move-staged.ts';
import { isPublished } from '../lib/editorial.ts';
import type { SourceFacts } from '../lib/entry-view.ts';
import type { DocxJob } from './case-docx-worker.ts';
import { normaliseBase } from '../site-config.ts';

/** Title, number and date of every source file in a content folder (the content check has validated them). */
export function sourceFacts(contentDir: string): Record<string, SourceFacts> {
  const dir = join(contentDir, 'sources');
  if (!existsSync(dir)) return {};
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.json') && !f.startsWith('_'))
      .map((f) => {
        const { title, docNumber, date } = JSON.parse(readFileSync(join(dir, f), 'utf8')) as SourceFacts;
        return [f.replace(/\.json$/, ''), { title, docNumber, date }];
      }),
  );
}

export default function caseDocx(): AstroIntegration {
  let worker: Worker | undefined;
  let done: Promise<{ written: number; cpuMs: number; at: number }> | undefined;
  let dir = '';
  /** Whether the .docx files are made (SKIP_CASE_DOCX=1 leaves them out, for a test fixture). */
  let docx = true;
  return {
    name: 'gongzuofa:case-docx',
    hooks: {
      // The worker starts here, before the content check (an earlier integration's astro:config:done) runs on
      // the main thread, so its modules load on the second core meanwhile; unreferenced until it has a job, so
      // a build the check stops exits without waiting for it.
      'astro:config:setup': ({ command, config, injectRoute }) => {
        // Dev only: in a build the route would put the docx package into the server bundle for nothing.
        if (command === 'dev') {
          const entrypoint = new URL('src/integrations/case-docx-dev-route.ts', config.root);
          injectRoute({ pattern: '/cases/[id].docx', entrypoint }); // url-ok: a route pattern; Astro adds the base
        }
        if (command !== 'build') return;
        // Its heap is bounded: it holds the entries (let go one by one) and one document at a time.
        worker = startWorker(new URL('src/integrations/case-docx-worker.ts', config.root), {
          resourceLimits: { maxOldGenerationSizeMb: 512 },
        });
        worker.unref();
        const started = worker;
        done = new Promise((resolvePromise, reject) => {
          started.once('message', (m: { written: number; cpuMs: number; at: number }) => resolvePromise(m));
          started.once('error', reject);
          started.once('exit', (code) => code !== 0 && reject(new Error(`the .docx worker stopped with code ${code}`)));
        });
        // A failure is reported at build:done, where the build can stop on it.
        done.catch(() => {});
      },
      'astro:config:done': ({ config }) => {
        // `astro dev` serves them from ./case-docx-dev-route.ts and src/pages/cases/[id].json.ts instead.
        if (!worker) return;
        const root = fileURLToPath(config.root);
        dir = join(fileURLToPath(config.cacheDir), 'case-docx');
        rmSync(dir, { recursive: true, force: true });
        docx = process.env.SKIP_CASE_DOCX !== '1';
        const job: DocxJob = {
          dir,
          site: config.site,
          base: normaliseBase(config.base),
          sources: sourceFacts(resolve(root, process.env.CONTENT_DIR ?? 'content')),
          entries: (lastCheckResult()?.valid ?? []).filter((e) => isPublished(e.data.status, false)),
          docx,
        };
        worker.postMessage(job);
        worker.ref();
      },
      'astro:build:done': async ({ dir: outUrl, logger }) => {
        if (!done) return;
        // Date.now(), not performance.now(): the worker's `at` comes from another thread's clock.
        const pagesAt = Date.now();
        let written: number;
        let cpuMs: number;
        let at: number;
        try {
          ({ written, cpuMs, at } = await done);
        } catch (error) {
          throw new Error(
            `每个案例的 Word 文件没能生成 / the per-case .docx files failed: ${error instanceof Error ? error.stack : String(error)}`,
            { cause: error },
          );
        }
        const cases = join(fileURLToPath(outUrl), 'cases');
        for (const file of readdirSync(dir)) moveStaged(join(dir, file), join(cases, file));
        if (!docx) logger.warn('SKIP_CASE_DOCX=1: no per-case .docx files were written / 未生成每个案例的 Word 文件');
        logger.info(
          `${written} case${docx ? ' .docx and' : ''} .json files (${(cpuMs / 1000).toFixed(1)} s CPU in the worker), made ${at <= pagesAt ? `${pagesAt - at} ms before` : `${at - pagesAt} ms after`} the pages, in place ${Date.now() - pagesAt} ms after them`,
        );
      },
    },
  };
}
