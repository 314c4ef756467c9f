import { describe, expect, it } from 'vitest';
import { PRINT_HEIGHT_PX, countPages, startPages, type Block } from '../../src/lib/handout-print.ts';

const H = 1000;
const flow = (height: number): Block => ({ height, kind: 'flow' });
const keep = (height: number): Block => ({ height, kind: 'keep' });
const heading = (height = 30): Block => ({ height, kind: 'heading' });

describe('printed handout page counting', () => {
  it('the printed text area is A4 less 18 mm top and bottom', () => {
    expect(PRINT_HEIGHT_PX).toBeCloseTo((261 * 96) / 25.4, 5);
  });

  it('flowing text fills pages to the brim', () => {
    expect(countPages([flow(400), flow(400)], H)).toBe(1);
    expect(countPages([flow(600), flow(600)], H)).toBe(2);
    expect(countPages([flow(2500)], H)).toBe(3);
  });

  it('a kept block (思考题, a list item, a table row) that does not fit moves whole to the next page', () => {
    expect(countPages([flow(900), keep(150)], H)).toBe(2);
    expect(countPages([flow(900), keep(150), flow(800)], H)).toBe(2);
    // Taller than a page: it has to break anyway, and is not pushed first.
    expect(countPages([flow(100), keep(1500)], H)).toBe(2);
  });

  it('a heading never ends a page: it moves with the first lines of what follows', () => {
    expect(countPages([flow(960), heading(30), flow(200)], H)).toBe(2);
    expect(countPages([flow(900), heading(30), flow(200)], H)).toBe(2);
    expect(countPages([flow(800), heading(30), flow(100)], H)).toBe(1);
    expect(countPages([flow(900), heading(30), keep(200)], H)).toBe(2);
  });

  it('a case’s last block never starts a page alone: the block before it comes along', () => {
    const foot = (height = 100): Block => ({ height, kind: 'keep', withPrevious: true });
    // The kept block before (思考题) moves to the next page with it, and what follows lands after both ...
    // (The paragraph after them has 18-px lines: 36 lines fill the 650 px left, 37 do not.)
    expect(countPages([flow(700), keep(200), foot(150), flow(648)], H)).toBe(2);
    expect(countPages([flow(700), keep(200), foot(150), flow(666)], H)).toBe(3);
    // ... where without the rule the foot alone would go over.
    expect(countPages([flow(700), keep(200), keep(150), flow(666)], H)).toBe(2);
    // A paragraph before it gives its last two lines (18 px each) ...
    expect(countPages([flow(950), foot(100), flow(864)], H)).toBe(2);
    expect(countPages([flow(950), foot(100), flow(882)], H)).toBe(3);
    // ... and a short paragraph (under four lines) moves whole.
    expect(countPages([flow(900), flow(54), foot(100), flow(846)], H)).toBe(2);
    expect(countPages([flow(900), flow(54), foot(100), flow(864)], H)).toBe(3);
    // A block that began its page cannot move: the foot breaks to the next page alone.
    expect(countPages([keep(950), foot(100), flow(900)], H)).toBe(2);
    expect(countPages([keep(950), foot(100), flow(918)], H)).toBe(3);
    // When it fits, nothing moves.
    expect(countPages([flow(700), keep(200), foot(100)], H)).toBe(1);
  });

  it('a paragraph breaks between whole lines, with at least two lines on each side', () => {
    // 30 px left: one line would fit, but not two, so the five-line paragraph starts the next page
    // (90 px there, not the 60 px that filling the page to the brim gave), and the next one spills.
    expect(countPages([flow(970), flow(90), flow(930)], H)).toBe(3);
    expect(countPages([flow(970), flow(90), flow(910)], H)).toBe(2);
    // 40 px left: two lines stay and the other three go over (54 px), leaving 946 px.
    expect(countPages([flow(960), flow(90), flow(936)], H)).toBe(2);
    expect(countPages([flow(960), flow(90), flow(954)], H)).toBe(3);
    // A four-line paragraph with room for three: two stay, two go (widows), whatever the room.
    expect(countPages([flow(946), flow(72), flow(964)], H)).toBe(2);
    expect(countPages([flow(946), flow(72), flow(982)], H)).toBe(3);
    // Taller than a page: it breaks where the page ends, to the line.
    expect(countPages([flow(1800), flow(200)], H)).toBe(3);
    expect(countPages([flow(1800), flow(180)], H)).toBe(2);
  });

  it('a block that seems to reach less than a pixel past the end still prints on the page', () => {
    // The preview and Chromium's print layout differ by fractions of a pixel (one list item 0.1 px over printed on its page).
    expect(countPages([flow(900), keep(100.8), flow(990)], H)).toBe(2);
    expect(countPages([flow(900), keep(101.5), flow(990)], H)).toBe(3);
  });

  it('a block fits by its own height: the space after it is not what keeps it off a page', () => {
    // 100 px of item and 20 px of space after it: it stays on the page, and what follows starts the next.
    expect(countPages([flow(900), { height: 120, own: 100, kind: 'keep' }, flow(960)], H)).toBe(2);
    expect(countPages([flow(900), { height: 120, own: 110, kind: 'keep' }, flow(960)], H)).toBe(3);
  });

  it('parts start on the page after those before them', () => {
    expect(startPages(1, [3, 2, 1])).toEqual([2, 5, 7]);
  });
});
