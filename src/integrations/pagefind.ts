/**
 * Builds the search index with Pagefind's Node API once Astro has written the site, and fails the
 * build on any Pagefind error or if the index does not hold exactly one page per entry.
 *
 * Entry pages are added one by one so that each can carry, in the index only, the character-pair
 * tokens that give exact-substring recall (see src/lib/grams.ts); the served HTML stays as built.
 */
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { GRAM_MARK, articleBounds, htmlToText, textTokens } from '../lib/grams.ts';

function check(step: string, errors: string[]) {
  if (errors.length) throw new Error(`Pagefind ${step} failed:\n${errors.join('\n')}`);
}

/** The page with its token block appended inside the indexed article. */
export function withTokens(html: string): string {
  const { start, end } = articleBounds(html);
  const tokens = textTokens(htmlToText(html.slice(start, end)));
  // Low weight: the tokens find pages; ranking is decided by the real text.
  return `${html.slice(0, end)}<p data-pagefind-weight="0.1">${GRAM_MARK} ${tokens.join(' ')}</p>${html.slice(end)}`;
}

export default function pagefindIndex(): AstroIntegration {
  return {
    name: 'gongzuofa:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        // Page-budget tests on generated libraries measure pages, not search: they may skip it.
        if (process.env.SKIP_SEARCH_INDEX === '1') {
          logger.warn('SKIP_SEARCH_INDEX=1: no search index built');
          return;
        }
        const out = fileURLToPath(dir);
        const started = performance.now();
        // zh-cn selects Pagefind's Chinese segmentation for the whole site.
        const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
        check('createIndex', errors);
        if (!index) throw new Error('Pagefind createIndex returned no index');

        const casesDir = join(out, 'cases');
        const ids = existsSync(casesDir)
          ? readdirSync(casesDir, { withFileTypes: true })
              .filter((d) => d.isDirectory() && existsSync(join(casesDir, d.name, 'index.html')))
              .map((d) => d.name)
          : [];
        for (const id of ids) {
          const html = readFileSync(join(casesDir, id, 'index.html'), 'utf8');
          const added = await index.addHTMLFile({ url: `/cases/${id}/`, content: withTokens(html) });
          check(`addHTMLFile (/cases/${id}/)`, added.errors);
        }
        const written = await index.writeFiles({ outputPath: join(out, 'pagefind') });
        check('writeFiles', written.errors);
        await pagefind.close();

        const entry = JSON.parse(readFileSync(join(out, 'pagefind', 'pagefind-entry.json'), 'utf8'));
        const indexed = Object.values(entry.languages as Record<string, { page_count: number }>).reduce((n, l) => n + l.page_count, 0);
        if (indexed !== ids.length) throw new Error(`Pagefind indexed ${indexed} pages but the site has ${ids.length} entry pages`);
        logger.info(`indexed ${indexed} entry pages in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
