/**
 * `npm run import -- <file.docx> [more.docx…]`: each submitted Word document becomes a 草稿 entry
 * in content/cases/ (never overwriting a file), its pictures go to public/images/cases/<id>/, and
 * a new source file content/sources/laigao-<id>.json cites the document. The import report is
 * printed in the terminal only (it names private data that was removed, masked, and such a report
 * has no place in the repository); then the draft is checked like every entry.
 * Options: --source <id> (cite an existing source instead), --author, --dir (content folder).
 * Exit code 1 if any file was refused or its draft has errors.
 */
import { msg } from '../src/schema/message.ts';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import mammoth from 'mammoth';
import { checkProject } from '../src/lib/content-files.node.ts';
import { report } from '../src/lib/content-report.ts';
import { convertDocx, formatReport, imageExtension, ImportRefusal, importDocx, type Mammoth } from '../src/lib/import-docx.ts';

const USAGE =
  '用法：npm run import -- 来稿.docx [更多.docx…]（可加 --source <来源id> --author <撰写人> --dir <内容文件夹，默认 content>） / usage: npm run import -- file.docx [--source id] [--author name] [--dir content-folder]';
let parsed: ReturnType<typeof parseArgs<{ allowPositionals: true; options: typeof OPTIONS }>>;
const OPTIONS = {
  source: { type: 'string' },
  author: { type: 'string' },
  dir: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;
try {
  parsed = parseArgs({ allowPositionals: true, options: OPTIONS });
} catch (error) {
  // An unknown option is said in one line with the usage, not as a stack trace.
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const { values: flags, positionals: files } = parsed;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}
const dir = flags.dir ?? 'content';
// The project root holding the content folder: pictures go to its public/, as the check expects.
const root = dirname(resolve(dir));
if (!files.length) {
  console.error(USAGE);
  process.exit(2);
}
// Said once, before any file is read, rather than as a bare ENOENT from the first file.
if (!existsSync(join(dir, 'cases'))) {
  console.error(
    `内容文件夹 ${resolve(dir)} 下没有 cases/ 文件夹：请在项目根目录运行，或用 --dir 指向含 cases/ 和 sources/ 的内容文件夹（默认 content） / no cases/ folder in ${dir}`,
  );
  process.exit(2);
}
if (flags.source && !existsSync(join(dir, 'sources', `${flags.source}.json`))) {
  console.error(`来源 ${flags.source} 不存在（${join(dir, 'sources')} 下没有 ${flags.source}.json） / unknown source id`);
  process.exit(2);
}

let failed = 0;
for (const file of files) {
  const fileName = basename(file);
  try {
    if (!existsSync(file)) throw new ImportRefusal('not-docx', msg(`找不到文件 ${file}`, 'file not found'));
    const bytes = new Uint8Array(readFileSync(file));
    const { html, pictures, pages, hidden } = await convertDocx(mammoth as unknown as Mammoth, bytes, fileName);
    const taken = new Set(readdirSync(join(dir, 'cases')).map((f) => f.replace(/\.mdx?$/, '')));
    const result = importDocx(html, {
      fileName,
      taken,
      today: new Date().toISOString().slice(0, 10),
      author: flags.author ?? process.env.USER ?? '编辑部',
      sourceId: flags.source,
      pages,
      hidden,
      imageExt: (src) => imageExtension(pictures.get(src)?.type ?? ''),
    });
    const path = join(dir, 'cases', `${result.id}.mdx`);
    if (existsSync(path)) throw new Error(`refusing to overwrite ${path}`);
    if (result.source) {
      const sourcePath = join(dir, 'sources', `${result.source.id}.json`);
      if (existsSync(sourcePath))
        throw new ImportRefusal(
          'not-docx',
          msg(`来源文件 ${sourcePath} 已存在，不会覆盖：请用 --source ${result.source.id} 引用它`, 'source exists'),
        );
      writeFileSync(sourcePath, `${JSON.stringify(result.source.data, null, 2)}\n`);
    }
    for (const image of result.images) {
      const target = join(root, 'public', image.path);
      mkdirSync(dirname(target), { recursive: true });
      if (!existsSync(target)) writeFileSync(target, pictures.get(image.src)!.bytes);
    }
    writeFileSync(path, result.text);
    console.log(formatReport(result.report));
    console.log(
      `\n已创建 ${path}（草稿）${result.source ? `和来源 ${join(dir, 'sources', `${result.source.id}.json`)}` : ''}${result.images.length ? `，图片 ${result.images.length} 张存于 public/images/cases/${result.id}/` : ''}。`,
    );
    // The same check as every entry; only this file's problems are shown.
    const check = checkProject(root, basename(resolve(dir)));
    const mine = (p: { file: string }) =>
      p.file.endsWith(`/${result.id}.mdx`) || (result.source && p.file.endsWith(`/${result.source.id}.json`));
    const own = { ...check, errors: check.errors.filter(mine), warnings: check.warnings.filter(mine), files: 1 };
    console.log(`\n内容检查（与 npm run check 相同的规则）：\n${report(own)}`);
    if (own.errors.length) failed++;
    else console.log(`草稿没有错误；${own.warnings.length} 个提示是待确认、待填写的地方，处理完后才能发布。\n`);
  } catch (error) {
    failed++;
    if (error instanceof ImportRefusal) console.error(`✗ 没有导入：${error.message}\n`);
    else console.error(`✗ 导入“${fileName}”时出错：${(error as Error).message}\n`);
  }
}
process.exit(failed ? 1 : 0);
