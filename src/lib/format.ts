/** Small pure formatters shared by pages, the filter script and the exports. */
import { vocab } from '../schema/vocab.ts';

export interface Locator {
  unit: 'line' | 'page';
  start: number;
  end: number;
}

/** Parses `第99-307行` / `第13页`; the schema guarantees the form. */
export function parseLocator(value: string): Locator {
  const match = /^第(\d+)(?:-(\d+))?([行页])$/.exec(value);
  if (!match) throw new Error(`invalid locator "${value}"`);
  const start = Number(match[1]);
  return { unit: match[3] === '行' ? 'line' : 'page', start, end: match[2] ? Number(match[2]) : start };
}

/** 第 99–307 行 with proper spacing and an en dash, for display. */
export function formatLocator(value: string): string {
  const { unit, start, end } = parseLocator(value);
  const range = start === end ? `${start}` : `${start}–${end}`;
  return `第 ${range} ${unit === 'line' ? '行' : '页'}`;
}

export interface RegionLike {
  province?: string;
  city?: string;
  county?: string;
  note?: string;
}

/** 广东 · 韶关市 · 始兴县 — the most specific place the entry gives. */
export function formatRegion(region: RegionLike, separator = ' · '): string {
  const parts = [region.province ? vocab('region', region.province).label : '地区未载明', region.city, region.county];
  return parts.filter(Boolean).join(separator);
}

/** Sort key that puts entries of one source in the order they stand in it. */
export function locatorOrder(value: string): number {
  return parseLocator(value).start;
}

/** How the entry page names a field marked as inferred. */
export const inferredFieldLabels: Record<string, string> = {
  'region.province': '省份',
  'region.city': '地级市',
  'region.county': '县区',
  level: '层级',
  year: '年份',
  domain: '领域',
  unit: '实践单位',
};
