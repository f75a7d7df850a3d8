import { describe, expect, it } from 'vitest';
import { dashOfLength, readDashes } from '../../src/load/dash-widths.js';
import { BASE, scan, tall, type Glyph } from '../helpers/scan.js';

// A 40 px em (capitals 27 px): a bar 3 px thick at 0.3 em above the baseline.
const bar = (text: string, x: number, length: number): Glyph => ({ text, box: { x0: x, y0: BASE - 14, x1: x + length, y1: BASE - 11 } });
const read = (words: Glyph[][]) => {
  const { bin, line } = scan(words);
  return readDashes([line], bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
};

describe('readDashes', () => {
  it('reads a dash by the length of its bar', () => {
    expect(read([[tall('A', 0)], [bar('—', 40, 20)], [tall('B', 80)]])).toEqual(['A', '–', 'B']);
    expect(read([[tall('A', 0)], [bar('-', 40, 20)], [tall('B', 80)]])).toEqual(['A', '–', 'B']);
    expect(read([[tall('A', 0)], [bar('–', 40, 38)], [tall('B', 90)]])).toEqual(['A', '—', 'B']);
    expect(read([[tall('A', 0), bar('—', 22, 10), tall('B', 34)]])).toEqual(['A-B']);
  });

  it('leaves a bar that runs on past its glyph (a rule of dashes)', () => {
    const rule = { ...bar('-', 40, 10), ink: [{ x0: 40, y0: BASE - 14, x1: 200, y1: BASE - 11 }] };
    expect(read([[tall('A', 0)], [rule], [tall('B', 220)]])).toEqual(['A', '-', 'B']);
  });
});

describe('dashOfLength', () => {
  it('leaves lengths between a hyphen and an en dash', () => {
    expect(dashOfLength(0.36)).toBeNull();
  });
});
