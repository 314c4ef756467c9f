import type { APIRoute } from 'astro';
import { absolute, siteUrl } from '../lib/url.ts';

/** robots.txt: the Sitemap line only when the public address is known (SITE_URL), never a guess. */
export const GET: APIRoute = () =>
  new Response(['User-agent: *', 'Allow: /', ...(siteUrl ? [`Sitemap: ${absolute('/sitemap-index.xml')}`] : []), ''].join('\n'), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
