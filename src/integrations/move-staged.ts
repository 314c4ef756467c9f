/**
 * Moves a file or folder made during the build into the output folder. The per-case files
 * (./case-docx.ts) and the search index (./search-index.ts) are made in Astro's cache folder while
 * it bundles and renders, because Astro empties the output folder when it starts writing, and are
 * moved into place once the pages are built.
 */
import { cpSync, renameSync } from 'node:fs';

/** Renames `from` to `to`; copies it instead when the cache folder is on another file system. */
export function moveStaged(from: string, to: string) {
  try {
    renameSync(from, to);
  } catch {
    cpSync(from, to, { recursive: true });
  }
}
