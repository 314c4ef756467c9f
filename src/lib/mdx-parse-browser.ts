/**
 * The entry body parsed in the browser (/submit/) by micromark's MDX and GFM extensions: the
 * reference implementation satteri (the build's parser, a native binding) follows. Both give the
 * same mdast for every file of the hostile corpus; tests/unit/hostile-markup.test.ts checks that.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { MdastNode, ParseResult } from './safety.ts';

export function parseMdxBodyInBrowser(body: string): ParseResult {
  try {
    return {
      tree: fromMarkdown(body, {
        extensions: [mdxjs(), gfm()],
        mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()],
      }) as unknown as MdastNode,
    };
  } catch (error) {
    const e = error as { line?: number; column?: number; reason?: string; message?: string };
    return { error: { line: e.line ?? undefined, column: e.column ?? undefined, reason: e.reason ?? e.message ?? String(error) } };
  }
}

/** The body as the entry view reads it: Markdown with GFM, no MDX (see parseMarkdownBody in ./mdx-parse.node.ts). */
export function parseMarkdownBodyInBrowser(body: string): ParseResult {
  try {
    return { tree: fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] }) as unknown as MdastNode };
  } catch (error) {
    return { error: { reason: (error as Error)?.message ?? String(error) } };
  }
}
