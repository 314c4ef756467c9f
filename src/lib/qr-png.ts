/**
 * A QR code as a PNG, with no canvas and no zlib: Word (and WPS) show PNG everywhere, while SVG in
 * .docx needs a PNG fallback anyway. The image is a 1-bit greyscale PNG whose deflate stream uses
 * stored (uncompressed) blocks, so the same code runs in Node and the browser. One bit per pixel,
 * not eight: the build writes one into every entry's .docx, and every byte of it is checksummed,
 * hashed and zipped again there (8 bits per pixel made the image 22 KB and cost a third of a document).
 */
import { encode } from 'uqr';

/** CRC-32 as PNG chunks need it. */
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // The modulo once per 5552 bytes (zlib's NMAX), where the sums still fit in 32 bits.
  for (let start = 0; start < bytes.length; start += 5552) {
    const end = Math.min(bytes.length, start + 5552);
    for (let i = start; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

const u32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/* Typed arrays throughout: the build writes a QR code into every entry's .docx, and spreading a
   20 KB image through plain arrays cost more than the rest of the document. */

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  out.set(u32(data.length));
  const body = out.subarray(4, 8 + data.length);
  body.set([...type].map((c) => c.charCodeAt(0)));
  body.set(data, 4);
  out.set(u32(crc32(body)), 8 + data.length);
  return out;
}

/** zlib wrapper around stored deflate blocks (each at most 65535 bytes). */
function zlibStored(raw: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(raw.length / 65535));
  const out = new Uint8Array(2 + blocks * 5 + raw.length + 4);
  out.set([0x78, 0x01]);
  let at = 2;
  for (let i = 0; i < blocks; i++) {
    const block = raw.subarray(i * 65535, (i + 1) * 65535);
    out.set([i === blocks - 1 ? 1 : 0, block.length & 0xff, block.length >>> 8, ~block.length & 0xff, (~block.length >>> 8) & 0xff], at);
    out.set(block, at + 5);
    at += 5 + block.length;
  }
  out.set(u32(adler32(raw)), at);
  return out;
}

export interface QrPng {
  png: Uint8Array;
  /** Width and height in pixels. */
  size: number;
}

/** Encodes `text` as a QR code PNG, `scale` pixels per module, with a quiet zone of 4 modules. */
export function qrPng(text: string, scale = 4): QrPng {
  const { data } = encode(text, { border: 4, ecc: 'M' });
  const modules = data.length;
  const size = modules * scale;
  // Rows of 1-bit pixels (1 = white), each after its filter byte (0: none).
  const stride = 1 + Math.ceil(size / 8);
  const raw = new Uint8Array(size * stride);
  // Each module row is drawn once, then copied to its other `scale` pixel rows.
  for (let m = 0; m < modules; m++) {
    const row = data[m];
    const at = m * scale * stride;
    for (let x = 0; x < size; x++) if (!row[(x / scale) | 0]) raw[at + 1 + (x >> 3)] |= 0x80 >> (x & 7);
    for (let copy = 1; copy < scale; copy++) raw.copyWithin(at + copy * stride, at, at + stride);
  }
  const header = Uint8Array.from([...u32(size), ...u32(size), 1, 0, 0, 0, 0]); // 1-bit greyscale
  const parts = [
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibStored(raw)),
    chunk('IEND', new Uint8Array()),
  ];
  const png = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (png.set(p, at), at + p.length), 0);
  return { png, size };
}

/**
 * The densest code a handout prints: version 20, 97 modules a side. On the cover's 24 mm that is a
 * quarter of a millimetre a module, about the least a phone's camera reads from paper. A lesson's
 * share link grows with its cases and notes; past this (and past version 40, where uqr throws) the
 * cover says what to do instead (src/lib/lesson-qr.ts).
 */
export const QR_MAX_VERSION = 20;

/** Whether `text` fits a code no denser than QR_MAX_VERSION (at the error correction qrPng uses). */
export function qrFits(text: string): boolean {
  try {
    encode(text, { ecc: 'M', border: 4, maxVersion: QR_MAX_VERSION });
    return true;
  } catch {
    return false;
  }
}

/** The QR code as a data: URI, for an <img> in the printed handout or a slide. */
export function qrDataUri(text: string, scale = 4): string {
  let binary = '';
  for (const byte of qrPng(text, scale).png) binary += String.fromCharCode(byte);
  return `data:image/png;base64,${btoa(binary)}`;
}
