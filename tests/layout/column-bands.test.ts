import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/layout/lines.js';
import { typesetColumns } from '../../src/layout/column-bands.js';
import { sidesOf } from '../../src/layout/bands.js';
import type { Rule, Word } from '../../src/model/page.js';
import { lineWords, page, word } from '../helpers/make.js';

const TEXT = 'the report reviews the work of the year and the work goes on in the field with partners in many places';
const SIZE = 9;

/** A line of the words of TEXT from word `k` that fit between x0 and x1, set justified (the last line of a paragraph: `ragged`, spaced normally). */
function justified(tag: string, x0: number, x1: number, base: number, ragged = false, k = 0): Word[] {
  const pool = TEXT.split(' ');
  const words = [word({ text: tag, x: 0, base, size: SIZE })];
  const natural = () => words.reduce((a, w) => a + (w.x1 - w.x0) + 0.25 * SIZE, -0.25 * SIZE);
  for (let i = k; ; i++) {
    words.push(word({ text: pool[i % pool.length], x: 0, base, size: SIZE }));
    if (natural() > x1 - x0) break;
  }
  words.pop();
  if (ragged) words.splice(3);
  const inked = words.reduce((a, w) => a + (w.x1 - w.x0), 0);
  const gap = ragged ? 0.25 * SIZE : (x1 - x0 - inked) / (words.length - 1);
  let x = x0;
  return words.map((w) => {
    const out = { ...w, x0: x, x1: x + (w.x1 - w.x0) };
    x = out.x1 + gap;
    return out;
  });
}

/** `rows` rows of `cols` justified columns between x 60 and 540, 24 apart, from baseline y; the last column's last row ragged. */
function balanced(tag: string, cols: number, rows: number, y: number): Word[] {
  const w = (480 - (cols - 1) * 24) / cols;
  const out: Word[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) out.push(...justified(`${tag}${c}r${r}`, 60 + c * (w + 24), 60 + c * (w + 24) + w, y + r * 12, c === cols - 1 && r === rows - 1, (3 * r + 5 * c) % 11));
  return out;
}

const tags = (lines: { text: string }[]) => lines.map((l) => l.text.split(' ')[0]);

describe('column bands', () => {
  it('reads a short band of balanced columns column by column, though its rows share baselines', () => {
    const words = [...lineWords('WIDE the report reviews the work of the year and the work goes on in the field with partners now', 60, 100, { size: SIZE }), ...balanced('c', 3, 3, 130)];
    expect(tags(buildLines(page(words)))).toEqual(['WIDE', 'c0r0', 'c0r1', 'c0r2', 'c1r0', 'c1r1', 'c1r2', 'c2r0', 'c2r1', 'c2r2']);
  });

  it('reads columns of different widths sharing baselines, wrapped and ragged, row by row (a table of text)', () => {
    const words: Word[] = [];
    for (let r = 0; r < 3; r++) {
      words.push(...lineWords(`L${r} the work of the year`, 60, 130 + r * 12, { size: SIZE }));
      words.push(...lineWords(`R${r} goes on in the field with ${r ? '' : 'partners in many places '}of it`, 250, 130 + r * 12, { size: SIZE }));
    }
    expect(tags(buildLines(page(words)))).toEqual(['L0', 'L1', 'L2']);
  });

  it('tells typeset columns (one width, justified) from a table’s text columns', () => {
    const rowsOf = (words: Word[]) => [...new Set(words.map((w) => w.base))].map((b) => words.filter((w) => w.base === b));
    const gutters: [number, number][] = [[204, 228], [372, 396]];
    expect(typesetColumns(rowsOf(balanced('c', 3, 3, 130)).map((r) => sidesOf(r, gutters)), 3, SIZE)).toBe(true);
    const ragged: Word[] = [];
    for (let r = 0; r < 3; r++) for (const [c, x] of [60, 250, 410].entries()) ragged.push(...lineWords(`c${c} the work${r === c ? ' of the year' : ''}`, x, 130 + r * 12, { size: SIZE }));
    expect(typesetColumns(rowsOf(ragged).map((r) => sidesOf(r, gutters)), 3, SIZE)).toBe(false);
  });

  it('starts a band at a heading over the first gutter of three columns, the columns under it read in order', () => {
    const heading = lineWords('XI. OFFICE OF THE INSPECTOR GENERAL OF IT', 60, 126, { size: 10.5, bold: true });
    // Above it the last rows of the section before, in the same three columns: the heading ends their band.
    const words = [...balanced('a', 3, 3, 80), ...heading, ...balanced('c', 3, 8, 150)];
    const order = tags(buildLines(page(words)));
    const at = (t: string) => order.indexOf(t);
    expect(at('XI.')).toBeLessThan(at('c0r0'));
    expect(order.slice(at('c0r0'), at('c0r0') + 24)).toEqual(['c0', 'c1', 'c2'].flatMap((c) => Array.from({ length: 8 }, (_, r) => `${c}r${r}`)));
  });

  it('keeps the page’s gutter beside a table in one column, the other column’s prose read as one run', () => {
    const words: Word[] = [];
    for (let r = 0; r < 8; r++) {
      words.push(word({ text: `Region${r}`, x: 60, base: 100 + r * 11, size: SIZE }));
      for (const [k, x] of [120, 150, 180, 210, 240].entries()) words.push(word({ text: String(100 * r + k), x, base: 100 + r * 11, size: SIZE }));
    }
    for (let r = 0; r < 4; r++) words.push(...justified(`P${r}`, 312, 540, 100 + r * 12, r === 3, 2 * r));
    words.push(...lineWords('A HEADING SET ACROSS BOTH COLUMNS OF THE PAGE IN BOLD', 80, 210, { size: 10, bold: true }));
    // Too few rows under it for the page as a whole to show its gutter: only the band under the heading does.
    words.push(...balanced('b', 2, 4, 230));
    const order = tags(buildLines(page(words)));
    // The prose beside the table is read as one run, after the table, not between its rows.
    expect(order.slice(order.indexOf('P0'), order.indexOf('P0') + 4)).toEqual(['P0', 'P1', 'P2', 'P3']);
    expect(order.indexOf('Region7')).toBeLessThan(order.indexOf('P0'));
  });

  it('reads a heading under the last row of balanced columns after both of them', () => {
    const words = [...balanced('c', 2, 4, 100), ...lineWords('Statistical Annex', 60, 160, { size: 10, bold: true }), ...lineWords('The annex of the year', 60, 180, { size: SIZE })];
    const order = tags(buildLines(page(words)));
    expect(order).toEqual(['c0r0', 'c0r1', 'c0r2', 'c0r3', 'c1r0', 'c1r1', 'c1r2', 'c1r3', 'Statistical', 'The']);
  });

  it('reads a heading under columns that do not share baselines after both of them, the first column ending a line lower', () => {
    const words: Word[] = [];
    for (let r = 0; r < 10; r++) words.push(...justified(`L${r}`, 60, 288, 100 + r * 12, r === 9, r));
    for (let r = 0; r < 9; r++) words.push(...justified(`R${r}`, 312, 540, 104 + r * 12, r === 8, r + 3));
    words.push(...lineWords('III. MIGRATION HEALTH', 60, 240, { size: 10, bold: true }));
    const order = tags(buildLines(page(words)));
    expect(order.indexOf('R8')).toBeLessThan(order.indexOf('III.'));
    expect(order.indexOf('III.')).toBe(order.length - 1);
  });
});

describe('a chart in one column', () => {
  /** A bar chart in the right column: names at x 318, bars from x 400 drawn to scale, values at their ends; rows 15 apart from baseline y. */
  function chart(y: number): { words: Word[]; rules: Rule[] } {
    const data: [string, number][] = [['Employees (field)', 120], ['Officials (field)', 20], ['Employees (HQ)', 6], ['Officials (HQ)', 9]];
    const words: Word[] = [];
    const rules: Rule[] = [];
    data.forEach(([name, len], i) => {
      const base = y + 15 * i;
      words.push(...lineWords(name, 318, base, { size: 8 }), ...lineWords(String(len * 5), 400 + len + 4, base, { size: 8 }));
      rules.push({ x0: 400, x1: 400 + len, y0: base - 7, y1: base + 3, kind: 'rect' });
    });
    return { words, rules };
  }

  it('reads a heading wrapped in the left column as one run beside it, under a wide table’s last row', () => {
    const c = chart(134);
    const words = [
      ...lineWords('Total 607 927 098 922 019 824 703 195 932 751 831 795 978 194 369', 60, 100, { size: 8, bold: true }).map((w, i) => ({ ...w, x0: w.x0 + 30 * Math.floor((i + 2) / 3), x1: w.x1 + 30 * Math.floor((i + 2) / 3) })),
      ...lineWords('9.', 60, 128, { size: 9, bold: true }),
      ...lineWords('Staff Worldwide by Category -', 76, 128, { size: 9, bold: true }),
      ...lineWords('2004-2008', 76, 139.5, { size: 9, bold: true }),
      ...c.words,
    ];
    expect(tags(buildLines(page(words, c.rules)))).toEqual(['Total', '9.', '2004-2008', 'Employees', 'Officials', 'Employees', 'Officials']);
  });
});
