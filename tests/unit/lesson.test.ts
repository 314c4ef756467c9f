import { describe, expect, it } from 'vitest';
import {
  readLessonDate,
  add,
  emptyLesson,
  encodeLesson,
  has,
  move,
  moveTo,
  peekLesson,
  remove,
  setNote,
  toMarkdown,
  MAX_ITEMS,
  type HandoutEntry,
  type Lesson,
} from '../../src/lib/lesson.ts';
import { decodeLesson, parseStored, readLesson, setDetails } from '../../src/lib/lesson-read.ts';

const ids = (l: Lesson) => l.items.map((i) => i.id);
const three = () => add(add(add(emptyLesson(), 'a'), 'b'), 'c');

describe('lesson basket', () => {
  it('adds entries once, in order', () => {
    const lesson = add(three(), 'a');
    expect(ids(lesson)).toEqual(['a', 'b', 'c']);
    expect(has(lesson, 'b')).toBe(true);
  });
  it('stops at the maximum instead of growing without bound', () => {
    let lesson = emptyLesson();
    for (let i = 0; i < MAX_ITEMS + 5; i++) lesson = add(lesson, `e${i}`);
    expect(lesson.items).toHaveLength(MAX_ITEMS);
  });
  it('removes an entry', () => {
    expect(ids(remove(three(), 'b'))).toEqual(['a', 'c']);
  });
  it('moves up, down and to a position, clamped at the ends', () => {
    expect(ids(move(three(), 'c', -1))).toEqual(['a', 'c', 'b']);
    expect(ids(move(three(), 'a', -1))).toEqual(['a', 'b', 'c']);
    expect(ids(move(three(), 'a', 5))).toEqual(['b', 'c', 'a']);
    expect(ids(moveTo(three(), 'c', 0))).toEqual(['c', 'a', 'b']);
    expect(ids(moveTo(three(), 'zzz', 0))).toEqual(['a', 'b', 'c']);
  });
  it('keeps a note per entry and the lesson details, validated', () => {
    let lesson = setNote(three(), 'b', '重点讲“五步走”');
    lesson = setDetails(lesson, { title: '收集民意的方法', date: '2026-12-01', audience: '村党组织书记' });
    expect(lesson.items[1].note).toBe('重点讲“五步走”');
    expect(lesson.title).toBe('收集民意的方法');
    expect(() => setDetails(lesson, { date: '12月1日' })).toThrow();
  });
});

describe('sharing by URL', () => {
  it('round-trips ids, order, title, date, audience and notes, in Chinese', () => {
    let lesson = setDetails(moveTo(three(), 'c', 0), { title: '走访联系群众', date: '2026-12-01', audience: '社区书记' });
    lesson = setNote(lesson, 'a', '对比两种走访方式\n第二行');
    const encoded = encodeLesson(lesson);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeLesson(encoded)).toEqual({ ok: true, lesson, dropped: [] });
  });
  it('reports a damaged or truncated link instead of failing silently', () => {
    const encoded = encodeLesson(three());
    expect(decodeLesson(encoded.slice(0, 10))).toMatchObject({ ok: false });
    expect(decodeLesson('不是链接')).toMatchObject({ ok: false, error: expect.stringContaining('损坏') });
  });
});

describe('stored versions', () => {
  it('reads the current version', () => {
    const lesson = setNote(three(), 'a', 'x');
    expect(parseStored(JSON.stringify(lesson))).toEqual({ ok: true, lesson, dropped: [] });
  });
  it('migrates version 1 (ids only), dropping duplicates', () => {
    const result = parseStored(JSON.stringify({ version: 1, ids: ['a', 'b', 'a'] }));
    expect(result).toMatchObject({
      ok: true,
      migratedFrom: 1,
      lesson: {
        ...emptyLesson(),
        items: [
          { id: 'a', note: '' },
          { id: 'b', note: '' },
        ],
      },
    });
    expect(result.ok && result.dropped.map((d) => d.message)).toEqual([expect.stringContaining('第 3 项（a）与前面的案例重复')]);
  });
  it('reports a newer version and broken data rather than losing them', () => {
    expect(readLesson({ version: 3, items: [] })).toEqual({ ok: false, error: expect.stringContaining('版本 3') });
    expect(parseStored('{not json')).toEqual({ ok: false, error: expect.stringContaining('JSON') });
    expect(parseStored('[1, 2]')).toMatchObject({ ok: false });
  });
  it('treats an empty store as an empty lesson', () => {
    expect(parseStored(null)).toEqual({ ok: true, lesson: emptyLesson(), dropped: [] });
  });
});

describe('quick read for light pages', () => {
  it('reads current and version-1 lessons and declines anything else', () => {
    expect(peekLesson(JSON.stringify(three()))).toEqual(three());
    expect(peekLesson(JSON.stringify({ version: 1, ids: ['a'] }))?.items).toEqual([{ id: 'a', note: '' }]);
    expect(peekLesson(null)).toEqual(emptyLesson());
    expect(peekLesson('{broken')).toBeUndefined();
    expect(peekLesson(JSON.stringify({ version: 3 }))).toBeUndefined();
  });
});

describe('Markdown export', () => {
  const entry = (id: string, title: string): HandoutEntry => ({
    id,
    title,
    url: `https://example.org/cases/${id}/`,
    source: '某文件，第 1–2 行',
    facts: [{ label: '实践单位', value: `${title}单位` }],
    sections: [
      { name: '背景', blocks: ['背景段落'] },
      { name: '做法', blocks: ['- 第一步', '- 第二步'] },
    ],
    figures: [{ label: '党员', value: '48人' }],
    questions: ['问题一？', '问题二？'],
  });
  it('writes cover, contents and entries in lesson order with notes', () => {
    let lesson = setDetails(add(add(emptyLesson(), 'b'), 'a'), { title: '培训', date: '2026-12-01', audience: '书记' });
    lesson = setNote(lesson, 'a', '讨论十分钟');
    const md = toMarkdown(lesson, [entry('a', '甲法'), entry('b', '乙法')], 'https://example.org/');
    expect(md.startsWith('# 培训\n')).toBe(true);
    expect(md).toContain('- 对象：书记');
    expect(md.indexOf('## 1. 乙法')).toBeLessThan(md.indexOf('## 2. 甲法'));
    expect(md).toContain('> 教师备注：讨论十分钟');
    expect(md).toContain('### 思考题\n\n1. 问题一？');
    expect(md).not.toMatch(/\n{3}/);
  });
});

describe('readLessonDate', () => {
  it('reads a date the way trainers write it as YYYY-MM-DD', () => {
    for (const typed of [
      '2026-12-01',
      '2026-12-1',
      '2026/12/1',
      '2026.12.1',
      '2026年12月1日',
      '2026 年 12 月 1 日',
      '２０２６／１２／０１',
      ' 2026-12-01 ',
    ])
      expect(readLessonDate(typed), typed).toBe('2026-12-01');
  });
  it('keeps an empty field empty and refuses what is no date', () => {
    expect(readLessonDate('  ')).toBe('');
    for (const typed of ['2026-02-30', '2026-13-01', '12/1/2026', '下周一', '2026-12', '2026-12-01x'])
      expect(readLessonDate(typed), typed).toBeUndefined();
  });
});
