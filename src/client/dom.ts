import { dropsPageDownloads } from './in-app.ts';

/** A small element builder for the few pages that render in the browser. Text goes in as text. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Record<string, unknown> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = Object.assign(document.createElement(tag), props) as HTMLElementTagNameMap[K];
  node.append(...children);
  return node;
}

/** Offers text as a file download, entirely in the browser; false where the browser would drop it (see downloadBlob). */
export function downloadText(fileName: string, text: string, type = 'text/markdown;charset=utf-8'): boolean {
  return downloadBlob(fileName, new Blob([text], { type }));
}

/**
 * Offers a file made in the browser (e.g. a .docx) as a download. Returns false, without trying,
 * in an in-app browser that would drop it silently (src/client/in-app.ts): the caller says what to do.
 */
export function downloadBlob(fileName: string, blob: Blob): boolean {
  if (dropsPageDownloads()) return false;
  const link = el('a', { href: URL.createObjectURL(blob), download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
  return true;
}
