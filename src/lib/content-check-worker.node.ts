/**
 * Worker thread of checkProjectParallel (./content-files.node.ts): loads the rules at once, then waits
 * for its job; takes the next unchecked entry file (a counter shared with the main thread), checks it
 * alone with the one set of rules and the build's MDX parser, and hands the verdicts back in small
 * batches. It exits when no file is left, or when told to stop.
 */
import { parentPort } from 'node:worker_threads';
import { checkCaseFile, type FileVerdict } from './content-check.ts';
import type { CheckJob } from './content-files.node.ts';
import { parseMarkdownBody, parseMdxBody } from './mdx-parse.node.ts';

parentPort!.once('message', (job: CheckJob | 'stop') => {
  if (job === 'stop') return parentPort!.close();
  const { files, duplicates, context, next } = job;
  const counter = new Int32Array(next);
  const withParser = { ...context, parseBody: parseMdxBody, parseMarkdown: parseMarkdownBody };
  let batch: [number, FileVerdict][] = [];
  for (let i = Atomics.add(counter, 0, 1); i < files.length; i = Atomics.add(counter, 0, 1)) {
    batch.push([i, checkCaseFile(files[i], withParser, duplicates[i])]);
    // Small batches: the main thread reads them once its own share is done, and a failure loses little.
    if (batch.length === 16) {
      parentPort!.postMessage(batch);
      batch = [];
    }
  }
  parentPort!.postMessage(batch);
  parentPort!.postMessage('done');
  parentPort!.close();
});
