import { describe, expect, it } from 'vitest';
import { readDotlessI, strokeLetter } from '../../src/load/dotless-i.js';
import { BASE, scan, type Glyph } from '../helpers/scan.js';

// A 40 px em: x-height glyphs 20 px tall, an i's dot 4 px clear above its 20 px stem, a capital I 28 px.
const low = (text: string, x: number): Glyph => ({ text, box: { x0: x, y0: BASE - 20, x1: x + 16, y1: BASE } });
const dotted = (x: number): Glyph => ({ text: 'i', box: { x0: x, y0: BASE - 28, x1: x + 5, y1: BASE }, ink: [{ x0: x, y0: BASE - 28, x1: x + 5, y1: BASE - 24 }, { x0: x, y0: BASE - 20, x1: x + 5, y1: BASE }] });
const stroke = (x: number): Glyph => ({ text: 'i', box: { x0: x, y0: BASE - 28, x1: x + 5, y1: BASE } });
const read = (words: Glyph[][]) => {
  const { bin, line } = scan(words);
  return readDotlessI([line], bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
};

describe('readDotlessI', () => {
  it('reads a bare stroke tesseract took for an i as I or l', () => {
    expect(read([[stroke(0), low('n', 10)]])).toEqual(['In']);
    expect(read([[low('u', 0), stroke(22), low('n', 32)]])).toEqual(['uln']);
  });

  it('leaves an i with its dot', () => {
    expect(read([[dotted(0), low('n', 10)]])).toEqual(['in']);
  });

  it('leaves a word whose glyph boxes do not sit on its ink columns', () => {
    // The stroke's middle lies outside the "i" box: tesseract's boxes sit off the glyphs.
    const shifted: Glyph[] = [{ ...low('u', 0), box: { x0: 0, y0: BASE - 20, x1: 12, y1: BASE }, ink: [{ x0: 0, y0: BASE - 20, x1: 16, y1: BASE }] }, { ...stroke(18), box: { x0: 12, y0: BASE - 28, x1: 17, y1: BASE }, ink: [{ x0: 18, y0: BASE - 28, x1: 23, y1: BASE }] }, low('n', 30)];
    expect(read([shifted])).toEqual(['uin']);
  });
});

describe('strokeLetter', () => {
  it('is a capital opening a word before a consonant or among capitals, else l', () => {
    expect(strokeLetter(undefined, 'n')).toBe('I');
    expect(strokeLetter(undefined, 'O')).toBe('I');
    expect(strokeLetter(undefined, 'a')).toBe('l');
    expect(strokeLetter('(', 'n')).toBe('I');
    expect(strokeLetter('M', 'M')).toBe('I');
    expect(strokeLetter('e', 'd')).toBe('l');
  });
});
