import { describe, expect, it } from 'vitest';
import { findGutter } from '../../src/layout/columns.js';
import { buildLines } from '../../src/layout/lines.js';
import { lineWords, page, word } from '../helpers/make.js';

const PROSE = ['the report reviews the work of the year', 'and the work goes on in the field now', 'with partners in many places of the world'];

function twoColumns(withTitle = false) {
  const words = withTitle ? lineWords('A title that runs across both columns of the page', 150, 110, { bold: true }) : [];
  for (let i = 0; i < 12; i++) {
    words.push(...lineWords(`L${i} ${PROSE[i % 3]}`, 60, 150 + i * 12, { size: 9 }));
    words.push(...lineWords(`R${i} ${PROSE[(i + 1) % 3]}`, 310, 150 + i * 12, { size: 9 }));
  }
  return page(words);
}

describe('columns', () => {
  it('finds the gutter of a two-column page, even under a spanning title', () => {
    const g = findGutter(twoColumns(true));
    expect(g).not.toBeNull();
    expect(g!).toBeGreaterThan(230);
    expect(g!).toBeLessThan(310);
  });

  it('reads the left column before the right one, the spanning title first', () => {
    const lines = buildLines(twoColumns(true));
    expect(lines[0].text.startsWith('A title')).toBe(true);
    expect(lines[1].text.startsWith('L0')).toBe(true);
    expect(lines[12].text.startsWith('L11')).toBe(true);
    expect(lines[13].text.startsWith('R0')).toBe(true);
    expect(lines[13].col).toBe(1);
  });

  it('reads a scan in its columns: the page image behind the words is no picture reaching over the gutter', () => {
    for (const source of ['ocr', 'text-layer'] as const) {
      const p = { ...twoColumns(true), source, images: [{ x0: 0, y0: 0, x1: 595, y1: 842 }] };
      const lines = buildLines(p);
      expect(lines[13].text.startsWith('R0')).toBe(true);
      expect(lines[13].col).toBe(1);
    }
    // A picture inside the margins across the gutter still sets the rows on it apart (a chart).
    const chart = { ...twoColumns(true), images: [{ x0: 100, y0: 140, x1: 500, y1: 300 }] };
    expect(buildLines(chart).every((l) => l.col === 0)).toBe(true);
  });

  it('does not take the whitespace of a table of figures for a gutter', () => {
    const words = [];
    for (let i = 0; i < 14; i++) {
      words.push(...lineWords(`Region number ${i}`, 60, 150 + i * 12, { size: 9 }));
      for (let c = 0; c < 4; c++) words.push(word({ text: String(100 * i + c), x: 330 + 50 * c, base: 150 + i * 12, size: 9 }));
    }
    expect(findGutter(page(words))).toBeNull();
  });

  it('leaves a single-column page alone', () => {
    const words = [];
    for (let i = 0; i < 20; i++) words.push(...lineWords(`${PROSE[i % 3]} ${PROSE[(i + 1) % 3]}`, 70, 100 + i * 14));
    expect(findGutter(page(words))).toBeNull();
  });
});
