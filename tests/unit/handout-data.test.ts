import { describe, expect, it } from 'vitest';
import { printableSource, toDocxHandout, xmlSafe } from '../../src/lib/handout-data.ts';
import { toMarkdown, type HandoutEntry } from '../../src/lib/lesson.ts';

const entry = (id: string, sourceTitle: string): HandoutEntry => ({
  id,
  title: `${id} 工作法`,
  facts: [
    { label: '实践单位', value: '某村党支部' },
    { label: '地区', value: '福建省' },
    { label: '领域', value: '农村' },
    { label: '起始年份', value: '2015' },
  ],
  sections: [{ name: '背景', blocks: ['背景段落'] }],
  figures: [],
  questions: ['问题一'],
  source: `${sourceTitle}，2019-05-01，第 3 页。`,
  sourceTitle,
  url: `https://example.org/cases/${id}/`,
});

describe('handout data', () => {
  it('prints 出处 for every source, a title the editors made up read as theirs, never the bare （无题）', () => {
    expect(printableSource(entry('a', '《某县经验汇编》'))).toBe('《某县经验汇编》，2019-05-01，第 3 页。');
    expect(printableSource(entry('b', '（无题）基层群众工作方法报道汇编'))).toBe(
      '基层群众工作方法报道汇编（原件未注明标题），2019-05-01，第 3 页。',
    );
    expect(printableSource(entry('c', '（无题）'))).toBe('');
    expect(printableSource(entry('d', ''))).toBe('');
  });

  it('keeps lesson order, drops missing entries, and carries the notes and info table', () => {
    const lesson = {
      version: 2 as const,
      title: '课',
      date: '',
      audience: '',
      items: [
        { id: 'b', note: '' },
        { id: 'gone', note: 'x' },
        { id: 'a', note: '先讲' },
      ],
    };
    const data = toDocxHandout(lesson, [entry('a', '《某县经验汇编》'), entry('b', '（无题）汇编')], {
      site: 'https://example.org/',
      lessonUrl: 'https://example.org/lesson/?l=1',
      includeNotes: true,
    });
    expect(data.cases.map((c) => c.id)).toEqual(['b', 'a']);
    expect(data.cases[1].note).toBe('先讲');
    expect(data.cases[1].info.map((f) => f.label)).toEqual(['实践单位', '地区', '领域', '起始年份', '来源']);
    expect(data.cases[0].info.find((f) => f.label === '来源')?.value).toBe('汇编（原件未注明标题）');
    expect(data.cases[0].source).toBe('汇编（原件未注明标题），2019-05-01，第 3 页。');
  });

  it('the Markdown export cites a source the editors titled as theirs, never with （无题）', () => {
    const lesson = { version: 2 as const, title: '课', date: '', audience: '', items: [{ id: 'b', note: '' }] };
    const e = entry('b', '（无题）汇编');
    const markdown = toMarkdown(lesson, [{ ...e, source: printableSource(e) }], 'https://example.org/');
    expect(markdown).toContain('出处：汇编（原件未注明标题），2019-05-01，第 3 页。（https://example.org/cases/b/）');
    expect(markdown).not.toContain('（无题）');
  });

  it('the Markdown export carries the teaching notes labelled as the editors’, and only where an entry has them', () => {
    const lesson = {
      version: 2 as const,
      title: '课',
      date: '',
      audience: '',
      items: [
        { id: 'a', note: '' },
        { id: 'b', note: '' },
      ],
    };
    const teaching = { goals: ['理解夜访的做法'], audience: '村党组织书记', flow: ['先读做法，再讨论第一题'] };
    const markdown = toMarkdown(
      lesson,
      [{ ...entry('a', '《某县经验汇编》'), teaching }, entry('b', '《某县经验汇编》')],
      'https://example.org/',
    );
    expect(markdown.match(/### 教学提示（编者按）/g)).toHaveLength(1);
    expect(markdown).toContain('不是来源原文');
    expect(markdown).toContain('- 教学目标：理解夜访的做法');
    expect(markdown).toContain('- 讨论步骤 1：先读做法，再讨论第一题');
  });

  it('the Markdown export leaves the trainer’s and the editors’ notes out when 含教师备注 is off', () => {
    const lesson = { version: 2 as const, title: '课', date: '', audience: '', items: [{ id: 'a', note: '先讲十分钟' }] };
    const teaching = { goals: ['理解夜访的做法'], audience: '村党组织书记', flow: ['先读做法'] };
    const entries = [{ ...entry('a', '《某县经验汇编》'), teaching }];
    const on = toMarkdown(lesson, entries, 'https://example.org/', { includeNotes: true });
    const off = toMarkdown(lesson, entries, 'https://example.org/', { includeNotes: false });
    expect(on).toContain('先讲十分钟');
    expect(on).toContain('理解夜访的做法');
    expect(off).not.toContain('先讲十分钟');
    expect(off).not.toContain('教学提示');
    expect(off).toContain('### 思考题');
  });
});

describe('xmlSafe', () => {
  it('drops what XML refuses (Word line tab, controls, noncharacters, lone surrogates) and keeps the rest', () => {
    expect(xmlSafe({ a: ['甲\u000b乙\u0001丙\uFFFF丁\uD800', '表\t格\n行'], n: 3, b: '😀𠀀' })).toEqual({
      a: ['甲乙丙丁', '表\t格\n行'],
      n: 3,
      b: '😀𠀀',
    });
  });
});
