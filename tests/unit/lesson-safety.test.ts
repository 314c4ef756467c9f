import { describe, expect, it } from 'vitest';
import { add, applyOp, emptyLesson, setNote, type Lesson, type LessonOp } from '../../src/lib/lesson.ts';
import { parseStored } from '../../src/lib/lesson-read.ts';
import { BACKUP_KEEP, BACKUP_PREFIX, formatBackupTime, listBackups, makeBackup, type StorageLike } from '../../src/lib/lesson-backup.ts';
import { MAX_ITEMS, NOTE_MAX, TEXT_MAX } from '../../src/schema/lesson-limits.ts';

const ids = (l: Lesson) => l.items.map((i) => i.id);
const three = () => add(add(add(emptyLesson(), 'a'), 'b'), 'c');

/** Two tabs sharing one store, each writing the way the site does: read fresh, apply, save. */
function store(initial: Lesson) {
  let stored = JSON.stringify(initial);
  const read = () => {
    const r = parseStored(stored);
    if (!r.ok) throw new Error(r.error);
    return r.lesson;
  };
  return { write: (op: LessonOp) => (stored = JSON.stringify(applyOp(read(), op))), read };
}

describe('two tabs writing to one lesson', () => {
  it('keeps an entry added in one tab when the other reorders', () => {
    const s = store(three());
    s.write({ type: 'add', id: 'x' }); // tab A
    s.write({ type: 'move', id: 'c', delta: -1 }); // tab B, which still shows a, b, c
    expect(ids(s.read())).toEqual(['a', 'c', 'b', 'x']);
  });
  it('keeps an entry added in one tab when the other drags an entry onto another', () => {
    const s = store(three());
    s.write({ type: 'add', id: 'x' });
    s.write({ type: 'moveOnto', id: 'c', target: 'a' });
    expect(ids(s.read())).toEqual(['c', 'a', 'b', 'x']);
  });
  it('keeps notes typed in two tabs for different entries; for the same note the last edit wins', () => {
    const s = store(three());
    s.write({ type: 'note', id: 'a', note: '甲的备注' });
    s.write({ type: 'note', id: 'b', note: '乙的备注' });
    s.write({ type: 'note', id: 'b', note: '乙的备注（另一个标签页）' });
    s.write({ type: 'details', details: { title: '培训' } });
    expect(s.read().items.map((i) => i.note)).toEqual(['甲的备注', '乙的备注（另一个标签页）', '']);
    expect(s.read().title).toBe('培训');
  });
  it('keeps a removal made in one tab when the other edits a different note', () => {
    const s = store(three());
    s.write({ type: 'remove', id: 'a' });
    s.write({ type: 'note', id: 'c', note: '丙' });
    expect(s.read().items).toEqual([
      { id: 'b', note: '' },
      { id: 'c', note: '丙' },
    ]);
  });
  it('cuts a note to the limit instead of storing something unreadable', () => {
    expect(applyOp(three(), { type: 'note', id: 'a', note: '字'.repeat(NOTE_MAX + 5) }).items[0].note).toHaveLength(NOTE_MAX);
  });
});

describe('undo', () => {
  it('puts a removed entry back where it stood, with its note, keeping what was added since', () => {
    const before = setNote(three(), 'b', '要点');
    let lesson = applyOp(before, { type: 'remove', id: 'b' });
    lesson = applyOp(lesson, { type: 'add', id: 'x' });
    lesson = applyOp(lesson, { type: 'restore', items: [{ item: before.items[1], index: 1 }] });
    expect(lesson.items).toEqual([
      { id: 'a', note: '' },
      { id: 'b', note: '要点' },
      { id: 'c', note: '' },
      { id: 'x', note: '' },
    ]);
  });
  it('undoes clearing in the original order, and never duplicates or exceeds the maximum', () => {
    const before = three();
    const items = before.items.map((item, index) => ({ item, index }));
    let lesson = applyOp(applyOp(before, { type: 'clear' }), { type: 'add', id: 'b' });
    lesson = applyOp(lesson, { type: 'restore', items });
    expect(ids(lesson)).toEqual(['a', 'b', 'c']);
    let full = emptyLesson();
    for (let i = 0; i < MAX_ITEMS; i++) full = add(full, `e${i}`);
    expect(applyOp(full, { type: 'restore', items }).items).toHaveLength(MAX_ITEMS);
  });
  it('undoes a replacement by putting the previous lesson back', () => {
    const own = setNote(three(), 'a', '我的');
    const replaced = applyOp(own, { type: 'replace', lesson: add(emptyLesson(), 'z') });
    expect(applyOp(replaced, { type: 'replace', lesson: own })).toEqual(own);
  });
});

describe('reading drops only what is bad, and names it', () => {
  const stored = (items: unknown, extra: object = {}) =>
    JSON.stringify({ version: 2, title: '课', date: '', audience: '', items, ...extra });
  it('cuts an over-long note and keeps every entry', () => {
    const r = parseStored(
      stored([
        { id: 'a', note: 'x'.repeat(NOTE_MAX + 1) },
        { id: 'b', note: '好' },
      ]),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.lesson.title).toBe('课');
    expect(r.lesson.items.map((i) => [i.id, i.note.length])).toEqual([
      ['a', NOTE_MAX],
      ['b', 1],
    ]);
    expect(r.dropped).toHaveLength(1);
    expect(r.dropped[0].message).toContain(`第 1 项（a）的备注有 ${NOTE_MAX + 1} 字`);
  });
  it('drops an unknown id, a broken item and entries beyond the maximum, one by one', () => {
    const many = Array.from({ length: MAX_ITEMS + 2 }, (_, i) => ({ id: `e${i}`, note: '' }));
    const r = parseStored(stored([{ id: 'Bad Id<script>', note: '' }, 42, null, { note: '无编号' }, { id: 'ok', note: 7 }, ...many]));
    if (!r.ok) throw new Error(r.error);
    expect(r.lesson.items[0]).toEqual({ id: 'ok', note: '' });
    expect(r.lesson.items).toHaveLength(MAX_ITEMS);
    const messages = r.dropped.map((d) => d.message);
    expect(messages.slice(0, 5)).toEqual([
      expect.stringContaining('第 1 项（Bad Id<script>）不是有效的案例编号'),
      expect.stringContaining('第 2 项（42）'),
      expect.stringContaining('第 3 项（null）'),
      expect.stringContaining('第 4 项'),
      expect.stringContaining('第 5 项（ok）的备注不是文字'),
    ]);
    expect(messages.filter((m) => m.includes('上限'))).toHaveLength(3);
    expect(r.dropped[1].raw).toBe(42);
  });
  it('repairs bad details without losing the entries', () => {
    const r = parseStored(stored([{ id: 'a', note: '' }], { title: 'T'.repeat(TEXT_MAX + 3), date: '12月1日', audience: 5 }));
    if (!r.ok) throw new Error(r.error);
    expect(r.lesson).toEqual({ version: 2, title: 'T'.repeat(TEXT_MAX), date: '', audience: '', items: [{ id: 'a', note: '' }] });
    expect(r.dropped.map((d) => d.message)).toEqual([
      expect.stringContaining('课程标题超过'),
      expect.stringContaining('培训对象（5）'),
      expect.stringContaining('日期（12月1日）'),
    ]);
  });
  it('refuses only what cannot be a lesson at all', () => {
    expect(parseStored('"text"')).toMatchObject({ ok: false });
    expect(parseStored(JSON.stringify({ version: 3, items: [] }))).toMatchObject({ ok: false, error: expect.stringContaining('版本 3') });
    expect(parseStored(stored('not a list'))).toMatchObject({ ok: true, dropped: [{ message: expect.stringContaining('案例列表') }] });
  });
});

/** localStorage in a Map, optionally with a quota in characters. */
function memoryStorage(quota = Infinity): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem(k, v) {
      const used = [...map].reduce((n, [key, value]) => n + (key === k ? 0 : key.length + value.length), 0);
      if (used + k.length + v.length > quota) throw new Error('QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

describe('backups', () => {
  const lessonRaw = (n: number) => JSON.stringify(add(emptyLesson(), `e${n}`));
  const at = (n: number) => new Date(Date.UTC(2026, 10, 29, 10, 0, n));

  it('keeps several timestamped copies, newest first, and drops the oldest beyond the limit', () => {
    const s = memoryStorage();
    for (let n = 0; n < BACKUP_KEEP + 3; n++) makeBackup(s, lessonRaw(n), `第 ${n} 次`, at(n));
    const list = listBackups(s);
    expect(list).toHaveLength(BACKUP_KEEP);
    expect(list[0]).toEqual({
      key: `${BACKUP_PREFIX}2026-11-29T10:00:${String(BACKUP_KEEP + 2).padStart(2, '0')}.000Z`,
      at: `2026-11-29T10:00:${String(BACKUP_KEEP + 2).padStart(2, '0')}.000Z`,
      reason: `第 ${BACKUP_KEEP + 2} 次`,
      raw: lessonRaw(BACKUP_KEEP + 2),
    });
    expect(list.at(-1)!.reason).toBe('第 3 次');
  });
  it('keeps unreadable data byte for byte, skips empty lessons and repeats, and never overwrites in the same millisecond', () => {
    const s = memoryStorage();
    expect(makeBackup(s, '{"version": 9, 坏', '无法读取时', at(1))?.raw).toBe('{"version": 9, 坏');
    expect(makeBackup(s, '{"version": 9, 坏', '无法读取时', at(2))).toBeUndefined();
    expect(makeBackup(s, JSON.stringify(emptyLesson()), '清空教案前', at(3))).toBeUndefined();
    expect(makeBackup(s, null, '清空教案前', at(3))).toBeUndefined();
    makeBackup(s, lessonRaw(1), 'a', at(4));
    makeBackup(s, lessonRaw(2), 'b', at(4));
    expect(listBackups(s).map((b) => b.raw)).toEqual([lessonRaw(2), lessonRaw(1), '{"version": 9, 坏']);
  });
  it('makes room by dropping the oldest backups when storage is full', () => {
    const big = (n: number) => JSON.stringify(setNote(add(emptyLesson(), `e${n}`), `e${n}`, 'x'.repeat(400)));
    const s = memoryStorage(1500);
    for (let n = 0; n < 5; n++) makeBackup(s, big(n), 'r', at(n));
    const list = listBackups(s);
    expect(list[0].raw).toBe(big(4));
    expect(list.length).toBeLessThan(5);
    expect(() => makeBackup(memoryStorage(10), big(9), 'r', at(9))).toThrow();
  });
  it('lists a value it did not write as it is', () => {
    const s = memoryStorage();
    s.setItem(`${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`, 'plain');
    expect(listBackups(s)).toEqual([
      { key: `${BACKUP_PREFIX}2026-01-01T00:00:00.000Z`, at: '2026-01-01T00:00:00.000Z', reason: '来源不明', raw: 'plain' },
    ]);
    expect(formatBackupTime('2026-01-01T00:00:00.000Z')).toMatch(/^20\d\d-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });
});
