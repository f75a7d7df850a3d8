import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../src/load/hocr.js';
import { closeQuotes, readQuoteShapes } from '../../src/load/quote-shapes.js';
import type { BinaryImage, GreyImage } from '../../src/load/raster.js';
import { BASE, scan, tall, type Glyph } from '../helpers/scan.js';

/** A quote tick 7 px tall at x: its 3-px-wide blob at the bottom (a turned comma) or at the top (a wedge or comma), a 1-px stroke elsewhere. */
function tick(x: number, blob: 'top' | 'bottom'): OcrBox[] {
  const top = BASE - 27;
  const parts: OcrBox[] = [{ x0: x + 1, y0: top, x1: x + 2, y1: top + 7 }];
  parts.push(blob === 'bottom' ? { x0: x, y0: top + 4, x1: x + 3, y1: top + 7 } : { x0: x, y0: top, x1: x + 3, y1: top + 3 });
  return parts;
}
const mark = (text: string, x: number, blob: 'top' | 'bottom'): Glyph => ({ text, box: { x0: x, y0: BASE - 27, x1: x + 8, y1: BASE - 20 }, ink: [...tick(x, blob), ...tick(x + 5, blob)] });

/** The grey page of a drawn scan: black ink on white paper. */
const greyOf = (bin: BinaryImage): GreyImage => ({ width: bin.width, height: bin.height, data: bin.data.map((v) => (v ? 0 : 255)) });
const read = (words: Glyph[][]) => {
  const { bin, line } = scan(words);
  return readQuoteShapes([line], greyOf(bin), bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
};

describe('readQuoteShapes', () => {
  it('reads a mark whose ticks are heavier at the bottom as an opening quote, and pairs the closing one', () => {
    expect(read([[mark('"', 0, 'bottom'), tall('A', 12)], [tall('B', 60), mark('"', 82, 'top')]])).toEqual(['“A', 'B”']);
  });

  it('leaves marks heavier at the top as read', () => {
    expect(read([[mark('"', 0, 'top'), tall('A', 12)], [tall('B', 60), mark('"', 82, 'top')]])).toEqual(['"A', 'B"']);
  });
});

describe('closeQuotes', () => {
  it('closes an opened quotation at the next straight quote ending a word', () => {
    expect(closeQuotes(['“to', 'provide', 'issues."', 'and', '"x"'])).toEqual(['“to', 'provide', 'issues.”', 'and', '"x"']);
    expect(closeQuotes(['“user-friendly”', 'then', 'done".'])).toEqual(['“user-friendly”', 'then', 'done".']);
  });
});
