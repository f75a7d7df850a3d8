import { describe, expect, it } from 'vitest';
import type { OcrLine, OcrWord } from '../../src/load/hocr.js';
import { ownBaselines } from '../../src/load/ocr-word-base.js';

const EM = 25; // pixels (9 pt at 200 dpi)
const CAP = 0.68 * EM;

/** A word of glyphs standing on `foot` (pixels), full height unless `height` says otherwise. */
function word(text: string, x: number, foot: number, height = CAP): OcrWord {
  const symbols = [...text].map((ch, i) => {
    const h = /[A-Z\d]/.test(ch) ? height : 0.49 * EM;
    return { text: ch, bbox: { x0: x + i * 12, y0: foot - h, x1: x + i * 12 + 11, y1: foot } };
  });
  return { text, conf: 95, symbols, bbox: { x0: x, y0: foot - height, x1: x + text.length * 12, y1: foot } };
}

/** A line whose baseline tesseract fitted from (x0, y0) to (x1, y1). */
function line(words: OcrWord[], y0: number, y1 = y0): OcrLine {
  const x0 = words[0].bbox.x0;
  const x1 = words[words.length - 1].bbox.x1;
  return { words, baseline: { x0, y0, x1, y1 }, rowHeight: EM, bbox: { x0, y0: y0 - EM, x1, y1: y0 } };
}

describe('words standing off their OCR line', () => {
  it('gives figures raised half a line above the label they were joined to their own baseline', () => {
    const l = line([word('Republic', 30, 300), word('12', 500, 286), word('34', 600, 286)], 300);
    const out = ownBaselines(l, EM, 0);
    expect([...out.values()]).toEqual([-14, -14]);
    expect(out.has(l.words[0])).toBe(false);
  });

  it('keeps raised reference marks (small) and words on one baseline with their line', () => {
    const l = line([word('Total', 30, 300), word('2', 100, 291, 0.45 * EM), word('58', 500, 301)], 300);
    expect(ownBaselines(l, EM, 0).size).toBe(0);
  });

  it('measures along the page skew, not the line’s own fitted slope', () => {
    // All words on one level baseline; tesseract fitted a steep slope across the gaps.
    const l = line([word('Total', 30, 300), word('4', 500, 300), word('102', 1200, 300)], 292, 308);
    expect(ownBaselines(l, EM, 0).size).toBe(0);
  });

  it('takes a lower-case word a space from an off-line word along with it', () => {
    const l = line([word('United', 30, 286), word('states', 110, 286), word('4', 500, 300), word('15', 600, 300)], 300);
    const out = ownBaselines(l, EM, 0);
    expect(out.get(l.words[0])).toBe(-14);
    expect(out.get(l.words[1])).toBe(-14);
    expect(out.has(l.words[2])).toBe(false);
  });
});
