/**
 * `npm run import` and the /submit/ drop zone: Word documents made here with the `docx` package,
 * as submitters write them, each becoming the expected draft and report. Every draft must pass
 * the content check (warnings only) and, once its proposals are confirmed, carry no 待确认 left.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, HeadingLevel, ImageRun, Packer, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import mammoth from 'mammoth';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { markdownText } from '../../src/lib/entry-text.ts';
import { checkCases } from '../../src/lib/content-check.ts';
import { parseMarkdownBody, parseMdxBody } from '../../src/lib/mdx-parse.node.ts';
import {
  convertDocx,
  formatReport,
  headingKey,
  hiddenText,
  ImportRefusal,
  importDocx,
  levelOf,
  MAX_BYTES,
  proposeFigures,
  sectionOf,
  type Mammoth,
} from '../../src/lib/import-docx.ts';
import { headingSynonyms, headingsSchema } from '../../src/schema/headings.ts';
import headingsData from '../../content/vocab/headings.json' with { type: 'json' };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const P = (text: string) => new Paragraph(text);
const H = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
const image = (description?: string) =>
  new Paragraph({
    children: [
      new ImageRun({
        type: 'png',
        data: PNG,
        transformation: { width: 20, height: 20 },
        ...(description ? { altText: { name: 'p', title: '', description } } : {}),
      }),
    ],
  });
const cells = (...texts: string[]) => new TableRow({ children: texts.map((t) => new TableCell({ children: [P(t)] })) });

const make = async (children: (Paragraph | Table)[]) => new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));

const background =
  '这个村地处山区，青壮年大多外出务工，留守老人多，群众反映的问题过去常常找不到人办，村党支部决定把群众的事情记下来、一件一件办好。';
const practice =
  '村党支部建立民情台账，支部委员每月分片入户走访，把群众反映的问题登记在册，按轻重缓急分类交办，办结以后再回访群众，听取群众的评价。';
const results = '两年来共登记群众诉求326条，办结311条，群众满意率达到98%，2019年村里还新修道路3.5公里，村里的矛盾纠纷明显减少。';
const lessons = '台账要记实、要公开、要回访，群众的事情件件有回音，干部和群众的关系才会越来越近，这个做法简单，别的村也学得会。';

/** A typical submission: title line, four headed sections, contact block at the end. */
const typical = (headings = ['一、基本情况', '二、主要做法', '三、取得成效', '四、经验启示'], heading = P) => [
  P('广东省韶关市始兴县太平镇石下村党支部“三本台账”工作法'),
  heading(headings[0]),
  P(background),
  heading(headings[1]),
  P(practice),
  heading(headings[2]),
  P(results),
  heading(headings[3]),
  P(lessons),
];

const today = '2026-11-29';
async function run(bytes: Uint8Array, fileName = 'laigao.docx', taken: string[] = []) {
  const converted = await convertDocx(mammoth as unknown as Mammoth, bytes, fileName);
  const result = importDocx(converted.html, {
    fileName,
    taken: new Set(taken),
    today,
    author: '测试编辑',
    imageExt: () => 'png',
    hidden: converted.hidden,
  });
  const check = (text: string) =>
    checkCases([{ path: `content/cases/${result.id}.mdx`, raw: text }], {
      sourceIds: new Set([result.source!.id]),
      sourceLines: new Map([[result.source!.id, result.source!.data.lines as number]]),
      parseBody: parseMdxBody,
      parseMarkdown: parseMarkdownBody,
      publicFiles: new Set(result.images.map((i) => i.path)),
    });
  return { ...result, converted, check, confirmed: () => result.text.replace(/（待确认[^）]*）/g, '') };
}

async function refusal(bytes: Uint8Array, fileName: string): Promise<ImportRefusal> {
  try {
    await run(bytes, fileName);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportRefusal);
    return error as ImportRefusal;
  }
  throw new Error('the document was not refused');
}

describe('the headings table (content/vocab/headings.json)', () => {
  it('is valid and holds the headings submitters use, each under one section', () => {
    expect(headingsSchema.safeParse(headingsData).success).toBe(true);
    const expected: Record<string, string[]> = {
      背景: ['基本情况', '背景', '起因', '基本做法背景'],
      做法: ['主要做法', '做法与经过', '具体举措', '主要措施'],
      成效: ['取得成效', '成效与反响', '工作成效', '主要成效'],
      启示: ['经验启示', '探讨与评论', '几点体会', '经验与启示'],
    };
    for (const [section, list] of Object.entries(expected)) for (const h of list) expect(sectionOf(h), h).toBe(section);
    expect(
      headingsSchema.safeParse({ ...headingsData, sections: { ...headingSynonyms, 成效: [...headingSynonyms['成效'], '背景'] } }).success,
    ).toBe(false);
  });

  it('reads numbered headings and leaves unknown ones alone', () => {
    expect(['一、基本情况', '（二）具体举措', '3. 主要成效', '(4) 几点体会', '第一部分：背景'].map(sectionOf)).toEqual([
      '背景',
      '做法',
      '成效',
      '启示',
      '背景',
    ]);
    expect(headingKey('（一） 主要做法：')).toBe('主要做法');
    expect(sectionOf('下一步打算')).toBeUndefined();
    expect(sectionOf('建立民情台账')).toBeUndefined();
  });
});

describe('a Word document becomes a draft', { timeout: 60_000 }, () => {
  it('1. numbered plain headings: four sections, title, unit, place, year and level proposed, check passes', async () => {
    const r = await run(await make(typical()));
    expect(r.report.mapped.map((m) => `${m.line}:${m.to}`)).toEqual(['2:背景', '4:做法', '6:成效', '8:启示']);
    expect(r.data.title).toBe('“三本台账”工作法（待确认）');
    expect(r.data.headline).toBe('广东省韶关市始兴县太平镇石下村党支部“三本台账”工作法');
    expect(r.data.unit).toBe('广东省韶关市始兴县太平镇石下村党支部（待确认）');
    expect(r.data.region).toEqual({ province: 'guangdong', city: '韶关市', county: '始兴县' });
    expect(r.data.level).toBe('cun-shequ');
    expect(r.data.domain).toBe('nongcun');
    expect(r.data.year).toBe(2019);
    expect(r.data.status).toBe('草稿');
    expect(r.id).toBe('shixing-sanben-taizhang-gongzuofa');
    expect(r.sections['做法']).toBe(practice);
    expect(r.text).not.toContain('一、基本情况');
    const check = r.check(r.text);
    expect(check.errors).toEqual([]);
    expect(check.warnings.map((w) => w.field)).toEqual(
      expect.arrayContaining(['title', 'unit', 'summary', 'inferred.0.note', 'figures.0.label']),
    );
    // Confirmed proposals: no 待确认 warning is left, and still no error.
    const confirmed = r.check(r.confirmed());
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.warnings.filter((w) => w.message.zh.includes('待确认'))).toEqual([]);
    // The same draft as 待审 fails until the proposals are confirmed.
    expect(
      r.check(r.text.replace('status: 草稿', 'status: 待审')).errors.some((e) => e.field === 'title' && e.message.zh.includes('待确认')),
    ).toBe(true);
    expect(formatReport(r.report)).toContain('第 2 段“一、基本情况” → 背景');
  });

  it('2. Word heading styles with other synonyms (基本做法背景, 做法与经过, 成效与反响, 探讨与评论)', async () => {
    const r = await run(await make(typical(['基本做法背景', '做法与经过', '成效与反响', '探讨与评论'], H)));
    expect(r.report.mapped.map((m) => m.to)).toEqual(['背景', '做法', '成效', '启示']);
    expect(r.report.missing).toEqual([]);
    expect(r.sections['启示']).toBe(lessons);
  });

  it('3. arabic numbering and sub-headings: （一） and 1. become ### inside the section', async () => {
    const r = await run(
      await make([
        P('某市某区某街道党工委“红色管家”服务法'),
        P('1. 背景'),
        P(background),
        P('2. 主要措施'),
        P('（一）建立管家队伍'),
        P(practice),
        P('（二）定期回访群众'),
        P(practice.replace('民情台账', '回访台账')),
        P('3. 主要成效'),
        P(results),
        P('4. 经验与启示'),
        P(lessons),
      ]),
    );
    expect(r.report.mapped.map((m) => m.to)).toEqual(['背景', '做法', '成效', '启示']);
    expect(r.sections['做法']).toMatch(/^### 建立管家队伍\n\n.+\n\n### 定期回访群众\n\n/);
    expect(r.data.title).toBe('“红色管家”服务法（待确认）');
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4. contact block and private data: removed, listed with their paragraph, never in the draft', async () => {
    const r = await run(
      await make([
        ...typical(),
        P('群众也可以直接找村书记，手机13812345678，或发邮件到 shuji@example.com 反映问题，工作人员会及时登记。'),
        P('报送单位：中共始兴县太平镇石下村支部委员会'),
        P('联系人：张某某'),
        P('联系电话：0751-3312345'),
        P('地址：太平镇石下村幸福路8号'),
        P('执笔人：李某'),
      ]),
    );
    const removed = r.report.removed.map((x) => `${x.line}:${x.what}`);
    expect(removed).toEqual(
      expect.arrayContaining(['10:手机号码', '10:电子邮箱', '11:报送单位', '12:联系方式', '13:联系方式', '14:联系方式', '15:撰稿人']),
    );
    for (const secret of ['13812345678', 'shuji@example.com', '3312345', '幸福路8号', '张某某', '李某'])
      expect(r.text).not.toContain(secret);
    // The report shows enough to find the number, not the number itself.
    expect(formatReport(r.report)).not.toContain('13812345678');
    expect(formatReport(r.report)).toContain('138******78');
    expect(formatReport(r.report)).toContain('第 13 段 联系方式“联系电话：075*******45”');
    expect(r.report.removed.filter((x) => !x.private).map((x) => x.what)).toEqual(['标题行', '报送单位']);
    // The rest of the sentence stays, and the submitter becomes the unit proposal.
    expect(r.sections['启示']).toContain('群众也可以直接找村书记');
    expect(r.data.unit).toBe('中共始兴县太平镇石下村支部委员会（待确认）');
    expect(r.data.level).toBe('cun-shequ');
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4b. a resident called by surname keeps the word of address, without the surname', async () => {
    const r = await run(await make([...typical(), P('村口的李大妈逢人就说，干部晚上来得勤，欧阳大爷家的事也办好了。')]));
    expect(r.text).not.toMatch(/李大妈|欧阳|阳大爷/);
    expect(r.text).toContain('村口的大妈逢人就说');
    expect(r.text).toContain('大爷家的事也办好了');
    expect(r.report.removed.filter((x) => x.what === '群众的姓名或带姓氏的称呼').map((x) => x.text)).toEqual(['*大妈', '*大爷']);
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4c. a resident named after a role word loses the name, and the sentence still reads', async () => {
    const r = await run(await make([...typical(), P('村民王芳说，干部晚上来得勤；居民老王反映的路灯也修好了。')]));
    expect(r.text).not.toMatch(/王芳|老王/);
    expect(r.text).toContain('村民说，干部晚上来得勤；居民反映的路灯也修好了。');
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4d. a contact line in brackets loses the contact person’s name too, not only the numbers', async () => {
    const r = await run(await make([...typical(), P(`${lessons}（联系人：李志明，联系电话：0751-3312345，手机：13826612345）`)]));
    expect(r.text).not.toMatch(/李志明|3312345|13826612345/);
    expect(r.report.removed.some((x) => x.what === '联系人的姓名')).toBe(true);
  });

  it('4e. a whole submission typed as one paragraph stays in the body; the file name stands in for the title', async () => {
    const r = await run(await make([P(`关于我村开展“板凳夜话”的材料。${background}${practice}${results}`)]), '板凳夜话.docx');
    expect(r.text).toContain(practice);
    expect(r.report.removed.some((x) => x.what === '标题行')).toBe(false);
  });

  it('4f. a paragraph that starts like a contact line but is the case’s own text stays, without its private data', async () => {
    // Before 2026-12-03 the whole paragraph was dropped as a contact line, and the report showed only its start.
    const told =
      '微信：村里建起“党群连心”微信群，党员每天在群里发布政策解读、收集群众意见，群众有事在群里说一声，村干部当天回复，这个办法后来推广到全镇十二个村。';
    const r = await run(await make([...typical(), P(told), P('微信：abc_2024xyz'), P('地址：太平镇石下村幸福路8号')]));
    expect(r.text).toContain('村里建起“党群连心”微信群，党员每天在群里发布政策解读');
    expect(r.text).not.toMatch(/abc_2024xyz|幸福路8号/);
    expect(r.report.removed.filter((x) => x.what === '联系方式')).toHaveLength(2);
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4g. the report shows the first character of a name it removed (陈**), as it shows a number’s ends', async () => {
    const r = await run(await make([...typical(), P('走访中，村民陈桂兰、王德福、李秀英三户提出修路的要求。')]));
    expect(r.text).not.toMatch(/陈桂兰|王德福|李秀英/);
    expect(r.report.removed.filter((x) => x.what === '群众的姓名或带姓氏的称呼').map((x) => x.text)).toEqual(['陈**', '王**', '李**']);
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4h. Markdown’s marks in Word text show as typed: no italics, no hidden link definition, no entity or lost backslash', async () => {
    const typed = [
      '第1步*登记*第2步',
      'AT&amp;T 的 R&D 部门',
      '\\*说明\\*',
      '[1]: https://www.gov.cn/zhengce/',
      'snake_case_name 和 ~~删~~',
    ];
    const r = await run(await make([...typical(), ...typed.map(P)]));
    const shown = markdownText(r.text.slice(r.text.indexOf('## 启示')));
    for (const text of typed) expect(shown).toContain(text);
    expect(r.report.escaped.some((e) => e.what.startsWith('Markdown 符号'))).toBe(true);
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('4i. a link keeps its text and is listed with where it pointed; a footnote keeps its text without the ↑ back to its mark', () => {
    const html =
      '<h1>一、基本情况</h1><p>详见<a href="https://www.gov.cn/zhengce/2019.htm">政策原文</a>和<a href="javascript:alert(1)">这里</a>。<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p>' +
      '<ol><li id="footnote-1"><p>据县委组织部2019年的通报。 <a href="#footnote-ref-1">↑</a></p></li></ol>';
    const r = importDocx(html, { fileName: 'lianjie.docx', taken: new Set(), today, author: '测试编辑' });
    expect(r.text).toContain('详见政策原文和这里。');
    expect(r.text).not.toMatch(/gov\.cn|javascript|↑/);
    expect(r.text).toContain('据县委组织部2019年的通报。');
    expect(r.report.removed.filter((x) => x.what === '链接地址').map((x) => x.text)).toEqual([
      'https://www.gov.cn/zhengce/2019.htm',
      'javascript:alert(1)',
    ]);
    expect(formatReport(r.report)).toContain('链接地址“https://www.gov.cn/zhengce/2019.htm”');
  });

  it('4j. text Word hides (Font → Hidden) is listed in the report and the to-do list, masked; a document without any lists none', async () => {
    // mammoth imports hidden text as ordinary text: before 2026-12-03 nothing told the editor it was there.
    const note = new Paragraph({
      children: [new TextRun('村里还建了议事长廊。'), new TextRun({ text: '内部材料勿外传，联系13812345678', vanish: true })],
    });
    const hiddenParagraph = new Paragraph({ children: [new TextRun({ text: '编者私注：此案例数据待核实', vanish: true })] });
    const r = await run(await make([...typical(), note, hiddenParagraph]));
    expect(r.converted.hidden).toEqual(['内部材料勿外传，联系13812345678', '编者私注：此案例数据待核实']);
    expect(r.report.hidden).toEqual(['内部材料勿外传，联系138******78', '编者私注：此案例数据待核实']);
    expect(r.report.todo[0]).toMatch(/2 处 Word 隐藏文字/);
    expect(formatReport(r.report)).toContain('Word 隐藏文字（已照常导入正文，请核对）');
    expect(r.text).toContain('编者私注：此案例数据待核实');
    expect(r.text).not.toContain('13812345678');
    const plain = await run(await make(typical()));
    expect(plain.report.hidden).toEqual([]);
    expect(plain.report.todo.join('')).not.toContain('隐藏文字');
  });

  it('4k. the hidden-text reader stops past 16 MB of XML, whatever sizes the archive claims', async () => {
    // A directory that understates a part's size passes the size guard; the reader still stops unpacking.
    const xml = `<w:document><w:body>${'<w:p><w:r><w:rPr><w:vanish/></w:rPr><w:t>隐藏</w:t></w:r></w:p>'.repeat(300_000)}</w:body></w:document>`;
    const zip = zipSync({ 'word/document.xml': strToU8(xml) });
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let i = zip.length - 22; i >= 0; i--)
      if (view.getUint32(i, true) === 0x06054b50) {
        view.setUint32(view.getUint32(i + 16, true) + 24, 1000, true);
        break;
      }
    const started = performance.now();
    expect(await hiddenText(zip)).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
    // The same part with its size told truly, and small enough: read.
    expect(await hiddenText(zipSync({ 'word/document.xml': strToU8(xml.slice(0, 2_000) + '</w:body></w:document>') }))).toContain('隐藏');
  });

  it('5. a table of figures becomes a Markdown table', async () => {
    const table = new Table({
      rows: [cells('台账', '条数', '说明'), cells('民情账', '326', '群众反映的诉求'), cells('办结账', '311', '已办结 | 已回访')],
    });
    const r = await run(await make([...typical().slice(0, 7), table, ...typical().slice(7)]));
    expect(r.sections['成效']).toContain(
      '| 台账 | 条数 | 说明 |\n| --- | --- | --- |\n| 民情账 | 326 | 群众反映的诉求 |\n| 办结账 | 311 | 已办结 \\| 已回访 |',
    );
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('6. a picture with a caption: saved beside the entry, the caption as its alt text', async () => {
    const r = await run(await make([...typical(), image(), P('图1 支部委员入户走访')]));
    expect(r.images).toEqual([{ src: 'docx-image:1', path: '/images/cases/shixing-sanben-taizhang-gongzuofa/tu-1.png' }]);
    expect(r.converted.pictures.get('docx-image:1')!.bytes).toEqual(new Uint8Array(PNG));
    expect(r.sections['启示']).toContain('![支部委员入户走访](/images/cases/shixing-sanben-taizhang-gongzuofa/tu-1.png)');
    expect(r.sections['启示']).not.toContain('图1');
    expect(r.report.images[0]).toMatchObject({ alt: '支部委员入户走访', missingAlt: false });
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('7. a picture with Word alt text and no caption keeps the alt text', async () => {
    const r = await run(await make([...typical(), image('村民议事会现场')]));
    expect(r.sections['启示']).toContain('![村民议事会现场](/images/cases/');
    expect(r.report.images[0].missingAlt).toBe(false);
  });

  it('8. a picture with neither is listed as missing alt text and marked 待填写', async () => {
    const r = await run(await make([...typical(), image()]));
    expect(r.report.images[0].missingAlt).toBe(true);
    expect(r.sections['启示']).toContain('![待填写：图片说明](/images/cases/');
    expect(formatReport(r.report)).toContain('缺少替代文字');
    expect(r.report.todo.some((t) => t.includes('替代文字'))).toBe(true);
    const check = r.check(r.text);
    expect(check.errors).toEqual([]);
    expect(check.warnings.some((w) => w.field === '## 启示' && w.message.zh.includes('待填写'))).toBe(true);
  });

  it('9. missing sections are stated, marked and reported; text before the first heading goes to 背景', async () => {
    const r = await run(await make([P('某县某镇党委“周二夜访”工作法'), P(background), P('主要做法'), P(practice)]));
    expect(r.report.missing).toEqual(['成效', '启示']);
    expect(r.sections['成效']).toMatch(/^原文未介绍成效。（待确认/);
    expect(r.sections['背景']).toContain(background);
    expect(r.sections['背景']).toContain('以上 1 段在原文第一个标题之前');
    expect(r.data.level).toBe('xiangzhen-jiedao');
    expect(r.check(r.text).errors).toEqual([]);
    expect(r.check(r.confirmed()).errors).toEqual([]);
  });

  it('10. a heading that fits no section keeps its text under a 待归类 block, never dropped', async () => {
    const r = await run(await make([...typical(), P('五、下一步打算'), P('继续完善台账制度，把经验推广到全镇。')]));
    expect(r.report.mapped.at(-1)).toMatchObject({ heading: '五、下一步打算', to: expect.stringContaining('待归类') });
    expect(r.sections['启示']).toContain('> **待归类（编者，待确认）**：原文“五、下一步打算”');
    expect(r.sections['启示']).toContain('> 继续完善台账制度，把经验推广到全镇。');
    expect(r.report.unsorted).toEqual([11]);
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('11. braces, tags and code-like text are escaped with a note', async () => {
    const r = await run(await make([...typical(), P('群众说：台账就是我们的 {连心账}，<b>办事不求人</b>。'), P('export const x = 1')]));
    expect(r.sections['启示']).toContain('台账就是我们的 ｛连心账｝，＜b＞办事不求人＜/b＞。');
    expect(r.sections['启示']).toContain('（原文）export const x = 1');
    expect(r.report.escaped.map((e) => e.line)).toEqual([10, 10, 11]);
    expect(r.check(r.text).errors).toEqual([]);
  });

  it('12. key figures are proposed from sentences with numbers in 成效, years left out', async () => {
    const r = await run(await make(typical()));
    expect(r.data.figures).toEqual([
      { label: '登记群众诉求（待确认）', value: '326条' },
      { label: '办结（待确认）', value: '311条' },
      { label: '群众满意率（待确认）', value: '98%' },
      { label: '村里还新修道路（待确认）', value: '3.5公里' },
    ]);
    expect(proposeFigures('2019年全村共有党员48名。')).toEqual([{ label: '全村共有党员（待确认）', value: '48名' }]);
  });

  it('a phone number in the file name goes nowhere', async () => {
    const r = await run(await make(typical()), '张书记13812345678.docx');
    expect(JSON.stringify(r.source)).not.toContain('13812345678');
    expect(r.text).not.toContain('13812345678');
  });

  it('cites a given source with the page range, and makes no new source', async () => {
    const converted = await convertDocx(mammoth as unknown as Mammoth, await make(typical()), 'a.docx');
    const r = importDocx(converted.html, {
      fileName: 'a.docx',
      taken: new Set(),
      today,
      author: '测试编辑',
      sourceId: 'qunzhong-gongzuo-baodao-huibian',
      pages: converted.pages,
    });
    expect(r.source).toBeUndefined();
    expect(r.data.source).toEqual({ id: 'qunzhong-gongzuo-baodao-huibian', locator: '第1-1页' });
  });

  it('a document that opens with a section heading takes its title from the file name', async () => {
    const r = await run(await make(typical().slice(1)), '某社区“红色议事厅”工作法.docx');
    expect(r.report.mapped.map((m) => m.to)).toEqual(['背景', '做法', '成效', '启示']);
    expect(r.data.title).toBe('“红色议事厅”工作法（待确认）');
    expect(r.sections['背景']).toBe(background);
  });

  it('13. never takes an existing id', async () => {
    const r = await run(await make(typical()), 'laigao.docx', ['shixing-sanben-taizhang-gongzuofa']);
    expect(r.id).toBe('shixing-sanben-taizhang-gongzuofa-2');
  });

  it('keeps the text of nested lists and tables, and a line starting with # stays text', () => {
    const html =
      '<p>某村“议事”工作法</p><h1>主要做法</h1><ul><li>建账<ul><li>入户登记</li></ul></li></ul><table><tr><td><p>甲</p><table><tr><td>内表</td></tr></table></td><td>乙</td></tr></table><p># 不是标题</p>';
    const r = importDocx(html, { fileName: 'x.docx', taken: new Set(), today, author: '测试编辑' });
    expect(r.sections['做法']).toContain('- 建账\n\n- 入户登记');
    expect(r.sections['做法']).toContain('| 甲 内表 | 乙 |');
    expect(r.sections['做法']).toContain('\\# 不是标题');
  });

  it('guesses the level from the last administrative word of the unit', () => {
    expect(['中共某县某镇某村支部委员会', '某区某街道党工委', '某县委组织部', '某市委', '国网某县供电公司党委'].map(levelOf)).toEqual([
      'cun-shequ',
      'xiangzhen-jiedao',
      'xianji',
      'dishiji',
      'danwei',
    ]);
  });
});

describe('documents the import refuses, with a clear reason', { timeout: 60_000 }, () => {
  const ole = (extra: string) => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(
      [...extra].flatMap((c) => [c.charCodeAt(0), 0]),
      1024,
    );
    return bytes;
  };

  it('14. an old .doc file: save as .docx', async () => {
    const error = await refusal(ole('WordDocument'), '旧稿.doc');
    expect(error.code).toBe('doc');
    expect(error.message).toContain('这是旧版 .doc 文件');
    expect(error.message).toContain('请在 Word/WPS 中另存为 .docx');
  });

  it('15. a password-protected document', async () => {
    const error = await refusal(ole('EncryptedPackage'), '加密.docx');
    expect(error.code).toBe('encrypted');
    expect(error.message).toContain('设置了打开密码');
  });

  it('16. a damaged .docx', async () => {
    const good = await make(typical());
    const error = await refusal(good.slice(0, 600), '损坏.docx');
    expect(error.code).toBe('corrupt');
    expect(error.message).toContain('已损坏');
  });

  it('17. a 200-page document is over the page limit', async () => {
    const pages = Array.from(
      { length: 200 },
      (_, i) => new Paragraph({ children: [new TextRun(`第${i + 1}页的内容。`), new PageBreak()] }),
    );
    const error = await refusal(await make([P('某汇编'), ...pages]), '汇编.docx');
    expect(error.code).toBe('too-long');
    expect(error.message).toMatch(/约有 20\d 页，超过 100 页的上限/);
  });

  it('19. a small file whose XML unpacks to tens of megabytes (empty paragraphs repeated) is refused before mammoth reads it', async () => {
    // 6,000,000 empty paragraphs: 64 KB packed, 36 MB unpacked; mammoth ran out of memory at 4.4 GB on it.
    const { unzipSync, zipSync, strToU8, strFromU8 } = await import('fflate');
    const parts = unzipSync(await make(typical()));
    const xml = strFromU8(parts['word/document.xml']);
    parts['word/document.xml'] = strToU8(xml.replace('<w:body>', `<w:body>${'<w:p/>'.repeat(6_000_000)}`));
    const bomb = zipSync(parts, { level: 9 });
    expect(bomb.length).toBeLessThan(200_000);
    const started = performance.now();
    const error = await refusal(bomb, '空段落.docx');
    expect(error.code).toBe('bomb');
    expect(error.message).toMatch(/文字部分解压后有 3\d MB/);
    expect(performance.now() - started).toBeLessThan(10_000);
    // The main part renamed (document.dat) and a bomb padded with a part of random bytes, so that
    // the whole archive packs only 70 to one: both are refused too (a second red-team pass).
    const renamed: Record<string, Uint8Array> = Object.fromEntries(
      Object.entries(parts).map(([name, data]) => [name.replace('word/document.xml', 'word/document.dat'), data]),
    );
    expect((await refusal(zipSync(renamed, { level: 9 }), '改名.docx')).code).toBe('bomb');
    const padded = unzipSync(await make(typical()));
    padded['word/document.xml'] = strToU8(xml.replace('<w:body>', `<w:body>${'<w:p/>'.repeat(2_400_000)}`));
    for (let k = 1; k <= 3; k++) padded[`customXml/item${k}.xml`] = crypto.getRandomValues(new Uint8Array(65_536));
    expect((await refusal(zipSync(padded, { level: 9 }), '掺料.docx')).code).toBe('bomb');
    // An ordinary document of the same text passes the same check.
    expect((await run(await make(typical()))).check).toBeDefined();
  });

  it('18. a file over 5 MB, and a file that is no .docx at all', async () => {
    const big = new Uint8Array(MAX_BYTES + 1);
    big.set([0x50, 0x4b]);
    expect((await refusal(big, '大.docx')).message).toContain('超过 5 MB 的上限');
    expect((await refusal(new TextEncoder().encode('%PDF-1.7 ...'), '其实是.pdf.docx')).code).toBe('not-docx');
  });
});

describe('npm run import', { timeout: 120_000 }, () => {
  const root = new URL('../../', import.meta.url).pathname;
  mkdirSync(join(root, '.bench'), { recursive: true });
  const work = mkdtempSync(join(root, '.bench', 'import-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('writes the draft, its source and its pictures, prints the report and the check, and never overwrites', async () => {
    cpSync(join(root, 'content'), join(work, 'content'), { recursive: true });
    writeFileSync(join(work, 'a.docx'), await make([...typical(), image(), P('图1 入户走访'), P('联系电话：13812345678')]));
    writeFileSync(join(work, 'b.doc'), ole());
    const runImport = () =>
      spawnSync(
        process.execPath,
        ['scripts/import-docx.ts', '--dir', join(work, 'content'), '--author', '测试编辑', join(work, 'a.docx'), join(work, 'b.doc')],
        { cwd: root, encoding: 'utf8' },
      );
    const first = runImport();
    expect(first.status).toBe(1); // b.doc is refused
    expect(first.stderr).toContain('“b.doc”：这是旧版 .doc 文件，请在 Word/WPS 中另存为 .docx');
    expect(first.stdout).toContain('== 导入报告：a.docx → content/cases/shixing-sanben-taizhang-gongzuofa.mdx ==');
    expect(first.stdout).toContain('联系方式');
    expect(first.stdout).toMatch(/内容检查：1 个条目，0 个错误，\d+ 个提示/);
    const draft = readFileSync(join(work, 'content/cases/shixing-sanben-taizhang-gongzuofa.mdx'), 'utf8');
    expect(draft).not.toContain('13812345678');
    expect(existsSync(join(work, 'content/sources/laigao-shixing-sanben-taizhang-gongzuofa.json'))).toBe(true);
    expect(readFileSync(join(work, 'public/images/cases/shixing-sanben-taizhang-gongzuofa/tu-1.png'))).toEqual(PNG);
    const second = runImport();
    expect(second.stdout).toContain('content/cases/shixing-sanben-taizhang-gongzuofa-2.mdx');
    expect(readFileSync(join(work, 'content/cases/shixing-sanben-taizhang-gongzuofa.mdx'), 'utf8')).toBe(draft);
    expect(readdirSync(join(work, 'content/cases')).filter((f) => f.startsWith('shixing-'))).toHaveLength(2);
  });

  function ole() {
    const bytes = new Uint8Array(2048);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    return bytes;
  }
});
