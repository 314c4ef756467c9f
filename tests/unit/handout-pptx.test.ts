import { describe, expect, it, vi } from 'vitest';

// Packing a document takes 1–5 s alone and far more on a loaded shared machine.
vi.setConfig({ testTimeout: 30_000 });
import {
  buildHandoutPptx,
  COMPARE_COLUMNS,
  COMPARE_HEIGHT,
  compareSlides,
  figureSize,
  paginate,
  rowHeight,
  SLIDE_CHARS,
} from '../../src/lib/handout-pptx.ts';
import type { DocxCase, DocxHandout } from '../../src/lib/handout-docx.ts';
import { unzip } from '../helpers/zip.ts';
import { QR_TOO_LONG } from '../../src/lib/reader-text.ts';

const long = '党员干部每周走访一次，记录群众提出的问题和建议，并在三个工作日内答复。'.repeat(20); // ~700 characters
const makeCase = (id: string, title: string, doing: string[] = [`${title}的做法`]): DocxCase => ({
  id,
  title,
  url: `https://example.org/cases/${id}/`,
  info: [
    { label: '实践单位', value: '某街道党工委' },
    { label: '地区', value: '浙江省杭州市' },
    { label: '领域', value: '城市社区' },
    { label: '起始年份', value: '2012 年' },
  ],
  sections: [
    { name: '背景', blocks: [`${title}的背景`] },
    { name: '做法', blocks: doing },
    { name: '成效', blocks: [`${title}的成效`] },
    { name: '启示', blocks: [`${title}的启示`] },
  ],
  figures: [{ label: '办结诉求', value: '1200 件' }],
  questions: [`${title}：怎样收集诉求？`],
  source: '',
  note: '备注：控制在十分钟',
});
const handout: DocxHandout = {
  title: '怎样收集和办理群众诉求',
  date: '2026-12-01',
  audience: '社区书记',
  lessonUrl: 'https://example.org/lesson/?l=abc',
  site: 'https://example.org/',
  includeNotes: false,
  cases: [makeCase('minqing-riji', '民情日记工作法', [long]), makeCase('zou-qinqi', '走亲戚工作法')],
};

async function open(h: DocxHandout) {
  const files = unzip((await buildHandoutPptx(h).write({ outputType: 'nodebuffer' })) as Buffer);
  const count = [...files.keys()].filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const slides = Array.from({ length: count }, (_, i) => files.get(`ppt/slides/slide${i + 1}.xml`)!.toString('utf8'));
  const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join(' ');
  const notes = slides.map((_, i) => {
    const rels = files.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!.toString('utf8');
    const target = rels.match(/Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/)?.[1];
    return target ? textOf(files.get(`ppt/notesSlides/${target}`)!.toString('utf8')) : '';
  });
  return { files, slides, texts: slides.map(textOf), notes };
}

describe('slide deck', () => {
  it('has a title slide, each case in order with its four sections, and a comparison with a QR code last', async () => {
    const { files, texts, slides } = await open(handout);
    expect(texts[0]).toContain('怎样收集和办理群众诉求');
    const first = texts.findIndex((t) => t.includes('案例 1') && t.includes('民情日记工作法'));
    const second = texts.findIndex((t) => t.includes('案例 2') && t.includes('走亲戚工作法'));
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(first);
    for (const [from, to, name] of [
      [first, second, '民情日记工作法'],
      [second, texts.length, '走亲戚工作法'],
    ] as const) {
      const sections = texts
        .slice(from, to)
        .filter((t) => t.startsWith(`${name} · `))
        .map((t) => t.split(' ')[2].replace('（续）', ''));
      expect([...new Set(sections)]).toEqual(['背景', '做法', '成效', '启示']);
    }
    expect(texts.at(-1)).toContain('案例对比');
    expect(texts.at(-1)).toContain('扫码打开本教案');
    expect(slides.at(-1)).toMatch(/<p:pic>/);
    expect([...files.keys()].some((n) => /^ppt\/media\/.+\.png$/.test(n))).toBe(true);
    // Key figures shown large on the 成效 slide.
    const results = slides[texts.findIndex((t) => t.startsWith('走亲戚工作法 · 成效'))];
    expect(results).toMatch(/sz="4000"[^>]*>[\s\S]*?<a:t>1200 件<\/a:t>/);
  });

  it('says on the last slide how to share a lesson too long for a QR code', async () => {
    const { texts, slides } = await open({ ...handout, lessonUrl: '' });
    expect(texts.at(-1)).toContain(QR_TOO_LONG);
    expect(texts.at(-1)).not.toContain('扫码打开本教案');
    expect(slides.at(-1)).not.toMatch(/<p:pic>/);
  });

  it('puts the discussion questions in the speaker notes, the trainer note only when asked', async () => {
    const { notes, texts } = await open(handout);
    const at = texts.findIndex((t) => t.startsWith('走亲戚工作法 · 启示'));
    expect(notes[at]).toContain('走亲戚工作法：怎样收集诉求？');
    expect(notes.join(' ')).not.toContain('控制在十分钟');
    const withNotes = await open({ ...handout, includeNotes: true });
    expect(withNotes.notes[at]).toContain('控制在十分钟');
  });

  it('adds the editors’ teaching notes (编者按) to the speaker notes only when notes are chosen', async () => {
    const teaching = { goals: ['理解夜访的做法'], audience: '村党组织书记', flow: ['先读做法，再讨论第一题'] };
    const cases = [{ ...handout.cases[0], teaching }, handout.cases[1]];
    const without = await open({ ...handout, cases });
    expect(without.notes.join(' ')).not.toContain('教学提示');
    expect(without.notes.join(' ')).not.toContain('理解夜访的做法');
    const withNotes = await open({ ...handout, cases, includeNotes: true });
    const first = withNotes.texts.findIndex((t) => t.startsWith('民情日记工作法 · 背景'));
    expect(withNotes.notes[first]).toContain('教学提示（编者按）');
    expect(withNotes.notes[first]).toContain('教学目标：理解夜访的做法');
    expect(withNotes.notes[first]).toContain('讨论步骤 1：先读做法，再讨论第一题');
    // Only the entry that has teaching notes carries them.
    const second = withNotes.texts.findIndex((t) => t.startsWith('走亲戚工作法 · 背景'));
    expect(withNotes.notes[second]).not.toContain('教学提示');
  });

  it('names the East Asian typeface and splits long text across slides instead of shrinking it', async () => {
    const { slides, texts } = await open(handout);
    expect(slides[0]).toMatch(/<a:ea typeface="(微软雅黑|黑体)"/);
    for (const slide of slides) expect(slide).not.toMatch(/normAutofit|fontScale/);
    const doing = texts.filter((t) => t.startsWith('民情日记工作法 · 做法'));
    expect(doing.length).toBeGreaterThanOrEqual(3);
    expect(doing.slice(1).every((t) => t.startsWith('民情日记工作法 · 做法（续）'))).toBe(true);
    // Nothing lost in the split.
    expect(
      doing
        .map((t) => t.replace(/^\S+ · \S+ /, ''))
        .join('')
        .replace(/\s/g, ''),
    ).toBe(long);
  });
});

describe('slide deck lists and comparison', () => {
  it('makes list items real bullets and numbers, with no typed marker', async () => {
    const doing = ['先说明做法。', '- 党员包户', '- 村民代表监督', '1. 建立台账', '2. 每月回访'];
    const { slides, texts } = await open({ ...handout, cases: [makeCase('minqing-riji', '民情日记工作法', doing)] });
    const slide = slides[texts.findIndex((t) => t.startsWith('民情日记工作法 · 做法'))];
    const paragraph = (text: string) =>
      [...slide.matchAll(/<a:p>[\s\S]*?<\/a:p>/g)].map((m) => m[0]).find((p) => p.includes(`<a:t>${text}</a:t>`))!;
    expect(paragraph('党员包户')).toMatch(/<a:buChar /);
    expect(paragraph('村民代表监督')).toMatch(/<a:buChar /);
    expect(paragraph('建立台账')).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="1"\/>/);
    expect(paragraph('每月回访')).toMatch(/<a:buAutoNum type="arabicPeriod" startAt="2"\/>/);
    expect(paragraph('先说明做法。')).toMatch(/<a:buNone\/>/);
    for (const xml of slides) expect(xml).not.toMatch(/<a:t>(- |\d+\. )/);
  });

  it('shows every key figure of every case on comparison slides, split over slides rather than shrunk', async () => {
    const cases = Array.from({ length: 6 }, (_, i) => ({
      ...makeCase(`case-${i}`, `第${i + 1}个工作法`),
      figures: Array.from({ length: 7 }, (_, j) => ({ label: `第${i + 1}案关键指标${j + 1}`, value: `${(i + 1) * 100 + j} 件` })),
    }));
    const { slides, texts } = await open({ ...handout, cases });
    const compare = texts.map((t, i) => ({ t, xml: slides[i] })).filter(({ t }) => t.startsWith('案例对比'));
    expect(compare.length).toBeGreaterThan(1);
    const all = compare.map(({ t }) => t).join(' ');
    let at = -1;
    for (const c of cases)
      for (const f of c.figures) {
        // Every figure, in lesson order.
        const found = all.indexOf(`${f.label}：${f.value}`);
        expect(found).toBeGreaterThan(at);
        at = found;
      }
    // The type size of the table never changes.
    const sizes = compare.flatMap(({ xml }) => [...xml.matchAll(/<a:rPr[^>]* sz="(\d+)"/g)].map((m) => Number(m[1])));
    expect(sizes.length).toBeGreaterThan(20);
    expect(Math.min(...sizes)).toBe(1200);
    expect(compare.at(-1)!.xml).toMatch(/<p:pic>/);
    for (const rows of compareSlides(cases, COMPARE_COLUMNS.withQr))
      expect(
        rows.reduce((h, row) => h + rowHeight(row, COMPARE_COLUMNS.withQr), rowHeight(['案例'], COMPARE_COLUMNS.withQr)),
      ).toBeLessThanOrEqual(COMPARE_HEIGHT);
  });

  it('splits one case with more figures than a slide holds over several rows', () => {
    const c = {
      ...makeCase('many', '数字很多的工作法'),
      figures: Array.from({ length: 40 }, (_, j) => ({ label: `指标${j + 1}`, value: `${j} 个` })),
    };
    const slides = compareSlides([c], COMPARE_COLUMNS.full);
    expect(slides.length).toBeGreaterThan(1);
    const rows = slides.flat();
    expect(rows[0][0]).toBe('数字很多的工作法');
    expect(rows.slice(1).every((row) => row[0] === '数字很多的工作法（续）')).toBe(true);
    expect(rows.flatMap((row) => row[4].split('\n'))).toEqual(c.figures.map((f) => `${f.label}：${f.value}`));
  });
});

describe('paginate', () => {
  it('keeps every character, cuts at sentence ends, and keeps pages within the limit', () => {
    const pages = paginate(['短段落。', long, '结尾。']);
    expect(pages.flat().join('')).toBe(`短段落。${long}结尾。`);
    for (const page of pages) expect(page.join('').length).toBeLessThanOrEqual(SLIDE_CHARS + 15);
    expect(
      pages
        .flat()
        .slice(1, -1)
        .every((p) => p.endsWith('。')),
    ).toBe(true);
  });
});

describe('slide layout', () => {
  it('never leaves a sub-heading last on a slide with its text on the next', () => {
    const para = '党员干部每周走访一次，记录群众提出的问题和建议。'.repeat(4);
    const pages = paginate([para, para, '#### 以实事暖人心', para]);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages.slice(0, -1)) expect(page[page.length - 1].startsWith('#### ')).toBe(false);
    expect(pages.flat()).toEqual([para, para, '#### 以实事暖人心', para]);
  });
  it('sets a long key figure smaller so it stays within its box, a short one at 40 pt', () => {
    expect(figureSize('1630个')).toBe(40);
    const long = figureSize('每亩50元，并以5%的比例参与分红');
    expect(long).toBeLessThan(40);
    expect(long).toBeGreaterThanOrEqual(20);
    // Two lines at that size fit the value's 1.1-inch box.
    expect((2 * long * 1.2) / 72).toBeLessThanOrEqual(1.1);
  });
});
