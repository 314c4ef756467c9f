/**
 * Astro's `security.csp` writes its `<meta http-equiv="content-security-policy">` where it renders
 * the head's styles and scripts: after every meta tag, the title and any `<slot name="head">`
 * content. A policy applies only to what follows it, so everything before it (entry titles in
 * meta tags, the JSON-LD block) would stand outside the policy. This moves it to be the first
 * element of `<head>`. Used by src/middleware.ts on every HTML page the build renders.
 */

const CSP_META = /<meta http-equiv="content-security-policy" content="[^"]*"\s*\/?>/gi;
const HEAD_OPEN = /<head(?:\s[^>]*)?>/i;

/**
 * The page with its CSP `<meta>` as the first child of `<head>`. A page without one is returned
 * unchanged (dev mode has no CSP); a page with two, or with one outside `<head>`, is an error:
 * something would be wrong with the page, and it must not be published quietly.
 */
export function cspMetaFirst(html: string): string {
  const metas = [...html.matchAll(CSP_META)];
  if (metas.length === 0) return html;
  if (metas.length > 1) throw new Error(`page has ${metas.length} Content-Security-Policy <meta> elements; expected one`);
  const head = HEAD_OPEN.exec(html);
  const headEnd = html.search(/<\/head>/i);
  const meta = metas[0];
  if (!head || headEnd < 0 || meta.index! < head.index || meta.index! > headEnd)
    throw new Error('the Content-Security-Policy <meta> is not inside <head>');
  const afterHead = head.index + head[0].length;
  if (meta.index === afterHead) return html;
  const without = html.slice(0, meta.index) + html.slice(meta.index! + meta[0].length);
  return without.slice(0, afterHead) + meta[0] + without.slice(afterHead);
}
