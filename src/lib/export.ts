/**
 * Open data: every entry as one flat record, the same columns for JSON and CSV, and the codebook
 * that describes them. Pure: src/lib/cases.ts fills the records from the entry contract
 * (src/schema/entry.ts) and the pages in src/pages/cases.{json,csv}.ts write them.
 */
import type { EntrySection } from '../schema/entry.ts';

export interface Column {
  name: string;
  /** What the column holds, in Chinese, for the codebook. */
  description: string;
  /** Lists are joined with “；” in CSV and stay arrays in JSON. */
  list?: boolean;
}

export const columns: Column[] = [
  { name: 'id', description: '条目 id（网址 /cases/<id>/ 中的部分）' },
  { name: 'url', description: '条目网址' },
  { name: 'title', description: '工作法名称' },
  { name: 'headline', description: '来源中的原标题（可空）' },
  { name: 'aliases', description: '别名和组成部分', list: true },
  { name: 'unit', description: '实践单位' },
  { name: 'province', description: '省级行政区 id（见地区词表；原文未载明时为空）' },
  { name: 'province_name', description: '省级行政区名称' },
  { name: 'province_code', description: 'GB/T 2260 行政区划代码' },
  { name: 'city', description: '地级市（按原文写法，可空）' },
  { name: 'county', description: '县级行政区（可空）' },
  { name: 'level', description: '实践单位层级：省级、地市级、县级、乡镇街道、村社区、单位' },
  { name: 'domain', description: '领域 id（见领域词表）' },
  { name: 'domain_name', description: '领域名称' },
  { name: 'themes', description: '方法类别 id（见方法词表）', list: true },
  { name: 'theme_names', description: '方法类别名称', list: true },
  { name: 'year', description: '开始实践的年份（来源写明时才有）' },
  { name: 'summary', description: '摘要' },
  { name: 'background', description: '正文“背景”一节（纯文本）' },
  { name: 'practices', description: '正文“做法”一节（纯文本）' },
  { name: 'results', description: '正文“成效”一节（纯文本）' },
  { name: 'lessons', description: '正文“启示”一节（纯文本）' },
  { name: 'figures', description: '关键数字，写成“指标：数值”', list: true },
  { name: 'questions', description: '思考题', list: true },
  { name: 'related', description: '相关条目 id', list: true },
  { name: 'inferred', description: '推断而非原文写明的字段及依据，写成“字段：依据”', list: true },
  { name: 'notes', description: '编者说明（可空）' },
  { name: 'source_id', description: '来源文件 id' },
  { name: 'source_title', description: '来源文件标题' },
  { name: 'source_locator', description: '在来源中的位置（行号或页码）' },
  { name: 'author', description: '条目撰写人' },
  { name: 'reviewed', description: '最近一次审核日期' },
];

export type ExportRecord = Record<string, string | number | string[] | null>;

const sectionColumns: Record<string, string> = { 背景: 'background', 做法: 'practices', 成效: 'results', 启示: 'lessons' };

/** A section's blocks (src/schema/entry.ts) as plain text: list marks and heading marks removed, one block a line. */
export const plainText = (blocks: string[]) => blocks.map((b) => b.replace(/^(?:#### |- |\d+\. )/, '')).join('\n');

/** The four sections of an entry view as plain text, keyed by export column. */
export function sectionTexts(sections: Pick<EntrySection, 'name' | 'blocks'>[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const section of sections) if (sectionColumns[section.name]) out[sectionColumns[section.name]] = plainText(section.blocks);
  return out;
}

/**
 * A cell that a spreadsheet (Excel, WPS, LibreOffice) would read as a formula starts, after any
 * leading whitespace (spaces, tabs, CR, LF, full-width spaces), with = + - @; some also take a tab
 * or CR as the start. Following OWASP's CSV-injection guidance such a cell is prefixed with a
 * single quote, so it opens as text: `=HYPERLINK(…)` shows as written and links nowhere. Numbers
 * from the export (year) are never strings here and stay numbers.
 */
const FORMULA_START = /^[\s\u3000]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|^[\t\r]/u;

/** One CSV cell: formula-looking text neutralised, then quoted when it holds a quote, comma or line break. */
export function csvCell(value: ExportRecord[string]): string {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('；') : String(value);
  if (typeof value !== 'number' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 byte-order mark, so Excel opens the Chinese text correctly. */
export function toCsv(records: ExportRecord[]): string {
  const lines = [columns.map((c) => c.name).join(','), ...records.map((r) => columns.map((c) => csvCell(r[c.name] ?? null)).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
