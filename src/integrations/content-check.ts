/**
 * Runs the content rules before Astro reads the collections, so a build with any bad entry stops
 * with every problem listed (Astro's own validation would stop at the first). `npm run check`
 * calls `checkProject` too: one set of rules, two ways in.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkCases, checkSources, contentFile, formatProblem, type CheckResult, type ContentFile } from '../lib/content-check.ts';
import { parseMdxBody } from '../lib/mdx-parse.ts';

function readDir(root: string, dir: string, extension: RegExp): ContentFile[] {
  const full = resolve(root, dir);
  let names: string[];
  try {
    names = readdirSync(full, { recursive: true }) as string[];
  } catch {
    return [];
  }
  return names
    .filter((name) => extension.test(name) && !/^[_.]/.test(name.split(/[\\/]/).pop()!) && statSync(join(full, name)).isFile())
    .sort()
    // Bytes, not text: the check tells a GBK or BOM file from bad content (see contentFile).
    .map((name) => contentFile(relative(root, join(full, name)).split('\\').join('/'), readFileSync(join(full, name))));
}

/** Checks every source and case file under `root/content`. */
export function checkProject(root: string, contentDir = 'content'): CheckResult & { files: number } {
  const sources = checkSources(readDir(root, join(contentDir, 'sources'), /\.json$/));
  // Every file, not only .mdx: a .md or .txt entry would be skipped by the build without a word.
  const caseFiles = readDir(root, join(contentDir, 'cases'), /./);
  const publicDir = join(root, 'public');
  const publicFiles = new Set(
    existsSync(publicDir) ? (readdirSync(publicDir, { recursive: true }) as string[]).map((f) => `/${f.split('\\').join('/')}`) : [],
  );
  const cases = checkCases(caseFiles, { sourceIds: sources.ids, sourceLines: sources.lines, publicFiles, parseBody: parseMdxBody });
  // A mistyped content folder must not pass as an empty library.
  const missing = existsSync(resolve(root, contentDir, 'cases'))
    ? []
    : [{ file: `${contentDir}/cases`, field: '（文件夹）', severity: 'error' as const, message: `找不到条目文件夹 ${contentDir}/cases：请检查路径 / the entries folder does not exist` }];
  return { ...cases, errors: [...missing, ...sources.errors, ...cases.errors], files: caseFiles.length };
}

/** The build's own check result, for pages rendered in the same build (see `checkedProject`). */
const RESULT = Symbol.for('gongzuofa.content-check');

/**
 * The content check's result: during a build, the one the build ran before rendering (checking a
 * library of thousands again would cost seconds); in dev, a fresh one, since files change.
 */
/** The result of the check this build ran, if it ran one. */
export const buildCheckResult = () => (globalThis as Record<symbol, unknown>)[RESULT] as (CheckResult & { files: number }) | undefined;

export function checkedProject(root: string, contentDir: string, dev: boolean): CheckResult & { files: number } {
  const stored = buildCheckResult();
  return !dev && stored ? stored : checkProject(root, contentDir);
}

export function report(result: CheckResult & { files: number }): string {
  const lines = [...result.errors, ...result.warnings].map(formatProblem);
  const summary = `内容检查：${result.files} 个条目，${result.errors.length} 个错误，${result.warnings.length} 个提示 / content check: ${result.files} entries, ${result.errors.length} errors, ${result.warnings.length} warnings`;
  return [...lines, summary].join('\n');
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'gongzuofa:content-check',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        // For tests only (tests/unit/build-refuses-code.test.ts): shows the build's own remark guard
        // (src/lib/refuse-code.ts) stops what this check would have stopped. Never set it to publish.
        if (process.env.CONTENT_CHECK === 'off') {
          logger.warn('CONTENT_CHECK=off: the content check is skipped (tests only)');
          return;
        }
        const result = checkProject(fileURLToPath(config.root), process.env.CONTENT_DIR ?? 'content');
        (globalThis as Record<symbol, unknown>)[RESULT] = result;
        if (result.errors.length === 0) {
          logger.info(`${result.files} entries pass the content rules`);
          return;
        }
        const text = report(result);
        // In dev the editor keeps the server and sees the list; a build must never ship bad content.
        if (command === 'dev') logger.error(`\n${text}`);
        else throw new Error(`内容有误，构建已停止 / invalid content, build stopped:\n${text}`);
      },
    },
  };
}
