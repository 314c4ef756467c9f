/**
 * The entry contract (src/schema/entry.ts): every entry of the library yields a view the schema
 * accepts unchanged, with the four sections; the view is computed once per entry however many
 * readers ask; and the per-case .docx made from a view holds the entry in the handout's layout.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { Packer } from 'docx';
import mammoth from 'mammoth';
import { checkProject } from '../../src/lib/content-files.node.ts';
import { entryView as viewSchema } from '../../src/schema/entry.ts';
import * as viewModule from '../../src/lib/entry-view.ts';
import { articleText } from '../../src/lib/entry-text.ts';
import { sectionBlocks } from '../../src/lib/section-blocks.ts';
import { caseDocx, handoutEntry } from '../../src/lib/handout-data.ts';
import { buildHandoutDocx } from '../../src/lib/handout-docx.ts';
import { sectionNames } from '../../src/schema/sections.ts';
import { unzip } from '../helpers/zip.ts';

const { entryView } = viewModule;

const sources = Object.fromEntries(
  readdirSync('content/sources')
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f.replace(/\.json$/, ''), JSON.parse(readFileSync(`content/sources/${f}`, 'utf8'))]),
);
const library = checkProject(process.cwd()).valid;
const views = library.map((e) => entryView(e.id, e.data, e.body, sources[e.data.source.id]));

/* The collections as Astro would hand them to src/lib/cases.ts: the same files, read by the check. */
vi.mock('astro:content', () => ({
  getCollection: async (name: string, filter?: (e: unknown) => boolean) => {
    const all =
      name === 'sources'
        ? Object.entries(sources).map(([id, data]) => ({ id, data }))
        : library.map((e) => ({ id: e.id, data: e.data, body: e.body }));
    return filter ? all.filter(filter) : all;
  },
}));
vi.mock('../../src/lib/entry-view.ts', { spy: true });

// Measured at 3–6 s on a loaded 2-core machine (importing cases.ts, packing a .docx); 60 s leaves room.
describe('entry contract', { timeout: 60_000 }, () => {
  it('every entry of the library gives a view the schema accepts as it is', () => {
    expect(views.length).toBeGreaterThan(70);
    for (const view of views) {
      // A field the schema does not know would be stripped: parse must give back the same object.
      expect(viewSchema.parse(JSON.parse(JSON.stringify(view))), view.id).toEqual(view);
      expect(
        view.sections.map((s) => s.name),
        view.id,
      ).toEqual([...sectionNames]);
      for (const s of view.sections) expect(s.blocks.length, `${view.id} ${s.name}`).toBeGreaterThan(0);
      expect(view.facts.map((f) => f.label)).toEqual(['实践单位', '地区', '层级', '领域', '方法类别', '起始年份']);
    }
  });

  it('refuses a file that breaks it (a missing field, a wrong type)', () => {
    const { title: _, ...untitled } = views[0];
    expect(viewSchema.safeParse(untitled).success).toBe(false);
    expect(viewSchema.safeParse({ ...views[0], sections: [{ name: '背景', html: '<p>x</p>' }] }).success).toBe(false);
    expect(viewSchema.safeParse({ ...views[0], version: 2 }).success).toBe(false);
  });

  it('cuts the rendered body into sections and blocks as the exports print them', () => {
    const view = entryView(
      views[0].id,
      library[0].data,
      '## 背景\n\n第一段，含*强调*。\n\n## 做法\n\n### 分步推进\n\n- 建台账\n- 定期走访\n\n1. 收集\n2. 办理\n\n## 成效\n\n办结 1200 件。\n\n## 启示\n\n编者观点。\n',
    );
    expect(view.sections.map((s) => [s.name, s.blocks])).toEqual([
      ['背景', ['第一段，含强调。']],
      ['做法', ['#### 分步推进', '- 建台账', '- 定期走访', '1. 收集', '2. 办理']],
      ['成效', ['办结 1200 件。']],
      ['启示', ['编者观点。']],
    ]);
    expect(view.sections[0].html).toBe('<p>第一段，含<em>强调</em>。</p>');
    expect(sectionBlocks('<ul>\n<li>甲<ul><li>乙</li></ul></li>\n</ul>')).toEqual(['- 甲 乙']);
    // An ordered list is numbered from where it starts, as the page shows it.
    expect(sectionBlocks('<ol start="3">\n<li>三</li>\n<li>四</li>\n</ol>')).toEqual(['3. 三', '4. 四']);
    expect(sectionBlocks('<ol start="2015">\n<li>成立服务站。</li>\n</ol>')).toEqual(['2015. 成立服务站。']);
  });

  it('is computed once per entry, however many pages and exports read it', async () => {
    const { getCases, exportRecords } = await import('../../src/lib/cases.ts');
    const spy = vi.mocked(viewModule.entryView);
    spy.mockClear();
    const cases = await getCases();
    await getCases();
    const records = await exportRecords();
    expect(spy).toHaveBeenCalledTimes(cases.length);
    expect(cases.length).toBe(library.filter((e) => e.data.status === '已发布').length);
    // The open data and the page read the view: the same title, sections and source title.
    const first = cases[0];
    expect(first.view).toEqual(views.find((v) => v.id === first.id));
    expect(records[0]).toMatchObject({ id: first.id, title: first.view.title, source_title: first.view.source.title });
    expect(records[0].practices).toBe(first.view.sections[1].blocks.map((b) => b.replace(/^(?:#### |- |\d+\. )/, '')).join('\n'));
  });

  it('gives the search record the article the page shows', () => {
    const view = views[0];
    const text = articleText(view);
    expect(text.startsWith(`${view.title}\n`)).toBe(true);
    for (const s of view.sections) expect(text).toContain(s.name);
    expect(text).toContain(view.questions[0]);
  });
});

describe('per-case .docx', { timeout: 60_000 }, () => {
  const view = views.find((v) => v.figures.length > 0)!;
  const url = `https://example.org/gzf/cases/${view.id}/`;
  const make = async () => Buffer.from(await Packer.toBuffer(buildHandoutDocx(caseDocx(view, url))));

  it('holds the entry in Chinese with its info table, four sections, figures, questions and QR code', async () => {
    const bytes = await make();
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe(view.title);
    const order = lines.filter((l) => ['背景', '做法', '成效', '启示', '关键数字', '思考题'].includes(l));
    expect(order).toEqual(['背景', '做法', '成效', '启示', '关键数字', '思考题']);
    expect(text).toContain(view.unit);
    expect(text).toContain(view.sections[0].blocks[0].slice(0, 30));
    expect(text).toContain(view.questions[0]); // a Word numbered list: the number is not in the text
    expect(text).toContain(`${view.figures[0].label}：${view.figures[0].value}`);
    expect(text).toContain(`扫码看本案例：${url}`);
    // One case alone: no cover, contents or comparison table.
    for (const absent of ['培训讲义', '目　录', '案例对比']) expect(text).not.toContain(absent);

    const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"/);
    expect(xml).toMatch(/w:eastAsia="仿宋_GB2312"/);
    expect(xml).toMatch(/w:eastAsia="黑体"/);
    expect(xml).not.toContain('<w:pageBreakBefore/>'); // the case starts on the first page
    expect(xml.match(/<w:drawing>/g)).toHaveLength(1);
    expect(xml).toContain(`descr="${url}"`);
  });

  it('carries no QR code when the build knows no public address', async () => {
    const bytes = Buffer.from(await Packer.toBuffer(buildHandoutDocx(caseDocx(view, `/cases/${view.id}/`))));
    const xml = unzip(bytes).get('word/document.xml')!.toString('utf8');
    expect(xml).not.toContain('<w:drawing>');
    expect(xml).not.toContain('localhost');
  });

  it('prints the same facts the lesson handout prints', () => {
    const entry = handoutEntry(view, url);
    expect(caseDocx(view, url).cases[0].info.slice(0, 4)).toEqual(
      ['实践单位', '地区', '领域', '起始年份'].map((label) => ({ label, value: entry.facts.find((f) => f.label === label)!.value })),
    );
  });
});
