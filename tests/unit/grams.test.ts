import { describe, expect, it } from 'vitest';
import { charToken, charTokens, htmlToText, queryTokens, textTokens, token } from '../../src/lib/grams.ts';
import { searchRecord } from '../../src/lib/search-record.ts';
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
});

describe('character tokens', () => {
  it('are exact, letter-only and distinct from pair tokens', () => {
    expect(charToken('村')).toMatch(/^x[a-z]{4,5}$/);
    expect(charToken('村')).not.toBe(charToken('材'));
    expect(charToken('𠀀')).not.toBe(charToken('a'));
    expect(token('村民')[0]).not.toBe(charToken('村')[0]);
  });
  it('let a one-character query find every page holding that character', () => {
    const indexed = new Set(charTokens('中江县推行三本台账'));
    expect(queryTokens(['账'])).toEqual([charToken('账')]);
    expect(indexed.has(queryTokens(['账'])[0])).toBe(true);
    expect(indexed.has(queryTokens(['村'])[0])).toBe(false);
  });
});

describe('searchRecord', () => {
  const page = `<html><body><nav>导航 平台</nav><article class="case" data-pagefind-body>
    <h1 data-pagefind-meta="title" data-pagefind-weight="10">“三本台账”工作法</h1>
    <dd data-pagefind-meta="unit">某村党支部</dd><span data-pagefind-meta="region">四川 · 德阳市</span>
    <a href="/domains/nongcun/" data-pagefind-meta="domain">农村</a>
    <div hidden><span data-pagefind-filter="region">sichuan</span><span data-pagefind-filter="theme">taizhang</span><span data-pagefind-filter="theme">gongkai</span></div>
    <p>村里把<strong>民情</strong>记进台账。</p><section data-pagefind-ignore><p>出处：某书</p></section>
  </article><aside>相关案例：账户管理</aside></body></html>`;
  const record = searchRecord('/cases/santai/', page);
  it('carries the article text, its marked values and its filters', () => {
    expect(record.meta).toMatchObject({ title: '“三本台账”工作法', unit: '某村党支部', region: '四川 · 德阳市', domain: '农村' });
    expect(record.meta.text).toContain('村里把民情记进台账。');
    expect(record.filters).toEqual({ region: ['sichuan'], theme: ['taizhang', 'gongkai'] });
  });
  it('indexes only what the reader sees in the article', () => {
    const tokens = new Set(record.content.split(' '));
    for (const query of ['三本台账', '民情', '德阳市', '村']) expect(queryTokens([query]).every((t) => tokens.has(t)), query).toBe(true);
    // Navigation, related cards, ignored parts and filter ids are not the entry's text.
    for (const query of ['导航', '账户', '出处', 'sichuan']) expect(queryTokens([query]).every((t) => tokens.has(t)), query).toBe(false);
    expect(record.meta.text).not.toContain('sichuan');
  });
  it('names the page when its article has no title', () => {
    expect(() => searchRecord('/cases/x/', '<article data-pagefind-body><p>正文</p></article>')).toThrow('/cases/x/');
  });
});

describe('htmlToText', () => {
  it('keeps visible text, decodes entities and drops ignored parts and scripts', () => {
    const html = '<h1>台账&amp;档案</h1><script>x()</script><section data-pagefind-ignore><p>出处</p></section><p>正文&#8212;完</p>';
    expect(htmlToText(html)).toBe('台账&档案 正文—完');
  });
});
