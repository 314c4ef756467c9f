/**
 * The content check's report as text, as the build, `npm run check`, `npm run new` and
 * `npm run import` print it: one line per problem (./content-check.ts `formatProblem`), then a
 * summary. Pure: no file system, no Astro.
 */
import { formatProblem, type CheckResult } from './content-check.ts';
import { msg, renderMessage } from '../schema/message.ts';

export function report(result: CheckResult & { files: number }): string {
  const lines = [...result.errors, ...result.warnings].map(formatProblem);
  const summary = msg(
    `内容检查：${result.files} 个条目，${result.errors.length} 个错误，${result.warnings.length} 个提示`,
    `content check: ${result.files} entries, ${result.errors.length} errors, ${result.warnings.length} warnings`,
  );
  return [...lines, renderMessage(summary)].join('\n');
}
