/**
 * The privacy rules applied to whole files: every string of an entry's front matter (with its
 * field path), the body, and every string of a source file (`content/sources/*.json`). Each
 * finding names the field and the line in the file. Pure and browser-safe.
 */
import type { Message } from '../schema/message.ts';
import { isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document } from 'yaml';
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

const lineAt = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

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
      const start = lineAt(text, node.range[0]);
      // Findings in the value as parsed (escapes decoded, lines folded), placed on the line where the
      // source text shows the same kind, else on the line where the value starts.
      const found = findPrivateData(value, options);
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
  // A list is shown joined (别名：夜访、139、1234、5678): a number split over its items is one number on
  // the page. What no single item holds is reported at the first item it spans, quoted as written.
  visit(doc, {
    Seq(_key, node, ancestors) {
      const items = node.items.filter(isScalar);
      if (items.length < 2 || items.length !== node.items.length || items.some((item) => typeof item.value !== 'string' || !item.range))
        return;
      const path = fieldPath([...ancestors, node] as unknown[]);
      for (const found of findAcrossParts(
        items.map((item) => String(item.value)),
        '、',
        options,
      )) {
        const [from, to] = [items[found.first].range![0], items[found.last].range![1]];
        const line = firstLine - 1 + lineAt(text, from);
        seen.add(`${line}:${found.kind}`);
        problems.push({ field: path || '（文件）', line, kind: found.kind, message: privacyMessage(found.kind, text.slice(from, to)) });
      }
    },
  });
  // Comments, keys and anything else outside string values: still published in the file. Lines
  // wholly inside a string value were checked above.
  const inValues = new Set<number>();
  visit(doc, {
    Scalar(key, node) {
      if (key === 'key' || !node.range) return;
      const [first, last] = [lineAt(text, node.range[0]), lineAt(text, node.range[1])];
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

const BLOCKS = new Set(['paragraph', 'heading', 'tableRow', 'definition']);

/**
 * The text each block of a parsed body shows a reader: entities decoded (`&#49;` is 1), link texts
 * and image descriptions included, lines of one paragraph joined (a number hard-wrapped in a pasted
 * text is one number on the page), table cells side by side. Raw lines alone miss all of these.
 */
/** The text a node shows: entities decoded, link texts and image descriptions, table cells apart. */
const textOf = (node: TextNode): string => {
  if (node.type === 'break') return ' ';
  if (node.type === 'tableCell') return ` ${(node.children ?? []).map(textOf).join('')} `;
  const own = (node.value ?? '') + (node.alt ?? '');
  return own.replace(/\s*\n\s*/g, '') + (node.children ?? []).map(textOf).join('');
};

function blockTexts(tree: TextNode): { text: string; first: number; last: number }[] {
  const out: { text: string; first: number; last: number }[] = [];
  const walk = (node: TextNode) => {
    if (BLOCKS.has(node.type) && node.position) {
      out.push({ text: textOf(node), first: node.position.start.line, last: node.position.end?.line ?? node.position.start.line });
      return;
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return out;
}

/** Every list of a parsed body, as its items' texts with their lines. */
function listItems(tree: TextNode): { text: string; first: number; last: number }[][] {
  const out: { text: string; first: number; last: number }[][] = [];
  const walk = (node: TextNode) => {
    if (node.type === 'list')
      out.push(
        (node.children ?? [])
          .filter((item) => item.position)
          .map((item) => ({
            text: (item.children ?? []).map(textOf).join(' '),
            first: item.position!.start.line,
            last: item.position!.end?.line ?? item.position!.start.line,
          })),
      );
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return out;
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
  for (const block of tree ? blockTexts(tree) : []) {
    for (const finding of findPrivateData(block.text, options)) {
      const lines = Array.from({ length: block.last - block.first + 1 }, (_, i) => block.first + i + parts.bodyLine - 1);
      // Already reported from the text as written, on one of the block's lines.
      if (lines.some((line) => rawLines.has(`${line}:${finding.kind}`))) continue;
      body.push({ field: '（隐私）', line: lines[0], kind: finding.kind, message: finding.message });
    }
  }
  // A list reads item after item (139 / 1234 / 5678 down the page): a number split over its items is
  // quoted as the lines that hold it.
  const bodyLines = parts.body.split('\n');
  for (const items of tree ? listItems(tree) : [])
    for (const found of findAcrossParts(
      items.map((item) => item.text),
      ' ',
      options,
    )) {
      const [first, last] = [items[found.first].first, items[found.last].last];
      const quoted = bodyLines
        .slice(first - 1, last)
        .map((line) => line.trim())
        .join(' ');
      body.push({ field: '（隐私）', line: first + parts.bodyLine - 1, kind: found.kind, message: privacyMessage(found.kind, quoted) });
    }
  return [...findDocumentPrivateData(doc, parts.yaml, 2, options), ...body.sort((a, b) => a.line - b.line)];
}

/** Private data in a source file (JSON): every string value, with its field path and line. */
export function findSourcePrivateData(raw: string, options?: PrivacyOptions): FieldPrivacyProblem[] {
  // JSON is YAML, and the YAML parser keeps each value's position; JSON.parse keeps none.
  const doc = parseDocument(raw, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length === 0 && (isMap(doc.contents) || isSeq(doc.contents)))
    return findDocumentPrivateData(doc, raw, 1, options).map((p) => (p.field === '（front matter）' ? { ...p, field: '（文件）' } : p));
  return findPrivateData(raw, options).map((f) => ({ field: '（文件）', line: f.line, kind: f.kind, message: f.message }));
}
