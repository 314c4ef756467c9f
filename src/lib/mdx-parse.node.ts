/**
 * The entry body parsed by satteri, the MDX parser @astrojs/mdx 8 uses by default
 * (node_modules/@astrojs/mdx/dist/index.js: `processor ?? satteri()`), with GFM on as in the build.
 * Node only (a native binding); the browser uses ./mdx-parse-browser.ts.
 */
import { mdxToMdast } from 'satteri';
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
