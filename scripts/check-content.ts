/**
 * `npm run check` (after astro check): every content problem at once, in Chinese and English,
 * each with file:line, field and fix. Exit code 1 when there is any error.
 * Usage: node scripts/check-content.ts [content-dir]
 */
import { checkProject, report } from '../src/integrations/content-check.ts';

const contentDir = process.argv[2] ?? 'content';
const result = checkProject(process.cwd(), contentDir);
console.log(report(result));
process.exit(result.errors.length ? 1 : 0);
