/**
 * The build's own .docx writer (src/integrations/case-docx-pack.ts) gives the same document as
 * the docx package's Packer: every part the same, except the creation times in docProps/core.xml
 * and the drawing ids the docx package counts across documents;
 * and its zip is one that checks out (sizes and CRC-32 of every part).
 */
import { describe, expect, it } from 'vitest';
import { crc32, inflateRawSync } from 'node:zlib';
import { NextAttributeComponent, Packer } from 'docx';
import { docxBytes } from '../../src/integrations/case-docx-pack.ts';
import { buildHandoutDocx, type DocxHandout } from '../../src/lib/handout-docx.ts';
import { unzip } from '../helpers/zip.ts';

const single = (id: string, title: string, url: string, extra: Partial<DocxHandout['cases'][number]> = {}): DocxHandout => ({
  title,
  date: '',
  audience: '',
  lessonUrl: '',
  site: '',
  includeNotes: false,
  single: true,
  cases: [
    {
      id,
      title,
      url,
      info: [
        { label: '实践单位', value: `${title}所在村党支部` },
        { label: '地区', value: '广东省韶关市' },
        { label: '领域', value: '农村' },
        { label: '起始年份', value: '2009 年' },
      ],
      sections: [
        { name: '背景', blocks: [`${title}的背景`] },
        { name: '做法', blocks: ['#### 分步推进', '1. 建立台账', '2. 每月回访', '- 党员包户'] },
        { name: '成效', blocks: ['办结诉求 1200 件'] },
        { name: '启示', blocks: [`${title}的启示`] },
      ],
      figures: [{ label: '办结诉求', value: '1200 件' }],
      questions: ['你所在单位怎样收集诉求？', '哪些做法可以直接借鉴？'],
      source: '《某市基层治理案例汇编》，第 12 页',
      note: '',
      ...extra,
    },
  ],
});

/** Every part's bytes, read by walking the local headers and checked against their CRC-32 and sizes. */
function checkedParts(zip: Buffer): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const crc = zip.readUInt32LE(at + 14);
    const packed = zip.readUInt32LE(at + 18);
    const size = zip.readUInt32LE(at + 22);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const data = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + packed);
    const raw = method === 8 ? inflateRawSync(data) : Buffer.from(data);
    expect(raw.length, name).toBe(size);
    expect(crc32(raw), name).toBe(crc);
    parts.set(name, raw);
    at += 30 + nameLength + packed;
  }
  expect(zip.readUInt32LE(at), 'central directory after the parts').toBe(0x02014b50);
  return parts;
}

describe('per-case .docx writer', { timeout: 60_000 }, () => {
  it('writes the parts Packer writes, byte for byte but for the creation time, for varied documents', async () => {
    const documents: DocxHandout[] = [
      single('minqing-riji', '“民情日记”工作法', 'https://example.org/cases/minqing-riji/'),
      // No QR code (a build without SITE_URL), another title, no source, more lists.
      single('zou-qinqi', '走亲戚工作法', '/cases/zou-qinqi/', {
        source: '',
        questions: ['一？', '二？', '三？', '四？'],
        sections: [
          { name: '背景', blocks: ['- 甲', '- 乙'] },
          { name: '做法', blocks: ['1. 一', '2. 二', '1. 新的列表'] },
          { name: '成效', blocks: ['原文未介绍成效。'] },
          { name: '启示', blocks: ['启示'] },
        ],
      }),
      single('lingjuli', '“零距离”便民服务', 'https://example.org/gzf/cases/lingjuli/', {
        teaching: { goals: ['理解'], audience: '书记', flow: ['读'] },
      }),
      // A whole lesson handout goes through the same writer's constant parts.
      {
        ...single('a', '甲', 'https://example.org/cases/a/'),
        single: false,
        lessonUrl: 'https://example.org/lesson/?l=1',
        includeNotes: true,
      },
    ];
    // The writer's faster attribute pass is in place only while it compiles: Packer below is the package's own.
    const packageAttributes = NextAttributeComponent.prototype.prepForXml;
    const first = checkedParts(docxBytes(buildHandoutDocx(documents[0])));
    expect(NextAttributeComponent.prototype.prepForXml).toBe(packageAttributes);
    for (const h of documents) {
      const ours = checkedParts(docxBytes(buildHandoutDocx(h)));
      const theirs = unzip(await Packer.toBuffer(buildHandoutDocx(h)));
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
      for (const [path, bytes] of theirs) {
        if (path === 'docProps/core.xml') {
          const times = /<dcterms:(created|modified)[^>]*>[^<]*<\/dcterms:\1>/g;
          expect(ours.get(path)!.toString('utf8').replace(times, '')).toBe(bytes.toString('utf8').replace(times, ''));
        } else if (path === 'word/document.xml') {
          // The docx package numbers drawings with a counter that runs across documents.
          const drawingIds = /(<wp:docPr|<pic:cNvPr) id="\d+"/g;
          expect(ours.get(path)!.toString('utf8').replace(drawingIds, '$1'), h.title).toBe(
            bytes.toString('utf8').replace(drawingIds, '$1'),
          );
        } else expect(ours.get(path)!.equals(bytes), `${h.title}: ${path}`).toBe(true);
      }
      expect(ours.get('word/document.xml')!.toString('utf8')).toContain(h.title);
      expect(ours.has('word/media/image1.png')).toBe(/^https:/.test(h.cases[0].url));
    }
    expect(first.get('word/styles.xml')!.toString('utf8')).toContain('仿宋_GB2312');
  });
});
