import { describe, expect, it } from 'vitest';
import { containsAll, excerpt, loosen, normalize, parseQuery, rankResults } from '../../src/lib/search.ts';

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
  });
  it('matches numbers through quotes and full-width digits', () => {
    expect(containsAll(page, ['1+10'])).toBe(true);
    expect(containsAll(page, ['81890'])).toBe(true);
    expect(containsAll(page, ['110'])).toBe(false);
  });
  it('matches through quotes and brackets, and across spaces next to digits', () => {
    expect(containsAll('推行“三本台账”（试行）', parseQuery('三本台账'))).toBe(true);
    expect(containsAll('自 2002 年起', parseQuery('2002年'))).toBe(true);
  });
  it('never matches across sentence punctuation or between blocks', () => {
    expect(containsAll('## 背景\n\n宁波市', ['景宁'])).toBe(false);
    expect(containsAll('党员。宁波', ['员宁'])).toBe(false);
    expect(containsAll('中江，台账', ['江台'])).toBe(false);
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
    expect(
      excerpt('热线８１８９０服务', ['81890'])
        .filter((s) => s.mark)
        .map((s) => s.text),
    ).toEqual(['８１８９０']);
  });
});

describe('normalize', () => {
  it('folds ideographic spaces and full-width letters', () => {
    expect(normalize('Ａ　Ｂ')).toBe('a b');
  });
});

describe('rankResults', () => {
  const page = (title: string, content: string, extra: Partial<{ aliases: string; unit: string }> = {}) => ({ title, content, ...extra });
  const candidates = [
    page('“走亲戚”工作法', '台账一次，台账两次，台账三次'),
    page('“三个转变”', '建立三本台账', { unit: '乌什县委' }),
    page('“台账工作法”（“三本台账”）', '中江县推行台账工作法'),
    page('“民情日记”工作法', '平台和账户', { aliases: '民忧档案' }),
    page('某工作法', '内容', { aliases: '台账管理' }),
  ];
  it('drops pages without the phrase and puts title, then alias matches first', () => {
    expect(rankResults(candidates, ['台账']).map((c) => c.title)).toEqual([
      '“台账工作法”（“三本台账”）',
      '某工作法',
      '“走亲戚”工作法',
      '“三个转变”',
    ]);
  });
  it('puts unit matches before body matches', () => {
    expect(rankResults(candidates, ['乌什'])[0].title).toBe('“三个转变”');
  });
  it('orders body matches by how often the terms occur', () => {
    const ranked = rankResults([page('甲', '台账'), page('乙', '台账 台账 台账')], ['台账']);
    expect(ranked.map((c) => c.title)).toEqual(['乙', '甲']);
  });
});
