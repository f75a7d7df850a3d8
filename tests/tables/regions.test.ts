/**
 * Where a table begins and ends on a page of several tabular blocks: which short lines between
 * rows are inside the table and which open another one.
 */
import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page, type CellSpec } from './helpers/pages.js';

const build = (pages: ReturnType<typeof page>[], blocks: ReturnType<typeof block>[]) => buildTables(pages, { tabular: blocks, paragraphs: [] });

const RIGHTS = [200, 260, 320];
const small = (row: { base: number; cells: CellSpec[] }) => ({ base: row.base, cells: row.cells.map((c) => ({ ...c, size: 8 })) });

describe('group labels between runs of rows', () => {
  it('keeps a bold label set larger than the rows ("Male" … "Female") inside one table', () => {
    const label = (base: number, text: string) => ({ base, cells: [{ text, x: 100, bold: true }] });
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Dose', x: 100, bold: true }, { text: 'No.', right: RIGHTS[0], bold: true }, { text: 'Weight', right: RIGHTS[1], bold: true }, { text: 'Change', right: RIGHTS[2], bold: true }] },
        label(125, 'Male'),
        small(figureRow(145, '0', 100, ['39', '5.8', '100'], RIGHTS)),
        small(figureRow(155, '250', 100, ['30', '5.9', '102'], RIGHTS)),
        label(180, 'Female'),
        small(figureRow(200, '0', 100, ['23', '5.4', '100'], RIGHTS)),
        small(figureRow(210, '250', 100, ['34', '5.6', '104'], RIGHTS)),
      ],
    });
    const { tables } = build([p], [block(p, 100, 100), block(p, 125, 125), block(p, 145, 155), block(p, 180, 180), block(p, 200, 210)]);
    expect(tables).toHaveLength(1);
    const grid = tables[0].grid;
    expect(grid.map((r) => r[0])).toEqual(['Dose', 'Male', '0', '250', 'Female', '0', '250']);
    expect(grid[3]).toEqual(['250', '30', '5.9', '102']);
  });

  it('still opens a new table at a "Table n" caption or a long title between runs of rows', () => {
    const p = page({
      rows: [
        figureRow(100, 'Staff', 100, ['12', '14', '16'], RIGHTS),
        figureRow(110, 'Offices', 100, ['3', '5', '7'], RIGHTS),
        { base: 135, cells: [{ text: 'Table 2', x: 100, bold: true, size: 10 }] },
        figureRow(155, 'Staff', 100, ['1', '2', '3'], RIGHTS),
        figureRow(165, 'Offices', 100, ['4', '5', '6'], RIGHTS),
        { base: 190, cells: [{ text: 'Budget of the offices by region in 2008', x: 100, bold: true, size: 10 }] },
        figureRow(210, 'Africa', 100, ['8', '9', '10'], RIGHTS),
        figureRow(220, 'Asia', 100, ['11', '12', '13'], RIGHTS),
      ],
    });
    const { tables } = build([p], [block(p, 100, 110), block(p, 135, 135), block(p, 155, 165), block(p, 190, 190), block(p, 210, 220)]);
    expect(tables.map((t) => t.record.rows)).toEqual([2, 2, 2]);
  });
});

describe('text read between tabular blocks', () => {
  it('parts them though it stands beside the next one’s first row (a heading beside a table under a wide one)', () => {
    const WIDE = [220, 300, 400, 500];
    const p = page({
      rows: [
        figureRow(100, 'Offices', 60, ['12', '14', '16', '18'], WIDE),
        figureRow(112, 'Total', 60, ['13', '15', '17', '19'], WIDE, true),
        { base: 140, cells: [{ text: '9. Staff by region', x: 60, bold: true }] },
        figureRow(145, 'Africa', 318, ['478'], [500]),
        figureRow(160, 'Europe', 318, ['675'], [500]),
        figureRow(175, 'Americas', 318, ['319'], [500]),
      ],
    });
    const { tables } = build([p], [block(p, 100, 112), block(p, 145, 175)]);
    expect(tables.map((t) => t.grid.map((r) => r[0]))).toEqual([['Offices', 'Total'], ['Africa', 'Europe', 'Americas']]);
  });
});
