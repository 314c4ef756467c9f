/**
 * Round trip: a case exported by the site as Word (the lesson's handout module, src/lib/handout-docx.ts)
 * imports back (src/lib/import-docx.ts) into a draft with the same four sections, title and figures.
 */
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { describe, expect, it } from 'vitest';
import { buildHandoutDocx, type DocxHandout } from '../../src/lib/handout-docx.ts';
import { convertDocx, importDocx, type Mammoth } from '../../src/lib/import-docx.ts';

const sections = {
  背景: '这个村的青壮年白天外出务工，干部白天入户常常见不到人，群众反映的问题很难及时掌握。',
  做法: '每周二、周四晚上，支部委员分片入户，听到的问题当场登记，办结后上门回访。',
  成效: '一年里干部共走访320户，登记问题87件，办结81件。',
  启示: '联系群众要迁就群众的时间；登记、办理、回访三个环节缺一不可。',
};

const handout: DocxHandout = {
  title: '夜访工作法',
  date: '2026-12-01',
  audience: '村党组织书记',
  lessonUrl: 'https://example.org/lesson/?l=abc',
  site: 'https://example.org/',
  includeNotes: false,
  cases: [
    {
      id: 'deyang-yefang-gongzuofa',
      title: '“夜访”工作法',
      url: 'https://example.org/cases/deyang-yefang-gongzuofa/',
      info: [
        { label: '实践单位', value: '某县某村党支部' },
        { label: '地区', value: '四川省德阳市' },
        { label: '领域', value: '农村' },
      ],
      sections: Object.entries(sections).map(([name, text]) => ({ name, blocks: [text] })),
      figures: [{ label: '走访户数', value: '320户' }],
      questions: ['你们的干部什么时候走访群众？'],
      source: '',
      note: '',
    },
  ],
};

describe('a Word handout exported by the site imports back', () => {
  it('into a draft with the same four sections, in order, and nothing private', { timeout: 30_000 }, async () => {
    const bytes = new Uint8Array(await Packer.toBuffer(buildHandoutDocx(handout)));
    const converted = await convertDocx(mammoth as unknown as Mammoth, bytes, '夜访工作法.docx');
    const result = importDocx(converted.html, {
      fileName: '夜访工作法.docx',
      taken: new Set(),
      today: '2026-11-29',
      author: '测试编辑',
      imageExt: () => 'png',
    });
    for (const [name, text] of Object.entries(sections)) expect(result.sections[name as keyof typeof sections], name).toContain(text);
    const body = result.text.slice(result.text.indexOf('## 背景'));
    expect(['## 背景', '## 做法', '## 成效', '## 启示'].map((h) => body.indexOf(h))).toEqual(
      ['## 背景', '## 做法', '## 成效', '## 启示'].map((h) => body.indexOf(h)).sort((a, b) => a - b),
    );
    expect(result.text).toContain('夜访');
    expect(result.text).toContain('status: 草稿');
    expect(result.report.removed.filter((r) => /电话|手机|身份证/.test(JSON.stringify(r)))).toEqual([]);
  });
});
