import { describe, expect, it } from 'vitest';
import { formatLocator, formatRegion, parseLocator } from '../../src/lib/format.ts';
import { similarCases, similarity } from '../../src/lib/related.ts';

describe('format', () => {
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
});
