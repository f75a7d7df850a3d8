import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page } from './helpers/pages.js';

/**
 * The structure stage hands over only a table's rows; its header lines (cells set apart, no
 * figures) sit right above them, under a title line of running words.
 */
const rights = [260, 320];

describe('header lines left above the rows', () => {
  it('takes the lines of several cells right above the first row as the header, not the title', () => {
    const p = page({
      rows: [
        { base: 80, cells: [{ text: 'Table 3. Staff and offices by region', x: 60 }] },
        { base: 100, cells: [{ text: 'Region', x: 60 }, { text: 'Staff', right: rights[0] }, { text: 'Offices', right: rights[1] }] },
        figureRow(112, 'North', 60, ['12', '3'], rights),
        figureRow(124, 'South', 60, ['40', '7'], rights),
        figureRow(136, 'East', 60, ['9', '2'], rights),
      ],
    });
    const { tables } = buildTables([p], { tabular: [block(p, 112, 136)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual([
      ['Region', 'Staff', 'Offices'],
      ['North', '12', '3'],
      ['South', '40', '7'],
      ['East', '9', '2'],
    ]);
  });
});
