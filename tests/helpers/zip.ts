/**
 * Opens the .docx and .pptx files the lesson exports, to read their XML: fflate (the zip library
 * the docx package itself uses) reads the archive.
 */
import { unzipSync } from 'fflate';

export function unzip(data: Uint8Array): Map<string, Buffer> {
  return new Map(Object.entries(unzipSync(data)).map(([name, bytes]) => [name, Buffer.from(bytes)]));
}
