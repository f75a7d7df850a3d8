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
