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

/**
 * A content-check message for readers of /backlog/: the Chinese half of a "中文 / English" pair,
 * without Markdown marks (## headings, `code`, **bold**); "## 成效" becomes “成效”一节.
 */
export function readerMessage(message: string): string {
  const chinese = message.replace(/\s+\/\s+[\x20-\x7e]*$/, '');
  return chinese
    .replace(/“##\s*([^”]+)”/g, '“$1”一节')
    .replace(/##\s*(\S+)/g, '“$1”一节')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/ ?\b(figures|summary|questions|headline|aliases)\b ?/g, (_, field: string) => `“${FIELD_WORDS[field]}”`)
    .trim();
}

const FIELD_WORDS: Record<string, string> = {
  figures: '关键数字',
  summary: '摘要',
  questions: '思考题',
  headline: '原标题',
  aliases: '别名',
};

/** A check message's field in reader words: "## 成效" → “成效”一节, "figures" stays a field name. */
export function readerField(field: string): string {
  const section = /^##\s*(.+)$/.exec(field);
  return section ? `“${section[1]}”一节` : (FIELD_WORDS[field] ?? field);
}

/**
 * Names listed in running text: 、 between them, or ； when a name holds 、 itself
 * (学先进、找差距、见行动), as Chinese punctuation sets apart items that hold enumeration commas.
 */
export const listText = (names: string[]): string => names.join(listSeparator(names));

/** What listText puts between the names. */
export const listSeparator = (names: string[]): string => (names.some((n) => n.includes('、')) ? '；' : '、');
