/**
 * The page is made by the MDX parser, the entry's data and Word files by the Markdown one
 * (src/lib/entry-view.ts). Where the two build different blocks, a reader sees one thing on the page
 * and another in what is handed out, so the check refuses it (`blockMismatch`). Found by a
 * differential pass over the CommonMark examples (2026-12-02): every difference was indentation.
 */
import { describe, expect, it } from 'vitest';
import { blockMismatch } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import { parseMarkdownBodyInBrowser, parseMdxBodyInBrowser } from '../../src/lib/mdx-parse-browser.ts';
import type { MdastNode, ParseResult } from '../../src/lib/safety.ts';

const tree = (result: ParseResult) => (result as { tree: MdastNode }).tree;
const verdict = (body: string, mdx: (b: string) => ParseResult, markdown: (b: string) => ParseResult) =>
  blockMismatch(tree(mdx(body)), tree(markdown(body)))?.line;
const body = (part: string) => `## 做法\n\n${part}\n\n## 成效\n\n一年走访320户。\n`;

describe('the page and the entry view build the same blocks', () => {
  it.each([
    ['a quote whose text is indented (a code box in the view)', '>     引用缩进', 3],
    ['a list item whose text is indented', '-     缩进列表', 3],
    ['an ordered item whose text is indented', '1.     缩进的有序列表', 3],
    ['an indented rule (the text *** in the view)', '正文。\n\n    ***', 5],
    ['an indented quote', '正文。\n\n    > 引用', 5],
    ['an indented heading', '正文。\n\n    ### 小标题', 5],
    ['a closing fence indented, which the view never closes', '```\n代码\n    ```', 3],
    ['a whole fence indented, whose ``` lines the view shows as text', '    ```\n    代码\n    ```', 3],
  ])('refuses %s, at its line, in Node and in the browser alike', (_name, part, line) => {
    expect(verdict(body(part), parseMdxBody, parseMarkdownBody)).toBe(line);
    expect(verdict(body(part), parseMdxBodyInBrowser, parseMarkdownBodyInBrowser)).toBe(line);
  });
  it.each([
    ['lists and a paragraph', '- 一\n- 二\n\n正常段落'],
    ['a table', '| 年份 | 户数 |\n| - | - |\n| 2012 | 320 |'],
    ['a footnote', '正文[^1]。\n\n[^1]: 注释'],
    ['a task list', '- [x] 已办'],
    ['a fenced block and emphasis', '```\n代码\n```\n\n“引号”和**加粗**'],
  ])('passes %s', (_name, part) => {
    expect(verdict(body(part), parseMdxBody, parseMarkdownBody)).toBeUndefined();
    expect(verdict(body(part), parseMdxBodyInBrowser, parseMarkdownBodyInBrowser)).toBeUndefined();
  });
});
