/**
 * The content check's file-system side (Node only): reads `content/sources`, `content/cases` and
 * the names under `public/`, and runs the one set of rules (./content-check.ts) on them. Used by
 * the build's hook (src/integrations/content-check.ts) and the CLIs (`npm run check`, `new`,
 * `import`); pages never read files themselves (they get the build's result, see that hook).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { checkCases, checkSources, contentFile, type CheckResult, type ContentFile } from './content-check.ts';
import { parseMdxBody } from './mdx-parse.node.ts';
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

/** Checks every source and entry file under `root/contentDir`. */
export function checkProject(root: string, contentDir = 'content'): ProjectResult {
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
    : [
        {
          file: `${contentDir}/cases`,
          field: '（文件夹）',
          severity: 'error' as const,
          message: msg(`找不到条目文件夹 ${contentDir}/cases：请检查路径`, 'the entries folder does not exist'),
        },
      ];
  return { ...cases, errors: [...missing, ...sources.errors, ...cases.errors], files: caseFiles.length };
}
