/**
 * The entry body parsed by satteri, the MDX parser @astrojs/mdx 8 uses by default
 * (node_modules/@astrojs/mdx/dist/index.js: `processor ?? satteri()`), with GFM on as in the build.
 * Node only (a native binding); the browser uses ./mdx-parse-browser.ts.
 */
import { markdownToMdast, mdxToMdast } from 'satteri';
import type { MdastNode, ParseResult } from './safety.ts';

export function parseMdxBody(body: string): ParseResult {
  try {
    return { tree: mdxToMdast(body, { features: { gfm: true, frontmatter: false } }) as unknown as MdastNode };
  } catch (error) {
    // satteri reports "line:column: reason (rule)".
    const message = String((error as Error)?.message ?? error);
    const match = /^(\d+):(\d+):\s*([\s\S]*?)\s*(?:\([\w:-]+\))?$/.exec(message);
    return match ? { error: { line: Number(match[1]), column: Number(match[2]), reason: match[3] } } : { error: { reason: message } };
  }
}

/**
 * The body as the entry view reads it (src/lib/entry-view.ts renders it with satteri's Markdown mode,
 * the same features): the content check compares its block structure with the page's MDX tree.
 */
export function parseMarkdownBody(body: string): ParseResult {
  try {
    return { tree: markdownToMdast(body, { features: { frontmatter: false } }) as unknown as MdastNode };
  } catch (error) {
    return { error: { reason: String((error as Error)?.message ?? error) } };
  }
}
