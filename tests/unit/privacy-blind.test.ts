/**
 * A blind red-team set for the privacy rules (tests/fixtures/privacy-blind/2026-12-02.json): 125
 * sentences written by a helper who never saw src/lib/privacy.ts or its tests, the way careless and
 * hostile submitters write (老王, 刘姐, 李大妈们, 贫困户赵 德 顺, 川A壹贰叁肆伍…), each judged
 * `refuse` (certainly private), `hint` (maybe an official: the editor decides) or `pass` (a
 * look-alike). The set keeps what the rules still miss, so it measures rather than confirms: the
 * table is printed, and the test holds the floors reached on 2026-12-02 so a change that loses
 * ground fails. Where the rules and the writer disagree on purpose (陈师傅 is refused, as every
 * surname with a word of address for a private person is; 王队长 passes, an official by title),
 * README "隐私规则" says why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findPrivateData, possibleResidentNames } from '../../src/lib/privacy.ts';

interface Case {
  text: string;
  expect: 'refuse' | 'hint' | 'pass';
  kind: string;
  why: string;
}
const cases: Case[] = JSON.parse(readFileSync(new URL('../fixtures/privacy-blind/2026-12-02.json', import.meta.url), 'utf8'));

const verdict = (text: string) => (findPrivateData(text).length ? 'refuse' : possibleResidentNames(text).length ? 'hint' : 'pass');

describe('the blind privacy set of 2026-12-02', () => {
  const results = cases.map((c) => ({ ...c, got: verdict(c.text) }));
  const count = (expected: Case['expect'], got: string) => results.filter((r) => r.expect === expected && r.got === got).length;

  it('refuses at least 45 of its 51 certain findings, offers most of the rest, and refuses no look-alike', () => {
    const table = (['refuse', 'hint', 'pass'] as const).map(
      (e) => `${e}: ${['refuse', 'hint', 'pass'].map((g) => `${g} ${count(e, g)}`).join(', ')}`,
    );
    console.log(`blind privacy set (expected: got …)\n  ${table.join('\n  ')}`);
    expect(cases).toHaveLength(125);
    expect(count('refuse', 'refuse')).toBeGreaterThanOrEqual(45);
    // What is certain and not refused is at least put to the editor, but for one (a WeChat id holding a Chinese character).
    expect(count('refuse', 'pass')).toBeLessThanOrEqual(1);
    // A look-alike (小康社会, 京ICP备, an official by title) is never refused; at most one is offered.
    expect(count('pass', 'refuse')).toBe(0);
    expect(count('pass', 'hint')).toBeLessThanOrEqual(1);
    expect(count('hint', 'hint') + count('hint', 'refuse')).toBeGreaterThanOrEqual(17);
  });
});

/**
 * A second blind set the same day (tests/fixtures/privacy-blind/2026-12-02-short-names.json, 93
 * sentences by another helper who did not read the rules): two-character names after a word for a
 * private person and before a verb of speaking (村民王芳说), against look-alikes (群众高兴地说, 村民马上说,
 * officials by title, masked names). Blind, the rules refused 36 of its 47 names and offered 2 more;
 * after the fixes it led to (the two-character reading before a verb of speaking, 养殖户 and 种植户 as
 * role words, fourteen rarer surnames) 45. Its two misses are left on purpose: 向 and 连 are no surnames
 * to the rules, since before a word of address they are nearly always "to" and 连忙.
 */
describe('the blind set of two-character names, 2026-12-02', () => {
  const shortCases: Case[] = JSON.parse(
    readFileSync(new URL('../fixtures/privacy-blind/2026-12-02-short-names.json', import.meta.url), 'utf8'),
  );
  it('refuses at least 45 of its 47 names and none of its 46 look-alikes', () => {
    const got = shortCases.map((c) => ({ ...c, got: verdict(c.text) }));
    expect(shortCases).toHaveLength(93);
    expect(got.filter((r) => r.expect === 'refuse' && r.got === 'refuse').length).toBeGreaterThanOrEqual(45);
    expect(got.filter((r) => r.expect === 'pass' && r.got !== 'pass').map((r) => r.text)).toEqual([]);
  });
});

/**
 * A third blind set the same day (tests/fixtures/privacy-blind/2026-12-02-benign.json): 165 harmless
 * sentences written to trip a name detector (村民高兴地说, 小马过河, 老陈醋, 林林总总, 王家村, 白发阿姨们…).
 * Blind, the rules of that afternoon refused the same one as before (心理援助热线12356: a public hotline
 * not on content/vocab/hotlines.json, which the editors review) and offered seven as names, five of them
 * new; after the fixes it led to, the two the rules offered before (村民秦腔自乐班, 村民左邻右舍: the
 * segmenter cuts both into single characters).
 */
describe('the blind set of harmless look-alikes, 2026-12-02', () => {
  const benign: string[] = JSON.parse(readFileSync(new URL('../fixtures/privacy-blind/2026-12-02-benign.json', import.meta.url), 'utf8'));
  it('refuses none but the unlisted hotline and offers at most two as names', () => {
    expect(benign).toHaveLength(165);
    expect(benign.filter((t) => findPrivateData(t).length)).toEqual(['心理援助热线12356全天候开通，居民有需要可随时拨打。']);
    expect(benign.filter((t) => !findPrivateData(t).length && possibleResidentNames(t).length).length).toBeLessThanOrEqual(2);
  });
});

/**
 * A fourth blind set (tests/fixtures/privacy-blind/2026-12-03-family.json), written by a helper before
 * it read the rules, against the rules added on 2026-12-03 (family words, 某某老人, notes and brackets
 * after a role, names of two in a list, 住3、2、401, ids after dashes, LINE): 158 look-alikes and 96
 * private sentences. Blind: 3 look-alikes refused (母亲常念叨, 常看望老人, 周总理老人家) and 65 of the 96
 * refused, one of them only in part (兰大妈 for 王桂兰大妈). After the fixes it led to (常 before a verb
 * is no surname, 总理 is an office, a full name before a word of address ending in a surname is refused
 * whole, more family words, 叫 and ASCII brackets after a role, lists split by ，, 住 and 小区 addresses
 * with commas, 老奶奶 and 老汉 after a full name, 居住在, lists ending in 等人 or 纷纷, an id after
 * LINE号——): no look-alike refused, 85 of the 96. Left: a name of two not before a verb of speaking,
 * 王芳和李强 (the segmenter reads 芳和 as a word), and names it reads into a word (马建平常年: 平常).
 */
describe('the blind set on family words and the day’s other rules, 2026-12-03', () => {
  type Item = { text: string; expect: 'pass' | 'refuse'; must?: string };
  const set: { benign: Item[]; private: Item[] } = JSON.parse(
    readFileSync(new URL('../fixtures/privacy-blind/2026-12-03-family.json', import.meta.url), 'utf8'),
  );
  const items = [...set.benign, ...set.private];
  const found = (t: string) => findPrivateData(t).map((f) => f.text);
  it('refuses no look-alike and at least 85 of the private sentences, each naming what it must', () => {
    expect(items).toHaveLength(254);
    expect(items.filter((i) => i.expect === 'pass' && found(i.text).length).map((i) => i.text)).toEqual([]);
    const refused = items.filter((i) => i.expect === 'refuse' && found(i.text).some((f) => f.includes(i.must!)));
    expect(refused.length).toBeGreaterThanOrEqual(85);
  });
});
