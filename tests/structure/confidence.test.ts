import { describe, expect, it } from 'vitest';
import { summariseConfidence, wordsConfidence } from '../../src/structure/confidence.js';
import type { Word } from '../../src/model/page.js';

const w = (text: string, conf?: number): Word => ({ text, conf, x0: 0, x1: 1, y0: 0, y1: 1, base: 1, size: 10, font: '', bold: false, italic: false });

describe('OCR confidence of records', () => {
  it('is the mean word confidence weighted by word length', () => {
    // "Migration" (9 letters) at 90 and "of" (2) at 40: (810 + 80) / 11.
    expect(wordsConfidence([{ words: [w('Migration', 90), w('of', 40)] }])).toBeCloseTo(80.9, 1);
  });

  it('is undefined for text-layer words', () => {
    expect(wordsConfidence([{ words: [w('digital'), w('text')] }])).toBeUndefined();
  });

  it('lists the records below the threshold with the start of their text', () => {
    const s = summariseConfidence(
      [
        { kind: 'paragraph', id: '1', page: 1, confidence: 95, text: 'clear', weight: 300 },
        { kind: 'paragraph', id: '2', page: 1, confidence: 55, text: 'smudged text', weight: 100 },
      ],
      75,
    )!;
    expect(s.mean).toBe(85);
    expect(s.low_confidence).toEqual([{ kind: 'paragraph', id: '2', page: 1, confidence: 55, text: 'smudged text' }]);
    expect(s.records.map((r) => r.id)).toEqual(['1', '2']);
    expect(summariseConfidence([])).toBeNull();
  });
});
