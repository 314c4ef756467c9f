import { describe, expect, it } from 'vitest';
import { GRAM_MARK, htmlToText, queryTokens, stripTokens, textTokens, token } from '../../src/lib/grams.ts';
import { parseQuery } from '../../src/lib/search.ts';

describe('character-pair tokens', () => {
  it('are short letter-only words that depend on the order of the pair', () => {
    expect(token('台账')).toMatch(/^q[a-z]{3}$/);
    expect(token('台账')).toBe(token('台账'));
    expect(token('台账')).not.toBe(token('账台'));
  });
  it('cover every pair of a query that the text contains, so Pagefind cannot miss the page', () => {
    const text = '中江县推行“三本台账”，群众“1+10”联系户；热线８１８９０。';
    const indexed = new Set(textTokens(text));
    for (const query of ['台账', '三本台账', '中江县', '1+10', '81890', '联系户']) {
      for (const t of queryTokens(parseQuery(query))) expect(indexed.has(t), query).toBe(true);
    }
  });
  it('do not cover a phrase whose characters only stand apart', () => {
    const indexed = new Set(textTokens('平台和账户'));
    expect(queryTokens(['台账']).every((t) => indexed.has(t))).toBe(false);
  });
  it('are removed from page content before excerpts', () => {
    expect(stripTokens(`正文内容 ${GRAM_MARK} qbaaaa`)).toBe('正文内容 ');
  });
});

describe('htmlToText', () => {
  it('keeps visible text, decodes entities and drops ignored parts and scripts', () => {
    const html = '<h1>台账&amp;档案</h1><script>x()</script><section data-pagefind-ignore><p>出处</p></section><p>正文&#8212;完</p>';
    expect(htmlToText(html)).toBe('台账&档案 正文—完');
  });
});
