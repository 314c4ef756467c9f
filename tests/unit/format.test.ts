import { describe, expect, it } from 'vitest';
import { formatLocator, formatRegion, listText, parseLocator } from '../../src/lib/format.ts';
import { similarCases, similarFinder, similarity } from '../../src/lib/related.ts';

describe('format', () => {
  it('lists names with 、, or with ； when a name holds 、 itself, so each name reads as one', () => {
    expect(listText(['三本台账', '台账工作法'])).toBe('三本台账、台账工作法');
    expect(listText(['典型激励', '学先进、找差距、见行动', '绩效激励'])).toBe('典型激励；学先进、找差距、见行动；绩效激励');
  });
  it('parses and formats locators', () => {
    expect(parseLocator('第99-307行')).toEqual({ unit: 'line', start: 99, end: 307 });
    expect(formatLocator('第99-307行')).toBe('第 99–307 行');
    expect(formatLocator('第13页')).toBe('第 13 页');
    expect(() => parseLocator('99-307')).toThrow();
  });
  it('formats a region from province label to county', () => {
    expect(formatRegion({ province: 'guangdong', city: '韶关市', county: '始兴县' })).toBe('广东 · 韶关市 · 始兴县');
    expect(formatRegion({ note: '原文地名被遮蔽' })).toBe('地区未载明');
  });
});

describe('related', () => {
  const base = { domain: 'nongcun', region: 'guangdong', order: 0 };
  const self = { ...base, id: 'self', themes: ['minqing-shouji', 'zoufang-lianxi'] };
  const twoThemes = { ...base, id: 'two', themes: ['minqing-shouji', 'zoufang-lianxi'], domain: 'jiguan', region: 'sichuan', order: 3 };
  const oneThemeSameDomain = { ...base, id: 'one', themes: ['minqing-shouji'], order: 2 };
  const domainOnly = { ...base, id: 'dom', themes: ['xinxihua'], order: 1 };
  it('weights method family over domain over region', () => {
    expect(similarity(self, twoThemes)).toBe(6);
    expect(similarity(self, oneThemeSameDomain)).toBe(6);
    expect(similarity(self, domainOnly)).toBe(3);
  });
  it('ranks best first, keeps catalogue order on ties, and leaves out itself', () => {
    expect(similarCases(self, [self, domainOnly, oneThemeSameDomain, twoThemes], 3).map((c) => c.id)).toEqual(['one', 'two', 'dom']);
  });
  it('finds the same similar entries through its inverted lists as the full comparison', () => {
    // A seeded library where many entries tie, share nothing, or share only domain or province.
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const themes = ['a', 'b', 'c', 'd', 'e', 'f'];
    const all = Array.from({ length: 400 }, (_, order) => ({
      id: `e${order}`,
      order,
      domain: `d${random(3)}`,
      region: random(5) === 0 ? '' : `r${random(4)}`,
      themes: [...new Set(Array.from({ length: random(3) }, () => themes[random(6)]))],
    }));
    const find = similarFinder(all);
    for (const self of all) for (const limit of [1, 4, 6]) expect(find(self, limit)).toEqual(similarCases(self, all, limit));
    expect(all.some((self) => find(self, 4).length === 4)).toBe(true);
    expect(all.some((self) => find(self, 4).length === 0)).toBe(true);
  });
});
