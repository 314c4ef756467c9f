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
