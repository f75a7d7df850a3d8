import { describe, expect, it } from 'vitest';
import type { Column, Frag } from '../../src/structure/tables/model.js';
import { buildBody } from '../../src/structure/tables/rows.js';

const EM = 7;
const frag = (text: string, x0: number, x1: number, base: number, line: number): Frag => ({
  text, x0, x1, base, y0: base - EM, y1: base, size: EM, bold: false, numeric: /^\d/.test(text), line, parts: [{ text, x0, x1 }],
});
const cols: Column[] = [
  { x0: 0, x1: 70, numeric: false },
  { x0: 100, x1: 130, numeric: true },
];
const colOf = (f: Frag): [number, number] => (f.x0 >= 90 ? [1, 1] : [0, 0]);

describe('body rows', () => {
  it('keeps a label line interleaved with a figure line in its row, even when that line has two figures in one column', () => {
    // OCR read "3 633" as two figures of one cell; the label's first line sits 0.5 em above.
    const lines = [
      [frag('Caribbean', 0, 30, 90, 0), frag('4 349', 110, 130, 90, 0)],
      [frag('Central America and', 0, 60, 99.6, 1)],
      [frag('3', 100, 104, 103.3, 2), frag('633', 118, 130, 103.3, 2)],
      [frag('North America', 0, 45, 112.8, 3), frag('229', 118, 130, 112.8, 3)],
    ];
    const body = buildBody(lines, cols, colOf, EM);
    expect(body.grid).toEqual([
      ['Caribbean', '4 349'],
      ['Central America and', '3 633'],
      ['North America', '229'],
    ]);
  });
});
