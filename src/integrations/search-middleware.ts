/**
 * Build-time middleware registered by the Pagefind integration: hands every entry page, as
 * rendered, to the search index being built in the same process, then returns the page unchanged.
 */
import { defineMiddleware } from 'astro:middleware';
import { COLLECTOR, isEntryUrl, type Collector } from './search-collector.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  const collect = (globalThis as Record<symbol, unknown>)[COLLECTOR] as Collector | undefined;
  if (!collect || !isEntryUrl(context.url.pathname) || !response.headers.get('content-type')?.includes('text/html')) return response;
  const html = await response.text();
  collect(context.url.pathname, html);
  return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
});
