import { describe, expect, it } from 'vitest';
import { containsAll, containsAny, excerpt, loosen, normalize, pagefindQuery, parseQuery } from '../../src/lib/search.ts';

describe('parseQuery', () => {
  it('keeps a Chinese run as one phrase', () => {
    expect(parseQuery('台账')).toEqual(['台账']);
    expect(parseQuery('民情日记')).toEqual(['民情日记']);
  });
  it('splits on spaces and punctuation, Chinese or Latin', () => {
    expect(parseQuery('  中江，台账 ')).toEqual(['中江', '台账']);
    expect(parseQuery('“民情日记”、淋头村')).toEqual(['民情日记', '淋头村']);
    expect(parseQuery('留守儿童　老旧小区')).toEqual(['留守儿童', '老旧小区']);
  });
  it('keeps numbers with their signs and mixed runs whole', () => {
    expect(parseQuery('1+10')).toEqual(['1+10']);
    expect(parseQuery('365社区')).toEqual(['365社区']);
    expect(parseQuery('96345')).toEqual(['96345']);
  });
  it('folds full-width forms and Latin case', () => {
    expect(parseQuery('１＋１０')).toEqual(['1+10']);
    expect(parseQuery('８１８９０')).toEqual(['81890']);
    expect(parseQuery('ＬＥＤ')).toEqual(['led']);
  });
  it('drops stray signs, repeats and terms inside longer terms', () => {
    expect(parseQuery('+ 台账 台账')).toEqual(['台账']);
    expect(parseQuery('台账 三本台账')).toEqual(['三本台账']);
    expect(parseQuery('，。！')).toEqual([]);
  });
});

describe('containsAll', () => {
  const page = '中江县推行“三本台账”，群众通过平台开设账户。“1+10”党员联系户，热线８１８９０。';
  it('matches a phrase only where it stands whole', () => {
    expect(containsAll(page, ['台账'])).toBe(true);
    expect(containsAll('群众通过平台开设账户', ['台账'])).toBe(false);
  });
  it('needs every term', () => {
    expect(containsAll(page, ['中江', '台账'])).toBe(true);
    expect(containsAll(page, ['中江', '民情日记'])).toBe(false);
    expect(containsAny(page, ['中江', '民情日记'])).toBe(true);
  });
  it('matches numbers through quotes and full-width digits', () => {
    expect(containsAll(page, ['1+10'])).toBe(true);
    expect(containsAll(page, ['81890'])).toBe(true);
    expect(containsAll(page, ['110'])).toBe(false);
  });
  it('matches across punctuation and line breaks in the page', () => {
    expect(containsAll('民情\n日记', parseQuery('民情日记'))).toBe(true);
  });
});

describe('loosen', () => {
  it('splits mixed runs and long Chinese runs', () => {
    expect(loosen(['365社区'])).toEqual(['365', '社区']);
    expect(loosen(['社区服务中心'])).toEqual(['社区', '服务', '中心']);
    expect(loosen(['台账'])).toEqual(['台账']);
  });
});

describe('excerpt', () => {
  it('marks every occurrence of the terms near the first one', () => {
    const segments = excerpt('前面很长的文字。'.repeat(10) + '推行台账工作法，台账分三本。', ['台账'], 40);
    expect(segments[0].text).toBe('…');
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['台账', '台账']);
  });
  it('marks full-width text matched by a half-width term', () => {
    expect(excerpt('热线８１８９０服务', ['81890']).filter((s) => s.mark).map((s) => s.text)).toEqual(['８１８９０']);
  });
});

describe('normalize and pagefindQuery', () => {
  it('folds ideographic spaces and full-width letters', () => {
    expect(normalize('Ａ　Ｂ')).toBe('a b');
    expect(pagefindQuery(['中江', '台账'])).toBe('中江 台账');
  });
});
