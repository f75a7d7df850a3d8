import { describe, expect, it } from 'vitest';
import { KeptWord, keepPage, WordStore } from '../../src/layout/kept-page.js';
import { layoutPage } from '../../src/layout/layout.js';
import { copyWord, type Word } from '../../src/model/page.js';
import { lineWords, page } from '../helpers/make.js';

const FIELDS = ['text', 'x0', 'y0', 'x1', 'y1', 'base', 'size', 'font', 'bold', 'italic', 'conf'] as const;
const fields = (w: Word) => Object.fromEntries(FIELDS.map((k) => [k, w[k]]));

const ocrWord: Word = { text: 'Sum', x0: 10.125, y0: 20.3, x1: 31.7, y1: 29.9, base: 28.41, size: 9.6, font: 'F1', bold: true, italic: false, conf: 87.5 };

describe('kept words', () => {
  it('read back every field of the word they keep, a missing confidence as missing', () => {
    const store = new WordStore();
    const g = new Float64Array(14);
    const ocr = new KeptWord(g, 0, ocrWord, store);
    const layer = new KeptWord(g, 7, { ...ocrWord, conf: undefined, x0: 1 / 3 }, store);
    expect(fields(ocr)).toEqual(fields(ocrWord));
    expect(layer.conf).toBeUndefined();
    expect(layer.x0).toBe(1 / 3);
    expect(layer.y1).toBe(ocrWord.y1);
  });

  it('take new coordinates and text, each word its own', () => {
    const store = new WordStore();
    const g = new Float64Array(14);
    const a = new KeptWord(g, 0, ocrWord, store);
    const b = new KeptWord(g, 7, ocrWord, store);
    a.x1 = 40.5;
    a.text = 'Total';
    expect([a.x1, a.text]).toEqual([40.5, 'Total']);
    expect([b.x1, b.text]).toEqual([ocrWord.x1, 'Sum']);
  });

  it('copy to a plain word with copyWord (a spread would lose the coordinates)', () => {
    const kept = new KeptWord(new Float64Array(7), 0, ocrWord, new WordStore());
    const copy = copyWord(kept, { text: '12', x1: 20 });
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(fields(copy)).toEqual({ ...fields(ocrWord), text: '12', x1: 20 });
    expect(({ ...kept } as Partial<Word>).x0).toBeUndefined();
  });
});

describe('keepPage', () => {
  it('keeps every line word with the same fields, in the same lines', () => {
    const words = [...lineWords('the first line of the page', 60, 100), ...lineWords('and the second line', 60, 114, { bold: true })];
    const plain = layoutPage(page(words));
    const kept = keepPage(layoutPage(page(words)), new WordStore());
    expect(kept.lines.map((l) => l.words.map(fields))).toEqual(plain.lines.map((l) => l.words.map(fields)));
    expect(kept.lines.every((l) => l.words.every((w) => w instanceof KeptWord))).toBe(true);
  });
});
