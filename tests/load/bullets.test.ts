import { describe, expect, it } from 'vitest';
import { restoreBullets } from '../../src/load/bullets.js';
import type { OcrBox } from '../../src/load/hocr.js';
import { BASE, draw, scan, tall, type Glyph } from '../helpers/scan.js';

/** A solid round dot, 10 px across (0.25 em), its foot 8 px above the baseline. */
function disc(x: number): OcrBox[] {
  const rows: OcrBox[] = [];
  for (let dy = 0; dy < 10; dy++) {
    const half = Math.round(Math.sqrt(25 - (dy - 4.5) ** 2));
    rows.push({ x0: x + 5 - half, y0: BASE - 18 + dy, x1: x + 5 + half, y1: BASE - 17 + dy });
  }
  return rows;
}
/** A "+": two thin bars, as wide and tall as the dot but mostly paper. */
const plus = (x: number): OcrBox[] => [
  { x0: x, y0: BASE - 14, x1: x + 10, y1: BASE - 12 },
  { x0: x + 4, y0: BASE - 18, x1: x + 6, y1: BASE - 8 },
];
const text = (x: number): Glyph[] => [tall('I', x), tall('n', x + 24)];
const firstWords = (words: Glyph[][]) => {
  const { bin, line } = scan(words);
  return restoreBullets([line], bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
};

describe('restoreBullets', () => {
  it('puts back a bullet OCR dropped', () => {
    const { bin, line } = scan([text(60)]);
    disc(10).forEach((r) => draw(bin, r));
    const [out] = restoreBullets([line], bin, { x: 0, y: 0 });
    expect(out.words.map((w) => w.text)).toEqual(['•', 'In']);
    expect(out.words[0].bbox).toEqual({ x0: 10, y0: BASE - 18, x1: 20, y1: BASE - 8 });
  });

  it('replaces what OCR read over the dot, alone or glued to the first word', () => {
    const dot = (t: string): Glyph => ({ text: t, box: { x0: 10, y0: BASE - 18, x1: 20, y1: BASE - 8 }, ink: disc(10) });
    expect(firstWords([[dot('+')], text(60)])).toEqual(['•', 'In']);
    expect(firstWords([[dot('«'), ...text(60)]])).toEqual(['•', 'In']);
  });

  it('keeps a letter OCR placed over the dot: its ink is in the word', () => {
    const t: Glyph = { text: 't', box: { x0: 10, y0: BASE - 18, x1: 20, y1: BASE - 8 }, ink: disc(10) };
    expect(firstWords([[t, tall('h', 60), tall('e', 84)]])).toEqual(['•', 'the']);
  });

  it('leaves a "+", a full stop, a letter and a dot packed against the text alone', () => {
    expect(firstWords([[{ text: '+', box: { x0: 10, y0: BASE - 18, x1: 20, y1: BASE - 8 }, ink: plus(10) }], text(60)])).toEqual(['+', 'In']);
    expect(firstWords([[{ text: '.', box: { x0: 10, y0: BASE - 8, x1: 18, y1: BASE } }], text(60)])).toEqual(['.', 'In']);
    expect(firstWords([[{ text: 'o', box: { x0: 10, y0: BASE - 19, x1: 24, y1: BASE }, ink: [{ x0: 10, y0: BASE - 19, x1: 24, y1: BASE - 16 }, { x0: 10, y0: BASE - 3, x1: 24, y1: BASE }, { x0: 10, y0: BASE - 19, x1: 13, y1: BASE }, { x0: 21, y0: BASE - 19, x1: 24, y1: BASE }] }], text(60)])).toEqual(['o', 'In']);
    expect(firstWords([[{ text: '•', box: { x0: 10, y0: BASE - 18, x1: 20, y1: BASE - 8 }, ink: disc(10) }, ...text(24)]])).toEqual(['•In']);
  });
});
