import { describe, expect, it, vi } from 'vitest';

// Packing a document takes 1–5 s alone and far more on a loaded shared machine.
vi.setConfig({ testTimeout: 30_000 });
import { crc32, inflateSync } from 'node:zlib';
import { Packer } from 'docx';
import { buildHandoutDocx, type DocxCase, type DocxHandout } from '../../src/lib/handout-docx.ts';
import { qrPng } from '../../src/lib/qr-png.ts';
import { QR_TOO_LONG } from '../../src/lib/reader-text.ts';
import { bodySections } from '../../src/lib/entry-view.ts';
import { unzip } from '../helpers/zip.ts';

const makeCase = (id: string, title: string, extra: Partial<DocxCase> = {}): DocxCase => ({
  id,
  title,
  url: `https://example.org/cases/${id}/`,
  info: [
    { label: '实践单位', value: `${title}所在街道党工委` },
    { label: '地区', value: '浙江省杭州市' },
    { label: '领域', value: '城市社区' },
    { label: '起始年份', value: '2012 年' },
  ],
  // Out of order on purpose: the handout always shows 背景、做法、成效、启示.
  sections: [
    { name: '做法', blocks: [`${title}的做法第一条`, '#### 分步推进', '1. 建立台账', '2. 每月回访', '- 党员包户', '- 村民代表监督'] },
    { name: '背景', blocks: [`${title}的背景：群众诉求多而散`] },
    { name: '成效', blocks: [`${title}的成效`] },
    { name: '启示', blocks: [`${title}的启示`] },
  ],
  figures: [
    { label: '办结诉求', value: '1200 件' },
    { label: '覆盖小区', value: '36 个' },
  ],
  questions: [`${title}：你所在单位怎样收集诉求？`, '哪些做法可以直接借鉴？'],
  source: '《某市基层治理案例汇编》，第 12 页',
  note: '',
  ...extra,
});

const handout = (overrides: Partial<DocxHandout> = {}): DocxHandout => ({
  title: '怎样收集和办理群众诉求',
  date: '2026-12-01',
  audience: '村（社区）党组织书记',
  lessonUrl: 'https://example.org/lesson/?l=abc',
  site: 'https://example.org/',
  includeNotes: true,
  cases: [
    makeCase('minqing-riji', '民情日记工作法', { note: '讲解 15 分钟，重点在台账' }),
    makeCase('zou-qinqi', '走亲戚工作法', { source: '' }),
  ],
  ...overrides,
});

async function open(h: DocxHandout) {
  const files = unzip(await Packer.toBuffer(buildHandoutDocx(h)));
  return { files, xml: files.get('word/document.xml')!.toString('utf8') };
}
/** The document's visible text, paragraph by paragraph. */
const text = (xml: string) =>
  [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));

describe('Word handout', () => {
  it('keeps Chinese text, lesson order and the four sections in order', async () => {
    const paragraphs = text((await open(handout())).xml);
    const all = paragraphs.join('\n');
    expect(all).toContain('怎样收集和办理群众诉求');
    expect(all).toContain('对象：村（社区）党组织书记');
    const at = (s: string) => paragraphs.findIndex((p) => p === s);
    expect(at('1. 民情日记工作法')).toBeGreaterThan(0);
    // Contents first, then the case pages, in lesson order.
    const first = paragraphs.lastIndexOf('1. 民情日记工作法');
    const second = paragraphs.lastIndexOf('2. 走亲戚工作法');
    expect(first).toBeLessThan(second);
    for (const [start, end] of [
      [first, second],
      [second, paragraphs.length],
    ]) {
      const names = paragraphs.slice(start, end).filter((p) => ['背景', '做法', '成效', '启示', '思考题'].includes(p));
      expect(names).toEqual(['背景', '做法', '成效', '启示', '思考题']);
    }
    expect(paragraphs).toContain('民情日记工作法：你所在单位怎样收集诉求？');
    expect(paragraphs).toContain('哪些做法可以直接借鉴？');
    expect(all).toContain('办结诉求：1200 件');
    expect(at('案例对比')).toBeGreaterThan(second);
  });

  it('prints the trainer note only when asked, and 出处 only with a real source', async () => {
    const withNotes = text((await open(handout())).xml).join('\n');
    expect(withNotes).toContain('讲解 15 分钟，重点在台账');
    expect(withNotes.match(/出处：/g)).toHaveLength(1);
    expect(withNotes).not.toContain('（无题）');
    const without = text((await open(handout({ includeNotes: false }))).xml).join('\n');
    expect(without).not.toContain('讲解 15 分钟');
    expect(without).not.toContain('教师备注');
  });

  it('names East Asian fonts, sets A4 公文 margins and fixed table column widths', async () => {
    const { files, xml } = await open(handout());
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(files.get('word/styles.xml')!.toString('utf8')).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml.match(/<w:pgSz [^>]*>/)?.[0]).toMatch(/w:w="11906" w:h="16838"/);
    // 37 / 26 / 35 / 28 mm
    expect(xml.match(/<w:pgMar [^>]*>/)?.[0]).toMatch(/w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    const grids = [...xml.matchAll(/<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/g)].map((g) =>
      [...g[1].matchAll(/w:w="(\d+)"/g)].map((m) => Number(m[1])),
    );
    expect(grids).toHaveLength(3); // two info tables and the comparison
    const compare = grids.at(-1)!;
    expect(compare).toHaveLength(6);
    expect(Math.min(...compare)).toBeGreaterThan(700); // no column squeezed to one or two characters
    expect(xml).toMatch(/<w:tcW w:type="dxa" w:w="\d+"\/>|<w:tcW w:w="\d+" w:type="dxa"\/>/);
    expect(xml).toMatch(/<w:tblLayout w:type="fixed"\/>/);
  });

  it('gives case titles, their headings and sub-headings outline levels, so Word’s navigation pane shows them', async () => {
    const { xml } = await open(handout());
    const paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => p[0]);
    const at = (level: number) => paragraphs.filter((p) => p.includes(`<w:outlineLvl w:val="${level}"/>`)).map((p) => text(p).join(''));
    expect(at(0)).toEqual(['1. 民情日记工作法', '2. 走亲戚工作法', '案例对比']);
    expect(at(1)).toEqual(expect.arrayContaining(['背景', '做法', '成效', '启示', '思考题']));
    expect(at(2)).toContain('分步推进');
  });

  it('has a QR code on the cover and on each case', async () => {
    const { files, xml } = await open(handout());
    const images = [...files.keys()].filter((name) => /^word\/media\/.+\.png$/.test(name));
    expect(images.length).toBeGreaterThanOrEqual(1);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(3);
    expect(xml).toContain('descr="https://example.org/lesson/?l=abc"');
    expect(xml).toContain('descr="https://example.org/cases/zou-qinqi/"');
  });

  it('says on the cover how to share a lesson too long for a QR code, and still has each case’s code', async () => {
    const { xml } = await open(handout({ lessonUrl: '' }));
    expect(text(xml)).toContain(QR_TOO_LONG);
    expect(xml.match(/<w:drawing>/g)).toHaveLength(2);
  });
});

describe('Word handout lists', () => {
  /** Each paragraph's text and its list (numbering instance id), if any. */
  const listParagraphs = (xml: string) =>
    [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({
      text: [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
      numId: /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"\/>/.exec(p[0])?.[1],
    }));

  it('makes list items and questions real Word lists, numbered lists starting again at 1 in each case', async () => {
    const { files, xml } = await open(handout());
    const paragraphs = listParagraphs(xml);
    // No Markdown marker left in any run.
    expect([...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].filter((m) => m[1].startsWith('- '))).toEqual([]);
    const numbering = files.get('word/numbering.xml')!.toString('utf8');
    const formatOf = (numId: string) => {
      const abstract = new RegExp(`<w:num w:numId="${numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`).exec(numbering)![1];
      const definition = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstract}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)![0];
      return /<w:numFmt w:val="(\w+)"/.exec(definition)![1];
    };
    const items = (text: string) => paragraphs.filter((p) => p.text === text);
    for (const text of ['建立台账', '每月回访', '党员包户', '村民代表监督', '哪些做法可以直接借鉴？']) {
      expect(items(text)).toHaveLength(2); // once in each case
      expect(items(text).every((p) => p.numId)).toBe(true);
    }
    expect(formatOf(items('党员包户')[0].numId!)).toBe('bullet');
    expect(formatOf(items('建立台账')[0].numId!)).toBe('decimal');
    // One list: 建立台账 and 每月回访 share an instance (2 follows 1) ...
    expect(items('每月回访')[0].numId).toBe(items('建立台账')[0].numId);
    // ... and each case's list and its questions are separate instances, so each counts from 1.
    const ordered = new Set([...items('建立台账'), ...items('哪些做法可以直接借鉴？')].map((p) => p.numId));
    expect(ordered.size).toBe(4);
    // Chinese text intact in the list items and the numbering's bullet set in the body face.
    expect(numbering).toMatch(/w:eastAsia="仿宋_GB2312"/);
  });

  it('keeps the numbers of a list that does not start at 1, which Word numbering would restart', async () => {
    const blocks = ['1. 建立台账', '2. 每月回访', '中间插了一段说明。', '3. 年底评议', '2015. 成立服务站。', '2016. 推广到全镇。'];
    const one = makeCase('a', '甲', { sections: [{ name: '做法', blocks }] });
    const paragraphs = listParagraphs((await open(handout({ cases: [one] }))).xml);
    const find = (text: string) => paragraphs.find((p) => p.text.endsWith(text))!;
    expect(find('建立台账')).toMatchObject({ text: '建立台账' });
    expect(find('建立台账').numId).toBeDefined();
    // After the paragraph the page shows 3., and so does the Word file: as written, not a new list from 1.
    expect(find('年底评议')).toEqual({ text: '3. 年底评议', numId: undefined });
    expect(find('成立服务站。')).toEqual({ text: '2015. 成立服务站。', numId: undefined });
  });
});

describe('Word handout: bold as the page shows it', () => {
  /** Each run's text with its boldness, paragraph by paragraph. */
  const boldRuns = (xml: string) =>
    [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
      [...p[0].matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)]
        .map((r) => ({
          bold: /<w:b\/>|<w:b w:val="true"\/>/.test(r[1]),
          text: [...r[1].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
        }))
        .filter((r) => r.text),
    );

  it('keeps a list item’s bold lead-in and bold words in a paragraph, and nothing else bold', async () => {
    const [section] = bodySections(
      '## 做法\n\n- **典型激励**：把先进典型树为标杆。\n- 绩效激励：推行**积分制**管理。\n\n**回访制度。** 办结后上门回访。\n',
    );
    const one = makeCase('a', '甲', { sections: [section] });
    const paragraphs = boldRuns((await open(handout({ cases: [one] }))).xml);
    const find = (start: string) => paragraphs.find((p) => p.length && p[0].text.startsWith(start))!;
    expect(find('典型激励')).toEqual([
      { bold: true, text: '典型激励' },
      { bold: false, text: '：把先进典型树为标杆。' },
    ]);
    expect(find('绩效激励')).toEqual([
      { bold: false, text: '绩效激励：推行' },
      { bold: true, text: '积分制' },
      { bold: false, text: '管理。' },
    ]);
    expect(find('回访制度')).toEqual([
      { bold: true, text: '回访制度。' },
      { bold: false, text: ' 办结后上门回访。' },
    ]);
  });

  it('prints blocks plain when the HTML does not give the same blocks (an older /cases/<id>.json)', async () => {
    const [section] = bodySections('## 做法\n\n- **典型激励**：把先进典型树为标杆。\n');
    const one = makeCase('a', '甲', { sections: [{ ...section, blocks: ['- 典型激励：改过的文字。'] }] });
    const paragraphs = boldRuns((await open(handout({ cases: [one] }))).xml);
    expect(paragraphs.find((p) => p.length && p[0].text.startsWith('典型激励'))).toEqual([{ bold: false, text: '典型激励：改过的文字。' }]);
  });
});

describe('QR code PNG', () => {
  it('is a valid 1-bit greyscale PNG with dark and light modules', () => {
    const { png, size } = qrPng('https://example.org/cases/zou-qinqi/');
    const buf = Buffer.from(png);
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(buf.readUInt32BE(16)).toBe(size);
    // Bit depth 1, colour type 0 (greyscale).
    expect([buf[24], buf[25]]).toEqual([1, 0]);
    const idatAt = buf.indexOf('IDAT');
    // inflateSync checks the zlib stream's Adler-32, and the chunk's CRC is checked below.
    const raw = inflateSync(buf.subarray(idatAt + 4, idatAt + 4 + buf.readUInt32BE(idatAt - 4)));
    const stride = 1 + Math.ceil(size / 8);
    expect(raw.length).toBe(size * stride);
    const pixel = (x: number, y: number) => (raw[y * stride + 1 + (x >> 3)] >> (7 - (x & 7))) & 1;
    const pixels = Array.from({ length: size * size }, (_, i) => pixel(i % size, Math.floor(i / size)));
    expect(pixels.filter((p) => p === 0).length).toBeGreaterThan(size * 4);
    expect(pixels.filter((p) => p === 1).length).toBeGreaterThan(size * 4);
    // Quiet zone: the first rows are white; the finder pattern's corner (after 4 modules of 4 px) is dark.
    expect(pixels.slice(0, size * 16).every((p) => p === 1)).toBe(true);
    expect(pixel(16, 16)).toBe(0);
    // Every row starts with filter 0.
    expect(Array.from({ length: size }, (_, y) => raw[y * stride]).every((f) => f === 0)).toBe(true);
    const idatLength = buf.readUInt32BE(idatAt - 4);
    expect(buf.readUInt32BE(idatAt + 4 + idatLength)).toBe(crc32(buf.subarray(idatAt, idatAt + 4 + idatLength)));
  });
  it('prints the editors’ teaching notes (编者按) after the questions only when notes are chosen', async () => {
    const teaching = { goals: ['理解夜访的做法', '会设计回访表'], audience: '村党组织书记', flow: ['先读做法', '再讨论第一题'] };
    const cases = [makeCase('minqing-riji', '民情日记工作法', { teaching }), makeCase('zou-qinqi', '走亲戚工作法')];
    const without = (await open(handout({ cases, includeNotes: false }))).xml;
    expect(text(without).join('\n')).not.toContain('教学提示');
    expect(text(without).join('\n')).not.toContain('理解夜访的做法');
    const paragraphs = text((await open(handout({ cases, includeNotes: true }))).xml);
    expect(paragraphs.filter((p) => p === '教学提示（编者按）')).toHaveLength(1);
    const at = paragraphs.indexOf('教学提示（编者按）');
    // After the first case's questions.
    expect(paragraphs.lastIndexOf('思考题', at)).toBeGreaterThan(paragraphs.lastIndexOf('1. 民情日记工作法'));
    expect(paragraphs.slice(at + 1, at + 6)).toEqual([
      '以下是编者写给培训者的建议，不是来源原文。',
      '教学目标：理解夜访的做法；会设计回访表',
      '适用对象：村党组织书记',
      '讨论步骤 1：先读做法',
      '讨论步骤 2：再讨论第一题',
    ]);
    // It belongs to the first case: the second case's title comes after it.
    expect(paragraphs.lastIndexOf('2. 走亲戚工作法')).toBeGreaterThan(at);
  });
});
