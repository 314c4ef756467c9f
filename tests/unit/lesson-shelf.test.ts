import { describe, expect, it } from 'vitest';
import { add, emptyLesson, encodeLesson, type Lesson } from '../../src/lib/lesson.ts';
import { decodeLesson } from '../../src/lib/lesson-read.ts';
import {
  SHELF_MAX,
  applyShelfOp,
  lessonName,
  listLessons,
  newShelfId,
  readShelf,
  singleShelf,
  type ShelfState,
} from '../../src/lib/lesson-shelf.ts';

const lesson = (title: string, ...ids: string[]): Lesson => ids.reduce(add, { ...emptyLesson(), title });
/** The state of a browser with one lesson, as the lesson page finds it before any shelf exists. */
const start = (current: Lesson): ShelfState => ({ shelf: readShelf(null, () => 'first').shelf, lesson: current });
const names = (state: ShelfState) => listLessons(state).map((l) => `${l.current ? '*' : ''}${lessonName(l.lesson)}`);

describe('named lessons: migration', () => {
  it('a browser with one lesson gets a shelf holding it as the first named lesson, untouched', () => {
    const read = readShelf(null, () => 'first');
    expect(read.migrated).toBe(true);
    expect(read.problems).toEqual([]);
    expect(read.shelf).toEqual(singleShelf('first'));
    const mine = lesson('我的课', 'a', 'b');
    expect(listLessons({ shelf: read.shelf, lesson: mine })).toEqual([{ id: 'first', lesson: mine, current: true }]);
  });

  it('a stored shelf reads back as it was', () => {
    const shelf = {
      version: 1,
      current: 'two',
      entries: [
        { id: 'one', lesson: lesson('甲', 'a') },
        { id: 'two', lesson: null },
      ],
    };
    const read = readShelf(JSON.stringify(shelf));
    expect(read).toEqual({ shelf, problems: [], migrated: false });
  });

  it('a bad entry is dropped alone and named; the others stay', () => {
    const raw = JSON.stringify({
      version: 1,
      current: 'two',
      entries: [
        { id: 'one', lesson: lesson('甲', 'a') },
        { id: 'BAD ID', lesson: lesson('乙') },
        { id: 'x', lesson: 'nonsense' },
        { id: 'two', lesson: null },
      ],
    });
    const read = readShelf(raw);
    expect(read.shelf.entries.map((e) => e.id)).toEqual(['one', 'two']);
    expect(read.problems).toEqual(['教案列表第 2 项的编号无效或重复，已略去', '教案列表第 3 项无法读取，已略去']);
  });

  it('an unreadable shelf starts over from the current lesson and says so', () => {
    for (const raw of ['{not json', '{"version": 7}', '[]']) {
      const read = readShelf(raw, () => 'fresh');
      expect(read.shelf).toEqual(singleShelf('fresh'));
      expect(read.problems).toHaveLength(1);
    }
  });

  it('a shelf that lost its current entry gets it back first', () => {
    const read = readShelf(JSON.stringify({ version: 1, current: 'gone', entries: [{ id: 'one', lesson: lesson('甲') }] }));
    expect(read.shelf.current).toBe('gone');
    expect(read.shelf.entries.map((e) => e.id)).toEqual(['gone', 'one']);
    expect(read.problems).toHaveLength(1);
  });

  it('generated ids are valid and differ', () => {
    const a = newShelfId(1_000, 0.1);
    const b = newShelfId(1_000, 0.2);
    expect(a).toMatch(/^l[a-z0-9]+$/);
    expect(a).not.toBe(b);
  });
});

describe('named lessons: operations', () => {
  const mine = lesson('第一课', 'a', 'b');

  it('create keeps the current lesson on the shelf and starts an empty named one', () => {
    const state = applyShelfOp(start(mine), { type: 'create', id: 'two', name: '  第二课 ' });
    expect(names(state)).toEqual(['第一课', '*第二课']);
    expect(state.lesson.items).toEqual([]);
    expect(state.shelf.entries[0].lesson).toEqual(mine);
    expect(state.shelf.entries[1].lesson).toBeNull();
  });

  it('switch swaps which lesson is current, losing neither', () => {
    const two = applyShelfOp(start(mine), { type: 'create', id: 'two', name: '第二课' });
    const withItem = { ...two, lesson: add(two.lesson, 'z') };
    const back = applyShelfOp(withItem, { type: 'switch', id: 'first' });
    expect(back.lesson).toEqual(mine);
    expect(names(back)).toEqual(['*第一课', '第二课']);
    expect(back.shelf.entries[1].lesson!.items.map((i) => i.id)).toEqual(['z']);
    expect(applyShelfOp(back, { type: 'switch', id: 'first' })).toBe(back);
    expect(applyShelfOp(back, { type: 'switch', id: 'nope' })).toBe(back);
  });

  it('duplicate copies entries and notes after the original and opens the copy', () => {
    const noted: Lesson = { ...mine, items: mine.items.map((i) => ({ ...i, note: `讲 ${i.id}` })) };
    const state = applyShelfOp(applyShelfOp(start(noted), { type: 'create', id: 'two', name: '第二课' }), {
      type: 'duplicate',
      id: 'first',
      newId: 'copy',
    });
    expect(names(state)).toEqual(['第一课', '*第一课（副本）', '第二课']);
    expect(state.lesson.items).toEqual(noted.items);
    expect(state.lesson.items[0]).not.toBe(noted.items[0]);
  });

  it('rename changes the current lesson’s title or another lesson’s, trimmed to the limit', () => {
    let state = applyShelfOp(start(mine), { type: 'create', id: 'two', name: '第二课' });
    state = applyShelfOp(state, { type: 'rename', id: 'first', name: '改名的第一课' });
    state = applyShelfOp(state, { type: 'rename', id: 'two', name: '长'.repeat(200) });
    expect(names(state)).toEqual(['改名的第一课', `*${'长'.repeat(80)}`]);
  });

  it('delete of another lesson keeps the current; of the current opens its neighbour; of the only one leaves a blank', () => {
    let state = applyShelfOp(start(mine), { type: 'create', id: 'two', name: '第二课' });
    state = applyShelfOp(state, { type: 'create', id: 'three', name: '第三课' });
    expect(names(applyShelfOp(state, { type: 'delete', id: 'first', newId: 'n' }))).toEqual(['第二课', '*第三课']);
    const switched = applyShelfOp(state, { type: 'switch', id: 'two' });
    expect(names(applyShelfOp(switched, { type: 'delete', id: 'two', newId: 'n' }))).toEqual(['第一课', '*第三课']);
    expect(names(applyShelfOp(state, { type: 'delete', id: 'three', newId: 'n' }))).toEqual(['第一课', '*第二课']);
    const only = applyShelfOp(start(mine), { type: 'delete', id: 'first', newId: 'blank' });
    expect(only).toEqual({ shelf: singleShelf('blank'), lesson: emptyLesson() });
  });

  it('undo of a delete puts the lesson back at its place, current again if it was', () => {
    let state = applyShelfOp(start(mine), { type: 'create', id: 'two', name: '第二课' });
    state = applyShelfOp(state, { type: 'create', id: 'three', name: '第三课' });
    state = applyShelfOp(state, { type: 'switch', id: 'two' });
    const deleted = applyShelfOp(state, { type: 'delete', id: 'two', newId: 'n' });
    const undone = applyShelfOp(deleted, { type: 'restore', id: 'two', lesson: state.lesson, index: 1, current: true });
    expect(names(undone)).toEqual(['第一课', '*第二课', '第三课']);
    // Deleting the only lesson and undoing leaves no stray blank lesson behind.
    const only = applyShelfOp(start(mine), { type: 'delete', id: 'first', newId: 'blank' });
    const back = applyShelfOp(only, { type: 'restore', id: 'first', lesson: mine, index: 0, current: true });
    expect(back).toEqual({ shelf: singleShelf('first'), lesson: mine });
    // Another lesson deleted and restored stays where it was, and the current stays current.
    const other = applyShelfOp(applyShelfOp(state, { type: 'delete', id: 'three', newId: 'n' }), {
      type: 'restore',
      id: 'three',
      lesson: lesson('第三课'),
      index: 2,
      current: false,
    });
    expect(names(other)).toEqual(['第一课', '*第二课', '第三课']);
  });

  it('a shared lesson is added as a new current lesson, replacing nothing', () => {
    const shared = decodeLesson(encodeLesson(lesson('别人的课', 'x', 'y')));
    if (!shared.ok) throw new Error(shared.error);
    const state = applyShelfOp(start(mine), { type: 'add', id: 'shared', lesson: shared.lesson });
    expect(names(state)).toEqual(['第一课', '*别人的课']);
    expect(state.shelf.entries[0].lesson).toEqual(mine);
  });

  it('the share link of any lesson carries its name and cases', () => {
    const state = applyShelfOp(start(mine), { type: 'create', id: 'two', name: '第二课' });
    for (const { lesson: l } of listLessons(state)) {
      const read = decodeLesson(encodeLesson(l));
      expect(read.ok && read.lesson).toEqual(l);
    }
  });

  it('the shelf stops at its maximum, and an id already used is refused', () => {
    let state = start(mine);
    for (let i = 0; i < SHELF_MAX + 3; i++) state = applyShelfOp(state, { type: 'create', id: `n${i}`, name: `课${i}` });
    expect(state.shelf.entries).toHaveLength(SHELF_MAX);
    expect(applyShelfOp(start(mine), { type: 'create', id: 'first', name: 'x' }).shelf.entries).toHaveLength(1);
  });
});
