/**
 * The page renders entries with Astro's Markdown settings; the entry view and the exports with
 * satteri's defaults. Smart punctuation on the page alone turned ASCII quotes into curly ones,
 * the wrong way round on Chinese text ("要办好。"群众说 → “要办好。“群众说), while the JSON, CSV and
 * Word files kept them straight (a differential pass, 2026-12-02).
 */
import { describe, expect, it } from 'vitest';
import { markdownToHtml } from 'satteri';
import config from '../../astro.config.mjs';

describe('the page and the exports punctuate alike', () => {
  it('the page has no smart punctuation, like the entry view', () => {
    expect(config.markdown?.smartypants).toBe(false);
    const { html } = markdownToHtml('书记说:"要办好。"群众说:"好!" 2012--2014年...', { features: { frontmatter: false } });
    expect(html).toContain('"要办好。"');
    expect(html).toContain('2012--2014年...');
  });
});
