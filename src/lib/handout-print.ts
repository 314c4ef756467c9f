/**
 * Page numbers for the printed handout. Chromium prints `counter(page)` in page margins but not
 * `target-counter()`, so a contents page cannot ask the browser where a case begins. Instead the
 * lesson page lays the handout out on screen at exactly the printed width and type size, measures
 * each block, and packs the blocks into A4 pages here, following the print rules (headings stay
 * with what follows, list items and table rows never split, paragraphs flow line by line). Pure:
 * heights in, page counts out.
 */

/** The printed page (src/styles/print.css: A4, 18 mm top and bottom, 16 mm left and right). */
export const PRINT_PAGE_MM = { width: 210, height: 297, marginY: 18, marginX: 16 } as const;
const PX_PER_MM = 96 / 25.4;
/** Width of the printed text column in CSS pixels (what the on-screen preview is given). */
export const PRINT_WIDTH_MM = PRINT_PAGE_MM.width - 2 * PRINT_PAGE_MM.marginX;
/** Height of the printed text area in CSS pixels. */
export const PRINT_HEIGHT_PX = (PRINT_PAGE_MM.height - 2 * PRINT_PAGE_MM.marginY) * PX_PER_MM;

export interface Block {
  /** From this block's top to the next block's top (margins included), in CSS pixels. */
  height: number;
  /**
   * The block itself, without the space after it (its margin and the next block's), which print
   * drops where a page ends; what must fit for the block to stay on its page. Defaults to `height`.
   */
  own?: number;
  /** flow: may break between lines; keep: never split (moves whole to the next page); heading: stays with the next block. */
  kind: 'flow' | 'keep' | 'heading';
  /**
   * Never starts a page alone (CSS `break-before: avoid`): a case's last block (its source line and
   * QR code) takes the block before it along, so a case never ends with a lone line on a new page.
   */
  withPrevious?: boolean;
}

/**
 * How far past the page's end (in CSS pixels) a block may seem to reach and still print on it:
 * the preview's layout and Chromium's print layout differ by fractions of a pixel, and a block
 * the preview put 0.1 px over the end printed on the page (`npm run bench:handout`).
 */
const FIT_SLACK = 1;

/** What must fit on a page for a block to stay there: its own height, never more than its advance. */
const ownOf = (block: Block) => Math.min(block.own ?? block.height, block.height);

/** How many pages a run of blocks starting on a fresh page takes. */
export function countPages(blocks: Block[], pageHeight = PRINT_HEIGHT_PX, line = 18): number {
  const room = pageHeight + FIT_SLACK;
  let pages = 1;
  let used = 0;
  /** Where the last block began: its page and the height used on that page before it. */
  let previous: { block: Block; page: number; top: number } | undefined;
  const newPage = () => {
    pages += 1;
    used = 0;
  };
  blocks.forEach((block, i) => {
    const { height, kind } = block;
    const own = ownOf(block);
    if (kind === 'heading') {
      // A heading needs room for itself and a first line (or the whole next kept block) after it.
      const next = blocks[i + 1];
      const after = next ? Math.min(ownOf(next), next.kind === 'keep' ? pageHeight : 2 * line) : 0;
      if (used > 0 && used + height + after > room) newPage();
      used += height;
      previous = { block, page: pages, top: used - height };
      return;
    }
    if (block.withPrevious && used > 0 && used + own > room && height <= pageHeight) {
      // What of the block before comes along: a kept block whole, a paragraph its last two lines
      // (Chromium's default widows and orphans are 2, so a paragraph under four lines moves whole).
      // Nothing moves if that block began its page: there is no earlier place to break.
      let carried = 0;
      if (previous && previous.page === pages && previous.top > 0) {
        const onPage = used - previous.top;
        carried = previous.block.kind === 'flow' && onPage >= 4 * line ? 2 * line : onPage;
      } else if (previous?.block.kind === 'flow' && used >= 4 * line) carried = 2 * line;
      if (carried + height > pageHeight) carried = 0;
      newPage();
      used = carried;
    } else if (kind === 'keep' && used > 0 && used + own > room && height <= pageHeight) newPage();
    if (kind === 'flow' && used + own > room) {
      // A paragraph breaks between its lines, with at least two lines on each side (Chromium's
      // default orphans and widows): the page keeps only whole lines, and the rest of its bottom is
      // left empty. Filling pages to the brim instead put some contents' page numbers a page off
      // (`npm run bench:handout`; README, lesson export).
      const lines = Math.max(1, Math.floor(own / line + 0.1));
      const margin = Math.max(0, height - lines * line);
      let left = lines;
      let top = used;
      for (;;) {
        const fit = Math.floor((room - top) / line);
        if (fit >= left) break;
        let stay = Math.min(fit, left - 2);
        // Fewer than two lines here: the paragraph starts on the next page, unless it began this one.
        if (stay < 2) stay = top > 0 ? 0 : Math.max(1, fit);
        left -= stay;
        pages += 1;
        top = 0;
      }
      previous = { block, page: pages, top };
      used = top + left * line + margin;
      return;
    }
    previous = { block, page: pages, top: used };
    used += height;
    // A kept block taller than a page (or a flowing one that fits) carries on over as many pages as it needs.
    while (used > pageHeight + 0.5) {
      const carried = used - pageHeight;
      pages += 1;
      used = carried;
    }
  });
  return pages;
}

/** The first page of each part, given the pages of what comes before them (cover and contents). */
export function startPages(frontPages: number, partPages: number[]): number[] {
  let next = frontPages + 1;
  return partPages.map((pages) => {
    const start = next;
    next += pages;
    return start;
  });
}
