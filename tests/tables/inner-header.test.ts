import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page } from './helpers/pages.js';

/**
 * A table in parts: an inner header centred over the figure columns opens each part ("Enrollment,
 * in thousands"), and its row labels end with a year a word space after the text ("Projections
 * to 2017"). The inner headers bridge the columns but make none; the year stays in its label.
 */
const rights = [260, 320, 380];
const label = (y: string) => `Projections to ${y}`;

describe('inner headers and labels ending in a number', () => {
  it('finds the columns under centred inner headers and keeps a label\'s year in its label', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Source', x: 60 }, ...['2007–08', '2008–09', '2009–10'].map((text, i) => ({ text, right: rights[i] }))] },
        { base: 112, cells: [{ text: 'Enrollment, in thousands', x: 262 }] },
        figureRow(124, 'Actual', 60, ['49,293', '49,266', '49,373'], rights),
        { base: 136, cells: [{ text: 'Projected enrollment, in thousands', x: 240 }] },
        figureRow(148, label('2017'), 60, ['49,644', '49,825', '50,067'], rights),
        figureRow(160, label('2018'), 60, ['49,470', '49,623', '49,788'], rights),
        { base: 172, cells: [{ text: 'Difference between actual and projected', x: 228 }] },
        figureRow(184, label('2017'), 60, ['0.7', '1.1', '1.4'], rights),
        figureRow(196, label('2018'), 60, ['0.4', '0.7', '0.8'], rights),
      ],
    });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 196)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    const grid = tables[0].grid;
    expect(grid[0]).toEqual(['Source', '2007–08', '2008–09', '2009–10']);
    // Every figure row keeps four cells: its label (with the year) and three figures.
    for (const row of grid.filter((r) => /^(Actual|Projections)/.test(r[0]))) expect(row).toHaveLength(4);
    expect(grid.find((r) => r[0] === label('2017'))).toEqual([label('2017'), '49,644', '49,825', '50,067']);
    expect(grid.find((r) => r[1] === '0.4')).toEqual([label('2018'), '0.4', '0.7', '0.8']);
  });
});
