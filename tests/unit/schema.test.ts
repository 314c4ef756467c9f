import { describe, expect, it } from 'vitest';
import { caseSchema } from '../../src/schema/case.ts';
import { sourceSchema, locator } from '../../src/schema/source.ts';
import { domains, regions, themes, regionId } from '../../src/schema/vocab.ts';
import { validFrontmatter } from '../fixtures/valid-entry.ts';

describe('vocabularies', () => {
  it('has all 34 province-level divisions plus the Bingtuan, with GB/T 2260 codes', () => {
    expect(regions).toHaveLength(35);
    expect(new Set(regions.map((r) => r.code)).size).toBe(35);
    expect(regions.find((r) => r.id === 'guangdong')).toMatchObject({ label: '广东', code: '440000' });
    expect(regions.find((r) => r.id === 'bingtuan')?.label).toBe('新疆生产建设兵团');
  });
  it('has no catch-all domain', () => {
    expect(domains.map((d) => d.label)).not.toContain('其他');
  });
  it('gives every value a Chinese label and a definition', () => {
    for (const v of [...regions, ...domains, ...themes]) {
      expect(v.label).toMatch(/\p{Script=Han}/u);
      expect(v.definition.length).toBeGreaterThan(1);
    }
  });
  it('turns ids into enums so a typo fails', () => {
    expect(regionId.safeParse('guangdong').success).toBe(true);
    expect(regionId.safeParse('guangdon').success).toBe(false);
  });
});

describe('case schema', () => {
  const parse = (overrides: Record<string, unknown>) => caseSchema.safeParse({ ...validFrontmatter, ...overrides });

  it('accepts a valid entry and fills defaults', () => {
    const result = parse({});
    expect(result.success).toBe(true);
    expect(result.data?.aliases).toEqual([]);
    expect(result.data?.inferred).toEqual([]);
  });
  it.each([
    ['unknown province', { region: { province: 'atlantis' } }, ['region', 'province']],
    ['unknown domain', { domain: 'qita' }, ['domain']],
    ['unknown theme', { themes: ['minqing-shouji', 'nope'] }, ['themes', 1]],
    ['no theme', { themes: [] }, ['themes']],
    ['five themes', { themes: ['minqing-shouji', 'zoufang-lianxi', 'bianmin-fuwu', 'minzhu-yishi', 'xinxihua'] }, ['themes']],
    ['repeated theme', { themes: ['xinxihua', 'xinxihua'] }, ['themes']],
    ['unknown level', { level: '省部级' }, ['level']],
    ['year as text', { year: '2002年' }, ['year']],
    ['year in the future', { year: 2999 }, ['year']],
    ['summary over 120 characters', { summary: '字'.repeat(121) }, ['summary']],
    ['one question', { questions: ['只有一道思考题吗？'] }, ['questions']],
    ['five questions', { questions: Array(5).fill('这是一道思考题吗？') }, ['questions']],
    ['bad locator', { source: { id: 'x', locator: 'lines 1-2' } }, ['source', 'locator']],
    ['reversed locator', { source: { id: 'x', locator: '第20-10行' } }, ['source', 'locator']],
    ['unknown field', { writer: 'someone' }, []],
    ['inferred field not allowed', { inferred: [{ field: 'title', note: '猜的' }] }, ['inferred', 0, 'field']],
  ])('rejects %s', (_name, overrides, path) => {
    const result = parse(overrides);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(path);
  });
  it('requires a province or a note explaining its absence', () => {
    expect(parse({ region: { city: '某市' } }).success).toBe(false);
    expect(parse({ region: { note: '原文地名被遮蔽' } }).success).toBe(true);
  });
});

describe('locator', () => {
  it.each(['第99-307行', '第13页', '第13-15页', '第1行'])('accepts %s', (value) => expect(locator.safeParse(value).success).toBe(true));
  it.each(['99-307', '第99—307行', 'p13', '第行'])('rejects %s', (value) => expect(locator.safeParse(value).success).toBe(false));
});

describe('source schema', () => {
  it('accepts a source with listed items and rejects a bad kind', () => {
    const source = {
      title: 'T',
      kind: '图书',
      file: 'a.txt',
      lines: 10,
      order: 0,
      notes: 'n',
      listed: [{ headline: 'h', locator: '第13页', list: '目录' }],
    };
    expect(sourceSchema.safeParse(source).success).toBe(true);
    expect(sourceSchema.safeParse({ ...source, kind: '杂志' }).success).toBe(false);
  });
});

describe('tile map', () => {
  it('gives every region its own tile', () => {
    const tiles = regions.map((r) => r.tile.join(','));
    expect(new Set(tiles).size).toBe(regions.length);
  });
});
