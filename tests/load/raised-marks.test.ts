import { describe, expect, it } from 'vitest';
import { UNREAD_MARK } from '../../src/model/page.js';
import { components } from '../../src/load/components.js';
import { columns, punctuation } from '../../src/load/glyph-shapes.js';
import type { OcrBox, OcrWord } from '../../src/load/hocr.js';
import { ocrWords } from '../../src/load/ocr-words.js';
import { splitRaisedMarks } from '../../src/load/raised-marks.js';
import { BASE, blank, draw, scan, tall, type Glyph } from '../helpers/scan.js';

/** A superscript digit: 14 px tall, its foot 16 px above the baseline. */
const sup = (x: number, w = 10): OcrBox => ({ x0: x, y0: BASE - 30, x1: x + w, y1: BASE - 16 });
const semicolon = (x: number): OcrBox[] => [
  { x0: x, y0: BASE - 20, x1: x + 5, y1: BASE - 15 },
  { x0: x, y0: BASE - 4, x1: x + 5, y1: BASE + 6 },
];

const split = (words: Glyph[][], base = BASE) => {
  const { bin, line } = scan(words, base);
  return splitRaisedMarks([line], bin, { x: 0, y: 0 })[0].words;
};
const texts = (ws: OcrWord[]) => ws.map((w) => (w.mark ? `[${w.text}]` : w.text));
const year = (x: number) => ['2', '0', '0', '9'].map((d, i) => tall(d, x + 24 * i));

describe('components and glyph shapes', () => {
  it('finds 8-connected ink components and flags those cut by the window', () => {
    const bin = blank();
    draw(bin, { x0: 10, y0: 10, x1: 12, y1: 12 });
    draw(bin, { x0: 12, y0: 12, x1: 14, y1: 14 }); // touches the first only at a corner
    draw(bin, { x0: 30, y0: 5, x1: 32, y1: 20 });
    const cs = components(bin, { x0: 0, y0: 8, x1: 50, y1: 30 });
    expect(cs.map((c) => [c.x0, c.y0, c.x1, c.y1, c.clipped])).toEqual([
      [30, 8, 32, 20, true],
      [10, 10, 14, 14, false],
    ]);
  });

  it('joins branches that meet only further down (a "U") into one component', () => {
    const bin = blank();
    draw(bin, { x0: 10, y0: 10, x1: 12, y1: 20 });
    draw(bin, { x0: 18, y0: 10, x1: 20, y1: 20 });
    draw(bin, { x0: 10, y0: 20, x1: 20, y1: 22 });
    const [u, ...rest] = components(bin, { x0: 0, y0: 0, x1: 50, y1: 50 });
    expect(rest).toHaveLength(0);
    expect(u).toMatchObject({ x0: 10, y0: 10, x1: 20, y1: 22, pixels: 20 + 20 + 20 });
  });

  it('tells a full stop, a comma, a colon and a semicolon from their ink', () => {
    const em = 40;
    const shape = (boxes: OcrBox[]) => {
      const bin = blank();
      boxes.forEach((b) => draw(bin, b));
      return punctuation(columns(components(bin, { x0: 0, y0: 40, x1: 400, y1: 140 }))[0], BASE, em);
    };
    const dot = { x0: 10, y0: BASE - 5, x1: 15, y1: BASE };
    const comma = { x0: 10, y0: BASE - 4, x1: 15, y1: BASE + 6 };
    const upper = { x0: 10, y0: BASE - 20, x1: 15, y1: BASE - 15 };
    expect([shape([dot]), shape([comma]), shape([upper, dot]), shape([upper, comma])]).toEqual(['.', ',', ':', ';']);
    expect(shape([{ x0: 10, y0: BASE - 27, x1: 30, y1: BASE }])).toBeNull();
    // A comma hanging only a tenth of an em below the baseline is still a comma by its shape.
    expect(shape([{ x0: 10, y0: BASE - 5, x1: 15, y1: BASE + 4 }])).toBe(',');
  });
});

describe('splitRaisedMarks', () => {
  it('splits a raised mark OCR read with the semicolon after it ("2009%") into year, mark and ";"', () => {
    const misread: Glyph = { text: '%', box: { x0: 106, y0: BASE - 30, x1: 125, y1: BASE + 6 }, ink: [sup(106), ...semicolon(120)] };
    const ws = split([[...year(10), misread], [tall('H', 150)]]);
    expect(texts(ws)).toEqual(['2009', `[${UNREAD_MARK}]`, ';', 'H']);
    expect(ws[1].bbox).toEqual({ x0: 106, y0: BASE - 30, x1: 116, y1: BASE - 16 });
  });

  it('keeps the digits of a mark when OCR read one per glyph, not when it read fewer', () => {
    const label = (read: Glyph[]) => split([read, [tall('B', 60)]]);
    const one = { x0: 10, y0: BASE - 30, x1: 14, y1: BASE - 16 };
    const two = sup(18);
    expect(texts(label([{ text: '1', box: one }, { text: '2', box: two }]))).toEqual(['[12]', 'B']);
    // "12" read as "2": the number is not known, only that a mark opens the note.
    expect(texts(label([{ text: '2', box: { ...one, x1: two.x1 }, ink: [one, two] }]))).toEqual([`[${UNREAD_MARK}]`, 'B']);
  });

  it("puts back a note's label OCR left out before the line's first word", () => {
    const { bin, line } = scan([[tall('T', 60)]]);
    draw(bin, sup(30));
    expect(texts(splitRaisedMarks([line], bin, { x: 0, y: 0 })[0].words)).toEqual([`[${UNREAD_MARK}]`, 'T']);
    const { bin: plain, line: same } = scan([[tall('T', 60)]]);
    draw(plain, tall('1', 30).box);
    expect(texts(splitRaisedMarks([same], plain, { x: 0, y: 0 })[0].words)).toEqual(['T']);
  });

  it('takes a mark OCR read as a word of its own right after the word', () => {
    const ws = split([[tall('S', 10), tall('I', 34)], [{ text: '"', box: sup(58, 8) }, { text: '3', box: sup(68) }]]);
    expect(texts(ws)).toEqual(['SI', `[${UNREAD_MARK}]`]);
  });

  it('leaves closing quotes, asterisks, ordinals and lone raised words elsewhere on the line alone', () => {
    const quote: Glyph = { text: '”', box: { x0: 106, y0: BASE - 27, x1: 116, y1: BASE - 17 } };
    expect(texts(split([[...year(10), quote]]))).toEqual(['2009”']);
    expect(texts(split([[...year(10), { text: '*', box: sup(106) }]]))).toEqual(['2009*']);
    expect(texts(split([[tall('1', 10), tall('0', 34), { text: 't', box: sup(58) }, { text: 'h', box: sup(70) }]]))).toEqual(['10th']);
    // A figure from the row above merged into the line: not glued to a word, not opening the line.
    expect(texts(split([year(10), [{ text: '4', box: sup(200) }]]))).toEqual(['2009', '4']);
  });

  it("measures raise from the word's own letters when the line's baseline has drifted below them", () => {
    const lifted = BASE - 12;
    const t = { text: 't', box: { x0: 10, y0: lifted - 24, x1: 20, y1: lifted } };
    const h = { text: 'h', box: { x0: 22, y0: lifted - 28, x1: 38, y1: lifted } };
    const e = { text: 'e', box: { x0: 40, y0: lifted - 19, x1: 54, y1: lifted } };
    expect(texts(split([[t, h, e]]))).toEqual(['the']);
  });

  it('takes no mark from the line above where a skewed line runs down under it', () => {
    const { bin, line } = scan([[tall('T', 10)], [tall('T', 300, 124)]]);
    line.baseline = { x0: 10, y0: BASE, x1: 320, y1: 125.7 };
    draw(bin, { x0: 322, y0: 67, x1: 336, y1: 84 }); // an x-height letter of the line above
    expect(texts(splitRaisedMarks([line], bin, { x: 0, y: 0 })[0].words)).toEqual(['T', 'T']);
  });

  it('places a split mark by its own foot and height, smaller than its line', () => {
    const misread: Glyph = { text: '®', box: sup(106) };
    const { bin, line } = scan([[...year(10), misread]]);
    const lines = splitRaisedMarks([line], bin, { x: 0, y: 0 });
    const [yr, mark] = ocrWords(lines, { dpi: 200, offset: { x: 0, y: 0 }, width: 400, height: 160 }, 0);
    const k = 72 / 200;
    expect(mark.text).toBe(UNREAD_MARK);
    expect(mark.base).toBeCloseTo((BASE - 16) * k, 5);
    expect(yr.base).toBeCloseTo(BASE * k, 5);
    expect(mark.size).toBeLessThan(0.7 * yr.size);
  });
});
