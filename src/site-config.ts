/** Editorial switches, in one place. */
export const editorial = {
  /**
   * Show entries marked 待审 (awaiting review) in the production site, labelled as such.
   * Off: only 已发布 entries are published. Drafts (草稿) are never published.
   */
  showPending: false,
  /** Entries not reviewed for this many years are listed on /backlog/ as due for review. */
  reviewAfterYears: 2,
};

/** Read at build time only; browser code gets the base from import.meta.env.BASE_URL instead. */
const env: Record<string, string | undefined> = typeof process === 'undefined' ? {} : process.env;

/**
 * Normalises a sub-path to `/`, `/gzf/`, `/a/b/`: leading and trailing slash, no doubled ones.
 * Refuses anything that is not a plain path, so a typo stops the build instead of breaking links.
 */
export function normaliseBase(value: string | undefined): string {
  const raw = (value ?? '').trim();
  if (!raw || raw === '/') return '/';
  if (/[?#\s\\]|:\/\//.test(raw)) throw new Error(`BASE_PATH “${raw}” must be a path such as /gzf/ / BASE_PATH 应为 /gzf/ 这样的路径`);
  return `/${raw.split('/').filter(Boolean).join('/')}/`;
}

/**
 * The public address of the site (with its sub-path and a trailing slash), or undefined. Refuses a
 * value that is not an http(s) URL or whose path disagrees with BASE_PATH.
 */
export function normaliseSiteUrl(value: string | undefined, base: string): string | undefined {
  const raw = (value ?? '').trim();
  if (!raw) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL “${raw}” is not a URL, e.g. https://dangjian.example.gov.cn/gzf/ / SITE_URL 不是网址`);
  }
  if (!/^https?:$/.test(url.protocol))
    throw new Error(`SITE_URL “${raw}” must start with http:// or https:// / SITE_URL 须以 http:// 或 https:// 开头`);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  if (path === '/' && base !== '/') return new URL(base, url).href;
  if (path !== base) throw new Error(`SITE_URL path “${path}” differs from BASE_PATH “${base}” / SITE_URL 的路径与 BASE_PATH 不一致`);
  return new URL(path, url).href;
}

/** Where the site is served from. */
export const deployment = {
  /** Sub-path the site is served under, from env BASE_PATH (`/` or e.g. `/gzf/`). */
  base: normaliseBase(env.BASE_PATH),
  /**
   * Public address from env SITE_URL (e.g. https://dangjian.example.gov.cn/gzf/), or undefined:
   * then canonical, og:url, the sitemap and robots' Sitemap line are left out and feeds and exports
   * use base-relative addresses. No build ever writes a made-up address such as localhost.
   */
  get siteUrl(): string | undefined {
    return normaliseSiteUrl(env.SITE_URL, this.base);
  },
};
