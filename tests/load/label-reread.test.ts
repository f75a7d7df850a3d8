import { describe, expect, it } from 'vitest';
import type { OcrBox, OcrLine, OcrWord } from '../../src/load/hocr.js';
import { afterLabel, blankedCrop, closestLine, mergeReread, rereadBox, rereadLabelled } from '../../src/load/label-reread.js';
import type { BinaryImage } from '../../src/load/raster.js';
import { BASE, blank, draw, scan, tall } from '../helpers/scan.js';

/** A superscript digit: 14 px tall, its foot 16 px above the baseline (as in raised-marks.test). */
const sup = (x: number, w = 10): OcrBox => ({ x0: x, y0: BASE - 30, x1: x + w, y1: BASE - 16 });
const word = (text: string, x0: number, x1: number, conf = 90): OcrWord => ({
  text,
  conf,
  bbox: { x0, y0: BASE - 27, x1, y1: BASE },
  symbols: [...text].map((c, i) => ({ text: c, bbox: { x0: x0 + ((x1 - x0) * i) / text.length, y0: BASE - 27, x1: x0 + ((x1 - x0) * (i + 1)) / text.length, y1: BASE } })),
});
const line = (words: OcrWord[], y0 = BASE - 30, y1 = BASE + 8): OcrLine => ({
  bbox: { x0: words[0].bbox.x0, y0, x1: words[words.length - 1].bbox.x1, y1 },
  baseline: { x0: words[0].bbox.x0, y0: BASE, x1: words[words.length - 1].bbox.x1, y1: BASE },
  rowHeight: 37,
  words,
});
const texts = (l: OcrLine) => l.words.map((w) => w.text);

describe('afterLabel', () => {
  it('finds where the text starts after a raised label opening the line, and nothing on a plain line', () => {
    const labelled = scan([[{ text: '1', box: sup(10) }], [tall('I', 40), tall('N', 62)]]);
    expect(afterLabel(labelled.line, labelled.bin, { x: 0, y: 0 })).toBe(21);
    const plain = scan([[tall('1', 10)], [tall('I', 40), tall('N', 62)]]);
    expect(afterLabel(plain.line, plain.bin, { x: 0, y: 0 })).toBeNull();
  });
});

describe('blankedCrop', () => {
  it('keeps only the ink inside the kept box, the rest of the crop white', () => {
    const bin = blank();
    draw(bin, { x0: 0, y0: 0, x1: 400, y1: 160 });
    const crop: BinaryImage = blankedCrop(bin, { x0: 10, y0: 10, x1: 30, y1: 30 }, { x0: 15, y0: 20, x1: 40, y1: 25 });
    expect([crop.width, crop.height]).toEqual([20, 20]);
    const ink = [...crop.data.keys()].filter((i) => crop.data[i]).map((i) => [i % 20, Math.floor(i / 20)]);
    expect(ink.length).toBe(15 * 5);
    expect(ink.every(([x, y]) => x >= 5 && y >= 10 && y < 15)).toBe(true);
  });
});

describe('mergeReread', () => {
  const old = line([word('14', 10, 30), word('|p', 40, 60, 70), word('addition', 68, 150, 90)]);
  it('takes the second reading after the label when it is as sure and spans the same stretch', () => {
    expect(texts(mergeReread(old, 31, [word('In', 40, 60, 92), word('addition', 68, 150, 92)], 40))).toEqual(['14', 'In', 'addition']);
  });
  it('keeps the first reading when tesseract is less sure of the second', () => {
    expect(texts(mergeReread(old, 31, [word('In', 40, 60, 50), word('addition', 68, 150, 60)], 40))).toEqual(['14', '|p', 'addition']);
  });
  it('keeps the first reading when the second dropped words at its start', () => {
    expect(texts(mergeReread(old, 31, [word('addition', 68, 150, 99)], 40))).toEqual(['14', '|p', 'addition']);
  });
  it('keeps the glyphs of a label OCR glued to the first word', () => {
    const glued = line([word('8gpen', 10, 60, 60)]);
    expect(texts(mergeReread(glued, 21, [word('open', 22, 60, 95)], 40))).toEqual(['8', 'open']);
  });
});

describe('closestLine', () => {
  it('picks the reading of the line itself, not of ink from the line above', () => {
    const target = line([word('a', 10, 20)]);
    const above = line([word('x', 10, 20)], BASE - 70, BASE - 28);
    const self = line([word('b', 10, 20)], BASE - 28, BASE + 6);
    expect(closestLine(target, [above, self])).toBe(self);
    expect(closestLine(target, [line([word('z', 10, 20)], 0, 20)])).toBeNull();
  });
});

describe('rereadLabelled', () => {
  it("reads only labelled lines again, and places the new words back in the lines' pixels", async () => {
    const labelled = scan([[{ text: '1', box: sup(10) }], [{ ...tall('I', 40), text: '|' }, tall('N', 62)]]);
    const offset = { x: 5, y: 3 }; // the lines were read from a crop of the page starting here
    const box = rereadBox(labelled.line, offset, labelled.bin);
    const crops: BinaryImage[] = [];
    const read = async (image: BinaryImage): Promise<OcrLine[]> => {
      crops.push(image);
      // What tesseract reads in the crop, in the crop's pixels.
      const dx = offset.x - box.x0;
      const dy = offset.y - box.y0;
      const w = word('IN', 40 + dx, 82 + dx, 95);
      return [{ ...line([w]), bbox: { x0: 40 + dx, y0: BASE - 30 + dy, x1: 82 + dx, y1: BASE + 8 + dy }, words: [{ ...w, bbox: { ...w.bbox, y0: w.bbox.y0 + dy, y1: w.bbox.y1 + dy } }] }];
    };
    const [out] = await rereadLabelled([labelled.line], labelled.bin, offset, read);
    expect(crops).toHaveLength(1);
    expect(out.words.map((w) => [w.text, w.bbox.x0, w.bbox.y0])).toEqual([
      ['1', 10, BASE - 30],
      ['IN', 40, BASE - 27],
    ]);
    const plain = scan([[tall('T', 10)], [tall('O', 40)]]);
    expect(await rereadLabelled([plain.line], plain.bin, offset, read)).toEqual([plain.line]);
    expect(crops).toHaveLength(1);
  });
});
