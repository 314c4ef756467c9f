// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import { refuseCode } from './src/lib/refuse-code.node.ts';
import contentCheck from './src/integrations/content-check.ts';
import pagefindIndex from './src/integrations/pagefind.ts';
import caseDocx from './src/integrations/case-docx.ts';
import { deployment } from './src/site-config.ts';

const { base, siteUrl } = deployment;
// One warning, not a made-up address: without SITE_URL no page, feed or export names a host.
if (!siteUrl && process.argv.includes('build') && !process.env.VITEST) {
  console.warn(
    '[gongzuofa] SITE_URL is not set: canonical links, og:url, the sitemap and absolute feed/export URLs are left out. Set SITE_URL=https://your.host/path/ for production. / 未设置 SITE_URL：不写规范网址和站点地图。',
  );
}

export default defineConfig({
  // Sub-path and public address: two settings, read in src/site-config.ts (BASE_PATH, SITE_URL).
  base,
  ...(siteUrl ? { site: siteUrl } : {}),
  // Benchmarks build generated libraries next to, not over, the real site.
  outDir: process.env.OUT_DIR ?? './dist',
  // …with a cache of their own, so the real site's content cache is never cleared by them.
  ...(process.env.OUT_DIR ? { cacheDir: `${process.env.OUT_DIR}-cache` } : {}),
  trailingSlash: 'always',
  // content-check first: it must stop a bad build before Astro reads the collections.
  integrations: [contentCheck(), mdx(), ...(siteUrl ? [sitemap()] : []), pagefindIndex(), caseDocx()],
  server: { port: 4321 },
  devToolbar: { enabled: false },
  // Entries hold prose, not code; Shiki's inline styles would also clash with the CSP below.
  // satteri is @astrojs/mdx's default parser; refuseCode stops the build on any code or unsafe URL
  // in an entry even if the content check is bypassed (defence in depth, src/lib/refuse-code.node.ts).
  // No smart punctuation: the entry view and the exports show the text as typed, and on Chinese text
  // it turned quotes the wrong way ("要办好。"群众说 → “要办好。“群众说).
  markdown: { syntaxHighlight: false, smartypants: false, processor: satteri({ mdastPlugins: [refuseCode] }) },
  // No inline <script> or <style> at all: every script and stylesheet is a file from this site, so
  // the CSP needs no hashes and public/_headers can state the same policy as the pages' <meta>.
  build: { inlineStylesheets: 'never' },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rolldownOptions: {
        // Astro itself wraps every rendered content entry (`?astroPropagatedAssets`) in a module with a
        // "use astro:head-inject" directive, and rolldown warns once per entry that it may not be preserved:
        // 1,000 warnings at 1,000 entries, the same in a bare Astro site (none of it is ours), hiding any
        // real warning. Only these are dropped; every other log goes to Vite as before.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astroPropagatedAssets')) return;
          handler(level, log);
        },
      },
    },
  },
  // Every script and stylesheet is a bundled file from this site (see build/vite above). Pagefind
  // needs WebAssembly ('wasm-unsafe-eval'), nothing needs inline script or a third party.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "worker-src 'self' blob:",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "manifest-src 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
});
