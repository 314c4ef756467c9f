/**
 * Archive writers for the release (scripts/package.ts): POSIX ustar inside gzip (written here: a
 * 512-byte header per file), and zip through fflate. UTF-8 names (部署说明.md) in both.
 */
import { zipSync, type Zippable } from 'fflate';
import { gzipSync } from 'node:zlib';

export interface ArchiveFile {
  /** Path inside the archive, `/`-separated, no leading slash. */
  name: string;
  data: Buffer;
  /** Unix mode bits (default 0o644). */
  mode?: number;
}

function octal(value: number, length: number): string {
  return value.toString(8).padStart(length - 1, '0') + '\0';
}

/** Splits a long name into ustar's prefix (≤155 bytes) and name (≤100 bytes) at a slash. */
function splitName(name: string): { prefix: string; base: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  const parts = name.split('/');
  for (let i = 1; i < parts.length; i++) {
    const prefix = parts.slice(0, i).join('/');
    const base = parts.slice(i).join('/');
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base };
  }
  throw new Error(`archive: path too long for a tar header: ${name}`);
}

function tarHeader(name: string, size: number, mode: number, mtime: number): Buffer {
  const header = Buffer.alloc(512);
  const { prefix, base } = splitName(name);
  header.write(base, 0, 100, 'utf8');
  header.write(octal(mode, 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  header.write(octal(size, 12), 124, 'ascii');
  header.write(octal(mtime, 12), 136, 'ascii');
  header.fill(' ', 148, 156); // checksum counts as spaces while it is computed
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

/** A .tar.gz holding the files (regular files only; folders are implied by the paths). */
export function tarGz(files: ArchiveFile[], mtime = new Date()): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const chunks: Buffer[] = [];
  for (const f of files) {
    chunks.push(tarHeader(f.name, f.data.length, f.mode ?? 0o644, seconds), f.data);
    const pad = (512 - (f.data.length % 512)) % 512;
    if (pad) chunks.push(Buffer.alloc(pad));
  }
  chunks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(chunks), { level: 9 });
}

/**
 * A .zip holding the files, deflated, with Unix modes so `unzip` restores them. fflate (already
 * installed with the docx package) writes it and flags UTF-8 names.
 */
export function zip(files: ArchiveFile[], mtime = new Date()): Buffer {
  const input: Zippable = {};
  for (const f of files)
    input[f.name] = [new Uint8Array(f.data), { level: 9, mtime, os: 3, attrs: (((f.mode ?? 0o644) | 0o100000) << 16) >>> 0 }];
  return Buffer.from(zipSync(input));
}
