// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import contentCheck from './src/integrations/content-check.ts';
import pagefindIndex from './src/integrations/pagefind.ts';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  // Benchmarks build generated libraries next to, not over, the real site.
  outDir: process.env.OUT_DIR ?? './dist',
  trailingSlash: 'always',
  // content-check first: it must stop a bad build before Astro reads the collections.
  integrations: [contentCheck(), mdx(), sitemap(), pagefindIndex()],
  server: { port: 4321 },
  devToolbar: { enabled: false },
});
