import { describe, expect, it } from 'vitest';
import type { OcrBox } from '../../src/load/hocr.js';
import { checkStops } from '../../src/load/stops.js';
import { BASE, scan, tall, type Glyph } from '../helpers/scan.js';

const dot: OcrBox = { x0: 24, y0: BASE - 5, x1: 29, y1: BASE };
const comma: OcrBox = { x0: 24, y0: BASE - 5, x1: 29, y1: BASE + 8 };
const read = (glyphs: Glyph[][]) => {
  const { bin, line } = scan(glyphs);
  return checkStops([line], bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
};

describe('checkStops', () => {
  it('reads the stop after a number opening a line from its ink', () => {
    expect(read([[tall('9', 0), { text: ',', box: comma, ink: [dot] }], [tall('T', 60)]])).toEqual(['9.', 'T']);
    expect(read([[tall('9', 0), { text: '.', box: dot, ink: [comma] }], [tall('T', 60)]])).toEqual(['9,', 'T']);
    expect(read([[tall('9', 0), { text: ',', box: comma }], [tall('T', 60)]])).toEqual(['9,', 'T']);
  });

  it('leaves stops elsewhere to OCR', () => {
    const later: Glyph[] = [tall('9', 60), { text: ',', box: { ...comma, x0: 84, x1: 89 }, ink: [{ ...dot, x0: 84, x1: 89 }] }];
    expect(read([[tall('T', 0)], later])).toEqual(['T', '9,']);
  });
});
