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

  it('reads a column\'s number after a gutter on a line read across it, on its own digits\' baseline', () => {
    // The right column's line stands 8 px higher than the left's: tesseract's fitted baseline is off.
    const high = BASE - 8;
    const label: Glyph[] = [tall('3', 200, high), tall('9', 222, high), { text: '-', box: { x0: 244, y0: high - 5, x1: 249, y1: high }, ink: [{ x0: 244, y0: high - 5, x1: 249, y1: high }] }];
    expect(read([[tall('e', 0), tall('s', 22)], label, [tall('I', 280, high)]])).toEqual(['es', '39.', 'I']);
    // After an ordinary word space it is a number in the sentence: left to OCR.
    const near: Glyph[] = label.map((g) => ({ ...g, box: { ...g.box, x0: g.box.x0 - 150, x1: g.box.x1 - 150 }, ink: g.ink?.map((r) => ({ ...r, x0: r.x0 - 150, x1: r.x1 - 150 })) }));
    expect(read([[tall('e', 0), tall('s', 22)], near, [tall('I', 280, high)]])).toEqual(['es', '39-', 'I']);
  });
});

