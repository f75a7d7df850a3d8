import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page } from './helpers/pages.js';

const rights = [260, 320];

describe('a table whose rows run on into their notes, with a bold total first', () => {
  it('keeps "NOTE:" and "SOURCE:" lines set at the rows\' pitch out of the grid', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Item', x: 60 }, { text: 'Number', right: rights[0] }, { text: 'Percent', right: rights[1] }] },
        figureRow(111, 'Multiple choice', 60, ['74', '55'], rights),
        figureRow(122, 'Constructed response', 60, ['61', '45'], rights),
        { base: 133, cells: [{ text: 'NOTE: Detail may not sum to totals because of rounding.', x: 60 }] },
        { base: 144, cells: [{ text: 'SOURCE: A survey of the reading items of the assessment in that year.', x: 60 }] },
      ],
    });
    // One block from the header to the source line, as the layout gives it.
    const { tables } = buildTables([p], { tabular: [block(p, 100, 144)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual([
      ['Item', 'Number', 'Percent'],
      ['Multiple choice', '74', '55'],
      ['Constructed response', '61', '45'],
    ]);
    expect(tables[0].notes).toHaveLength(2);
    expect(tables[0].notes[1]).toMatch(/^SOURCE:/);
  });

  it('reads a bold row of figures under a bold header as the body\'s first row, not as header', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Item format', x: 60, bold: true }, { text: 'Number', right: rights[0], bold: true }, { text: 'Percent', right: rights[1], bold: true }] },
        figureRow(111, 'Total', 60, ['135', '100'], rights, true),
        figureRow(122, 'Multiple choice', 60, ['74', '55'], rights),
        figureRow(133, 'Constructed response', 60, ['61', '45'], rights),
      ],
    });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 133)], paragraphs: [] });
    expect(tables[0].record.header_rows).toBe(1);
    expect(tables[0].grid).toEqual([
      ['Item format', 'Number', 'Percent'],
      ['Total', '135', '100'],
      ['Multiple choice', '74', '55'],
      ['Constructed response', '61', '45'],
    ]);
  });
});
