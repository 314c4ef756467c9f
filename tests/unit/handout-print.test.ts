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

  it('parts start on the page after those before them', () => {
    expect(startPages(1, [3, 2, 1])).toEqual([2, 5, 7]);
  });
});
