/**
 * Open data: every entry as one flat record, the same columns for JSON and CSV, and the codebook
 * that describes them. Pure: src/lib/cases.ts fills the records from the entry contract
 * (src/schema/entry.ts) and the pages in src/pages/cases.{json,csv}.ts write them.
 */
import type { EntrySection } from '../schema/entry.ts';
import { vocabFields } from '../schema/vocab.ts';
import { facets, type Facet } from './facets.ts';

export interface Column {
  name: string;
  /** What the column holds, in Chinese, for the codebook. */
  description: string;
  /** Lists are joined with “；” in CSV and stay arrays in JSON. */
  list?: boolean;
}

/**
 * A facet's columns: its ids and their labels (see `columns` in src/lib/facets.ts); a facet
 * without `columns` gets `<field>` and `<field>_name`, so a new facet reaches the open data too.
 */
export function facetColumns(f: Facet): { ids: Column; names: Column } {
  const ids = f.columns?.ids ?? f.field.replace(/\./g, '_');
  const names = f.columns?.names ?? `${ids}_name`;
  return {
    ids: {
      name: ids,
      description: f.columns?.description ?? `${f.label} id（见${f.label}词表${f.unknownLabel ? '；未载明时为空' : ''}）`,
      list: f.multiple,
    },
    names: { name: names, description: `${f.label}名称`, list: f.multiple },
  };
}

/** Facets written as columns: vocabulary facets (years and sources have their own columns below). */
export const exportedFacets = facets.filter((f) => f.vocabulary !== 'year' && f.vocabulary !== 'source');

/** Columns that follow a facet's own, for details that belong with it. */
const after: Record<string, Column[]> = {
  region: [
    { name: 'province_code', description: 'GB/T 2260 行政区划代码' },
    { name: 'city', description: '地级市（按原文写法，可空）' },
    { name: 'county', description: '县级行政区（可空）' },
  ],
};

const facetPart: Column[] = exportedFacets.flatMap((f) => {
  const { ids, names } = facetColumns(f);
  return [ids, names, ...(after[f.key] ?? [])];
});
const facetFields = new Set(exportedFacets.map((f) => f.field));
/** Vocabulary fields that are no facet (yet) still export their ids and labels. */
const vocabPart: Column[] = vocabFields
  .filter((v) => !facetFields.has(v.field))
  .flatMap((v) => [
    { name: v.field, description: `${v.title} id（见${v.title}词表）`, list: v.multiple },
    { name: `${v.field}_name`, description: `${v.title}名称`, list: v.multiple },
  ]);

export const columns: Column[] = [
  { name: 'id', description: '条目 id（网址 /cases/<id>/ 中的部分）' },
  { name: 'url', description: '条目网址' },
  { name: 'title', description: '工作法名称' },
  { name: 'headline', description: '来源中的原标题（可空）' },
  { name: 'aliases', description: '别名和组成部分', list: true },
  { name: 'unit', description: '实践单位' },
  ...facetPart,
  ...vocabPart,
  { name: 'year', description: '开始实践的年份（来源写明时才有）' },
  { name: 'summary', description: '摘要' },
  { name: 'background', description: '正文“背景”一节（纯文本，每段一行；编号列表保留编号）' },
  { name: 'practices', description: '正文“做法”一节（纯文本，每段一行；编号列表保留编号）' },
  { name: 'results', description: '正文“成效”一节（纯文本，每段一行；编号列表保留编号）' },
  { name: 'lessons', description: '正文“启示”一节（纯文本，每段一行；编号列表保留编号）' },
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

/**
 * A section's blocks (src/schema/entry.ts) as plain text, one block a line: bullet and heading marks
 * removed, an ordered item's number kept (it can be the content: 2015. 成立服务站。).
 */
export const plainText = (blocks: string[]) => blocks.map((b) => b.replace(/^(?:#### |- )/, '')).join('\n');

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
export function toCsv(records: ExportRecord[], table: { name: string; header?: string }[] = columns): string {
  const lines = [
    table.map((c) => csvCell(c.header ?? c.name)).join(','),
    ...records.map((r) => table.map((c) => csvCell(r[c.name] ?? null)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The overview table (/cases-table.csv): the columns a trainer or editor reads in WPS or Excel, under
 * Chinese headers, names instead of ids, the same cells as cases.csv. The open data keeps its English
 * column names, which programs rely on; this file is for people choosing cases.
 */
export const tableColumns: { name: string; header: string }[] = [
  { name: 'title', header: '名称' },
  { name: 'headline', header: '原标题' },
  { name: 'unit', header: '实践单位' },
  // The region facet's names are provinces; 地市 and 县区 follow it.
  ...exportedFacets.map((f) => ({ name: facetColumns(f).names.name, header: f.key === 'region' ? '省份' : f.label })),
  { name: 'city', header: '地市' },
  { name: 'county', header: '县区' },
  { name: 'year', header: '年份' },
  { name: 'summary', header: '摘要' },
  { name: 'background', header: '背景' },
  { name: 'practices', header: '做法' },
  { name: 'results', header: '成效' },
  { name: 'lessons', header: '启示' },
  { name: 'figures', header: '关键数字' },
  { name: 'questions', header: '思考题' },
  { name: 'source_title', header: '来源' },
  { name: 'source_locator', header: '出处位置' },
  { name: 'url', header: '网址' },
];
