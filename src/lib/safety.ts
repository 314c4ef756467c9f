/**
 * Rules that keep an entry safe to publish and safe to build. An MDX file is code that runs at
 * build time, so a submitted case may hold prose and Markdown only; and it may never carry the
 * private contact details that some sources print.
 */

import { msg, type Message } from '../schema/message.ts';
import { findPrivateData as findPrivacyFindings, type PrivacyOptions } from './privacy.ts';

export interface LineProblem {
  /** 1-based line in the text given. */
  line: number;
  /** What kind of data or markup was found, for the report's field column. */
  where: string;
  message: Message;
}

/**
 * Every private datum in a text, with its line. The rules live in privacy.ts (normalising first:
 * full-width digits, spaced and dashed numbers, any at sign); this keeps the shape callers expect.
 */
export function findPrivateData(text: string, options?: PrivacyOptions): LineProblem[] {
  return findPrivacyFindings(text, options).map((f) => ({ line: f.line, where: '（隐私）', message: f.message }));
}

/**
 * The part of an mdast node the markup rules read. Both parsers below produce this shape: satteri
 * (the build's MDX parser) and micromark's MDX extension (its reference, used in the browser).
 */
export interface MdastNode {
  type: string;
  children?: MdastNode[];
  value?: string;
  url?: string;
  name?: string | null;
  /** JSX attributes, for naming event handlers. */
  attributes?: { type: string; name?: string }[];
  /** A heading's level. */
  depth?: number;
  /** A task-list item's box (`- [ ]` false, `- [x]` true); null or absent for any other list item. */
  checked?: boolean | null;
  position?: { start: { line: number; column: number }; end?: { line: number; column: number } };
}

/** Every node of a tree, the tree first, in document order. */
export function* nodesIn(tree: MdastNode): Generator<MdastNode> {
  yield tree;
  for (const child of tree.children ?? []) yield* nodesIn(child);
}

/** A parsed body, or the parser's reason for refusing it (MDX is stricter than Markdown). */
export type ParseResult = { tree: MdastNode } | { error: { line?: number; column?: number; reason: string } };

/** Parses an entry's body as MDX, into mdast, exactly as the build will. */
export type BodyParser = (body: string) => ParseResult;

/** A markup problem with its line in the text given and the node kind, for the report. */
export interface MarkupProblem {
  line: number;
  column?: number;
  message: Message;
}

/**
 * Node types an entry may contain: Markdown itself, GFM included. Anything else (ESM, expressions,
 * JSX, raw HTML, comments, and any type a future parser adds) is refused; an allow-list fails closed.
 */
export const allowedNodeTypes = new Set([
  'root',
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'text',
  'emphasis',
  'strong',
  // Not delete (~~…~~): GFM strikes through the text between two tildes, so a range written with
  // ~ (2~3户，2012~2014年) showed as deleted and read as “2 3户” in the exports.
  'inlineCode',
  'code',
  'break',
  'link',
  'image',
  'linkReference',
  // Not imageReference (![说明][标记]): an image is a file of this site (imageUrlProblem), and a
  // reference would take its address from a definition that links may share.
  'definition',
  // Not footnotes ([^1]): the note is rendered at the end of the body, so in the entry's data it falls
  // into the last section, away from its reference, and in the Word, slide and CSV exports the
  // reference's number runs into the text before it (全县264名[^1] read as “264名1”).
  'table',
  'tableRow',
  'tableCell',
]);

const plainFix = '请只用文字和 Markdown（强调用 **…**，列表用 - ）；要写花括号或尖括号本身，请在前面加反斜杠 \\ 或改用全角符号';

/** What a refused node is, in words an editor knows, and the fix. */
function describeNode(node: MdastNode): Message {
  switch (node.type) {
    case 'mdxjsEsm':
      return msg(`正文不能使用 import / export：案例只能包含文字和 Markdown，请删除这一行`, `entries may not import or export anything`);
    case 'mdxFlowExpression':
    case 'mdxTextExpression': {
      const commentOnly = /^\s*(\/\*[\s\S]*?\*\/\s*)+$/.test(node.value ?? '');
      return commentOnly
        ? msg(
            `正文不能包含 {/* … */} 注释（MDX 会把花括号当作代码）：请删除注释；给编者的说明请写在提交说明里`,
            `MDX comments are not allowed: remove the {/* … */}`,
          )
        : msg(
            `正文不能包含花括号表达式 {…}（MDX 会把它当作代码执行）：${plainFix}`,
            `braces run code in MDX: remove them or escape with \\{`,
          );
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      const handler = node.attributes?.find((a) => /^on/i.test(a.name ?? ''));
      const kind = handler
        ? `内联事件处理器 ${handler.name}`
        : /^(script|iframe|object|embed|style|link|meta|base|form)$/i.test(name)
          ? `<${name}> 标签`
          : /^[A-Z]/.test(name) || name.includes('.')
            ? `组件 <${name}>`
            : name
              ? `HTML 标签 <${name}>`
              : '片段 <>';
      return msg(
        `正文不能包含${kind}：${plainFix}`,
        `${handler ? `the event handler ${handler.name}` : `markup <${name}>`} is not allowed in an entry`,
      );
    }
    case 'html':
      return msg(`正文不能包含 HTML 或 HTML 注释：${plainFix}`, `raw HTML is not allowed in an entry`);
    case 'delete':
      return msg(
        `两个波浪线 ~ 之间的文字会变成删除线（如“2~3户，2012~2014年”里的“3户，2012”）：表示范围请用全角“～”或“—”（2～3户、2012—2014年）；正文不用删除线`,
        `text between two ~ is struck through: write ranges with ～ or —`,
      );
    case 'footnoteReference':
    case 'footnoteDefinition':
      return msg(
        `正文不用脚注（[^1]）：脚注的编号在 Word 讲义、课件和表格里会紧贴在前面的文字后面（“264名[^1]”成了“264名1”），注释内容也会离开它所在的部分。请把说明写进正文的括号里，如“（据2014年统计）”`,
        `footnotes are not allowed: their numbers run into the figures in the exports; write the note in brackets`,
      );
    case 'imageReference':
      return msg(
        `图片请直接写成 ![图片说明](/images/文件名.jpg)，不要用引用式写法 ![说明][标记]`,
        `write images inline, ![alt](/images/file.jpg), not as references`,
      );
    default:
      return msg(`正文不能包含这种标记（${node.type}）：${plainFix}`, `markup of type ${node.type} is not allowed in an entry`);
  }
}

/**
 * Why a link, image or definition URL may not be published, or undefined when it may. Allowed:
 * `https://…`, `http://…`, a site path (`/…`, not `//…`) and a fragment (`#…`). The URL is the
 * parser's, so entities and `<…>` are already decoded; whitespace, control characters and
 * backslashes are refused outright because browsers strip or reinterpret them.
 */
export function urlProblem(url: string): Message | undefined {
  const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url);
  if (/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u206f\u3000\ufeff\\]/.test(url))
    return msg(
      `链接地址 ${shown} 含空白、控制字符或反斜杠：请写成 [文字](https://…) 或站内路径 /cases/<id>/`,
      `the URL contains whitespace, control characters or a backslash`,
    );
  // The build's image plugins decode every address (decodeURI): a stray % would stop the whole build.
  try {
    decodeURI(url);
  } catch {
    return msg(
      `链接地址 ${shown} 里的“%”写法不对（% 后面应是两位十六进制数字，如 %E4%B8%AD）：请复制完整的网址，或把单独的 % 写成 %25`,
      `the URL has a malformed percent-escape`,
    );
  }
  if (/^https?:\/\/[^/]/i.test(url) || /^\/(?!\/)/.test(url) || url.startsWith('#')) return undefined;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1];
  // An e-mail address or phone number typed as text becomes such a link (GFM autolinks): say what it is.
  if (scheme && /^(mailto|tel|sms)$/i.test(scheme))
    return msg(
      `这里的${scheme.toLowerCase() === 'mailto' ? '电子邮箱' : '电话号码'}成了一个链接：条目不写个人联系方式，请删除`,
      `a ${scheme}: link: contact details are not published`,
    );
  return scheme
    ? msg(
        `链接地址 ${shown} 使用了不允许的协议“${scheme}:”：只允许 https://、http://、以 / 开头的站内路径和 #锚点`,
        `URL scheme ${scheme}: is not allowed (https, http, site paths and # only)`,
      )
    : msg(
        `链接地址 ${shown} 不是完整网址也不是站内路径：请写 https://… 或以 / 开头的站内路径`,
        `the URL must start with https://, http://, / or #`,
      );
}

/** A picture file of this site: a site path ending in a raster format (nothing after it). */
const IMAGE_FILE = /^\/[^?#]*\.(?:jpe?g|png|gif|webp|avif|bmp)$/i;

/**
 * Why an image may not be published, or undefined when it may: it must be a picture file of this site. An
 * image from elsewhere shows as broken on every page (the CSP allows images from this site only),
 * never loads on an intranet, and would tell another site who reads the entry wherever the open
 * data (`/cases/<id>.json`, whose sections hold the body's HTML) is shown without that policy.
 */
export function imageUrlProblem(url: string): Message | undefined {
  const problem = urlProblem(url);
  if (problem) return problem;
  const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 60)}…` : url);
  if (/^\/(?!\/)/.test(url))
    // A picture format only: an SVG (or an .html) under public/ can hold script, which runs when
    // the file itself is opened on this site.
    return IMAGE_FILE.test(url)
      ? undefined
      : msg(
          `图片 ${shown} 不是照片或图表的文件格式：请存成 .jpg、.png、.gif 或 .webp 再用（SVG 等格式可以夹带脚本，不能用）`,
          `an image must be a .jpg, .jpeg, .png, .gif, .webp, .avif or .bmp file`,
        );
  return msg(
    `图片 ${shown} 不是本站的文件：请把图片下载后放在 public/images/ 下，写成 ![图片说明](/images/文件名.jpg)。外站图片在本站不显示（安全策略只允许本站图片），内网打不开，还会让外站看到谁在读这个案例`,
    `images must be files of this site: put the file under public/images/ and write ![alt](/images/file.jpg)`,
  );
}

/**
 * A task-list item (`- [ ] 事项`): the page draws a checkbox, the Word, slide and CSV exports only
 * the text, so the two would say different things. Refused here and by the build's guard.
 */
export const isTaskItem = (node: Pick<MdastNode, 'type' | 'checked'>) => node.type === 'listItem' && typeof node.checked === 'boolean';
const taskItemMessage = msg(
  '正文不用任务清单（- [ ] 或 - [x]）：页面上会显示勾选框，Word 讲义、课件和表格里却没有。请写成普通列表“- 事项”，已经完成的写明“（已完成）”',
  'task-list items are not allowed: write a plain list item',
);

/** Every refused node and URL in a parsed body, in document order, with its line. */
export function findUnsafeNodes(tree: MdastNode): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const walk = (node: MdastNode) => {
    const at = { line: node.position?.start.line ?? 1, column: node.position?.start.column };
    if (!allowedNodeTypes.has(node.type)) {
      problems.push({ ...at, message: describeNode(node) });
      // A footnote's text is prose the editor will move into the body: what is wrong in it is named now.
      if (node.type === 'footnoteDefinition') node.children?.forEach(walk);
      return; // otherwise its children are inside the refused node: one message is enough
    }
    if (typeof node.url === 'string') {
      const problem = node.type === 'image' ? imageUrlProblem(node.url) : urlProblem(node.url);
      if (problem) problems.push({ ...at, message: problem });
    }
    if (isTaskItem(node)) problems.push({ ...at, message: taskItemMessage });
    node.children?.forEach(walk);
  };
  walk(tree);
  return problems;
}

/** Common causes of an MDX parse error, so the fix names what the editor most likely typed. */
function parseFix(reason: string, text: string): string {
  if (text.includes('<!--')) return '正文不能写 HTML 注释 <!-- -->：请删除';
  if (/<!/.test(text)) return '正文不能写 <!…> 声明：请删除';
  if (/<[a-z][\w+.-]*:/i.test(text) || /<[^>\s]+@/.test(text)) return 'MDX 不支持 <网址> 写法：链接请写成 [文字](https://…)';
  if (/link in MDX|after `<`|before name/.test(reason))
    return '尖括号 < 会被当作标签：链接请写成 [文字](https://…)，小于号请写成 \\< 或全角“＜”';
  if (/brace|expression|`\{`|`\}`/.test(reason)) return '花括号 { } 会被当作代码：请删除，或写成 \\{ \\}，或改用全角括号（）';
  return '请删去正文中的尖括号 < > 和花括号 { }（或在前面加反斜杠 \\），只用文字和 Markdown';
}

/**
 * Markup that would run code or inject HTML into the built site, found on the tree the build's own
 * MDX parser produces (`parse`). A body the parser refuses is itself one problem, at its place.
 */
export function findUnsafeMarkup(body: string, parse: BodyParser): MarkupProblem[] {
  const result = parse(body);
  if ('error' in result) {
    let { line = 1, column, reason } = result.error;
    // The parser's own notes suggest MDX comments and JSX, which entries may not use.
    reason = reason.replace(/\s*\(\d+:\d+(?:-\d+:\d+)?\)\s*$/, '').replace(/\s*\(note: [\s\S]*$/, '');
    // An unclosed tag is reported where the parser gave up (often the end of the body); point
    // at the tag itself, which is what the editor has to remove.
    const tag = /closing tag for `<([^>`\s]+)>`/.exec(reason)?.[1];
    const lines = body.split(/\r?\n/);
    const tagLine = tag ? lines.findIndex((l) => l.includes(`<${tag}`)) : -1;
    if (tag && tagLine >= 0) {
      line = tagLine + 1;
      column = lines[tagLine].indexOf(`<${tag}`) + 1;
      const kind = /\son\w+\s*=/i.test(lines[tagLine]) ? '内联事件处理器' : /^[A-Z]/.test(tag) ? `组件 <${tag}>` : `HTML 标签 <${tag}>`;
      return [
        {
          line,
          column,
          message: msg(`正文不能包含${kind}（MDX 无法解析：${reason}）：${plainFix}`, `markup <${tag}> is not allowed in an entry`),
        },
      ];
    }
    // The line is the problem's own (callers shift it to the file's line); the message names the column.
    return [
      {
        line,
        column,
        message: msg(
          `MDX 无法解析正文（${column ? `第 ${column} 列：` : ''}${reason}）：${parseFix(reason, lines[line - 1] ?? '')}`,
          `the MDX parser refuses the body${column ? ` at column ${column}` : ''}: ${reason}`,
        ),
      },
    ];
  }
  return findUnsafeNodes(result.tree);
}
