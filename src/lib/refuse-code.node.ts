/**
 * Defence in depth: a satteri mdast plugin in the site's own MDX pipeline (astro.config.mjs) that
 * stops the build on any node an entry may not hold — ESM, expressions (comment-only too), JSX,
 * raw HTML — and on any link, image or definition URL outside the allow-list. The content check
 * refuses the same things first, with the same rules (src/lib/safety.ts); this plugin is what
 * still stands if the check has a gap or is switched off. It runs on the tree the compiler is
 * about to turn into code, before any of that code exists, so nothing in the entry can run. It
 * applies to every .mdx file the site compiles; the site's own pages are .astro.
 */
import { fileURLToPath } from 'node:url';
import { findUnsafeNodes, type MdastNode } from './safety.ts';
import { msg, renderMessage } from '../schema/message.ts';

export const refuseCode = {
  name: 'gongzuofa:refuse-code',
  options: { position: true },
  before(root: unknown, ctx: { fileURL?: URL; data?: { astro?: { frontmatter?: Record<string, unknown> } } }) {
    const file = ctx.fileURL ? fileURLToPath(ctx.fileURL) : '（未知文件 / unknown file）';
    const problems = findUnsafeNodes(root as MdastNode);
    // @astrojs/mdx imports a front-matter `layout` as a module: code chosen by the entry.
    if (ctx.data?.astro?.frontmatter && 'layout' in ctx.data.astro.frontmatter)
      problems.unshift({
        line: 1,
        message: msg('front matter 不能有 layout 字段（构建会把它当作代码导入）：请删除', 'a layout field would import code'),
      });
    if (problems.length === 0) return;
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
