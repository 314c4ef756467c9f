/**
 * The one set of content rules, shared by the build (src/integrations/content-check.ts) and
 * `npm run check` (scripts/check-content.ts). Pure: it gets file texts and returns every problem at
 * once, each naming the file, line, field, what was found and what to do.
 */
import { msg, messageOf, renderMessage, wrapMessage, type Message } from '../schema/message.ts';
import { parseDocument, isAlias, isNode, isScalar, isCollection, visit } from 'yaml';
import type { z } from 'astro/zod';
import { caseSchema, type EntryData } from '../schema/case.ts';
import { sourceSchema } from '../schema/source.ts';
import { FILE_HIDDEN_ALL } from '../schema/text.ts';

/** Lines named one by one; past them, one message says there are more. */
const HIDDEN_LINES_MAX = 20;
import { findSectionProblems, sectionNames, splitSections } from '../schema/sections.ts';
import { vocabFields, vocabularies } from '../schema/vocab.ts';
import { pagedFacets, readFacet, UNKNOWN } from './facets.ts';
import { firstDifference, readAsBuild, type BuildReading } from './frontmatter.ts';
import { findUnsafeMarkup, nodesIn, type BodyParser, type MdastNode } from './safety.ts';
import { findEntryPrivateData, findSourcePrivateData, type TextNode } from './privacy-check.ts';
import { collectLinks, dice, diceCanReach, findLinkProblems, pairCounts, qualityHints, type BodyLink, type PairCounts } from './quality.ts';

export interface Problem {
  /** Path of the file, relative to the project root. */
  file: string;
  /** 1-based line in the file, where known. */
  line?: number;
  /** Field path (front matter) or section name. */
  field: string;
  /** The problem and its fix, in Chinese and English (render with renderMessage). */
  message: Message;
  severity: 'error' | 'warning';
}

export interface ContentFile {
  /** Path relative to the project root, e.g. content/cases/x.mdx. */
  path: string;
  /** The text; empty when `bytes` could not be decoded. */
  raw: string;
  /** The file as read from disk, when it was: lets the check tell a GBK file from bad YAML. */
  bytes?: Uint8Array;
}

/** Largest entry file accepted; the longest real entry is about 12 KB. */
export const MAX_FILE_BYTES = 200 * 1024;

/** A file read from disk as a ContentFile: strict UTF-8, so a GBK file is reported as such. */
export function contentFile(path: string, bytes: Uint8Array): ContentFile {
  let raw = '';
  try {
    raw = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    // left empty: fileProblems reports it
  }
  return { path, raw, bytes };
}

/**
 * Problems with the file itself, before its text is read as an entry: encoding, BOM, size, name.
 * Any of them stops the file's other checks, which would only report consequences.
 */
export function fileProblems(file: ContentFile, kind: 'case' | 'source'): Omit<Problem, 'file' | 'severity'>[] {
  const out: Omit<Problem, 'file' | 'severity'>[] = [];
  const size = file.bytes?.length ?? new TextEncoder().encode(file.raw).length;
  if (kind === 'case' && !file.path.endsWith('.mdx'))
    out.push({
      field: '（文件名）',
      message: msg(
        `条目文件必须以 .mdx 结尾（现在是“${file.path.split('/').pop()}”），否则构建不会读取它：请改名为 ${file.path
          .split('/')
          .pop()!
          .replace(/\.[^.]*$/, '')}.mdx`,
        `entry files must end in .mdx`,
      ),
    });
  if (size > MAX_FILE_BYTES)
    out.push({
      field: '（文件）',
      message: msg(
        `文件有 ${Math.round(size / 1024)} KB，超过上限 ${MAX_FILE_BYTES / 1024} KB：一个条目只写一个案例，请删减或拆分`,
        `the file is larger than ${MAX_FILE_BYTES / 1024} KB`,
      ),
    });
  if (file.bytes && file.bytes.length > 0 && file.raw === '')
    out.push({
      field: '（文件）',
      line: 1,
      message: msg(
        '文件不是 UTF-8，请另存为 UTF-8（记事本：另存为 → 编码选“UTF-8”；WPS：文件 → 另存为 → 编码“UTF-8”）',
        'the file is not UTF-8: save it as UTF-8',
      ),
    });
  else if (file.raw.startsWith('\uFEFF'))
    out.push({
      field: '（文件）',
      line: 1,
      message: msg(
        '文件开头有 BOM（字节顺序标记）：请另存为“UTF-8（无 BOM）”；构建不接受带 BOM 的条目',
        'the file starts with a byte-order mark: save it as UTF-8 without BOM',
      ),
    });
  // A lone CR ends a line for the build's YAML and Markdown readers, and not for a person reading the
  // file or for the privacy rules: it could hide fields from the check or split a phone number.
  const lone = file.raw.search(/\r(?!\n)/);
  if (lone >= 0)
    out.push({
      field: '（文件）',
      line: file.raw.slice(0, lone).split('\n').length,
      message: msg(
        '文件里有单独的回车符（CR，旧式 Mac 换行）：请把文件另存为统一的换行（LF 或 CRLF），WPS/记事本另存为即可',
        'the file contains a lone carriage return (CR): save it with LF or CRLF line endings',
      ),
    });
  // The character rules of front-matter text (src/schema/text.ts) hold for the whole file: a control
  // character or noncharacter makes the per-case .docx and the RSS feed invalid XML, a direction
  // control makes the page show other text than the file holds. NUL and the line ends have their own rules.
  // Every line that holds one, not only the first: an editor who deletes one should not meet the next only on the next run.
  const hiddenLines = new Map<number, string>();
  for (const hidden of file.raw.matchAll(FILE_HIDDEN_ALL)) {
    const line = file.raw.slice(0, hidden.index).split('\n').length;
    if (!hiddenLines.has(line)) hiddenLines.set(line, `U+${hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    if (hiddenLines.size > HIDDEN_LINES_MAX) break;
  }
  [...hiddenLines].slice(0, HIDDEN_LINES_MAX).forEach(([line, code], i, shown) =>
    out.push({
      // Not '（文件）': the file is still read, so a number hidden by the character is named as well.
      field: '（字符）',
      line,
      message: msg(
        `第 ${line} 行含有看不见的字符 ${code}（控制字符、零宽字符或改变文字方向的字符，常随 Word、网页或聊天软件里复制的文字带入）：请删除它${i === shown.length - 1 && hiddenLines.size > HIDDEN_LINES_MAX ? `；后面还有别的行含有这类字符，可在编辑器里搜索删除` : ''}`,
        `the file contains the invisible character ${code}`,
      ),
    }),
  );
  if (file.raw.includes('\u0000'))
    out.push({
      field: '（文件）',
      line: file.raw.slice(0, file.raw.indexOf('\u0000')).split('\n').length,
      message: msg('文件含空字符（NUL），可能不是文本文件：请另存为 UTF-8 文本', 'the file contains NUL characters'),
    });
  return out;
}

/**
 * Where the parser's top-level headings (levels 1 and 2, which cut the body into sections for the
 * page, `/cases/<id>.json` and every export) differ from the `##` lines the section rules read
 * (`splitSections`). A line underlined with `---` or `===` is a heading to Markdown: unnoticed, it
 * cut a section in two and emptied 做法 in the Word file and the CSV. A `##` line the parser reads
 * as something else (inside a list, a quote or code) would be a section only to the rules.
 */
export function findHeadingMismatches(tree: MdastNode, body: string): { line: number; message: Message }[] {
  const lines = body.split('\n');
  const parsed = (tree.children ?? []).filter((n) => n.type === 'heading' && (n.depth ?? 0) <= 2);
  const ruled = new Set(splitSections(body).map((s) => s.line));
  const problems: { line: number; message: Message }[] = [];
  for (const node of parsed) {
    const line = node.position?.start.line ?? 1;
    if (ruled.has(line) && node.depth === 2) {
      ruled.delete(line);
      continue;
    }
    const end = node.position?.end?.line ?? line;
    const underline = end > line ? lines[end - 1]?.trim() : undefined;
    problems.push({
      line,
      message: underline
        ? msg(
            `“${lines[line - 1]?.trim()}”下面一行的 ${underline.slice(0, 3)} 让它成了 Markdown 的标题，会把一节从这里切断（网页、Word 版和开放数据里这一节的内容会跑到新标题下）：分隔线请删掉，或在 ${underline.slice(0, 3)} 上面空一行`,
            `the line under this one (${underline.slice(0, 3)}) makes it a heading that cuts the section: delete it or put a blank line before it`,
          )
        : msg(
            `一级标题“# …”不能用：正文只用 ${sectionNames.join('、')} 四个“##”标题，小标题请用“###”`,
            `level-1 headings are not allowed: use the four ## sections and ### below them`,
          ),
    });
  }
  for (const line of ruled)
    problems.push({
      line,
      message: msg(
        `这一行“${lines[line - 1]?.trim()}”在 Markdown 里不是标题（它在列表、引用或代码里）：节标题“##”要单独成行、顶格写，前后各空一行`,
        `this ## line is not a heading to the parser (it sits in a list, quote or code): put it on a line of its own`,
      ),
    });
  return problems.sort((a, b) => a.line - b.line);
}

/** Columns of a line's leading spaces and tabs (a tab reaches the next multiple of four, as in Markdown). */
function indentOf(line: string): number {
  let width = 0;
  for (const c of line) {
    if (c === ' ') width++;
    else if (c === '\t') width += 4 - (width % 4);
    else break;
  }
  return width;
}

/**
 * Paragraphs indented four columns or more past where their block's text starts. MDX, which makes
 * the page, has no indented code, so the page shows a paragraph; the entry's data and exports are
 * rendered as Markdown, where the same lines are a code block (a grey box in `/cases/<id>.json`,
 * the compare page and the Word files). Editors indent paragraphs out of habit: refused, with the fix.
 */
export function findIndentedParagraphs(tree: MdastNode, body: string): { line: number; message: Message }[] {
  const lines = body.split('\n');
  const problems: { line: number; message: Message }[] = [];
  const walk = (parent: MdastNode) => {
    const children = parent.children ?? [];
    // Where this block's text starts: the page's left edge, or a list item's first paragraph.
    const base = parent.type === 'listItem' ? (children[0]?.position?.start.column ?? 1) - 1 : 0;
    const baseOk = parent.type === 'root' || parent.type === 'listItem';
    children.forEach((node, index) => {
      const line = node.position?.start.line;
      if (baseOk && node.type === 'paragraph' && line && !(parent.type === 'listItem' && index === 0)) {
        const own = indentOf(lines[line - 1] ?? '') - base;
        if (own >= 4)
          problems.push({
            line,
            message: msg(
              `这一段开头有 4 个以上空格或制表符：网页上是普通段落，Word 版和开放数据里却会变成代码框。请删掉段首的空格（段落不需要首行缩进）`,
              `this paragraph is indented four columns or more: a code block in the exports; remove the indentation`,
            ),
          });
      }
      walk(node);
    });
  };
  walk(tree);
  return problems;
}

/** Node types that make blocks: what the page and the entry view must build alike. */
const BLOCKS = new Set([
  'paragraph',
  'heading',
  'thematicBreak',
  'blockquote',
  'list',
  'listItem',
  'code',
  'table',
  'tableRow',
  'tableCell',
  'footnoteDefinition',
  'definition',
  'html',
]);

/**
 * The blocks of a tree in document order, each as type, level and line (`heading2@5`); a code
 * block with its text too, since a fence indented four spaces is a code block to both parsers but
 * holds its own ``` lines in one of them.
 */
function blocksOf(tree: MdastNode): { shape: string; line: number }[] {
  return [...nodesIn(tree)]
    .filter((node) => BLOCKS.has(node.type))
    .map((node) => {
      const line = node.position?.start.line ?? 0;
      return { shape: `${node.type}${node.depth ?? ''}@${line}${node.type === 'code' ? `:${node.value}` : ''}`, line };
    });
}

/**
 * The first place where the page's parser (MDX, `page`) and the entry view's (Markdown, `view`)
 * build different blocks, or undefined. MDX has no indented code and reads a few lines differently;
 * there the page shows one thing and `/cases/<id>.json`, the compare page and the Word files
 * another (a quote that is a code box, a rule that is the text ***, a code block that swallows
 * the sections after it).
 */
export function blockMismatch(page: MdastNode, view: MdastNode): { line: number; message: Message } | undefined {
  const a = blocksOf(page);
  const b = blocksOf(view);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i]?.shape === b[i]?.shape) continue;
    const line = Math.min(a[i]?.line ?? Infinity, b[i]?.line ?? Infinity);
    return {
      line: Number.isFinite(line) ? line : 1,
      message: msg(
        '从这一行起，网页和 Word 版、开放数据会把正文排成不同的样子（最常见的原因：行首有 4 个以上空格或制表符，在“>”或列表符号后面也算；或者代码块的结束符 ``` 前面有空格）：请删掉行首多余的空格，让每行顶格写',
        'from this line the page and the exports lay the text out differently (usually 4+ spaces or a tab at the start of a line, also after > or a list marker): remove the indentation',
      ),
    };
  }
  return undefined;
}

/**
 * Paragraphs whose text starts like a bullet or a sub-heading (`\- 不是列表`, `\#### 井号`): the page
 * shows a paragraph, but the entry's blocks (src/schema/entry.ts) mark list items and sub-headings
 * by those very prefixes, so the Word files made a bullet or a heading of it and the CSV cut the mark.
 */
export function findMarkerParagraphs(tree: MdastNode): { line: number; message: Message }[] {
  const problems: { line: number; message: Message }[] = [];
  for (const node of nodesIn(tree)) {
    const first = node.type === 'paragraph' ? node.children?.[0] : undefined;
    if (first?.type === 'text' && /^(?:####|-)[ \t]/.test(first.value ?? ''))
      problems.push({
        line: node.position?.start.line ?? 1,
        message: msg(
          `这一段以“${(first.value ?? '').trim().split(/\s/)[0]}”加空格开头：网页上是普通段落，Word 版和开放数据里会变成列表项或小标题。请改写开头（要列表就写“- ”且不加反斜杠；要小标题就用“### ”）`,
          `this paragraph starts like a bullet or heading, which the exports read as one: reword its start`,
        ),
      });
  }
  return problems;
}

/**
 * Bold marks that did not take (`**网格化管理：**做法`, `建成**“三室二厅一广场”**`): next to
 * full-width punctuation Markdown does not read `**` as bold, so the asterisks show on the page and
 * in every export. Refused with the usual fix: the punctuation outside the marks.
 */
export function findStrayStrong(tree: MdastNode): { line: number; message: Message }[] {
  return (
    [...nodesIn(tree)]
      // A number with its middle starred out (138****5678, as the sources mask numbers) shows as written: no bold was meant.
      .filter((node) => node.type === 'text' && /\*\*|__/.test((node.value ?? '').replace(MASKED_NUMBER, '')))
      .map((node) => ({
        line: node.position?.start.line ?? 1,
        message: msg(
          '加粗标记 ** 没有生效，会原样显示出来（** 紧挨着中文标点或引号时，Markdown 不认作加粗）：请把标点放到 ** 外面，如 **网格化管理**：、“**三室二厅一广场**”，或删掉 **',
          'these ** did not make bold text and show as typed (Markdown ignores them next to full-width punctuation): put the punctuation outside them',
        ),
      }))
  );
}

/** Digits, three or more asterisks, digits: a phone or ID number masked the way forms print them. */
const MASKED_NUMBER = /\d{2,} ?\*{3,} ?\d{2,}[\dXx]?/g;

/** YAML that must never reach the build: aliases (alias bombs), explicit tags (`!!js/function`). */
function yamlFeatureProblems(doc: ReturnType<typeof parseDocument>, yamlText: string): { line: number; message: Message }[] {
  const out: { line: number; message: Message }[] = [];
  const lineAt = (offset: number) => yamlText.slice(0, offset).split('\n').length + 1;
  const seen = new Set<string>();
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      // Once per alias name: an alias bomb repeats a few names thousands of times.
      if (seen.has(node.source)) return visit.SKIP;
      seen.add(node.source);
      out.push({
        line: lineAt(node.range?.[0] ?? 0),
        message: msg(`front matter 不能使用 YAML 别名 *${node.source}：请把内容直接写出来`, `YAML aliases are not allowed`),
      });
      return visit.SKIP;
    }
    // yaml sets `tag` only when the file writes one explicitly (`!!js/function`, `!custom`, `!!str`).
    if ((isScalar(node) || isCollection(node)) && node.tag)
      out.push({
        line: lineAt(node.range?.[0] ?? 0),
        message: msg(
          `front matter 不能使用 YAML 标签“${node.tag.replace('tag:yaml.org,2002:', '!!')}”：请删除“!…”，只写普通的文字、数字和列表`,
          `YAML tags are not allowed`,
        ),
      });
  });
  return out;
}

export interface CheckResult {
  errors: Problem[];
  warnings: Problem[];
  /** Entry ids that passed every check. */
  validIds: string[];
  /** Those entries' checked front matter and body, in file order. */
  valid: { id: string; data: EntryData; body: string }[];
}

/**
 * Value ids that have a page, per facet path (src/lib/facets.ts): every vocabulary value of a facet
 * that lists empty values, otherwise those the entries use. Checking one file against an existing
 * library cannot know which values will have entries, so it accepts any vocabulary value then, and
 * leaves derived facets (years) unchecked.
 */
function facetPages(datas: unknown[], whole: boolean): Record<string, Set<string> | undefined> {
  const out: Record<string, Set<string> | undefined> = {};
  for (const f of pagedFacets) {
    const used = new Set(datas.flatMap((d) => readFacet(f, d)));
    const vocabulary = (vocabularies as Record<string, readonly { id: string }[]>)[f.vocabulary];
    if (!vocabulary) out[f.path] = whole ? used : undefined;
    else {
      const ids = vocabulary.map((v) => v.id).filter((id) => f.listEmpty || !whole || used.has(id));
      out[f.path] = new Set([...ids, ...(f.unknownLabel && (f.listEmpty || !whole || used.has(UNKNOWN)) ? [UNKNOWN] : [])]);
    }
  }
  return out;
}

/**
 * Splits `---\n yaml \n---\n body`; returns undefined when there is no front matter. The YAML keeps
 * its last line break, as the build's reading does (a `|+` block at the end keeps its blank lines),
 * and the closing line may hold only spaces or tabs after `---`.
 */
export function splitFrontmatter(raw: string): { yaml: string; body: string; bodyLine: number } | undefined {
  const match = /^---\r?\n([\s\S]*?\r?\n)---[ \t]*(?:\r?\n|$)/.exec(raw);
  if (!match) return undefined;
  const bodyLine = match[0].split('\n').length; // body starts on the line after the closing ---
  return { yaml: match[1], body: raw.slice(match[0].length), bodyLine };
}

/** Allowed ids with their labels for every vocabulary field, shown when a value is not one of them. */
const allowedValues: Record<string, string> = Object.fromEntries(
  vocabFields.map((v) => [v.field, vocabularies[v.kind].map((x) => `${x.id}（${x.label}）`).join('、')]),
);

/** Field names for messages: `themes.1` → `themes`, so allowed values are found for list items. */
const fieldKey = (path: PropertyKey[]) => path.filter((p) => typeof p === 'string').join('.');

const show = (value: unknown) => (value === undefined ? '（空）' : JSON.stringify(value));
/** A value shown in a message, cut to a line: a hidden block can be long. */
const brief = (value: unknown) => {
  const text = show(value);
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
};

function getIn(data: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as any)[key as any] : undefined), data);
}

/** A zod issue in words an editor can act on. */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): Message {
  const key = fieldKey(issue.path);
  const found = getIn(data, issue.path);
  const allowed = allowedValues[key] ?? allowedValues[key.replace(/\.\d+$/, '')];
  switch (issue.code) {
    case 'invalid_value':
      return msg(`值 ${show(found)} 不在词表中。允许的值：${allowed ?? issue.values.join('、')}`, `${show(found)} is not an allowed value`);
    case 'invalid_type':
      if (found === undefined) return msg(`缺少必填字段 ${key}`, `required field ${key} is missing`);
      return msg(`类型不对：应为 ${issue.expected}，实际为 ${show(found)}`, `expected ${issue.expected}, found ${show(found)}`);
    case 'too_small':
      // A list or a text is counted, not printed back as data (["你们村怎么调解？"] told an editor nothing).
      if (issue.origin === 'array' && Array.isArray(found))
        return msg(`现在只有 ${found.length} 项，至少要 ${issue.minimum} 项`, `${found.length} item(s), minimum ${issue.minimum}`);
      if (issue.origin === 'string' && typeof found === 'string')
        return msg(
          `现在只有 ${[...found].length} 个字，至少要 ${issue.minimum} 个字`,
          `${[...found].length} character(s), minimum ${issue.minimum}`,
        );
      return msg(`${show(found)} 太小：至少 ${issue.minimum}`, `too small: minimum ${issue.minimum}`);
    case 'too_big':
      return msg(
        `${typeof found === 'string' ? `长 ${[...found].length} 字，` : show(found)}超出上限 ${issue.maximum}${issue.origin === 'array' ? ' 项' : issue.origin === 'string' ? ' 字' : ''}`,
        `too big: maximum ${issue.maximum}`,
      );
    case 'unrecognized_keys':
      return msg(`未知字段 ${issue.keys.join('、')}：请检查拼写，可用字段见编辑指南`, `unknown field(s) ${issue.keys.join(', ')}`);
    default:
      return wrapMessage(
        messageOf(issue.message),
        (zh) => `${zh}（实际为 ${show(found)}）`,
        (en) => `${en} (found ${show(found)})`,
      );
  }
}

/** The file line of the build's closing `---`, after the opening line and the YAML's lines (each ending in a line break). */
const closingLine = (yaml: string) => yaml.split('\n').length + 1;

/** Why the build's own reading of a front matter failed, and what to do. */
function buildReadingMessage(reading: Exclude<BuildReading, { ok: true }>): Message {
  if (reading.reason === 'toml')
    return msg('front matter 必须用“---”包围的 YAML，不能用“+++”（TOML）', 'front matter must be YAML between --- lines');
  if (reading.reason === 'none')
    return msg(
      '构建找不到 front matter：文件开头必须是单独一行“---”',
      'the build finds no front matter: the file must start with a --- line',
    );
  const why = reading.message;
  const fix = /duplicated mapping key/.test(why)
    ? '有重复的字段名（如 1 和 "1"、true 和 "true" 在构建里是同一个名字）：请删去重复的一个'
    : /non-printable|valid JSON character/.test(why)
      ? '含看不见的控制字符（如从 Word 粘贴来的软回车）：请删除这些字符'
      : /maxDepth/.test(why)
        ? '列表或字段套得太深：请只写编辑指南列出的字段'
        : /merge/.test(why)
          ? '不能用“<<”合并：请把字段直接写出来'
          : '含冒号、引号、“#”或以特殊符号开头的值请加单引号';
  return msg(`构建用的 YAML 解析器读不了这里（${why}）：${fix}`, `the build's YAML parser refuses this front matter`);
}

/** Line of a YAML node, for pointing editors at the right place. */
function lineOf(doc: ReturnType<typeof parseDocument>, yamlText: string, path: PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true);
    if (isNode(node) && node.range) return yamlText.slice(0, node.range[0]).split('\n').length + 1;
  }
  return undefined;
}

const idFromPath = (path: string) =>
  path
    .split('/')
    .pop()!
    .replace(/\.mdx?$/, '');

export interface CheckContext {
  /** Ids of the source documents, for checking `source.id`. */
  sourceIds: Set<string>;
  /** Line count of each source's text, for checking line locators. */
  sourceLines?: Map<string, number>;
  /** Entries that exist besides the files being checked (the submission form checks one file). */
  existing?: { id: string; title: string; unit: string }[];
  /** Files under public/, for checking image paths (e.g. /images/a.png). */
  publicFiles?: Set<string>;
  /**
   * The build's MDX parser (src/lib/mdx-parse.node.ts in Node, src/lib/mdx-parse-browser.ts in the
   * browser). Required: the body is judged on the tree the build will compile, never by pattern.
   */
  parseBody: BodyParser;
  /**
   * The parser the entry view renders with (Markdown mode, src/lib/entry-view.ts): a body whose
   * block structure differs between the two would look one way on the page and another in
   * `/cases/<id>.json` and the Word files. Required, like parseBody.
   */
  parseMarkdown: BodyParser;
}

/** Checks source data files (JSON). */
export function checkSources(files: ContentFile[]): { errors: Problem[]; ids: Set<string>; lines: Map<string, number> } {
  const errors: Problem[] = [];
  const ids = new Set<string>();
  const lines = new Map<string, number>();
  for (const file of files) {
    const fileErrors = fileProblems(file, 'source');
    if (fileErrors.length) {
      errors.push(...fileErrors.map((p) => ({ ...p, file: file.path, severity: 'error' as const })));
      continue;
    }
    let data: unknown;
    try {
      data = JSON.parse(file.raw);
    } catch (error) {
      errors.push({
        file: file.path,
        field: '（文件）',
        severity: 'error',
        message: msg(`不是合法的 JSON：${(error as Error).message}`, `invalid JSON`),
      });
      continue;
    }
    const result = sourceSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues)
        errors.push({ file: file.path, field: fieldKey(issue.path) || '（文件）', severity: 'error', message: describeIssue(issue, data) });
    }
    for (const problem of findSourcePrivateData(file.raw))
      errors.push({ file: file.path, line: problem.line, field: problem.field, severity: 'error', message: problem.message });
    const id = idFromPath(file.path).replace(/\.json$/, '');
    ids.add(id);
    if (result.success) lines.set(id, result.data.lines);
  }
  return { errors, ids, lines };
}

/**
 * The verdict on one entry file alone: its own problems and, when its front matter parsed, what the
 * checks between entries need of it. Plain data, so it can be made in a worker thread
 * (src/lib/content-files.node.ts checks a large library on two cores) and handed back.
 */
export interface FileVerdict {
  path: string;
  errors: Problem[];
  warnings: Problem[];
  entry?: {
    id: string;
    /** The checked front matter when it passed the schema, else as parsed. */
    data: any;
    links: BodyLink[];
    bodyLine: number;
    body: string;
    /** Lines of the fields the checks between entries point at (`source.id`, `related.2`…). */
    lines: Record<string, number | undefined>;
  };
}

/** Field paths whose line the checks between entries may report. */
function crossFieldPaths(data: any): PropertyKey[][] {
  const paths: PropertyKey[][] = [['source', 'id'], ['source', 'locator'], ['title']];
  if (Array.isArray(data?.related)) data.related.forEach((_: unknown, i: number) => paths.push(['related', i]));
  if (Array.isArray(data?.teaching?.further))
    data.teaching.further.forEach((_: unknown, i: number) => paths.push(['teaching', 'further', i]));
  return paths;
}

/**
 * Checks one entry file on its own. `duplicate`: an earlier file or an existing entry has its id
 * (known from the file names alone, so each file can still be checked apart).
 */
export function checkCaseFile(file: ContentFile, context: CheckContext, duplicate = false): FileVerdict {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const verdict: FileVerdict = { path: file.path, errors, warnings };
  const fail = (_file: string, field: string, message: Message, line?: number) => {
    errors.push({ file: file.path, field, message, line, severity: 'error' });
  };
  const run = () => {
    const id = idFromPath(file.path);
    if (/\/cases\/.+\//.test(file.path))
      fail(
        file.path,
        '（文件名）',
        msg('条目必须直接放在 content/cases/ 下，不能放在子文件夹里', 'entries must sit directly in content/cases/'),
      );
    if (duplicate) fail(file.path, '（文件名）', msg(`id “${id}” 已被另一个条目使用：请换一个文件名`, `duplicate id ${id}`));
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      fail(
        file.path,
        '（文件名）',
        msg(
          `文件名“${id}”不合规：id 只能由小写字母、数字和连字符组成，如 minqing-riji-gongzuofa`,
          `file name must be a lower-case ASCII slug`,
        ),
      );
    const fileErrors = fileProblems(file, 'case');
    for (const problem of fileErrors) fail(file.path, problem.field, problem.message, problem.line);
    if (fileErrors.some((p) => p.field === '（文件）')) return;
    const parts = splitFrontmatter(file.raw);
    // The opening line is right, the build finds a front matter, and splitFrontmatter does not: the closing line holds more.
    const built = parts || !/^---\r?\n/.test(file.raw) ? undefined : readAsBuild(file.raw);
    if (built?.ok) {
      const end = closingLine(built.yaml);
      fail(
        file.path,
        '（front matter）',
        msg(
          `第 ${end} 行是构建读到的 front matter 结束行，但它除了“---”还有别的字符：请让“---”单独成行`,
          `the closing --- line of the front matter must hold nothing else`,
        ),
        end,
      );
      return;
    }
    if (!parts) {
      fail(
        file.path,
        '（front matter）',
        msg('文件开头缺少用“---”包围的 front matter', 'the file must start with front matter between --- lines'),
        1,
      );
      return;
    }
    // Anchors and aliases are refused below before anything expands them; the cap is a second guard.
    const doc = parseDocument(parts.yaml, { prettyErrors: false, uniqueKeys: true });
    if (doc.errors.length) {
      for (const error of doc.errors)
        fail(
          file.path,
          '（front matter）',
          msg(`YAML 格式错误：${error.message.split('\n')[0]}。含冒号、引号或以特殊符号开头的值请加单引号`, `YAML syntax error`),
          error.linePos ? error.linePos[0].line + 1 : parts.yaml.slice(0, error.pos[0]).split('\n').length + 1,
        );
      return;
    }
    const yamlFeatures = yamlFeatureProblems(doc, parts.yaml);
    if (yamlFeatures.length) {
      for (const problem of yamlFeatures) fail(file.path, '（front matter）', problem.message, problem.line);
      return;
    }
    const lineOfField = (path: PropertyKey[]) => lineOf(doc, parts.yaml, path);
    // What the build will publish is what its own parser reads (src/lib/frontmatter.ts); the
    // `yaml` document above only refuses by node type and points at lines, so the two must agree.
    const build = readAsBuild(file.raw);
    if (!build.ok) {
      fail(file.path, '（front matter）', buildReadingMessage(build), build.reason === 'syntax' ? build.line : 1);
      return;
    }
    if (build.yaml !== parts.yaml) {
      const end = closingLine(build.yaml);
      fail(
        file.path,
        '（front matter）',
        msg(
          `第 ${end} 行以“---”或“+++”开头，构建会在这一行结束 front matter，与检查读到的不同：请改写这一行（如在前面加空格，或给值加引号）`,
          `line ${end} starts with --- or +++, where the build ends the front matter`,
        ),
        end,
      );
      return;
    }
    const data = build.data;
    const checked = doc.toJS({ maxAliasCount: 0 });
    const differs = firstDifference(checked, data);
    if (differs) {
      const mine = getIn(checked, differs);
      const theirs = getIn(data, differs);
      fail(
        file.path,
        fieldKey(differs) || '（front matter）',
        typeof mine === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(mine) && theirs instanceof Date
          ? msg(
              `这一天不存在：${mine}（如 2 月 30 日、13 月），构建会把它读成 ${theirs.toJSON()?.slice(0, 10) ?? '无效日期'}。请写实际的日期`,
              `no such date ${mine}`,
            )
          : msg(
              `这个值有两种读法：检查读作 ${brief(mine)}，构建读作 ${brief(theirs)}。像数字或日期的文字请加引号（如 '0b11'）；“<<”合并键、字段中间的 BOM 等特殊写法请改成普通的字段`,
              `the build reads this value differently from the check; quote it`,
            ),
        lineOfField(differs),
      );
      return;
    }
    const result = caseSchema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues)
        fail(
          file.path,
          fieldKey(issue.path) || '（front matter）',
          describeIssue(issue, data),
          // An unknown key is pointed at on its own line, not its parent's.
          lineOfField(issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]] : issue.path),
        );
    }
    for (const problem of findSectionProblems(parts.body))
      fail(file.path, `## ${problem.section}`, problem.message, problem.line && problem.line + parts.bodyLine - 1);
    // The body, judged on the tree the build's MDX parser makes of it.
    const parse = context.parseBody(parts.body);
    let links: BodyLink[] = [];
    const unsafe = findUnsafeMarkup(parts.body, () => parse);
    for (const problem of unsafe) fail(file.path, '（正文）', problem.message, problem.line + parts.bodyLine - 1);
    if ('tree' in parse) {
      links = collectLinks(parse.tree as MdastNode & { alt?: string });
      const indented = findIndentedParagraphs(parse.tree, parts.body);
      for (const problem of [
        ...findHeadingMismatches(parse.tree, parts.body),
        ...indented,
        ...findMarkerParagraphs(parse.tree),
        ...findStrayStrong(parse.tree),
      ])
        fail(file.path, '（正文）', problem.message, problem.line + parts.bodyLine - 1);
      // Compared only for a body of Markdown alone: code and HTML, refused above, are other blocks
      // to the two parsers anyway; and an indented paragraph already explains the difference it makes.
      const markdown = unsafe.length || indented.length ? undefined : context.parseMarkdown(parts.body);
      const split = markdown && 'tree' in markdown ? blockMismatch(parse.tree, markdown.tree) : undefined;
      if (split) fail(file.path, '（正文）', split.message, split.line + parts.bodyLine - 1);
    }
    for (const problem of findEntryPrivateData(doc, parts, undefined, 'tree' in parse ? (parse.tree as TextNode) : undefined))
      fail(file.path, problem.field, problem.message, problem.line);
    for (const hint of qualityHints(data, parts.body)) {
      // A placeholder may stay in a draft, never in an entry that is published.
      if (hint.placeholder && data?.status !== '草稿')
        fail(
          file.path,
          hint.field,
          wrapMessage(
            hint.message,
            (zh) => `${zh}；只有“草稿”可以保留待填写内容`,
            (en) => `${en}: placeholders are allowed in drafts only`,
          ),
          hint.line && hint.line + (hint.inBody ? parts.bodyLine - 1 : 1),
        );
      else
        warnings.push({
          file: file.path,
          field: hint.field,
          message: hint.message,
          severity: 'warning',
          line: hint.line && hint.line + (hint.inBody ? parts.bodyLine - 1 : 1),
        });
    }
    verdict.entry = {
      id,
      data: result.success ? result.data : data,
      links,
      bodyLine: parts.bodyLine,
      body: parts.body,
      // Paths from the data as written and as checked (the schema may fill in a list).
      lines: Object.fromEntries(
        [...crossFieldPaths(data), ...crossFieldPaths(result.data)].map((path) => [path.join('.'), lineOfField(path)]),
      ),
    };
  };
  // One file's crash never hides another file's problems: each is checked on its own.
  try {
    run();
  } catch (error) {
    fail(
      file.path,
      '（文件）',
      msg(
        `检查这个文件时出错：${String((error as Error)?.message ?? error).split('\n')[0]}。请检查文件是否完整、是否是 UTF-8 文本；如仍出错请报告给维护者`,
        `the check failed on this file`,
      ),
    );
    // What was found before the crash stays reported; nothing of the file counts as checked.
    delete verdict.entry;
  }
  return verdict;
}

/** Which files repeat an id that an earlier file or an existing entry has: the duplicates. */
export function duplicateIds(files: { path: string }[], existing: CheckContext['existing']): boolean[] {
  const seen = new Set((existing ?? []).map((e) => e.id));
  return files.map((file) => {
    const id = idFromPath(file.path);
    const repeated = seen.has(id);
    seen.add(id);
    return repeated;
  });
}

/** Checks every case entry, including references between entries; reports all problems at once. */
export function checkCases(files: ContentFile[], context: CheckContext): CheckResult {
  if (typeof context.parseBody !== 'function') throw new TypeError('checkCases: context.parseBody (the MDX parser) is required');
  if (typeof context.parseMarkdown !== 'function') throw new TypeError("checkCases: context.parseMarkdown (the view's parser) is required");
  const duplicates = duplicateIds(files, context.existing);
  return checkBetween(
    files.map((file, i) => checkCaseFile(file, context, duplicates[i])),
    context,
  );
}

/** The checks between entries, on every file's verdict (in file order); the whole result. */
export function checkBetween(verdicts: FileVerdict[], context: CheckContext): CheckResult {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  const parsed = new Map<
    string,
    {
      file: { path: string };
      data: any;
      lineOfField: (path: PropertyKey[]) => number | undefined;
      links: BodyLink[];
      bodyLine: number;
      body: string;
    }
  >();
  const failed = new Set<string>();
  const fail = (file: string, field: string, message: Message, line?: number) => {
    errors.push({ file, field, message, line, severity: 'error' });
    failed.add(file);
  };
  for (const verdict of verdicts) {
    errors.push(...verdict.errors);
    warnings.push(...verdict.warnings);
    if (verdict.errors.length) failed.add(verdict.path);
    const entry = verdict.entry;
    // A later file with the same id takes the earlier one's place, as it did when files were read in turn.
    if (entry)
      parsed.set(entry.id, {
        file: { path: verdict.path },
        data: entry.data,
        lineOfField: (path) => entry.lines[path.join('.')],
        links: entry.links,
        bodyLine: entry.bodyLine,
        body: entry.body,
      });
  }
  // References between files, checked once every file is parsed.
  const known = new Set([...parsed.keys(), ...(context.existing ?? []).map((e) => e.id)]);
  const whole = !context.existing; // the whole library is being checked: facet pages are known exactly
  const datas = [...parsed.values()].map((p) => p.data);
  const facets = facetPages(datas, whole);
  for (const [id, { file, data, lineOfField, links, bodyLine }] of parsed) {
    try {
      for (const problem of findLinkProblems(links, {
        caseIds: known,
        sourceIds: context.sourceIds,
        publicFiles: context.publicFiles,
        facets,
      }))
        fail(file.path, problem.where, problem.message, problem.line + bodyLine - 1);
      // A draft is never published, so nothing published may name it (its id would reach the
      // page, cases.json and cases.csv).
      const isDraft = (other: unknown) => typeof other === 'string' && parsed.get(other)?.data?.status === '草稿';
      if (data?.status !== '草稿') {
        for (const link of links) {
          const target = /^\/cases\/([a-z0-9-]+)\/$/.exec(link.url)?.[1];
          if (isDraft(target))
            fail(
              file.path,
              '（链接）',
              msg(`链接的案例 ${target} 还是草稿，草稿不发布：请删除链接，等它发布后再加`, `linked entry ${target} is a draft`),
              link.line + bodyLine - 1,
            );
        }
      }
      const sourceIdValue = data?.source?.id;
      if (typeof sourceIdValue === 'string' && !context.sourceIds.has(sourceIdValue))
        fail(
          file.path,
          'source.id',
          msg(`来源 ${show(sourceIdValue)} 不存在。已有来源：${[...context.sourceIds].join('、')}`, `unknown source id`),
          lineOfField(['source', 'id']),
        );
      const locatorValue = data?.source?.locator;
      const total = context.sourceLines?.get(sourceIdValue);
      if (total && typeof locatorValue === 'string') {
        const range = /^第\d+(?:-(\d+))?行$/.exec(locatorValue) && locatorValue.match(/\d+/g)!.map(Number);
        if (range && Math.max(...range) > total)
          fail(
            file.path,
            'source.locator',
            msg(
              `位置 ${show(locatorValue)} 超出来源的行数（共 ${total} 行）`,
              `the line range goes past the end of the source (${total} lines)`,
            ),
            lineOfField(['source', 'locator']),
          );
      }
      const related: unknown[] = Array.isArray(data?.related) ? data.related : [];
      related.forEach((other, index) => {
        if (other === id)
          fail(
            file.path,
            'related',
            msg(`related 中列出了条目自己（${id}）`, `an entry cannot be related to itself`),
            lineOfField(['related', index]),
          );
        else if (related.indexOf(other) < index)
          fail(
            file.path,
            'related',
            msg(`相关案例 ${show(other)} 重复列出：请删除重复的一行`, `related id ${show(other)} is listed twice`),
            lineOfField(['related', index]),
          );
        else if (data?.status !== '草稿' && isDraft(other))
          fail(
            file.path,
            'related',
            msg(`相关案例 ${show(other)} 还是草稿，草稿不发布：请先删除，等它发布后再加`, `related entry ${show(other)} is a draft`),
            lineOfField(['related', index]),
          );
        else if (typeof other === 'string' && !known.has(other))
          fail(
            file.path,
            'related',
            msg(
              `相关案例 ${show(other)} 不存在：请检查 id 拼写（即 content/cases/ 下的文件名）`,
              `related id ${show(other)} does not exist`,
            ),
            lineOfField(['related', index]),
          );
      });
      // Teaching notes' further reading links to entries, checked like `related`.
      const further: unknown[] = Array.isArray(data?.teaching?.further) ? data.teaching.further : [];
      further.forEach((other, index) => {
        const at = lineOfField(['teaching', 'further', index]);
        if (other === id)
          fail(file.path, 'teaching.further', msg(`延伸阅读中列出了条目自己（${id}）`, `further reading cannot list the entry itself`), at);
        else if (data?.status !== '草稿' && isDraft(other))
          fail(
            file.path,
            'teaching.further',
            msg(`延伸阅读 ${show(other)} 还是草稿，草稿不发布：请先删除`, `further reading ${show(other)} is a draft`),
            at,
          );
        else if (typeof other === 'string' && !known.has(other))
          fail(
            file.path,
            'teaching.further',
            msg(
              `延伸阅读 ${show(other)} 不存在：请检查 id 拼写（即 content/cases/ 下的文件名）`,
              `further reading id ${show(other)} does not exist`,
            ),
            at,
          );
      });
    } catch (error) {
      fail(
        file.path,
        '（文件）',
        msg(`检查这个文件时出错：${String((error as Error)?.message ?? error).split('\n')[0]}`, `the check failed on this file`),
      );
    }
  }

  // Duplicates: a title and unit that closely match another entry's. Candidates share one of
  // the title's rarer character pairs, so a library of thousands is not compared pair by pair.
  const others = [...(context.existing ?? [])];
  for (const [id, { data }] of parsed)
    if (typeof data?.title === 'string') others.push({ id, title: data.title, unit: String(data.unit ?? '') });
  const byPair = new Map<string, typeof others>();
  // Each title and unit is counted once, not at every comparison, and pairs of very different length are
  // passed over: in a large library one title is a candidate for hundreds of others (these checks between
  // entries took 3.3 s at 10,000 generated entries, 2.8 s of it recounting pairs; now 1.2 s).
  const countedTexts = new Map<string, PairCounts>();
  const counted = (text: string) => {
    let found = countedTexts.get(text);
    if (!found) countedTexts.set(text, (found = pairCounts(text)));
    return found;
  };
  /** A title's distinct pairs, in the order they first occur: the keys of its counts. */
  const pairsOf = (text: string) => [...counted(text).counts.keys()];
  const near = (a: PairCounts, b: PairCounts) => diceCanReach(a, b, 0.8) && dice(a, b) >= 0.8;
  for (const other of others) {
    for (const pair of pairsOf(other.title)) {
      const list = byPair.get(pair);
      if (list) list.push(other);
      else byPair.set(pair, [other]);
    }
  }
  for (const [id, { file, data, lineOfField }] of parsed) {
    if (typeof data?.title !== 'string') continue;
    const rare = pairsOf(data.title)
      .sort((a, b) => (byPair.get(a)?.length ?? 0) - (byPair.get(b)?.length ?? 0))
      .slice(0, 3);
    const candidates = new Set(rare.flatMap((pair) => byPair.get(pair) ?? []));
    const title = counted(data.title);
    const unit = counted(String(data.unit ?? ''));
    const twin = [...candidates].find((o) => o.id !== id && near(counted(o.title), title) && near(counted(o.unit), unit));
    if (twin)
      fail(
        file.path,
        'title',
        msg(
          `与已有条目 ${twin.id}（“${twin.title}”，${twin.unit}）的名称和单位几乎相同：如果是同一案例，请补充到已有条目；如果不同，请让名称体现区别`,
          `looks like a duplicate of ${twin.id}`,
        ),
        lineOfField(['title']),
      );
  }

  const validIds = [...parsed.keys()].filter((id) => !failed.has(parsed.get(id)!.file.path));
  const valid = validIds.map((id) => ({ id, data: parsed.get(id)!.data as EntryData, body: parsed.get(id)!.body }));
  return { errors, warnings, validIds, valid };
}

/** One problem as a line of text, as the build and `npm run check` print it. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  return `${where}  [${problem.field}]  ${renderMessage(problem.message)}`;
}
