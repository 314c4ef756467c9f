/**
 * Builds the search index with Pagefind's Node API once Astro has written the site, and fails the
 * build on any Pagefind error or if the index does not hold exactly one page per entry.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

function fail(step: string, errors: string[]): never {
  throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'gongzuofa:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const started = performance.now();
        // zh-cn selects Pagefind's Chinese segmentation for the whole site.
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        if (!index || errors.length) fail('createIndex', errors);
        const added = await index.addDirectory({ path: out });
        if (added.errors.length) fail('addDirectory', added.errors);
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        if (written.errors.length) fail('writeFiles', written.errors);
        await pagefind.close();

        const casesDir = join(out, 'cases');
        const entryPages = existsSync(casesDir)
          ? readdirSync(casesDir, { withFileTypes: true }).filter((d) => d.isDirectory() && existsSync(join(casesDir, d.name, 'index.html'))).length
          : 0;
        // addDirectory's page_count counts every HTML file read; the entry file counts what was indexed.
        const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'));
        const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
        if (indexed !== entryPages)
          throw new Error(`Pagefind indexed ${indexed} pages but the site has ${entryPages} entry pages: only entry pages may carry data-pagefind-body, and every one must`);
        logger.info(`indexed ${indexed} entry pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
