import { describe, expect, it } from 'vitest';
import { capHeight, componentHeights, ocrDpi } from '../../src/load/glyph-size.js';
import type { BinaryImage } from '../../src/load/raster.js';

/** A page of glyph-like blocks: `count` of each height, 6 px wide, in rows. */
function page(glyphs: [height: number, count: number][]): BinaryImage {
  const width = 1200;
  const height = 1600;
  const data = new Uint8Array(width * height);
  let x = 10;
  let y = 40;
  for (const [h, count] of glyphs) {
    for (let n = 0; n < count; n++) {
      for (let dy = 0; dy < h; dy++) data.fill(1, (y - dy) * width + x, (y - dy) * width + x + 6);
      x += 10;
      if (x > width - 20) [x, y] = [10, y + 40];
    }
  }
  return { width, height, data };
}

describe('glyph size before OCR', () => {
  it('finds connected components, diagonal neighbours included', () => {
    const img: BinaryImage = { width: 6, height: 4, data: new Uint8Array([1, 0, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0]) };
    // Rows: 1.....1 / .1...1 / ....1. / ....1. — two components, each joined across a diagonal.
    expect(componentHeights(img).map((c) => c.height).sort()).toEqual([2, 4]);
  });

  it('joins the arms of a U and a V into one component with their whole box', () => {
    // A U: two stems 5 rows tall joined by the bottom row; a V opening right after it, whose arms
    // meet only at its foot, and its left arm runs past the U's right stem one row up.
    const rows = ['1...1.1...1', '1...1.1...1', '1...1..1.1.', '1...1..1.1.', '11111...1..'];
    const img: BinaryImage = { width: 11, height: 5, data: Uint8Array.from(rows.join('').split(''), (c) => (c === '1' ? 1 : 0)) };
    const sizes = componentHeights(img).map((c) => `${c.width}x${c.height}`).sort();
    // The U's right stem (x 4) and the V's left arm (x 6) are two apart, never touching.
    expect(sizes).toEqual(['5x5', '5x5']);
  });

  it('joins a run to what touches it in the row above, not to the box of a component grown there', () => {
    // A wide bar with a stem, a stroke starting beside the stem, both joined by a bottom row; a
    // speck right of that row lies under the bar's box but touches no ink.
    const rows = ['1111111111111111111111111.', '1.........................', '1................1........', '111111111111111111..1.....'];
    const img: BinaryImage = { width: 26, height: 4, data: Uint8Array.from(rows.join('').split(''), (c) => (c === '1' ? 1 : 0)) };
    expect(componentHeights(img).map((c) => `${c.width}x${c.height}`).sort()).toEqual(['1x1', '25x4']);
  });

  it('takes the capital height from figures and from lower case alike', () => {
    expect(capHeight(page([[14, 300], [10, 60]]), 4, 60)).toBe(14); // figures, some lower case
    expect(capHeight(page([[12, 300], [17, 80]]), 4, 60)).toBe(17); // lower case, some capitals
    expect(capHeight(page([[12, 300]]), 4, 60)).toBe(17); // lower case alone: x-height / 0.7
  });

  it('reads a page of small type finer than its scan, and ordinary type at the scan’s own resolution', () => {
    expect(ocrDpi(page([[14, 300], [10, 60]]), 200, 300)).toBe(300);
    expect(ocrDpi(page([[17, 300], [12, 200]]), 200, 300)).toBe(200);
    expect(ocrDpi(page([[14, 300]]), 300, 300)).toBe(300);
  });
});
