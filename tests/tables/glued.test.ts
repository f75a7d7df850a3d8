import { describe, expect, it } from 'vitest';
import { restoreSeparators } from '../../src/structure/tables/glued.js';
import { page, SIZE, type CellSpec } from './helpers/pages.js';

const ADV = 0.5 * SIZE;
const SPACE = 0.28 * SIZE;
/** Lines of a table: a label, then figures right-aligned at 300 and 360. */
const table = (rows: (string | CellSpec)[][]) =>
  page({
    rows: rows.map((cells, i) => ({
      base: 100 + 12 * i,
      cells: [{ text: `Row ${'abcdefgh'[i]}`, x: 100 }, ...cells.map((c, k) => (typeof c === 'string' ? { text: c, right: 300 + 60 * k } : { ...c, right: 300 + 60 * k }))],
    })),
  }).lines;
const texts = (lines: ReturnType<typeof table>) => lines.map((l) => l.words.slice(2).map((w) => w.text).join(' '));

describe('figures that lost their separators (OCR)', () => {
  it('splits a figure one thousands space wider than its digits into its groups', () => {
    const lines = table([['2 167', '7'], ['426', '5'], ['1 013', '12'], [{ text: '22796', width: 5 * ADV + SPACE }, '3']]);
    const out = restoreSeparators(lines, SIZE);
    expect(texts(out)[3]).toBe('22 796 3');
    expect(out[0]).toBe(lines[0]);
  });

  it('puts back a decimal point where the column writes decimals', () => {
    const lines = table([['32.0', '7'], ['751.8', '5'], ['10', '12'], [{ text: '7838', width: 4 * ADV + ADV / 2 }, '3'], ['75', '1']]);
    expect(texts(restoreSeparators(lines, SIZE))[3]).toBe('783.8 3');
  });

  it('leaves figures of their digits’ width, and a header of years (however wide), as they are', () => {
    const lines = table([[{ text: '2004', width: 4 * ADV + SPACE }, '2005'], ['2 167', '7'], ['426', '5'], ['1058', '12'], ['99', '3']]);
    const out = restoreSeparators(lines, SIZE);
    expect(out).toEqual(lines);
  });
});

describe('glued figures in small tables (too few figures to measure digits)', () => {
  it('restores a figure as wide as a spaced figure of its column with as many digits', () => {
    const lines = table([['7 127'], [{ text: '3061', width: 4 * ADV + SPACE }], ['4066']]);
    expect(texts(restoreSeparators(lines, SIZE))).toEqual(['7 127', '3 061', '4066']);
  });

  it('restores a decimal point from a decimal figure of its column with as many digits', () => {
    const lines = table([['32.0'], ['751.8'], [{ text: '7838', width: 5 * ADV }]]);
    expect(texts(restoreSeparators(lines, SIZE))[2]).toBe('783.8');
  });
});
