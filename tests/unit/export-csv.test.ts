import { describe, expect, it } from 'vitest';
import { columns, csvCell, plainText, tableColumns, toCsv } from '../../src/lib/export.ts';

/** A minimal RFC 4180 reader: enough to read back what toCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('csvCell: spreadsheet formulas', () => {
  it.each([
    ['=HYPERLINK("https://example.org","点我")'],
    ['+1+2'],
    ['-2+3'],
    ['@SUM(A1:A2)'],
    ['  =1+1'],
    ['\t=1+1'],
    ['\r=1+1'],
    ['\n=1+1'],
    ['\u3000=1+1'],
    ['＝1+1'],
  ])('neutralises %j with a leading quote', (text) => {
    const cell = csvCell(text);
    const value = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
    expect(value).toBe(`'${text}`);
  });
  it('neutralises a list whose first item is a formula', () => {
    expect(csvCell(['=1+1', '二'])).toBe("'=1+1；二");
  });
  it.each([['“三本台账”工作法'], ['a=b'], ['1-2月'], ['邮箱前缀@不在开头']])('leaves %j as written', (text) => {
    expect(csvCell(text)).toBe(text);
  });
  it('leaves numbers alone', () => {
    expect(csvCell(2013)).toBe('2013');
    expect(csvCell(-5)).toBe('-5');
  });
});

describe('toCsv', () => {
  it('reads back every value exactly, quotes and line breaks included', () => {
    const hostile = '他说"你好", 然后\n换行\r\n再换行';
    const record = Object.fromEntries(columns.map((c) => [c.name, c.list ? [hostile, 'b'] : hostile]));
    const csv = toCsv([record]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(columns.map((c) => c.name));
    expect(rows[1]).toEqual(columns.map((c) => (c.list ? `${hostile}；b` : hostile)));
  });
  it('writes a formula title as text', () => {
    const record = Object.fromEntries(columns.map((c) => [c.name, c.name === 'title' ? '=HYPERLINK("https://example.org")' : 'x']));
    const rows = parseCsv(toCsv([record]).slice(1));
    expect(rows[1][columns.findIndex((c) => c.name === 'title')]).toBe(`'=HYPERLINK("https://example.org")`);
  });
});

describe('the overview table (cases-table.csv)', () => {
  it('heads its columns in Chinese, shows names rather than ids, and takes every cell from an open-data column', () => {
    expect(tableColumns.map((c) => c.header)).toEqual([
      '名称',
      '原标题',
      '实践单位',
      '省份',
      '领域',
      '方法类别',
      '层级',
      '地市',
      '县区',
      '年份',
      '摘要',
      '背景',
      '做法',
      '成效',
      '启示',
      '关键数字',
      '思考题',
      '来源',
      '出处位置',
      '网址',
    ]);
    for (const c of tableColumns)
      expect(
        columns.map((x) => x.name),
        c.name,
      ).toContain(c.name);
    expect(tableColumns.map((c) => c.name)).not.toContain('domain');
    const record = Object.fromEntries(
      columns.map((c) => [c.name, c.name.endsWith('_name') ? `名${c.name}` : c.name === 'summary' ? '-1 号' : c.name]),
    );
    const rows = parseCsv(toCsv([record], tableColumns).slice(1));
    expect(rows[0]).toEqual(tableColumns.map((c) => c.header));
    expect(rows[1][tableColumns.findIndex((c) => c.header === '领域')]).toBe('名domain_name');
    // The same cells as cases.csv: formula-looking text is still written as text.
    expect(rows[1][tableColumns.findIndex((c) => c.header === '摘要')]).toBe("'-1 号");
  });
});

describe('plainText: a section in the CSV and cases.json', () => {
  it('drops bullet and heading marks but keeps an ordered item’s number, which can be the content', () => {
    expect(plainText(['#### 分步推进', '- 党员包户', '1. 建立台账', '2015. 成立服务站。', '段落'])).toBe(
      '分步推进\n党员包户\n1. 建立台账\n2015. 成立服务站。\n段落',
    );
  });
});
