/**
 * The build's content check (an Astro integration; Node only, like everything in this folder).
 * It runs the content rules before Astro reads the collections, so a build with any bad entry
 * stops with every problem listed (Astro's own validation would stop at the first). Files are
 * read by src/lib/content-files.node.ts, the report is written by src/lib/content-report.ts; the
 * CLIs call those two directly.
 *
 * Handing the result on, explicitly:
 * - to the other integrations (src/integrations/pagefind.ts and case-docx.ts, same Node process): `lastCheckResult()`,
 *   a module-level value whose only writer is this hook;
 * - to pages (src/pages/backlog.astro), which are bundled and run apart from this module: the
 *   virtual module `virtual:gongzuofa/content-check` (types in src/virtual-modules.d.ts). In a
 *   build it holds the result this hook computed; in dev it is recomputed whenever a content file
 *   changes, since editors are editing. Pages get only what they show: warnings and counts.
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import type { Worker } from 'node:worker_threads';
import { checkProject, checkProjectParallel, startCheckWorker, type ProjectResult } from '../lib/content-files.node.ts';
import { report } from '../lib/content-report.ts';
import { msg, renderMessage } from '../schema/message.ts';

/** What pages may read: `import checked from 'virtual:gongzuofa/content-check'`. */
export const VIRTUAL_ID = 'virtual:gongzuofa/content-check';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** The result this build's hook computed; owned (written) by the hook below only. */
let result: ProjectResult | undefined;

/** The result of the check this build ran, if it ran one (read by src/integrations/pagefind.ts and case-docx.ts at astro:config:done; its entries are dropped at astro:build:start). */
export const lastCheckResult = (): ProjectResult | undefined => result;

/** The part of a result pages read: plain data, so it can be written into a module. */
export const forPages = (r: ProjectResult) => ({ files: r.files, errors: r.errors.length, warnings: r.warnings });

function checkResultModule(root: string, contentDir: string, dev: boolean): Plugin {
  const contentRoot = resolve(root, contentDir);
  return {
    name: 'gongzuofa:content-check-result',
    resolveId: (id) => (id === VIRTUAL_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      // In dev (or with CONTENT_CHECK=off, tests only) the pages get a fresh check of the files.
      const current = !dev && result ? result : checkProject(root, contentDir);
      return `export default ${JSON.stringify(forPages(current))};`;
    },
    configureServer(server) {
      // A changed entry or source must show on /backlog/ at the next reload: drop the module.
      server.watcher.on('all', (_event, file) => {
        if (!resolve(file).startsWith(contentRoot)) return;
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(RESOLVED_ID);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      });
    },
  };
}

export default function contentCheck(): AstroIntegration {
  const contentDir = process.env.CONTENT_DIR ?? 'content';
  let command = '';
  let root = '';
  let worker: Worker | undefined;
  return {
    name: 'gongzuofa:content-check',
    hooks: {
      'astro:config:setup': ({ config, command: c, updateConfig }) => {
        command = c;
        root = fileURLToPath(config.root);
        updateConfig({ vite: { plugins: [checkResultModule(root, contentDir, command === 'dev')] } });
        // Its modules load on the second core while Astro starts (see checkProjectParallel).
        if (command === 'build' && process.env.CONTENT_CHECK !== 'off') worker = startCheckWorker();
      },
      // Here rather than at astro:config:setup: still before Astro reads the collections (its content sync
      // follows this hook), and after the later integrations' astro:config:setup has started the search index
      // and .docx workers, whose module loading then takes the second core while this runs on the main thread.
      'astro:config:done': async ({ logger }) => {
        // For tests only (tests/unit/build-guard.test.ts): shows the build's own satteri guard
        // (src/lib/refuse-code.node.ts) stops what this check would have stopped. Never set it to publish.
        if (process.env.CONTENT_CHECK === 'off') {
          logger.warn('CONTENT_CHECK=off: the content check is skipped (tests only)');
          return;
        }
        // On two cores for a large library (nothing else runs yet); the same result as checkProject.
        result = await checkProjectParallel(root, contentDir, { worker });
        if (result.errors.length === 0) {
          logger.info(`${result.files} entries pass the content rules`);
          return;
        }
        const text = report(result);
        // In dev the editor keeps the server and sees the list; a build must never ship bad content.
        if (command === 'dev') logger.error(`\n${text}`);
        else throw new Error(`${renderMessage(msg('内容有误，构建已停止', 'invalid content, build stopped'))}:\n${text}`);
      },
      // After every integration's astro:config:done has handed the entries to its worker (structured clones):
      // the main thread keeps only what pages read, rather than carry every body through Astro's bundling,
      // when the build process is at its largest and the search index waits for memory (about 40 MB of heap
      // at 10,000 entries).
      'astro:build:start': () => {
        if (result) result = { ...result, valid: [], validIds: [] };
      },
      // The first build:done hook: the main thread's CPU time up to the last page, the build's critical path
      // (the index and the .docx run in worker threads beside it), a figure the machine's load barely moves.
      'astro:build:done': ({ logger }) => {
        const cpu = process.threadCpuUsage();
        logger.info(`main thread ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU until the pages were built`);
      },
    },
  };
}
