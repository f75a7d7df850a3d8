import { describe, expect, it } from 'vitest';
import { restoreDroppedI } from '../../src/load/dropped-strokes.js';
import { BASE, scan, tall, type Glyph } from '../helpers/scan.js';

const read = (words: Glyph[][]) => {
  const { bin, line } = scan(words);
  return restoreDroppedI([line], bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
};
/** The last capital's box takes in a bare stroke standing after it (x 46-50), which OCR left out. */
const swallowed = (text: string): Glyph => ({ ...tall(text, 22), box: { x0: 22, y0: BASE - 27, x1: 50, y1: BASE }, ink: [{ x0: 22, y0: BASE - 27, x1: 42, y1: BASE }, { x0: 46, y0: BASE - 27, x1: 50, y1: BASE }] });

describe('restoreDroppedI', () => {
  it('restores a capital I dropped at the end of a word in capitals', () => {
    expect(read([[tall('S', 0), swallowed('N')]])).toEqual(['SNI']);
  });

  it('leaves words not in capitals, and capitals without a stroke after them', () => {
    expect(read([[{ ...tall('a', 0), box: { x0: 0, y0: BASE - 20, x1: 20, y1: BASE } }, swallowed('n')]])).toEqual(['an']);
    expect(read([[tall('S', 0), tall('N', 22)]])).toEqual(['SN']);
  });
});
