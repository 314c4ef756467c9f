/**
 * The content check's file-system side (Node only): reads `content/sources`, `content/cases` and
 * the names under `public/`, and runs the one set of rules (./content-check.ts) on them. Used by
 * the build's hook (src/integrations/content-check.ts) and the CLIs (`npm run check`, `new`,
 * `import`); pages never read files themselves (they get the build's result, see that hook).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './worker-thread.node.ts';
import {
  checkBetween,
  checkCaseFile,
  checkCases,
  checkSources,
  contentFile,
  duplicateIds,
  type CheckContext,
  type CheckResult,
  type ContentFile,
  type FileVerdict,
} from './content-check.ts';
import { parseMarkdownBody, parseMdxBody } from './mdx-parse.node.ts';
import { msg } from '../schema/message.ts';

/** The check's result for a whole content folder, with the number of entry files read. */
export type ProjectResult = CheckResult & { files: number };

function readDir(root: string, dir: string, extension: RegExp): ContentFile[] {
  const full = resolve(root, dir);
  let names: string[];
  try {
    names = readdirSync(full, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return (
    names
      .filter((name) => extension.test(name) && !/^[_.]/.test(name.split(/[\\/]/).pop()!) && statSync(join(full, name)).isFile())
      .sort()
      // Bytes, not text: the check tells a GBK or BOM file from bad content (see contentFile).
      .map((name) => contentFile(relative(root, join(full, name)).split('\\').join('/'), readFileSync(join(full, name))))
  );
}

/** What a check of `root/contentDir` reads: sources checked, entry files, names under public/. */
function readProject(root: string, contentDir: string) {
  const sources = checkSources(readDir(root, join(contentDir, 'sources'), /\.json$/));
  // Every file, not only .mdx: a .md or .txt entry would be skipped by the build without a word.
  const caseFiles = readDir(root, join(contentDir, 'cases'), /./);
  const publicDir = join(root, 'public');
  const publicFiles = new Set(
    existsSync(publicDir) ? (readdirSync(publicDir, { recursive: true }) as string[]).map((f) => `/${f.split('\\').join('/')}`) : [],
  );
  const context: CheckContext = {
    sourceIds: sources.ids,
    sourceLines: sources.lines,
    publicFiles,
    parseBody: parseMdxBody,
    parseMarkdown: parseMarkdownBody,
  };
  // A mistyped content folder must not pass as an empty library.
  const missing = existsSync(resolve(root, contentDir, 'cases'))
    ? []
    : [
        {
          file: `${contentDir}/cases`,
          field: '（文件夹）',
          severity: 'error' as const,
          message: msg(`找不到条目文件夹 ${contentDir}/cases：请检查路径`, 'the entries folder does not exist'),
        },
      ];
  const finish = (cases: CheckResult): ProjectResult => ({
    ...cases,
    errors: [...missing, ...sources.errors, ...cases.errors],
    files: caseFiles.length,
  });
  return { caseFiles, context, finish };
}

/** Checks every source and entry file under `root/contentDir`. */
export function checkProject(root: string, contentDir = 'content'): ProjectResult {
  const { caseFiles, context, finish } = readProject(root, contentDir);
  return finish(checkCases(caseFiles, context));
}

/** What the worker (./content-check-worker.node.ts) is sent: plain data, and the shared counter. */
export interface CheckJob {
  files: ContentFile[];
  duplicates: boolean[];
  context: Omit<CheckContext, 'parseBody' | 'parseMarkdown'>;
  /** One Int32: the index of the next file to check, taken by either thread with Atomics.add. */
  next: SharedArrayBuffer;
}

/**
 * Starts the check's worker thread early (the build does it at astro:config:setup), so that loading
 * the rules' modules (about 0.5–2 s, depending on the machine's load) overlaps Astro's own start-up
 * instead of the check. It waits for its job; checkProjectParallel sends it, or tells it to stop.
 */
export const startCheckWorker = (): Worker => startWorker(new URL('./content-check-worker.node.ts', import.meta.url));

/**
 * The same check as checkProject, on two cores when the library is large: the worker thread and this
 * one take the next unchecked file in turn, and the checks between entries run here on every file's
 * verdict in file order, so the result is the one checkProject gives (tests/unit/content.test.ts).
 * At 1,000 entries the check is about 3 s of CPU that nothing else overlaps: it runs before Astro
 * reads the collections. Below `minFiles` the worker is not used (its start-up would cost more than
 * it saves). If the worker fails, whatever it had not handed back is checked here.
 */
export async function checkProjectParallel(
  root: string,
  contentDir = 'content',
  { minFiles = 200, worker }: { minFiles?: number; worker?: Worker } = {},
): Promise<ProjectResult> {
  const { caseFiles: files, context, finish } = readProject(root, contentDir);
  if (files.length < minFiles) {
    worker?.postMessage('stop');
    return finish(checkCases(files, context));
  }
  worker ??= startCheckWorker();
  const duplicates = duplicateIds(files, context.existing);
  const next = new SharedArrayBuffer(4);
  const counter = new Int32Array(next);
  const verdicts: (FileVerdict | undefined)[] = new Array(files.length);
  const finished = new Promise<void>((done) => {
    worker.on('message', (batch: [number, FileVerdict][] | 'done') => {
      if (batch === 'done') return done();
      for (const [i, verdict] of batch) verdicts[i] = verdict;
    });
    worker.once('error', (error) => {
      if (process.env.CHECK_DEBUG) console.error('content-check worker:', error);
      done();
    });
    worker.once('exit', () => done());
  });
  const { parseBody: _parser, parseMarkdown: _markdown, ...plain } = context;
  worker.postMessage({ files, duplicates, context: plain, next } satisfies CheckJob);
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1))
    verdicts[i] = checkCaseFile(files[i], context, duplicates[i]);
  await finished;
  // Array.from, not map: map would skip the holes left by files the worker took and never handed back.
  const all = Array.from(verdicts, (verdict, i) => verdict ?? checkCaseFile(files[i], context, duplicates[i]));
  return finish(checkBetween(all, context));
}
