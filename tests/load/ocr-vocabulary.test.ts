import { describe, expect, it } from 'vitest';
import { core, countWords, mendLines, mendOcrPages, mendWord } from '../../src/load/ocr-vocabulary.js';

/** A document's counts: each word repeated as often as given. */
const doc = (spec: Record<string, number>) => countWords(Object.entries(spec).flatMap(([w, n]) => Array<string>(n).fill(w)));

describe('core', () => {
  it('is the word without brackets, quotes, stops and possessive', () => {
    expect(core('(IOM),')).toBe('IOM');
    expect(core('IOM’s')).toBe('IOM');
    expect(core('“Managing')).toBe('Managing');
  });
});

describe('mendWord', () => {
  const counts = doc({ IOM: 40, '10M': 3, OM: 1, In: 10, in: 80, vulnerable: 8, fall: 9, held: 9, EC: 6, International: 5 });

  it('reads a rare token as the frequent word a few OCR confusions away', () => {
    expect(mendWord('10M', counts)).toBe('IOM');
    expect(mendWord('[OM', counts)).toBe('IOM');
    expect(mendWord('(OM),', counts)).toBe('IOM),');
    expect(mendWord('I0M’s', counts)).toBe('IOM’s');
    expect(mendWord('OM', counts)).toBe('IOM');
    expect(mendWord('iIOM', counts)).toBe('IOM');
    expect(mendWord('10M-specific', counts)).toBe('IOM-specific');
    expect(mendWord('vuinerable', counts)).toBe('vulnerable');
    expect(mendWord('Intemational', counts)).toBe('International');
  });

  it('leaves words the counts cannot decide', () => {
    // A case, a short word with a real neighbour, a frequent reading, a word far from any other.
    expect(mendWord('in', counts)).toBeNull();
    expect(mendWord('In', counts)).toBeNull();
    expect(mendWord('fail', counts)).toBeNull();
    expect(mendWord('heid', counts)).toBeNull();
    expect(mendWord('EC', counts)).toBeNull();
    expect(mendWord('Geneva', counts)).toBeNull();
    // Not frequent enough: IOM only 4 times as often as 10M.
    expect(mendWord('10M', doc({ IOM: 12, '10M': 3 }))).toBeNull();
    // Numbers are never words.
    expect(mendWord('10', counts)).toBeNull();
  });
});

describe('mendOcrPages', () => {
  const line = (text: string, marks: { at: number }[] = []) => ({ words: text.split(' ').map((t) => ({ text: t })), text, marks });

  it('mends OCR lines only, keeping marks in place, and counts what it changed', () => {
    const body = Array.from({ length: 12 }, () => line('IOM staff'));
    const ocr = line('the 10M Strategy', [{ at: 7 }]);
    const layer = line('the 10M engine');
    const n = mendOcrPages([
      { source: 'ocr', lines: [...body, ocr] },
      { source: 'text-layer', lines: [layer] },
    ]);
    expect(n).toBe(1);
    expect(ocr.text).toBe('the IOM Strategy');
    expect(ocr.words.map((w) => w.text)).toEqual(['the', 'IOM', 'Strategy']);
    expect(ocr.marks).toEqual([{ at: 7 }]);
    expect(layer.text).toBe('the 10M engine');
  });

  it('shifts marks after a word that changed length', () => {
    const l = line('OM works', [{ at: 2 }, { at: 8 }]);
    expect(mendLines([l], doc({ IOM: 10 }))).toBe(1);
    expect(l.text).toBe('IOM works');
    expect(l.marks).toEqual([{ at: 3 }, { at: 9 }]);
  });
});
