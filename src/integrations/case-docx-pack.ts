/**
 * Packs a per-case .docx for the build (src/integrations/case-docx-worker.ts): the same package
 * files the docx package's Packer writes (its own compiler makes the XML), zipped here instead.
 *
 * Why not Packer.toBuffer: profiled over 500 and 2,000 synthetic entries (scripts/bench-docx.ts),
 * its zip step (fflate's deflate in JavaScript) was a third of each document's CPU time, and most
 * of what it compressed was identical in every document: styles, theme, settings, font table,
 * foot- and endnotes, relationships, content types, about half of the XML. Here a part whose text
 * is the same as a part already packed reuses its compressed bytes and checksum (compared in full,
 * so a part that differs is never reused), and the rest is deflated by Node's native zlib. The
 * zip's own file times are fixed (docProps/core.xml still holds the docx package's creation time).
 */
import { crc32, deflateRawSync } from 'node:zlib';
import { NextAttributeComponent, Packer, type Document } from 'docx';

interface Packed {
  /** Compressed (deflate) or stored bytes. */
  data: Uint8Array;
  method: 0 | 8;
  crc: number;
  size: number;
}

/** Parts seen before, by path: their text and packed form. At most one per path, the latest. */
const seen = new Map<string, { text: string; packed: Packed }>();

function pack(path: string, content: string | Uint8Array): Packed {
  if (typeof content === 'string') {
    const known = seen.get(path);
    if (known && known.text === content) return known.packed;
  }
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  // zlib sets up a 256 KB state per call unless told the part is small: for a part under 4 KB a 4 KB window does as well.
  const deflated = deflateRawSync(raw, raw.length < 4096 ? { level: 6, windowBits: 12, memLevel: 7 } : { level: 6 });
  const packed: Packed =
    deflated.length < raw.length
      ? { data: deflated, method: 8, crc: crc32(raw), size: raw.length }
      : { data: raw, method: 0, crc: crc32(raw), size: raw.length };
  if (typeof content === 'string') seen.set(path, { text: content, packed });
  return packed;
}

/** 1980-01-01 00:00 in MS-DOS form: a fixed time for every part. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The fields a local file header and its central directory entry share, in the same order:
 * flags (names in UTF-8), method, time, date, CRC, compressed and plain size, name length.
 */
function writeShared(header: Buffer, at: number, p: Packed, nameLength: number) {
  header.writeUInt16LE(0x0800, at);
  header.writeUInt16LE(p.method, at + 2);
  header.writeUInt16LE(DOS_TIME, at + 4);
  header.writeUInt16LE(DOS_DATE, at + 6);
  header.writeUInt32LE(p.crc, at + 8);
  header.writeUInt32LE(p.data.length, at + 12);
  header.writeUInt32LE(p.size, at + 16);
  header.writeUInt16LE(nameLength, at + 20);
}

/** A zip archive (no zip64: a handout is far below 4 GB) of the given parts, in order. */
function zip(parts: [string, Packed][]): Buffer {
  const chunks: Uint8Array[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [path, p] of parts) {
    const name = Buffer.from(path, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    writeShared(local, 6, p, name.length);
    // extra field length (28) stays 0
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: MS-DOS, 2.0
    entry.writeUInt16LE(20, 6);
    writeShared(entry, 8, p, name.length);
    // extra, comment, disk, internal and external attributes stay 0
    entry.writeUInt32LE(offset, 42);
    central.push(entry, name);
    chunks.push(local, name, p.data);
    offset += 30 + name.length + p.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, directory, end]);
}

/**
 * The docx package's NextAttributeComponent (the attributes of most elements it builds) collects
 * its attributes by spreading the whole object again for each one, through Babel's
 * `_objectSpread2`: over 1,000 documents (scripts/bench-docx.ts) that was a fifth of packing each
 * one (2.0–2.15 ms against 1.5–1.7 ms with this, five alternating runs). This gives the same object
 * (same keys, same order, a later key in place of an earlier one) in one pass. It is put in place
 * only while this module compiles a document, so the package's own Packer (the lesson page's
 * export, and the test that holds every part equal to Packer's: tests/unit/case-docx-pack.test.ts)
 * keeps the package's code.
 */
type Attributes = { prepForXml: (this: { root: Record<string, { key: string; value: unknown }> }) => object };
const attributes = NextAttributeComponent.prototype as unknown as Attributes;
const packageAttributes = attributes.prepForXml;
const oneAttributePass: Attributes['prepForXml'] = function () {
  const attrs: Record<string, unknown> = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attrs[key] = value;
  return { _attr: attrs };
};

type Xml = object;
interface Formatter {
  format(input: object, context: { file: DocxFile }): Xml;
}
interface DocxFile {
  Styles: object;
  Theme: object;
  Settings: object;
  FontTable: { View: object };
  FootNotes: { View: object };
  Endnotes: { View: object };
}
interface Compiler {
  formatter: Formatter;
  compile(file: Document): Map<string, string | Uint8Array>;
}

/**
 * Parts that depend only on options buildHandoutDocx gives every document alike (styles, theme,
 * settings, font table, empty foot- and endnotes): formatting them into XML was about half of the
 * docx compiler's time per document. The first document's compile makes them; after that the
 * compiler is handed a stub for each and its XML is put back from the first document.
 * tests/unit/case-docx-pack.test.ts holds every part equal to Packer's own for varied documents.
 */
const CONSTANT: [path: string, part: (f: DocxFile) => object][] = [
  ['word/styles.xml', (f) => f.Styles],
  ['word/theme/theme1.xml', (f) => f.Theme],
  ['word/settings.xml', (f) => f.Settings],
  ['word/fontTable.xml', (f) => f.FontTable.View],
  ['word/footnotes.xml', (f) => f.FootNotes.View],
  ['word/endnotes.xml', (f) => f.Endnotes.View],
];
const STUB: Xml = { 'gzf:stub': {} };

/** The docx package's compiler class (Packer's own instance is left as it is), with the formatter above. */
const packers = Packer as unknown as { compiler: Compiler };
const compiler = new (packers.compiler.constructor as new () => Compiler)();
const constantXml = new Map<string, string>();
const realFormat = compiler.formatter.format.bind(compiler.formatter);
compiler.formatter.format = (input, context) =>
  constantXml.size && CONSTANT.some(([, part]) => part(context.file) === input) ? STUB : realFormat(input, context);

/** The package files of a document, as Packer would zip them. */
function compile(doc: Document): Map<string, string | Uint8Array> {
  let files: Map<string, string | Uint8Array>;
  attributes.prepForXml = oneAttributePass;
  try {
    files = compiler.compile(doc);
  } finally {
    attributes.prepForXml = packageAttributes;
  }
  if (constantXml.size) for (const [path] of CONSTANT) files.set(path, constantXml.get(path)!);
  else for (const [path] of CONSTANT) constantXml.set(path, files.get(path) as string);
  return files;
}

/**
 * A document as .docx bytes: the files Packer would write, zipped as above. Only for documents
 * made by buildHandoutDocx (src/lib/handout-docx.ts), whose constant parts are the same.
 */
export function docxBytes(doc: Document): Buffer {
  return zip([...compile(doc)].map(([path, content]) => [path, pack(path, content)]));
}
