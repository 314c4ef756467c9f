/**
 * The one place that turns a site path (`/cases/x/`, always written from the site's root) into an
 * address. The site may be served under a sub-path (BASE_PATH, e.g. `/gzf/`) and may or may not know
 * its public address (SITE_URL): see src/site-config.ts. Every link, asset, fetch and feed goes
 * through here, and tests/unit/url-helper.test.ts fails on a root-absolute URL anywhere else in src/.
 *
 * Vite replaces import.meta.env.BASE_URL and SITE at build time, in pages and in browser bundles
 * alike, so browser scripts import this module too.
 */

/** `/` or `/gzf/`: the sub-path the site is served under. */
export const base: string = withSlashes(import.meta.env?.BASE_URL ?? '/');

/** The public address, e.g. https://dangjian.example.gov.cn/gzf/, or undefined when not configured. */
export const siteUrl: string | undefined = import.meta.env?.SITE ? withTrailingSlash(String(import.meta.env.SITE)) : undefined;

function withTrailingSlash(s: string) {
  return s.endsWith('/') ? s : `${s}/`;
}
function withSlashes(s: string) {
  return withTrailingSlash(s.startsWith('/') ? s : `/${s}`);
}

/**
 * A site path as a link on this site: `/cases/x/` → `/gzf/cases/x/` under a sub-path. Anything that
 * is not a site path (a full URL, `#top`, `?q=`) is returned unchanged; a path already under the base
 * is not prefixed twice.
 */
export function href(path: string, root: string = base): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  if (root !== '/' && (path === root.slice(0, -1) || path.startsWith(root))) return path;
  return root + path.slice(1);
}

/**
 * The address to publish outside the page (canonical, RSS, sitemap, JSON-LD, cases.json/csv): the
 * full URL when SITE_URL is set, otherwise the base-relative path, never a made-up host.
 */
export function absolute(path: string, site: string | undefined = siteUrl, root: string = base): string {
  const local = href(path, root);
  return site ? new URL(local, site).href : local;
}

/**
 * In the browser: the full address of a site path as the reader reached the site (share links, the
 * printed address, Markdown exports) — the host the page was actually opened from, plus the base.
 */
export function here(path: string): string {
  return new URL(href(path), location.href).href;
}
