/**
 * A submitted Word document (as the HTML mammoth makes of it) turned into a draft entry, with a
 * report of what went where. Shared by `npm run import` (scripts/import-docx.ts) and the /submit/
 * drop zone (src/client/docx-drop.ts), so both make the same draft. Pure and browser-safe: no Node
 * imports, no DOM; mammoth's HTML is simple enough to read with a small tokenizer.
 *
 * Everything guessed is a proposal: marked `待确认` (src/lib/quality.ts flags it, an error unless
 * the entry is a 草稿) and listed in the report. Private data is cut out and listed with its
 * paragraph number; nothing else of the document's text is dropped.
 */
import { msg, renderMessage, type Message } from '../schema/message.ts';
import { entryFileText, freeId, placeholders, suggestId } from './entry-file.ts';
import { findPrivateData, privacyKinds, residentReplacement } from './privacy.ts';
import { PROPOSAL } from './quality.ts';

/** The longest first paragraph read as the title line (a title and its subtitle fit well within it). */
const TITLE_MAX = 80;

export { PROPOSAL as PROPOSAL_MARK };
import { headingSynonyms } from '../schema/headings.ts';
import { sectionNames, type SectionName } from '../schema/sections.ts';
import { regions, vocab, type LevelId } from '../schema/vocab.ts';
import { FILE_HIDDEN_ALL } from '../schema/text.ts';

/** Larger files are refused: a case is a few pages, and a big file is usually a whole collection. */
export const MAX_BYTES = 5 * 1024 * 1024;
/** Longer documents are refused for the same reason. */
export const MAX_PAGES = 100;
/** Characters on a printed A4 page of Chinese text, for estimating pages where Word left no breaks. */
const CHARS_PER_PAGE = 700;

export type RefusalCode = 'doc' | 'encrypted' | 'corrupt' | 'not-docx' | 'too-big' | 'too-long' | 'empty' | 'bomb';

/** A document the import will not read, with the reason in Chinese and English. */
export class ImportRefusal extends Error {
  readonly code: RefusalCode;
  /** The refusal and its fix, as data (`message` is its rendered text, both languages). */
  readonly text: Message;
  constructor(code: RefusalCode, text: Message) {
    super(renderMessage(text));
    this.code = code;
    this.text = text;
  }
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True when `bytes` contains `name` as UTF-16LE, as OLE directory entries store stream names. */
function hasUtf16(bytes: Uint8Array, name: string): boolean {
  const pattern = [...name].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * Refuses what mammoth cannot read, before it tries: old .doc files and password-protected .docx
 * (both OLE compound files), files that are not zip archives, and files over the size limit.
 */
export function sniffDocx(bytes: Uint8Array, fileName: string): void {
  const name = `“${fileName}”`;
  if (bytes.length > MAX_BYTES)
    throw new ImportRefusal(
      'too-big',
      msg(
        `${name} 有 ${(bytes.length / 1024 / 1024).toFixed(1)} MB，超过 ${MAX_BYTES / 1024 / 1024} MB 的上限：一个案例通常只有几页，请只保留这个案例的内容，或压缩其中的图片后再导入`,
        `file is over ${MAX_BYTES / 1024 / 1024} MB`,
      ),
    );
  if (bytes.length === 0) throw new ImportRefusal('empty', msg(`${name} 是空文件`, `the file is empty`));
  if (OLE.every((b, i) => bytes[i] === b)) {
    if (hasUtf16(bytes, 'EncryptedPackage') || hasUtf16(bytes, 'EncryptionInfo'))
      throw new ImportRefusal(
        'encrypted',
        msg(
          `${name} 设置了打开密码，无法读取：请在 Word/WPS 中取消密码（文件 → 信息 → 保护文档），另存为 .docx 后再导入`,
          `the document is password-protected`,
        ),
      );
    throw new ImportRefusal(
      'doc',
      msg(`${name}：这是旧版 .doc 文件，请在 Word/WPS 中另存为 .docx 后再导入`, `old .doc format: save as .docx first`),
    );
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
    throw new ImportRefusal(
      'not-docx',
      msg(`${name} 不是 Word .docx 文件（可能是 PDF、图片或改了扩展名的文件）：请在 Word/WPS 中打开并另存为 .docx`, `not a .docx file`),
    );
  // What the archive's directory says its parts unpack to, before mammoth unpacks them: 64 KB of
  // empty paragraphs unpack to 36 MB of XML, which took mammoth past 4 GB (a red-team pass, 2026-12-03).
  const { text, dense } = unpackedText(bytes);
  // Word's XML packs about ten to one; a hundred to one is the same few bytes repeated on purpose.
  if (text > MAX_XML_BYTES || dense)
    throw new ImportRefusal(
      'bomb',
      msg(
        `${name} 的文字部分解压后有 ${(text / 1024 / 1024).toFixed(0)} MB（文件本身只有 ${Math.max(1, Math.round(bytes.length / 1024))} KB），远超正常文稿，可能含有大量空段落或被人为构造：请在 Word/WPS 中打开，只复制案例正文到新文档，另存为 .docx 后再导入`,
        `the document's XML unpacks to ${(text / 1024 / 1024).toFixed(0)} MB`,
      ),
    );
}

/** Unpacked XML a document may hold: a 100-page case with tables is a few MB. */
export const MAX_XML_BYTES = 16 * 1024 * 1024;

/**
 * The unpacked size of the archive's parts other than pictures (whatever their names: a main part
 * renamed document.dat is read all the same), from its central directory, no part unpacked; and
 * whether any one of them unpacks to over 1 MB at a hundred times its packed size (a ratio over all
 * parts could be lowered by adding a part of random bytes). A directory that cannot be read counts
 * as 0: mammoth then reports the file as damaged.
 */
function unpackedText(bytes: Uint8Array): { text: number; dense: boolean } {
  let total = 0;
  let dense = false;
  for (const { name, packed, size } of zipEntries(bytes))
    if (!PICTURE.test(name)) {
      total += size;
      dense ||= size > 1024 * 1024 && size > 100 * packed;
    }
  return { text: total, dense };
}

/**
 * The parts an archive's central directory lists: name, method, packed and unpacked size, and where
 * the part's local header is. Read from the directory alone; none when there is none to read.
 */
function* zipEntries(bytes: Uint8Array): Generator<{ name: string; method: number; packed: number; size: number; local: number }> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-directory record is in the last 64 KB + 22 bytes (its comment is at most 64 KB).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--)
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  for (let n = 0; n < count && at + 46 <= bytes.length && view.getUint32(at, true) === 0x02014b50; n++) {
    const nameLength = view.getUint16(at + 28, true);
    yield {
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      packed: view.getUint32(at + 20, true),
      // A size of 0xFFFFFFFF means a ZIP64 size, over 4 GB: counted as such.
      size: view.getUint32(at + 24, true) === 0xffffffff ? 2 ** 32 : view.getUint32(at + 24, true),
      local: view.getUint32(at + 42, true),
    };
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
}
/** Pictures and other media, which are packed already and unpack to about their own size. */
const PICTURE = /^word\/media\/|\.(?:png|jpe?g|gif|bmp|tiff?|emf|wmf|svg|webp|wdp|mp4|wav|mp3)$/i;

/** The error for a file mammoth could not open although it looked like a zip. */
export const corruptRefusal = (fileName: string, detail: string) =>
  new ImportRefusal(
    'corrupt',
    msg(
      `“${fileName}”已损坏，无法作为 .docx 读取（${detail.slice(0, 80)}）：请在 Word/WPS 中打开，确认内容完整后重新另存为 .docx`,
      `the file is damaged or not a .docx`,
    ),
  );

/** Pages of a document: Word's page breaks, or its length where it has fewer breaks than text. */
export function estimatePages(pageBreaks: number, chars: number): number {
  return Math.max(pageBreaks + 1, Math.ceil(chars / CHARS_PER_PAGE));
}

export function checkPages(pages: number, fileName: string): void {
  if (pages > MAX_PAGES)
    throw new ImportRefusal(
      'too-long',
      msg(
        `“${fileName}”约有 ${pages} 页，超过 ${MAX_PAGES} 页的上限：一个案例通常不超过 20 页，这多半是一本汇编。请把要导入的案例单独另存为一个 .docx`,
        `about ${pages} pages, over the ${MAX_PAGES}-page limit`,
      ),
    );
}

/** The part of mammoth's API the import uses, passed in so this module never loads mammoth itself. */
export interface Mammoth {
  convertToHtml(input: { buffer?: Uint8Array; arrayBuffer?: ArrayBuffer }, options: Record<string, unknown>): Promise<{ value: string }>;
  images: {
    imgElement(f: (image: { contentType: string; readAsArrayBuffer(): Promise<ArrayBuffer> }) => Promise<{ src: string }>): unknown;
  };
}

export interface Converted {
  html: string;
  /** Pictures by the `src` they have in `html`. */
  pictures: Map<string, { bytes: Uint8Array; type: string }>;
  pages: number;
  /** Text Word hides (Font → Hidden, w:vanish), which mammoth imports as ordinary text: one item per run or paragraph. */
  hidden: string[];
}

/**
 * Reads a .docx with mammoth (Node or browser): refuses what it cannot read, turns pictures into
 * `docx-image:N` references kept aside, and counts pages. Throws ImportRefusal with the reason.
 */
export async function convertDocx(mammoth: Mammoth, bytes: Uint8Array, fileName: string): Promise<Converted> {
  sniffDocx(bytes, fileName);
  const pictures = new Map<string, { bytes: Uint8Array; type: string }>();
  let pageBreaks = 0;
  let html: string;
  try {
    const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const result = await mammoth.convertToHtml(
      // Node's mammoth reads `buffer`, the browser build `arrayBuffer`.
      { buffer: bytes, arrayBuffer },
      {
        transformDocument: (document: any) => {
          const walk = (node: any) => {
            if (node.type === 'break' && node.breakType === 'page') pageBreaks++;
            node.children?.forEach(walk);
          };
          walk(document);
          return document;
        },
        convertImage: mammoth.images.imgElement(async (image) => {
          const src = `docx-image:${pictures.size + 1}`;
          pictures.set(src, { bytes: new Uint8Array(await image.readAsArrayBuffer()), type: image.contentType });
          return { src };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    throw corruptRefusal(fileName, (error as Error).message);
  }
  const pages = estimatePages(pageBreaks, html.replace(/<[^>]+>/g, '').length);
  checkPages(pages, fileName);
  return { html, pictures, pages, hidden: await hiddenText(bytes) };
}

/**
 * The text Word hides in a document (Font → Hidden: `w:vanish` on a run, or in the character or
 * paragraph style it uses). Word and WPS do not show or print it, but mammoth imports it as
 * ordinary text, so an author's hidden note would land in the draft unseen: the report lists it.
 * Read from the main part's XML with patterns: a list for the editor, not a gate (the privacy and
 * markup rules still read every character of the draft). A part that cannot be read gives none.
 */
export async function hiddenText(bytes: Uint8Array): Promise<string[]> {
  const [document, styles] = await Promise.all([readPart(bytes, 'word/document.xml'), readPart(bytes, 'word/styles.xml')]);
  if (!document || !VANISH.test(document + (styles ?? ''))) return [];
  const hiddenStyles = new Set<string>();
  for (const [, attrs, body] of (styles ?? '').matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g))
    if (VANISH.test(body)) hiddenStyles.add(/w:styleId="([^"]*)"/.exec(attrs)?.[1] ?? '');
  const styled = (props: string, kind: 'rStyle' | 'pStyle') =>
    hiddenStyles.has(new RegExp(`<w:${kind} w:val="([^"]*)"`).exec(props)?.[1] ?? '\0');
  const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decodeXml(m[1])).join('');
  const found: string[] = [];
  for (const [, paragraph] of document.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)) {
    const props = /^\s*<w:pPr>([\s\S]*?)<\/w:pPr>/.exec(paragraph)?.[1] ?? '';
    if (styled(props, 'pStyle')) {
      const text = textOf(paragraph).trim();
      if (text) found.push(text);
      continue;
    }
    for (const [, run] of paragraph.matchAll(/<w:r\b[^>]*>([\s\S]*?)<\/w:r>/g)) {
      const runProps = /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(run)?.[1] ?? '';
      if (!VANISH.test(runProps) && !styled(runProps, 'rStyle')) continue;
      const text = textOf(run).trim();
      if (text) found.push(text);
    }
  }
  return found;
}

/** Word's hidden-text property, unless switched off (w:val="false", "0" or "off"). */
const VANISH = /<w:vanish\b(?![^>]*w:val="(?:false|0|off)")[^>]*\/?>/;
const decodeXml = (text: string) =>
  text.replace(/&(?:lt|gt|amp|quot|apos|#(\d+)|#x([0-9a-f]+));/gi, (whole, dec?: string, hex?: string) =>
    dec
      ? String.fromCodePoint(Number(dec))
      : hex
        ? String.fromCodePoint(parseInt(hex, 16))
        : (({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"', '&apos;': "'" } as Record<string, string>)[whole.toLowerCase()] ??
          whole),
  );

/**
 * One part of the archive, unpacked (stored or deflated), found through its central directory; undefined
 * when it is absent or cannot be read. The part's size was bounded by sniffDocx before this runs.
 */
async function readPart(bytes: Uint8Array, name: string): Promise<string | undefined> {
  try {
    const part = [...zipEntries(bytes)].find((e) => e.name === name);
    if (!part) return undefined;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(part.local, true) !== 0x04034b50) return undefined;
    const start = part.local + 30 + view.getUint16(part.local + 26, true) + view.getUint16(part.local + 28, true);
    const data = bytes.subarray(start, start + part.packed);
    if (part.method === 0) return new TextDecoder().decode(data);
    if (part.method !== 8) return undefined;
    // Unpacked a chunk at a time and given up past the size the guard allows, whatever the directory claimed.
    const reader = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
    const decoder = new TextDecoder();
    let text = '';
    let total = 0;
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      total += chunk.value.length;
      if (total > MAX_XML_BYTES) {
        await reader.cancel();
        return undefined;
      }
      text += decoder.decode(chunk.value, { stream: true });
    }
    return text + decoder.decode();
  } catch {
    // A damaged part: mammoth reports the file; the list of hidden text is then empty.
    return undefined;
  }
}

/** File extension for a picture's content type. */
export const imageExtension = (type: string) =>
  ({ 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp', 'image/webp': 'webp', 'image/svg+xml': 'svg' })[
    type
  ] ?? 'png';

// ---------------------------------------------------------------------------------------------
// Reading mammoth's HTML

export type Block =
  | { kind: 'p'; text: string; heading: number; bold: boolean; line: number }
  | { kind: 'li'; text: string; ordered: boolean; line: number }
  | { kind: 'table'; rows: string[][]; line: number }
  | { kind: 'img'; src: string; alt: string; line: number };

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const decode = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, code: string) =>
    code[0] === '#'
      ? String.fromCodePoint(code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : Number(code.slice(1)))
      : (entities[code.toLowerCase()] ?? whole),
  );
const attr = (attrs: string, name: string) => decode(new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1] ?? '');
const tidy = (text: string) => text.replace(/[ \t\u00a0\u3000]+/g, ' ').trim();

/**
 * The blocks of mammoth's HTML in document order, each numbered: the number is the paragraph's
 * line in the document's text, as the report and the source locator count them.
 */
export function readBlocks(html: string, links: { line: number; href: string }[] = []): Block[] {
  const blocks: Block[] = [];
  /** Inside a footnote's link back to its mark (↑), whose text is no part of the note. */
  let backLink = false;
  let line = 0;
  let text = '';
  let bold = 0;
  let plain = 0;
  let current: { tag: string } | undefined;
  const lists: boolean[] = [];
  let table: string[][] | undefined;
  let row: string[] | undefined;
  let cell: string | undefined;
  let nested = 0;
  const flush = () => {
    const value = tidy(text);
    if (value && current) {
      if (current.tag === 'li') blocks.push({ kind: 'li', text: value, ordered: lists.at(-1) ?? false, line: ++line });
      else
        blocks.push({
          kind: 'p',
          text: value,
          heading: current.tag[0] === 'h' ? Number(current.tag[1]) : 0,
          bold: plain === 0,
          line: ++line,
        });
    }
    text = '';
    plain = 0;
  };
  for (const token of html.matchAll(/<(\/?)([a-zA-Z0-9]+)([^>]*?)\/?>|([^<]+)/g)) {
    const [, close, rawTag, attrs, chars] = token;
    if (chars !== undefined) {
      if (backLink) continue;
      const value = decode(chars);
      if (cell !== undefined) cell += value;
      else if (current) {
        text += value;
        if (value.trim() && bold <= 0) plain++;
      }
      continue;
    }
    const tag = rawTag.toLowerCase();
    if (tag === 'a') {
      const href = attr(attrs, 'href');
      if (close) backLink = false;
      else if (/^#(?:footnote|endnote)-ref-/.test(href)) backLink = true;
      // The link's text stays; where it pointed is listed in the report, not kept in the entry.
      else if (href && !href.startsWith('#')) links.push({ line: line + 1, href });
      continue;
    }
    // A table inside a table cell: its text joins the outer cell.
    if (tag === 'table' && cell !== undefined) nested += close ? -1 : 1;
    if (nested > 0 || (tag === 'table' && cell !== undefined)) {
      if (/^(td|th|tr|p|br)$/.test(tag) && close) cell += ' ';
      continue;
    }
    if (tag === 'table') {
      if (close) {
        if (table?.length) blocks.push({ kind: 'table', rows: table, line: ++line });
        table = undefined;
      } else table = [];
    } else if (tag === 'tr' && table) {
      if (close) {
        if (row?.length) table.push(row);
        row = undefined;
      } else row = [];
    } else if ((tag === 'td' || tag === 'th') && row) {
      if (close) {
        row.push(tidy(cell ?? ''));
        cell = undefined;
      } else cell = '';
    } else if (cell !== undefined) {
      if (tag === 'p' && close) cell += ' ';
      if (tag === 'br') cell += ' ';
    } else if (tag === 'ul' || tag === 'ol') {
      if (close) lists.pop();
      else lists.push(tag === 'ol');
    } else if (/^(p|h[1-6]|li)$/.test(tag)) {
      // An item's own text is kept when a paragraph or a nested list opens inside it.
      if (!close) {
        flush();
        current = { tag };
      } else if (current) {
        flush();
        current = tag === 'p' && lists.length ? { tag: 'li' } : undefined;
      }
    } else if (tag === 'strong' || tag === 'b') bold += close ? -1 : 1;
    else if (tag === 'br' && current) text += ' ';
    else if (tag === 'img') blocks.push({ kind: 'img', src: attr(attrs, 'src'), alt: tidy(attr(attrs, 'alt')), line: ++line });
  }
  return blocks;
}

// ---------------------------------------------------------------------------------------------
// Headings

const NUMBERING =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十]+\s*[)）]|\d+\s*[.、．](?!\d)|[（(]\d+[)）]|第[一二三四五六七八九十]+(?:部分|章|节)\s*[、:：]?)\s*/;

/** A heading's text without numbering and punctuation, for looking it up. */
export const headingKey = (text: string) => text.replace(NUMBERING, '').replace(/[\s\p{P}]/gu, '');

const lookup = new Map<string, SectionName>();
for (const name of sectionNames) for (const h of headingSynonyms[name]) lookup.set(headingKey(h), name);
const bySize = [...lookup.keys()].sort((a, b) => b.length - a.length);

/** The section a heading opens, from the synonym table: exact, else the longest listed heading it starts with. */
export function sectionOf(text: string): SectionName | undefined {
  const key = headingKey(text);
  if (lookup.has(key)) return lookup.get(key);
  const prefix = bySize.find((h) => h.length >= 2 && key.startsWith(h) && key.length <= h.length + 4);
  return prefix ? lookup.get(prefix) : undefined;
}

/**
 * A block's heading kind, or '' for body text: Word's heading styles (h1…h6), else the numbering
 * (一、 / （一） / 1. / (1)), else a short line that is exactly a listed heading.
 */
function headingKind(block: Block): string {
  if (block.kind !== 'p') return '';
  if (block.heading) return `h${block.heading}`;
  const text = block.text;
  if ([...text].length > 30 || /[。；;，,]$/.test(text)) return '';
  if (/^[一二三四五六七八九十]+\s*[、.．]/.test(text) || /^第[一二三四五六七八九十]+(?:部分|章|节)/.test(text)) return 'cn';
  if (/^[（(]\s*[一二三四五六七八九十]+\s*[)）]/.test(text)) return 'paren-cn';
  if (/^\d+\s*[.、．](?!\d)/.test(text)) return 'arabic';
  if (/^[（(]\d+[)）]/.test(text)) return 'paren-arabic';
  if ([...text].length <= 12 && lookup.has(headingKey(text))) return 'plain';
  if (block.bold && [...text].length <= 20 && sectionOf(text)) return 'bold';
  return '';
}

// ---------------------------------------------------------------------------------------------
// Report

export interface ImportReport {
  fileName: string;
  id: string;
  /** Headings found and the section each went to (or 待归类). */
  mapped: { line: number; heading: string; to: string }[];
  /** Values the import guessed: each is marked 待确认 in the draft. */
  proposals: { field: string; value: string; why: string }[];
  /** Text taken out of the draft: private data, contact lines, the title and unit lines. */
  removed: {
    line: number;
    what: string;
    text: string;
    why: string;
    /** Private data, rather than a line moved into a field. */ private: boolean;
  }[];
  /** Characters changed so the entry is safe MDX. */
  escaped: { line: number; what: string }[];
  images: { line: number; path: string; alt: string; missingAlt: boolean }[];
  /** Sections the document has no heading for. */
  missing: SectionName[];
  /** Paragraphs kept under a 待归类 block. */
  unsorted: number[];
  /** Text Word hides (not shown or printed in Word), imported as ordinary text: private data masked. */
  hidden: string[];
  /** What the editor still has to do, in order. */
  todo: string[];
}

/** Text shown in a report whole up to `length` characters, then cut with …. */
const clip = (text: string, length = 60) => ([...text].length > length ? `${[...text].slice(0, length).join('')}…` : text);

/** Private data shown in a report only in part: enough to find it, not enough to use it. */
export const mask = (text: string) => {
  const chars = [...text];
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return chars.slice(0, 3).join('') + '*'.repeat(chars.length - 5) + chars.slice(-2).join('');
};

// ---------------------------------------------------------------------------------------------
// The draft

export interface ImportOptions {
  fileName: string;
  /** Entry ids already taken (content/cases/ file names). */
  taken: Set<string>;
  /** YYYY-MM-DD for `reviewed`. */
  today: string;
  author: string;
  /** Source id to cite; by default a new source for this document, `laigao-<entry id>`. */
  sourceId?: string;
  /** Pages of the document, for the locator. */
  pages?: number;
  /** File extension of each image by its `src` in the HTML (png, jpg…); png when unknown. */
  imageExt?: (src: string) => string;
  /** Text Word hides in the document (convertDocx's `hidden`): listed in the report for the editor. */
  hidden?: string[];
}

export interface ImportResult {
  id: string;
  data: Record<string, unknown>;
  sections: Record<SectionName, string>;
  /** The entry file (MDX). */
  text: string;
  /** The new source file's data, when no `sourceId` was given. */
  source?: { id: string; data: Record<string, unknown> };
  /** Images to save: `src` from the HTML → site path (save under public/). */
  images: { src: string; path: string }[];
  report: ImportReport;
}

const mark = (value: string) => `${value}（${PROPOSAL}）`;
const CONTACT =
  /^(联系人|联\s*系\s*电\s*话|联系方式|联系手机|办公电话|电话|手机|邮箱|电子邮箱|电子邮件|e-?mail|传真|地址|通讯地址|联系地址|单位地址|邮编|邮政编码|qq|微信)\s*[：:]/i;
/**
 * A paragraph that starts like a contact line (微信：, 地址：) but goes on as the case's own text
 * (微信：村里建起“党群连心”微信群，党员每天在群里…): kept as text, its private data cut out as
 * anywhere else, rather than dropped whole with the contact lines. A contact line is mostly
 * numbers and names; a sentence has thirty Chinese characters or more, and punctuation.
 */
const isProse = (text: string) => {
  const rest = text.replace(/^[^：:]*[：:]\s*/, '');
  return (rest.match(/\p{Script=Han}/gu)?.length ?? 0) >= 30 && /[，,。；;！？]/.test(rest);
};
const SUBMITTER = /^(报送单位|申报单位|推荐单位|供稿单位|报送|选送单位)\s*[：:]\s*(.*)$/;
const AUTHOR = /^(撰稿人?|执笔人?|作者|供稿人|审核人|签发人?)\s*[：:]/;
const UNIT_END = /(党委|党工委|党总支|党支部|党组|委员会|工委|社区|村|街道|镇|乡|局|公司|中心|医院|学校|办事处|所|站)$/;

/** Province, city and county read from the front of a name: 广东省韶关市始兴县… */
function placeOf(texts: string[]): { province?: string; provinceText?: string; city?: string; county?: string } {
  for (const text of texts) {
    for (const region of regions) {
      for (const name of [region.fullName, ...region.aliases, region.label]) {
        const at = text.indexOf(name);
        if (at < 0) continue;
        const rest = text.slice(at + name.length);
        const city = /^([\p{Script=Han}]{2,5}?(?:市|自治州|州|盟|地区))/u.exec(rest)?.[1];
        const afterCity = city ? rest.slice(city.length) : rest;
        const county = /^([\p{Script=Han}]{1,5}?(?:自治县|县|旗|区|市))(?![场委])/u.exec(afterCity)?.[1];
        return { province: region.id, provinceText: name, city: city === undefined ? undefined : city, county };
      }
    }
  }
  return {};
}

/**
 * Level id of a unit from its name (the level vocabulary): the last administrative word
 * decides (…县…镇…村党支部 is a village's).
 */
export function levelOf(unit: string): LevelId {
  const words: [RegExp, LevelId][] = [
    [/(村|社区|居委会|嘎查)/g, 'cun-shequ'],
    [/(镇|乡|街道)/g, 'xiangzhen-jiedao'],
    [/(县|旗|[^社小园城片辖]区)/g, 'xianji'],
    [/(市|州|盟)/g, 'dishiji'],
    [/(省|自治区)/g, 'shengji'],
  ];
  let best: { at: number; level: LevelId } = { at: -1, level: 'danwei' };
  for (const [re, level] of words) for (const m of unit.matchAll(re)) if (m.index! > best.at) best = { at: m.index!, level };
  // A company, bureau or school named after its place is a 单位, whatever place it names.
  if (/(公司|企业|集团|局|学校|医院|中心|所|站)[^村镇乡]*$/.test(unit.slice(best.at + 1))) return 'danwei';
  return best.level;
}

const domainWords: [RegExp, string][] = [
  [/社区|街道|小区|居委会/, 'chengshi-shequ'],
  [/村|乡|镇|嘎查/, 'nongcun'],
  [/窗口|服务中心|政务|登记|办税|医院|所$/, 'chuangkou-fuwu'],
  [/集团|国有|国企|供电|电力|石油|铁路/, 'guoyou-qiye'],
  [/公司|企业|厂/, 'feigong-qiye'],
  [/协会|商会|社会组织|基金会/, 'shehui-zuzhi'],
  [/局|委员会|机关|政府|部$/, 'jiguan'],
];
const themeWords: [RegExp, string][] = [
  [/台账|民情|日记|档案/, 'minqing-shouji'],
  [/走访|入户|夜访|联系户/, 'zoufang-lianxi'],
  [/代办|代理|便民|服务站/, 'bianmin-fuwu'],
  [/议事|恳谈|公开|协商|听证/, 'minzhu-yishi'],
  [/调解|纠纷|矛盾/, 'tiaojie-hexie'],
  [/志愿/, 'zhiyuan-fuwu'],
  [/积分|党员管理|设岗定责|承诺/, 'dangyuan-guanli'],
  [/网格|微信|平台|信息化|智慧|APP|App/, 'xinxihua'],
  [/产业|致富|合作社|增收/, 'fazhan-zhifu'],
  [/共建|联建|区域化/, 'quyuhua-dangjian'],
  [/考评|考核|作风|评议/, 'zuofeng-kaoping'],
];

/** Key figures proposed from sentences with numbers: `value` is the number with its unit, as written. */
export function proposeFigures(text: string, limit = 6): { label: string; value: string }[] {
  const figures: { label: string; value: string }[] = [];
  const number =
    /(\d+(?:\.\d+)?)\s*(%|％|[万亿千百]?(?:余|多)?(?:万元|亿元|平方米|公里|小时|[个条件户人名次家项元所场座间亩套台处支批天周年月]))?/gu;
  for (const sentence of text.split(/[。；;！!\n]/)) {
    for (const clause of sentence.split(/[，,、]/)) {
      let from = 0;
      for (const match of clause.matchAll(number)) {
        const before = clause.slice(from, match.index);
        from = match.index! + match[0].length;
        const unit = match[2];
        if (!unit || /^[年月]$/.test(unit)) continue; // years and months are dates; a bare number has nothing to read it by
        const label = before
          .replace(/^[^，,]{0,6}?(以来|来)/, '')
          .replace(/^(共|累计|全年|先后|已|目前|其中|今年以来|截至目前)+/, '')
          .replace(/(共|累计|达到?|为|有|超过|近|约|\d+)+$/, '')
          .trim();
        if ([...label].length < 2) continue;
        figures.push({ label: mark([...label].slice(-16).join('')), value: match[0].trim() });
        if (figures.length >= limit) return figures;
      }
    }
  }
  return figures;
}

/** Makes text safe as MDX prose: no tags, braces or import/export lines; notes each change. */
function escapeText(text: string, line: number, escaped: ImportReport['escaped']): string {
  let out = text;
  // Characters a reader never sees (zero-width, direction, Braille blank…), which the check refuses anywhere in a file.
  const visible = out.replace(FILE_HIDDEN_ALL, '');
  if (visible !== out) {
    out = visible;
    escaped.push({ line, what: '删去了看不见的字符（零宽字符、方向控制符、空白占位符等，常随复制的文字带入）' });
  }
  if (/[{}]/.test(out)) {
    out = out.replace(/\{/g, '｛').replace(/\}/g, '｝');
    escaped.push({ line, what: '花括号 { } 改成了全角 ｛ ｝（MDX 会把半角花括号当作代码）' });
  }
  if (/[<>]/.test(out)) {
    out = out.replace(/</g, '＜').replace(/>/g, '＞');
    escaped.push({ line, what: '尖括号 < > 改成了全角 ＜ ＞（条目不能含 HTML 或组件标签）' });
  }
  if (/^\s*(import|export)\b/.test(out)) {
    out = `（原文）${out}`;
    escaped.push({ line, what: '以 import/export 开头的一行前加了“（原文）”（条目不能含代码）' });
  }
  // Marks Markdown reads as formatting or links (第1步*登记*第2步 turned italic, [1]: https://… became
  // an invisible link definition, AT&amp;T showed as AT&T, \*说明\* lost its backslashes): escaped, so
  // the page shows what Word showed.
  const literal = out.replace(/[\\*_~`[\]]/g, '\\$&').replace(/&(?=(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);)/gi, '\\&');
  if (literal !== out) {
    out = literal;
    escaped.push({ line, what: 'Markdown 符号 * _ ~ ` [ ] \\ & 前加了反斜杠，网页上照原样显示，不会变成斜体、链接或字符' });
  }
  // A line starting with # or > would become a heading (## 其他 is an unknown section) or a quote.
  if (/^\s*[#>]/.test(out)) out = out.replace(/^(\s*)([#>])/, '$1\\$2');
  return out;
}

/** Turns mammoth's HTML of one document into a draft entry and its report. */
export function importDocx(html: string, givenOptions: ImportOptions): ImportResult {
  // A file name can carry a phone number too; it is written into the draft and the source.
  const options = {
    ...givenOptions,
    fileName: findPrivateData(givenOptions.fileName).reduce((name, f) => name.split(f.text).join(''), givenOptions.fileName),
  };
  const links: { line: number; href: string }[] = [];
  const blocks = readBlocks(html, links);
  if (!blocks.some((b) => b.kind !== 'img'))
    throw new ImportRefusal('empty', msg(`“${options.fileName}”里没有文字，无法生成条目`, `the document has no text`));
  const removed: ImportReport['removed'] = [];
  for (const { line, href } of links) {
    // Shown in part when it carries private data (mailto:, a phone number in a query), else whole up to 60 characters.
    const shown = findPrivateData(href).length ? mask(href) : clip(href);
    removed.push({
      line,
      what: '链接地址',
      text: shown,
      why: '条目正文不保留链接，链接的文字已保留；网址若是出处，请写进来源（source）',
      private: false,
    });
  }
  const escaped: ImportReport['escaped'] = [];
  const proposals: ImportReport['proposals'] = [];
  const mapped: ImportReport['mapped'] = [];
  const unsorted: number[] = [];

  // Private data first: nothing below sees a phone number, ID or address.
  const clean = (text: string, line: number): string => {
    let out = text;
    for (const finding of findPrivateData(text)) {
      // A resident keeps the word of address without the surname (李大妈 → 大妈, 欧阳大爷 → 大爷): the sentence still reads.
      const kept = finding.kind === 'resident' ? residentReplacement(finding.text) : '';
      out = out.split(finding.text).join(kept);
      // A surname before a word of address shows as *大妈; a full name shows its first character (陈**), as a
      // number shows its ends: enough to find it in the document.
      const chars = [...finding.text];
      const shown = finding.kind !== 'resident' ? mask(finding.text) : kept ? `*${kept}` : `${chars[0]}${'*'.repeat(chars.length - 1)}`;
      removed.push({ line, what: finding.label, text: shown, why: privacyKinds[finding.kind].fix, private: true });
    }
    return out
      .replace(/[（(]\s*[)）]/g, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  };

  // Contact, submitter and author lines leave the body; the submitter proposes the unit.
  let submitter: string | undefined;
  const body: Block[] = [];
  for (const block of blocks) {
    if (block.kind === 'p' || block.kind === 'li') {
      const submitted = SUBMITTER.exec(block.text);
      if (submitted) {
        const unit = clean(submitted[2], block.line)
          .replace(/[，,；;。].*$/, '')
          .trim();
        if (unit && !submitter) submitter = unit;
        removed.push({
          line: block.line,
          what: '报送单位',
          text: block.text.slice(0, 30),
          why: '报送信息不进正文；单位名称已作为“实践单位”的建议',
          private: false,
        });
        continue;
      }
      if ((CONTACT.test(block.text) || AUTHOR.test(block.text)) && !isProse(block.text)) {
        // The label stays readable; what follows it is shown only in part.
        const [, label, rest] = /^([^：:]*[：:])\s*(.*)$/.exec(block.text)!;
        removed.push({
          line: block.line,
          what: AUTHOR.test(block.text) ? '撰稿人' : '联系方式',
          text: `${label}${mask(rest)}`,
          why: AUTHOR.test(block.text)
            ? '撰稿人、执笔人是个人信息，不进正文；条目撰写人填在 author'
            : '联系人、电话、地址等联系方式不得发布',
          private: true,
        });
        continue;
      }
      const text = clean(block.text, block.line);
      if (!text || !/[\p{L}\p{N}]/u.test(text)) continue;
      body.push({ ...block, text });
    } else if (block.kind === 'table') {
      body.push({ ...block, rows: block.rows.map((r) => r.map((c) => clean(c, block.line))) });
    } else body.push(block);
  }

  // Title line and unit line: what stands before the first heading and looks like a title.
  const levels = body.map(headingKind);
  let cursor = 0;
  // A document that opens with a section heading has no title line: the file name stands in.
  const firstP = body.findIndex((b) => b.kind === 'p');
  // A title is a line: a first paragraph longer than TITLE_MAX (a whole submission typed as one
  // paragraph) stays in the body, and the file name stands in, rather than the text being lost.
  const titleBlock =
    firstP >= 0 &&
    !(levels[firstP] && sectionOf((body[firstP] as { text: string }).text)) &&
    [...(body[firstP] as { text: string }).text].length <= TITLE_MAX
      ? (body[firstP] as Extract<Block, { kind: 'p' }>)
      : undefined;
  const titleLine = titleBlock?.text ?? options.fileName.replace(/\.docx$/i, '');
  if (titleBlock) {
    cursor = body.indexOf(titleBlock) + 1;
    removed.push({
      line: titleBlock.line,
      what: '标题行',
      text: titleLine,
      why: '作为名称（title）和原标题（headline）的依据，不进正文',
      private: false,
    });
  }
  let unitLine: string | undefined;
  const next = body[cursor];
  if (
    next?.kind === 'p' &&
    [...next.text].length <= 40 &&
    UNIT_END.test(next.text.replace(/[\s（(].*$/, '')) &&
    !/[。，]/.test(next.text)
  ) {
    unitLine = next.text;
    removed.push({ line: next.line, what: '单位行', text: next.text, why: '作为实践单位（unit）的建议，不进正文', private: false });
    cursor++;
  }

  // Title: the quoted method name in the title line, else the line itself.
  const quoted = /[“"「『]([^”"」』]{2,24})[”"」』]\s*(工作法|工作机制|服务法|机制|模式|法)?/.exec(titleLine);
  const titleValue = quoted ? `“${quoted[1]}”${quoted[2] ?? '工作法'}` : [...titleLine].slice(0, 50).join('');
  proposals.push({ field: 'title', value: titleValue, why: quoted ? '标题行中引号里的方法名称' : '标题行（没有找到引号里的方法名称）' });
  const unitFromTitle = /^(.{2,30}(?:党委|党工委|党总支|党支部|党组|委员会|社区|村|街道|镇|乡))/.exec(
    quoted ? titleLine.slice(0, quoted.index) : titleLine,
  )?.[1];
  const unitValue = submitter ?? unitLine ?? unitFromTitle;
  proposals.push(
    unitValue
      ? { field: 'unit', value: unitValue, why: submitter ? '报送单位' : unitLine ? '标题下的单位行' : '标题行开头的单位名称' }
      : { field: 'unit', value: `${'待填写'}：实践单位`, why: '文中没有找到报送单位或单位行' },
  );

  // Sections.
  // Headings numbered like the ones that name sections are at the same level: an unknown one of
  // them opens a 待归类 block; others are sub-headings. Word styles compare by level.
  const topKinds = new Set(body.map((b, i) => (levels[i] && sectionOf((b as { text: string }).text) ? levels[i] : '')).filter(Boolean));
  const topStyle = Math.min(...[...topKinds].filter((k) => /^h\d$/.test(k)).map((k) => Number(k[1])), 99);
  const isTop = (kind: string) => topKinds.has(kind) || (/^h\d$/.test(kind) && Number(kind[1]) <= topStyle);
  const out: Record<SectionName, string[]> = { 背景: [], 做法: [], 成效: [], 启示: [] };
  const seen = new Set<SectionName>();
  let section: SectionName = '背景';
  let sorting: { heading: string; lines: string[] } | undefined; // a 待归类 block being collected
  let intro = 0;
  const flushSorting = () => {
    if (!sorting) return;
    const lines = sorting.lines.flatMap((l) => l.split('\n')).map((l) => (l ? `> ${l}` : '>'));
    while (lines.at(-1) === '>') lines.pop();
    out[section].push(
      `> **待归类（编者，${PROPOSAL}）**：原文“${sorting.heading}”下的内容没有对应的节，请移到合适的节、改写或删除。\n>\n${lines.join('\n')}`,
    );
    sorting = undefined;
  };
  const emit = (markdown: string, line: number) => {
    if (sorting) {
      sorting.lines.push(markdown, '');
      unsorted.push(line);
    } else out[section].push(markdown);
  };
  const images: ImportResult['images'] = [];
  const imageReports: ImportReport['images'] = [];
  // The id comes before the body, because image paths contain it.
  const place = placeOf([unitValue ?? '', titleLine, ...body.slice(cursor, cursor + 3).map((b) => ('text' in b ? b.text : ''))]);
  const id = freeId(
    suggestId(titleValue, place.county || place.city || (place.province ? vocab('region', place.province).label : '')),
    options.taken,
  );

  let listCounter = 0;
  for (let i = cursor; i < body.length; i++) {
    const block = body[i];
    const level = levels[i];
    if (block.kind === 'p' && level) {
      const target = sectionOf(block.text);
      if (target) {
        flushSorting();
        section = target;
        seen.add(target);
        mapped.push({ line: block.line, heading: block.text, to: target });
        continue;
      }
      if (isTop(level)) {
        flushSorting();
        sorting = { heading: block.text, lines: [] };
        mapped.push({ line: block.line, heading: block.text, to: `待归类（放在“${section}”一节末尾）` });
        continue;
      }
      emit(`### ${escapeText(block.text.replace(NUMBERING, ''), block.line, escaped)}`, block.line);
      continue;
    }
    if (!seen.size && !sorting && block.kind !== 'img') intro++;
    if (block.kind === 'p') emit(escapeText(block.text, block.line, escaped), block.line);
    else if (block.kind === 'li') {
      listCounter = body[i - 1]?.kind === 'li' ? listCounter + 1 : 1;
      emit(`${block.ordered ? `${listCounter}.` : '-'} ${escapeText(block.text, block.line, escaped)}`, block.line);
    } else if (block.kind === 'table') {
      const width = Math.max(...block.rows.map((r) => r.length));
      // A cell cannot start a heading or a quote: only those escapes are taken back.
      const cellText = (c: string) =>
        escapeText(c, block.line, escaped)
          .replace(/^\\([#>])/, '$1')
          .replace(/\|/g, '\\|') || ' ';
      const rows = block.rows.map((r) => `| ${[...r, ...Array(width - r.length).fill('')].map(cellText).join(' | ')} |`);
      rows.splice(1, 0, `| ${Array(width).fill('---').join(' | ')} |`);
      emit(rows.join('\n'), block.line);
    } else if (block.kind === 'img') {
      // A caption is the short line just after (or before) the picture that starts with 图 or 照片.
      const caption = (b: Block | undefined) =>
        b?.kind === 'p' &&
        !levels[body.indexOf(b)] &&
        /^(图|照片|图片)\s*[\d一二三四五六七八九十]*\s*[：:.．、\s]/.test(b.text) &&
        [...b.text].length <= 60
          ? b
          : undefined;
      const after = caption(body[i + 1]);
      const captionBlock = after;
      const captionText = captionBlock?.text.replace(/^(图|照片|图片)\s*[\d一二三四五六七八九十]*\s*[：:.．、\s]\s*/, '').trim();
      const docAlt = /^(图片|image|picture|图)\s*\d*$|\.(png|jpe?g|gif|bmp)$/i.test(block.alt) ? '' : block.alt;
      const alt = captionText || docAlt;
      const n = images.length + 1;
      const path = `/images/cases/${id}/tu-${n}.${options.imageExt?.(block.src) ?? 'png'}`;
      images.push({ src: block.src, path });
      imageReports.push({ line: block.line, path, alt: alt || '', missingAlt: !alt });
      const altText = alt ? escapeText(alt.replace(/[[\]]/g, ''), block.line, escaped) : `${'待填写'}：图片说明`;
      emit(`![${altText}](${path})`, block.line);
      if (captionBlock) i++;
    }
  }
  flushSorting();
  if (intro > 0 && !seen.has('背景')) {
    // Text before the first heading is usually the background: proposed as such.
    out['背景'].push(`> 编者注（${PROPOSAL}）：以上 ${intro} 段在原文第一个标题之前，导入时放进了“背景”，请核对。`);
  } else if (intro > 0) {
    out['背景'].unshift(`> 编者注（${PROPOSAL}）：以下 ${intro} 段在原文第一个标题之前，导入时放在了“背景”开头，请核对。`);
  }

  const missing = sectionNames.filter((name) => !seen.has(name) && !(name === '背景' && out['背景'].length));
  const sections = Object.fromEntries(
    sectionNames.map((name) => [
      name,
      out[name].length
        ? out[name].join('\n\n')
        : `原文未介绍${name}。（${PROPOSAL}：导入时没有找到“${name}”一类的标题，请确认原文确实没有，或从其他部分补上）`,
    ]),
  ) as Record<SectionName, string>;

  // Front matter proposals.
  const firstText = body
    .slice(cursor)
    .filter((b) => b.kind === 'p' && !levels[body.indexOf(b)])
    .map((b) => (b as { text: string }).text);
  const inferred: { field: string; note: string }[] = [];
  if (place.province) {
    proposals.push({ field: 'region.province', value: place.province, why: `文中写有“${place.provinceText}”` });
    inferred.push({ field: 'region.province', note: mark(`导入建议：据“${place.provinceText}”`) });
  }
  if (place.city) {
    proposals.push({ field: 'region.city', value: place.city, why: '省名后的地级市' });
    inferred.push({ field: 'region.city', note: mark(`导入建议：据“${place.city}”`) });
  }
  if (place.county) {
    proposals.push({ field: 'region.county', value: place.county, why: '市名后的县区' });
    inferred.push({ field: 'region.county', note: mark(`导入建议：据“${place.county}”`) });
  }
  const yearMatch = [titleLine, ...firstText.slice(0, 4), sections['做法']]
    .map((t) => /(19[4-9]\d|20\d\d)\s*年/.exec(t))
    .find((m) => m && Number(m[1]) <= Number(options.today.slice(0, 4)));
  const level = levelOf(unitValue ?? '');
  const domainText = `${unitValue ?? ''}${titleLine}`;
  const domain = domainWords.find(([re]) => re.test(domainText))?.[1] ?? 'dangjian-tongchou';
  const allText = [titleLine, ...Object.values(sections)].join('\n');
  const themes = themeWords
    .filter(([re]) => re.test(allText))
    .map(([, t]) => t)
    .slice(0, 3);
  if (!themes.length) themes.push('zuzhi-jianshe');
  proposals.push({ field: 'level', value: level, why: unitValue ? `据单位名称“${unitValue}”` : '没有单位名称，暂定' });
  inferred.push({ field: 'level', note: mark('导入建议：据单位名称') });
  proposals.push({ field: 'domain', value: domain, why: '据单位名称和标题中的关键词' });
  inferred.push({ field: 'domain', note: mark('导入建议：据单位名称和标题') });
  proposals.push({ field: 'themes', value: themes.join('、'), why: '据全文中的关键词，只是粗略猜测' });
  if (yearMatch) {
    proposals.push({ field: 'year', value: yearMatch[1], why: `文中较早出现的“${yearMatch[0]}”：是否就是开始实践的年份？` });
    inferred.push({ field: 'year', note: mark(`导入建议：据“${yearMatch[0]}”`) });
  }
  const lead = firstText[0] ?? sections['背景'];
  const summaryText = [...lead.replace(/[>*#]/g, '')].slice(0, 100).join('') + ([...lead].length > 100 ? '……' : '');
  const summary = [...summaryText].length >= 10 ? mark(summaryText) : placeholders.summary;
  proposals.push({ field: 'summary', value: summary, why: '正文第一段的开头：请改写成一两句话的摘要' });
  const figures = proposeFigures(sections['成效']);
  for (const f of figures) proposals.push({ field: 'figures', value: `${f.label}：${f.value}`, why: '“成效”中带数字的句子' });

  const sourceId = options.sourceId ?? `laigao-${id}`;
  const lastLine = blocks.at(-1)?.line ?? 1;
  // Lines of a new source are the report's paragraph numbers; in a source given by id they mean
  // nothing, so the document's pages stand there until the editor finds the real place.
  const locator = options.sourceId ? `第1-${Math.max(options.pages ?? 1, 1)}页` : `第1-${Math.max(lastLine, 2)}行`;
  proposals.push({
    field: 'source',
    value: `${sourceId}，${locator}`,
    why: options.sourceId
      ? '命令行给出的来源；位置只是来稿的页数，请改成它在来源中的行号或页码'
      : '为这份来稿新建的来源文件；行号即报告中的段落编号',
  });
  const headline = titleLine !== titleValue && [...titleLine].length >= 2 ? titleLine : undefined;
  const data: Record<string, unknown> = {
    title: mark(titleValue).slice(0, 60),
    headline,
    unit: unitValue ? mark(unitValue) : `待填写：实践单位`,
    region: place.province
      ? { province: place.province, city: place.city, county: place.county }
      : { note: mark('原文开头没有写明省份，请补上 region.province 后删去本说明') },
    level,
    domain,
    themes,
    ...(yearMatch ? { year: Number(yearMatch[1]) } : {}),
    summary,
    source: { id: sourceId, locator },
    inferred,
    notes: mark(
      `由 npm run import 从 Word 来稿“${options.fileName}”导入：方法类别（${themes.join('、')}）和来源位置是程序的粗略猜测，请核对后删去本说明`,
    ),
    figures,
    questions: placeholders.questions,
    related: [],
    status: '草稿',
    author: options.author,
    reviewed: options.today,
  };
  const text = entryFileText(data, sections);
  const source = options.sourceId
    ? undefined
    : {
        id: sourceId,
        data: {
          order: 1000,
          title: `（Word 来稿）${titleLine}`,
          kind: '文件',
          file: options.fileName,
          lines: Math.max(lastLine, 2),
          notes:
            '编辑部收到的 Word 来稿，未公开。行号是 npm run import 读出的段落编号（表格、图片各算一段），与导入报告一致。联系人和联系方式已在导入时删除。',
          listed: [],
        },
      };

  // Shown in the report as the other removed text is: private data masked, long runs cut short.
  const hidden = (options.hidden ?? []).map((text) => {
    const masked = findPrivateData(text).reduce((t, f) => t.split(f.text).join(mask(f.text)), text);
    return clip(masked);
  });
  const todo = [
    // First: the author hid it, so it may be what the author never meant to send.
    ...(hidden.length
      ? [
          `原文有 ${hidden.length} 处 Word 隐藏文字（在 Word/WPS 里看不到、也不打印，导入后和正文一样显示）：对照报告里的“隐藏文字”逐处核对，不该发表的删去`,
        ]
      : []),
    `打开 content/cases/${id}.mdx，逐项核对带“${PROPOSAL}”的建议（名称、单位、地区、层级、领域、年份、摘要、关键数字），确认后删去标记`,
    '正文是原文照录：按内容规则用自己的话改写，事实、方法名称、数字、日期照原文',
    ...(unsorted.length ? [`处理 ${unsorted.length} 段“待归类”内容：移到合适的节、改写或删除`] : []),
    ...(missing.length ? [`原文没有 ${missing.join('、')} 的标题：确认原文确实没有，或从其他部分补上`] : []),
    ...(imageReports.some((i) => i.missingAlt)
      ? [`给 ${imageReports.filter((i) => i.missingAlt).length} 张图片写替代文字（图片内容说明）`]
      : []),
    '把两道“待填写”思考题换成真正的思考题',
    ...(removed.some((r) => r.private) ? ['看一遍删除清单：确认删掉的只是联系方式等私人信息，句子删掉号码后仍然通顺'] : []),
    '全部完成后把 status 改为 待审 或 已发布，再运行 npm run check',
  ];
  return {
    id,
    data,
    sections,
    text,
    source,
    images,
    report: {
      fileName: options.fileName,
      id,
      mapped,
      proposals,
      removed: removed.sort((a, b) => a.line - b.line),
      escaped,
      images: imageReports,
      missing,
      unsorted,
      hidden,
      todo,
    },
  };
}

/** The report as Chinese text, for the terminal (the /submit/ page shows the same parts as lists). */
export function formatReport(report: ImportReport): string {
  const out: string[] = [`== 导入报告：${report.fileName} → content/cases/${report.id}.mdx ==`];
  const list = (title: string, lines: string[], empty = '（无）') =>
    out.push('', `${title}：`, ...(lines.length ? lines.map((l) => `  - ${l}`) : [`  ${empty}`]));
  list(
    '标题对应到哪一节',
    report.mapped.map((m) => `第 ${m.line} 段“${m.heading}” → ${m.to}`),
    '（没有找到任何标题：全文放在“背景”里，请分节）',
  );
  if (report.missing.length) out.push(`  缺少的节：${report.missing.join('、')}（已写“原文未介绍…”并标为待确认）`);
  list(
    `建议值（在条目中标有“${PROPOSAL}”，请逐项确认）`,
    report.proposals.map((p) => `${p.field}：${p.value}（依据：${p.why}）`),
  );
  const line = (r: ImportReport['removed'][number]) => `第 ${r.line} 段 ${r.what}“${r.text}”：${r.why}`;
  list('已删除的私人信息和联系方式（号码只显示首尾）', report.removed.filter((r) => r.private).map(line));
  list('移到字段、不进正文的行', report.removed.filter((r) => !r.private).map(line));
  list(
    '为符合条目规则而改动',
    report.escaped.map((e) => `第 ${e.line} 段：${e.what}`),
  );
  list(
    '图片',
    report.images.map(
      (i) =>
        `第 ${i.line} 段 → ${i.path}：${i.missingAlt ? '缺少替代文字（原文没有图注或说明），已写“待填写：图片说明”' : `替代文字“${i.alt}”`}`,
    ),
  );
  if (report.hidden.length)
    list(
      'Word 隐藏文字（已照常导入正文，请核对）',
      report.hidden.map((h) => `“${h}”`),
    );
  list(
    '编辑还需要做的事',
    report.todo.map((t, i) => `${i + 1}. ${t}`),
  );
  return out.join('\n');
}
