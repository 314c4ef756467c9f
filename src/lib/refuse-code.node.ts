/**
 * Defence in depth: a satteri mdast plugin in the site's own MDX pipeline (astro.config.mjs) that
 * stops the build on any node an entry may not hold — ESM, expressions (comment-only too), JSX,
 * raw HTML — and on any link, image or definition URL outside the allow-list. The content check
 * refuses the same things first, with the same rules (src/lib/safety.ts); this plugin is what
 * still stands if the check has a gap or is switched off. It runs on the tree the compiler is
 * about to turn into code, before any of that code exists, so nothing in the entry can run. It
 * applies to every .mdx file the site compiles; the site's own pages are .astro.
 *
 * Why visitors and not one walk of the tree in JavaScript: satteri walks the tree in Rust and
 * calls JavaScript only for the node types a plugin names. Every type satteri knows is named here
 * except the allowed ones (so an entry of plain Markdown costs no call at all, apart from its
 * links, images and list items), and the plugin asks for no positions, which lets satteri parse without
 * tracking them (its docs: about 15% faster). Only when something is refused is the body parsed
 * again, with positions, by the same parser, and read by the same rules as the content check
 * (`findUnsafeMarkup`), so the report names every problem with its line.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseMdxBody } from './mdx-parse.node.ts';
import { allowedNodeTypes, findUnsafeMarkup, imageUrlProblem, isTaskItem, urlProblem } from './safety.ts';
import { msg, renderMessage } from '../schema/message.ts';

// Every node type satteri can produce, from its own generated table (not a public export, hence the
// path). A type added by a later satteri that the allow-list does not name gets a refusing visitor
// like every other unknown type; if the table itself is gone, the build stops here, failing closed.
const typesFile = join(dirname(createRequire(import.meta.url).resolve('satteri')), 'mdast/generated/node-types.js');
let satteriTypes: string[];
try {
  satteriTypes = Object.values((await import(pathToFileURL(typesFile).href)).TYPE_NAMES as Record<number, string>);
} catch (error) {
  throw new Error(
    `src/lib/refuse-code.node.ts: satteri's node-type table was not found at ${typesFile} (${(error as Error).message}); the build guard cannot list the node types it must refuse. Update the path for this satteri version.`,
    { cause: error },
  );
}

/** Node types the guard refuses: every type satteri knows that an entry may not hold. */
export const refusedNodeTypes = satteriTypes.filter((type) => !allowedNodeTypes.has(type));

/** Documents (by their data bag, one per compile) in which a visitor found something to refuse. */
const flagged = new WeakSet<object>();
type Context = { fileURL?: URL; source: string; data: { astro?: { frontmatter?: Record<string, unknown> } } };
const refuse = (_node: unknown, ctx: Context) => void flagged.add(ctx.data);
const checkUrl = (node: { url?: string }, ctx: Context) => {
  if (typeof node.url === 'string' && urlProblem(node.url)) flagged.add(ctx.data);
};

export const refuseCode = {
  name: 'gongzuofa:refuse-code',
  ...Object.fromEntries(refusedNodeTypes.map((type) => [type, refuse])),
  link: checkUrl,
  image: (node: { url?: string }, ctx: Context) => {
    if (typeof node.url === 'string' && imageUrlProblem(node.url)) flagged.add(ctx.data);
  },
  definition: checkUrl,
  // A task-list item is a listItem with a box: refused by its `checked`, not by its type.
  listItem: (node: { type: string; checked?: boolean | null }, ctx: Context) => {
    if (isTaskItem(node)) flagged.add(ctx.data);
  },
  after(_root: unknown, ctx: Context) {
    // @astrojs/mdx imports a front-matter `layout` as a module: code chosen by the entry.
    const layout = ctx.data?.astro?.frontmatter && 'layout' in ctx.data.astro.frontmatter;
    if (!layout && !flagged.has(ctx.data)) return;
    const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '（未知文件 / unknown file）';
    // The content check's own reading (the build's parser, src/lib/mdx-parse.node.ts), with positions.
    const problems = flagged.has(ctx.data) ? findUnsafeMarkup(ctx.source, parseMdxBody) : [];
    if (layout)
      problems.unshift({
        line: 1,
        message: msg('front matter 不能有 layout 字段（构建会把它当作代码导入）：请删除', 'a layout field would import code'),
      });
    // Fail closed: a visitor saw something even if the second reading lists nothing.
    if (problems.length === 0)
      problems.push({ line: 1, message: msg('正文含有不允许的标记：请运行 npm run check 查看位置', 'the body holds refused markup') });
    // The MDX body keeps its front matter as blank lines, so these are the file's own line numbers.
    const list = problems.map((p) => `${file}:${p.line}${p.column ? `:${p.column}` : ''}  ${renderMessage(p.message)}`).join('\n');
    const error = new Error(`条目含有不允许的标记，构建已停止 / an entry holds markup that may not be built:\n${list}`);
    // @astrojs/mdx reads line and column from the error for its "Location:" line.
    Object.assign(error, {
      line: problems[0].line,
      column: problems[0].column ?? 1,
      loc: { file, line: problems[0].line, column: problems[0].column },
    });
    throw error;
  },
};
