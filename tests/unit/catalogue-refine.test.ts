import { describe, expect, it } from 'vitest';
import { emptyState, toggle, type Filterable } from '../../src/lib/filters.ts';
import { foldText, keywordTerms, matchesTerms, relaxations } from '../../src/lib/catalogue-refine.ts';

const item = (id: string, region: string, domain: string, themes: string[], text: string) => ({
  id,
  values: { region: [region], domain: [domain], theme: themes, source: ['s1'] },
  order: 0,
  regionCode: '',
  text: foldText(text),
});
type Item = Filterable & { text: string };
const items: Item[] = [
  item('a', 'beijing', 'nongcun', ['taizhang'], '“三本台账” 北京市某村 记民情'),
  item('b', 'beijing', 'chengshi-shequ', ['fuwu'], '365 社区服务 北京'),
  item('c', 'beijing', 'chengshi-shequ', ['taizhang'], '社区台账'),
  item('d', 'guangdong', 'nongcun', ['taizhang'], '民情日记 广东'),
  item('e', 'guangdong', 'nongcun', ['fuwu'], '便民服务站'),
  item('f', 'sichuan', 'nongcun', ['fuwu'], 'ＡＢＣ 代办'),
];
const everything = () => true;

describe('keyword', () => {
  it('folds full-width letters and digits and case, so ＡＢＣ and abc match', () => {
    expect(matchesTerms(foldText('ＡＢＣ 代办'), keywordTerms('abc'))).toBe(true);
    expect(matchesTerms(foldText('365 社区服务'), keywordTerms('３６５'))).toBe(true);
  });
  it('folds the editors’ variant spellings in both texts, so 台帐 finds 台账', () => {
    const pairs: [string, string][] = [['帐', '账']];
    expect(matchesTerms(foldText('“三本台账”工作法', pairs), keywordTerms('台帐', pairs))).toBe(true);
    expect(matchesTerms(foldText('“三本台账”工作法'), keywordTerms('台帐'))).toBe(false);
  });
  it('needs every word of the query, in any order', () => {
    const text = foldText('“三本台账” 北京市某村 记民情');
    expect(matchesTerms(text, keywordTerms('民情  台账'))).toBe(true);
    expect(matchesTerms(text, keywordTerms('民情 日记'))).toBe(false);
  });
  it('matches everything with an empty or blank query', () => {
    expect(keywordTerms('   ')).toEqual([]);
    expect(matchesTerms('任何文字', keywordTerms(''))).toBe(true);
  });
});

describe('relaxations: which condition to drop when nothing is left', () => {
  it('names each facet that can be dropped and the count it gives, largest first', () => {
    // 北京 + 农村 + 服务: nothing. Without 北京: e, f (2); without 农村: b (1); without 服务: a (1).
    let state = toggle(emptyState(), 'region', 'beijing');
    state = toggle(state, 'domain', 'nongcun');
    state = toggle(state, 'theme', 'fuwu');
    expect(relaxations(items, state, everything)).toEqual([
      { drop: 'region', values: ['beijing'], count: 2 },
      { drop: 'domain', values: ['nongcun'], count: 1 },
      { drop: 'theme', values: ['fuwu'], count: 1 },
    ]);
  });

  it('drops a facet with several values whole, since dropping one of them cannot show more', () => {
    let state = toggle(emptyState(), 'region', 'beijing');
    state = toggle(state, 'region', 'guangdong');
    state = toggle(state, 'domain', 'chengshi-shequ');
    state = toggle(state, 'theme', 'fuwu');
    // 北京 or 广东, 城市社区, 服务 → b. Add a keyword that b lacks: nothing left.
    const terms = keywordTerms('民情');
    const keyword = (i: Item) => matchesTerms(i.text, terms);
    const advice = relaxations(items, state, keyword, '民情');
    expect(advice).toContainEqual({ drop: 'keyword', values: ['民情'], count: 1 });
    // Without the region facet: still 城市社区 + 服务 + 民情: nothing, so it is not offered.
    expect(advice.find((r) => r.drop === 'region')).toBeUndefined();
    // Without 城市社区: 北京/广东 + 服务 + 民情 → nothing; without 服务: 北京/广东 + 城市社区 + 民情 → nothing.
    expect(advice).toHaveLength(1);
  });

  it('offers nothing when no single condition is enough (the page then offers to clear all)', () => {
    // 四川 + 城市社区 + "民情": dropping any one of the three still leaves nothing.
    const state = toggle(toggle(emptyState(), 'region', 'sichuan'), 'domain', 'chengshi-shequ');
    const terms = keywordTerms('民情');
    expect(relaxations(items, state, (i) => matchesTerms(i.text, terms), '民情')).toEqual([]);
  });

  it('counts within the keyword when dropping a facet', () => {
    // 四川 + "台账": nothing; without 四川, a and c contain 台账; without the keyword, 四川 has f.
    const state = toggle(emptyState(), 'region', 'sichuan');
    const terms = keywordTerms('台账');
    const advice = relaxations(items, state, (i) => matchesTerms(i.text, terms), '台账');
    expect(advice).toEqual([
      { drop: 'region', values: ['sichuan'], count: 2 },
      { drop: 'keyword', values: ['台账'], count: 1 },
    ]);
  });
});
