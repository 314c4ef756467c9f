import { describe, expect, it } from 'vitest';
import { charCode, htmlToText, queryTokens, textTokens, token } from '../../src/lib/grams.ts';
import { foldedTokens, searchRecord } from '../../src/lib/search-record.ts';
import { fold, makeFolder } from '../../src/lib/search-fold.ts';
import { findMismatch, markdownText } from '../../src/lib/entry-text.ts';
import { bodyHtml, bodySections } from '../../src/lib/entry-view.ts';
import { BOUNDARY, compact, parseQuery } from '../../src/lib/search.ts';

describe('character-pair tokens', () => {
  it('are lower-case words of letters and digits that depend on the order of the pair', () => {
    expect(token('台', '账')).toMatch(/^q[a-z0-9]{6}$/);
    expect(token('台', '账')).not.toBe(token('账', '台'));
    expect(token('台')).toMatch(/^q[a-z0-9]{3}$/);
    expect(charCode('𠀀')).not.toBe(charCode('a'));
    // Every CJK Unified Ideograph of the BMP keeps a code of its own.
    expect(charCode('\u9fff')).not.toBe(charCode('\u9ffe'));
    expect(charCode('\u4e00')).not.toBe(charCode('\u4dff'));
  });
  it('stay one word when the browser segments a query (Pagefind reads it with Intl.Segmenter)', () => {
    // Tokens that start or end with digits, or mix them, as the codes of these characters do.
    const samples = [token('台', '账'), token('0', '1'), token('a', '9'), token('一'), token('\u9fff', '\u0000')];
    for (const language of ['zh-CN', 'ja', 'en']) {
      const segmenter = new Intl.Segmenter(language, { granularity: 'word' });
      for (const t of samples)
        expect(
          [...segmenter.segment(t)].map((s) => s.segment),
          `${language} ${t}`,
        ).toEqual([t]);
    }
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
  it('give every occurrence of a character a token starting with that character, for one-character queries', () => {
    // 账 is followed by a character, by punctuation, and by the end of the text.
    for (const text of ['台账管理', '台账。其余', '记台账']) {
      const [prefix] = queryTokens(['账']);
      expect(prefix).toBe(token('账'));
      expect(
        textTokens(text).some((t) => t.startsWith(prefix)),
        text,
      ).toBe(true);
    }
    expect(textTokens('三本台账').some((t) => t.startsWith(token('村')))).toBe(false);
  });
  it('are each pair once, in the order the text first holds it, as a plain reading of the pairs gives', () => {
    // The plain reading: every character of the compacted text with the one after it, deduplicated as strings.
    const plain = (text: string) => {
      const chars = [...compact(text)];
      const starts = (c?: string) => c !== undefined && c !== BOUNDARY && !!c.trim();
      return [...new Set(chars.flatMap((c, i) => (starts(c) ? [token(c, starts(chars[i + 1]) ? chars[i + 1] : undefined)] : [])))];
    };
    for (const text of [
      '台账台账，台账。台',
      '民情 日记 民情日记',
      // Past U+B63F characters share one code, so their pairs are one token.
      '\u{E0100}甲\u{F0000}甲 𠀀𠀁𠀀𠀁',
      'a1+10 b。。 ｃ',
      '',
      '。，',
    ])
      expect(textTokens(text), text).toEqual(plain(text));
    // And texts mixed at random from the characters that take each path (seeded, so a failure repeats).
    const alphabet = [...'台账民情 　，。“”aＢ1+、()\n·%-_'].concat(['\u{20000}', '\u{F0000}', '\u00a0']);
    let seed = 7;
    const pick = () => alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: n % 40 }, pick).join('');
      expect(textTokens(text), text).toEqual(plain(text));
    }
    expect(textTokens('台账台账')).toEqual([token('台', '账'), token('账', '台'), token('账')]);
  });
});

describe('folded tokens', () => {
  const folder = makeFolder('臺台賬账', [
    { from: '帐', to: '账' },
    { from: '好象', to: '好像' },
  ]);
  /** The plain reading: every token of the whole folded text that the text's own tokens lack. */
  const plain = (text: string) => {
    const seen = new Set(textTokens(text));
    return textTokens(fold(text, folder)).filter((t) => !seen.has(t));
  };
  it('are those of the whole folded text, read clause by clause', () => {
    for (const text of ['三本臺賬，台帐。好象、台账', '民情、日记；民情日记！', '臺\n賬。', '', '。，', '好象，象好']) {
      expect(foldedTokens(text, folder, new Set(textTokens(text))), text).toEqual(plain(text));
    }
    // And texts mixed at random from characters that fold, separate clauses, or neither (seeded, so a failure repeats).
    const alphabet = [...'臺台賬账帐好象像、·。，；！？：  \n1a“”民情'];
    let seed = 11;
    const pick = () => alphabet[(seed = (seed * 48271) % 2147483647) % alphabet.length];
    for (let n = 0; n < 2000; n++) {
      const text = Array.from({ length: n % 50 }, pick).join('');
      expect(foldedTokens(text, folder, new Set(textTokens(text))), text).toEqual(plain(text));
    }
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
    const tokens = record.content.split(' ');
    // Pagefind matches every query token as a prefix of an indexed one.
    const found = (query: string) => queryTokens([query]).every((q) => tokens.some((t) => t.startsWith(q)));
    for (const query of ['三本台账', '民情', '德阳市', '村']) expect(found(query), query).toBe(true);
    // Navigation, related cards, ignored parts and filter ids are not the entry's text.
    for (const query of ['导航', '账户', '出处', 'sichuan']) expect(found(query), query).toBe(false);
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

describe('records from source', () => {
  it('read the Markdown body as the page shows it', () => {
    expect(markdownText('## 做法\n\n- **典型激励**：树标杆\n- 推行*积分*制\n\n“**一联系、三服务**”活动')).toBe(
      '做法 典型激励：树标杆 推行积分制 “一联系、三服务”活动',
    );
  });
  it('keep escaped comment and brace text, as the page shows it, and never turn it into HTML', () => {
    // Found by a red-team pass: a pattern that cut comments out of the text joined these into a live <meta>.
    const body =
      '赣州的做法见下\\<!--\n\n[d]: https://example.org/ \'--> <meta http-equiv="refresh" content="0;url=https://evil.example/" />\'\n';
    expect(markdownText(body)).toBe('赣州的做法见下<!--');
    expect(bodyHtml(body)).not.toMatch(/<meta/);
    expect(markdownText('网格数量\\{/* 待核实 */}为8个。`<!--` 和 `-->`')).toBe('网格数量{/* 待核实 */}为8个。<!-- 和 -->');
    expect(() => markdownText('段落 <meta http-equiv="refresh" content="0">')).toThrow(/raw HTML/);
    expect(() => markdownText('<!-- 注 -->')).toThrow(/raw HTML/);
  });
  it('keep every section and no attribute text when a link title or image alt holds > or />', () => {
    const body = [
      '## 背景',
      '',
      '流程见[办事指南](https://example.org/guide "申请 -/> 审核 -> 办结")和图示![流程：申请 > 审核 > 办结](/favicon.svg)。',
      '',
      '## 做法',
      '',
      '办理流程如图。',
    ].join('\n');
    const sections = bodySections(body);
    expect(sections.map((s) => s.name)).toEqual(['背景', '做法']);
    expect(sections[0].blocks).toEqual(['流程见办事指南和图示 。']);
    expect(markdownText(body)).toBe('背景 流程见办事指南和图示 。 做法 办理流程如图。');
  });
  it('name where a record and its page first differ', () => {
    expect(findMismatch('三本台账\n工作法', '三本台账 工作法')).toBeUndefined();
    expect(findMismatch('三本台账工作法', '三本台账 关键数字')).toContain('关键数字');
  });
});
