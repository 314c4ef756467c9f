/**
 * Runs on every page as the build renders it (all pages are static, so this costs nothing at
 * request time): puts the CSP <meta> first in <head>, see src/lib/csp-head.ts.
 */
import { defineMiddleware } from 'astro:middleware';
import { cspMetaFirst } from './lib/csp-head.ts';

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const html = await response.text();
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(cspMetaFirst(html), { status: response.status, statusText: response.statusText, headers });
});
