import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, hrule, page } from './helpers/pages.js';

const rights = [260, 330];

describe('heads set flush right over figures', () => {
  it('keep a short unit line under the name in the same cell', () => {
    // "GDP growth" over "(%)", both ending on the column's right edge; "Population" over "(millions)".
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Population', right: rights[0] }, { text: 'GDP growth', right: rights[1] }] },
        { base: 110, cells: [{ text: 'Economy', x: 60 }, { text: '(millions)', right: rights[0] }, { text: '(%)', right: rights[1] }] },
        figureRow(126, 'Arcadia', 60, ['2.1', '-0.5'], rights),
        figureRow(138, 'Borealia', 60, ['37.5', '2.7'], rights),
        figureRow(150, 'Caldera', 60, ['24.2', '0.2'], rights),
        figureRow(162, 'Dunmore', 60, ['34.1', '1.3'], rights),
      ],
      rules: [hrule(55, 335, 114)],
    });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 162)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    expect(tables[0].grid[0]).toEqual(['Economy', 'Population (millions)', 'GDP growth (%)']);
    expect(tables[0].grid).toHaveLength(5);
  });
});
