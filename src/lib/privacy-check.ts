/**
 * The privacy rules applied to whole files: every string of an entry's front matter (with its
 * field path), the body, and every string of a source file (`content/sources/*.json`). Each
 * finding names the field and the line in the file. Pure and browser-safe.
 */
import type { Message } from '../schema/message.ts';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Scalar } from 'yaml';
import { findAcrossParts, findPrivateData, PRIVACY_MARK, privacyMessage, type PrivacyFinding, type PrivacyOptions } from './privacy.ts';

export interface FieldPrivacyProblem {
  /** Field path such as `notes` or `figures.0.label`; `（隐私）` for the body, `（front matter）` for comments. */
  field: string;
  /** 1-based line in the file. */
  line: number;
  kind: PrivacyFinding['kind'];
  message: Message;
}

/** True for the problems this module reports (the /submit/ page places them by field itself). */
export const isPrivacyProblem = (problem: { message: Message }) => problem.message.en.startsWith(PRIVACY_MARK);

/**
 * The 1-based line of an offset, by binary search over the text's line starts (counting the lines
 * before each of 20,000 values made a long front matter take seconds).
 */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}

/** The dotted path (`figures.0.label`) of the last node of a visitor's ancestor chain. */
function fieldPath(chain: unknown[]): string {
  const path: (string | number)[] = [];
  chain.forEach((item, i) => {
    if (isPair(item) && i + 1 < chain.length && item.value === chain[i + 1])
      path.push(isScalar(item.key) ? String(item.key.value) : String(item.key));
    else if (isSeq(item) && i + 1 < chain.length) path.push(item.items.indexOf(chain[i + 1] as never));
  });
  return path.join('.');
}

/**
 * Every string scalar of a parsed YAML (or JSON) document, checked. `firstLine` is the file line
 * of the document's first line. Aliases are not expanded, so an alias bomb costs nothing here.
 */
export function findDocumentPrivateData(doc: Document, text: string, firstLine: number, options?: PrivacyOptions): FieldPrivacyProblem[] {
  const problems: FieldPrivacyProblem[] = [];
  const seen = new Set<string>();
  const lineAt = lineFinder(text);
  visit(doc, {
    Scalar(key, node, ancestors) {
      if (key === 'key' || !node.range) return;
      // Numbers count too (a rank or line count of 13812345678 passes the schema): read as written.
      const value =
        typeof node.value === 'string'
          ? node.value
          : typeof node.value === 'number' || typeof node.value === 'bigint'
            ? text.slice(node.range[0], node.range[1])
            : undefined;
      if (value === undefined) return;
      const field = fieldPath([...ancestors, node] as unknown[]) || '（文件）';
      const start = lineAt(node.range[0]);
      // Findings in the value as parsed (escapes decoded, lines folded), placed on the line where the
      // source text shows the same kind, else on the line where the value starts.
      const found = findPrivateData(value, options);
      // A block scalar (notes: |) keeps its line breaks, but the page shows its lines run together:
      // a number broken over two of them is one number there.
      if (value.includes('\n')) {
        const lines = value.split('\n');
        const rawFrom = text.slice(node.range[0], node.range[1]).split('\n');
        for (const across of findAcrossParts(lines, ' ', options)) {
          const shown = rawFrom.findIndex((raw) => lines[across.first].trim() !== '' && raw.includes(lines[across.first].trim()));
          const line = firstLine - 1 + start + Math.max(shown, 0);
          seen.add(`${line}:${across.kind}`);
          problems.push({ field, line, kind: across.kind, message: privacyMessage(across.kind, across.text.replace(/\s+/g, ' ')) });
        }
      }
      if (found.length === 0) return;
      const rawLines = findPrivateData(text.slice(node.range[0], node.range[1]), options);
      for (const finding of found) {
        const at = rawLines.findIndex((r) => r.kind === finding.kind);
        const line = firstLine - 1 + (at >= 0 ? start + rawLines.splice(at, 1)[0].line - 1 : start);
        seen.add(`${line}:${finding.kind}`);
        problems.push({ field, line, kind: finding.kind, message: finding.message });
      }
    },
  });
  // A list is shown joined (别名：夜访、139、1234、5678), and so are the texts of one record (a figure's
  // label and value, a region's parts): a number split over them is one number on the page. What no
  // single value holds is reported at the first value it spans, quoted as written.
  const across = (node: { range?: [number, number, number] | null }, values: Scalar[], separator: string, path: string) => {
    if (values.length < 2 || values.some((value) => typeof value.value !== 'string' || !value.range)) return;
    for (const found of findAcrossParts(
      values.map((value) => String(value.value)),
      separator,
      options,
    )) {
      const [from, to] = [values[found.first].range![0], values[found.last].range![1]];
      const line = firstLine - 1 + lineAt(from);
      seen.add(`${line}:${found.kind}`);
      problems.push({
        field: path || '（文件）',
        line,
        kind: found.kind,
        message: privacyMessage(found.kind, text.slice(from, to).replace(/\s+/g, ' ')),
      });
    }
  };
  visit(doc, {
    Seq(_key, node, ancestors) {
      if (node.items.every(isScalar)) across(node, node.items as Scalar[], '、', fieldPath([...ancestors, node] as unknown[]));
    },
    Map(_key, node, ancestors) {
      const values = node.items.map((pair) => pair.value);
      if (values.every(isScalar)) across(node, values as Scalar[], ' ', fieldPath([...ancestors, node] as unknown[]));
    },
  });
  // Comments, keys and anything else outside string values: still published in the file. Lines
  // wholly inside a string value were checked above.
  const inValues = new Set<number>();
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !node.range) return;
      const [first, last] = [lineAt(node.range[0]), lineAt(node.range[1])];
      for (let line = first; line <= last; line++) inValues.add(line);
    },
  });
  const rest = text
    .split('\n')
    .map((line, i) => (inValues.has(i + 1) && !line.includes('#') ? '' : line))
    .join('\n');
  for (const finding of findPrivateData(rest, options)) {
    const line = firstLine - 1 + finding.line;
    if (!seen.has(`${line}:${finding.kind}`))
      problems.push({ field: '（front matter）', line, kind: finding.kind, message: finding.message });
  }
  return problems.sort((a, b) => a.line - b.line);
}

/** The part of a parsed body's mdast this module reads (satteri's tree in the build, micromark's in the browser). */
export interface TextNode {
  type: string;
  value?: string;
  alt?: string | null;
  children?: TextNode[];
  position?: { start: { line: number }; end?: { line: number } };
}

// Fenced and indented code is shown as written, line under line.
const BLOCKS = new Set(['paragraph', 'heading', 'tableRow', 'definition', 'code']);

/** The text a node shows: entities decoded, link texts and image descriptions, table cells apart. */
const textOf = (node: TextNode): string => {
  if (node.type === 'break') return ' ';
  // Struck-through text (139~~0000~~12345678) is read as deleted: the rest is the number.
  if (node.type === 'delete') return '';
  if (node.type === 'tableCell') return ` ${(node.children ?? []).map(textOf).join('')} `;
  const own = (node.value ?? '') + (node.alt ?? '');
  return own.replace(/\s*\n\s*/g, '') + (node.children ?? []).map(textOf).join('');
};

interface Block {
  text: string;
  first: number;
  last: number;
  /** Table rows are read across (their cells) and a table down its columns, not row after row. */
  row?: boolean;
}

/**
 * The text each block of a parsed body shows a reader, in the order of the page: entities decoded
 * (`&#49;` is 1), link texts and image descriptions included, lines of one paragraph joined (a number
 * hard-wrapped in a pasted text is one number on the page), table cells side by side. Raw lines
 * alone miss all of these. Each table's columns come too, in `columns`.
 */
function blockTexts(tree: TextNode): { blocks: Block[]; columns: Block[][] } {
  const blocks: Block[] = [];
  const columns: Block[][] = [];
  const lines = (node: TextNode) => ({ first: node.position!.start.line, last: node.position!.end?.line ?? node.position!.start.line });
  const walk = (node: TextNode) => {
    if (node.type === 'table') {
      const rows = (node.children ?? []).filter((row) => row.position);
      const width = Math.max(0, ...rows.map((row) => row.children?.length ?? 0));
      for (let column = 0; column < width; column++)
        columns.push(rows.map((row) => ({ text: row.children?.[column] ? textOf(row.children[column]) : '', ...lines(row) })));
    }
    if (BLOCKS.has(node.type) && node.position) {
      const at = lines(node);
      // A fenced block's text starts under its fence.
      if (node.type === 'code' && at.last - at.first + 1 > (node.value ?? '').split('\n').length) at.first++;
      blocks.push({ text: textOf(node), ...at, row: node.type === 'tableRow' });
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return { blocks, columns };
}

/**
 * Private data in an entry: front matter (parsed `doc` of `yaml`, which starts on file line 2) and
 * body, read both as written and, when the body parsed, as the page will show it (`tree`).
 */
export function findEntryPrivateData(
  doc: Document,
  parts: { yaml: string; body: string; bodyLine: number },
  options?: PrivacyOptions,
  tree?: TextNode,
): FieldPrivacyProblem[] {
  const body: FieldPrivacyProblem[] = findPrivateData(parts.body, options).map((f) => ({
    field: '（隐私）',
    line: f.line + parts.bodyLine - 1,
    kind: f.kind,
    message: f.message,
  }));
  const rawLines = new Set(body.map((p) => `${p.line}:${p.kind}`));
  const { blocks, columns } = tree ? blockTexts(tree) : { blocks: [], columns: [] };
  const bodyLines = parts.body.split('\n');
  /** The lines from `first` to `last` as written, to quote when the page's text is not what the editor sees. */
  const written = (first: number, last: number) =>
    bodyLines
      .slice(first - 1, last)
      .map((line) => line.trim())
      .filter(Boolean)
      .join(' ');
  const quote = (found: string, first: number, last: number) => {
    const lines = written(first, last);
    return lines.replace(/\s/g, '').includes(found.replace(/\s/g, '')) || lines.length > 120 ? found : lines;
  };
  for (const block of blocks) {
    for (const finding of findPrivateData(block.text, options)) {
      const lines = Array.from({ length: block.last - block.first + 1 }, (_, i) => block.first + i + parts.bodyLine - 1);
      // Already reported from the text as written, on one of the block's lines.
      if (lines.some((line) => rawLines.has(`${line}:${finding.kind}`))) continue;
      body.push({
        field: '（隐私）',
        line: lines[0],
        kind: finding.kind,
        message: privacyMessage(finding.kind, quote(finding.text, block.first, block.last)),
      });
    }
  }
  // The page shows block after block: a number split over paragraphs, list items, code lines, a heading
  // and the text under it, or down a table's column (139 / 1234 / 5678 down the page) is quoted as the
  // lines that hold it. Rows of one table are not read one after another: a table of figures would
  // run its years and counts together.
  for (const sequence of [blocks.filter((block) => !block.row), ...columns])
    for (const found of findAcrossParts(
      sequence.map((block) => block.text),
      ' ',
      options,
    )) {
      const [first, last] = [sequence[found.first].first, sequence[found.last].last];
      body.push({
        field: '（隐私）',
        line: first + parts.bodyLine - 1,
        kind: found.kind,
        message: privacyMessage(found.kind, quote(found.text, first, last)),
      });
    }
  return [...findDocumentPrivateData(doc, parts.yaml, 2, options), ...body.sort((a, b) => a.line - b.line)];
}

/** Private data in a source file (JSON): every string value, with its field path and line. */
export function findSourcePrivateData(raw: string, options?: PrivacyOptions): FieldPrivacyProblem[] {
  // JSON is YAML, and the YAML parser keeps each value's position; JSON.parse keeps none.
  const doc = parseDocument(raw, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length === 0 && (isMap(doc.contents) || isSeq(doc.contents)))
    return findDocumentPrivateData(doc, raw, 1, options).map((p) => (p.field === '（front matter）' ? { ...p, field: '（文件）' } : p));
  const found = findPrivateData(raw, options).map((f) => ({ field: '（文件）', line: f.line, kind: f.kind, message: f.message }));
  // The raw text keeps JSON's escapes (\u0031 for 1): the values as the build decodes them are read too.
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return found;
  }
  const strings: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') strings.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect(data);
  for (const value of strings)
    for (const f of findPrivateData(value, options))
      if (!found.some((g) => g.kind === f.kind && g.message.zh === f.message.zh))
        found.push({ field: '（文件）', line: 1, kind: f.kind, message: f.message });
  return found;
}
