import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, page } from './helpers/pages.js';

describe('charts are figures, not tables', () => {
  it('reports an image with data labels on it as one figure block titled by the heading above', () => {
    const p = page({
      rows: [
        { base: 300, cells: [{ text: '2. Active projects 2004-2008', x: 71, bold: true, size: 12 }] },
        { base: 360, cells: [{ text: '1100', x: 150 }, { text: '1674', x: 250 }, { text: '2167', x: 350 }] },
        { base: 372, cells: [{ text: '410', x: 150 }, { text: '492', x: 250 }, { text: '550', x: 350 }] },
        { base: 450, cells: [{ text: '2004', x: 150 }, { text: '2005', x: 250 }, { text: '2006', x: 350 }] },
      ],
      images: [{ x0: 99, y0: 320, x1: 496, y1: 520 }],
    });
    const { tables, figures } = buildTables([p], { tabular: [block(p, 360, 450)], paragraphs: [] });
    expect(tables).toHaveLength(0);
    expect(figures).toEqual([expect.objectContaining({ kind: 'figure', page: 1, text: '2. Active projects 2004-2008', item: 0 })]);
  });

  it('reports a table printed as an image as a table without cells', () => {
    const p = page({
      rows: [{ base: 100, cells: [{ text: 'Table 3: Movements by service', x: 100, bold: true, size: 11 }] }],
      images: [{ x0: 99, y0: 115, x1: 496, y1: 313 }],
    });
    const { tables, figures, checks } = buildTables([p], { tabular: [], paragraphs: [] });
    expect(figures).toHaveLength(0);
    expect(tables).toHaveLength(1);
    expect(tables[0].record).toMatchObject({ title: 'Table 3: Movements by service', rows: 0, cols: 0 });
    expect(checks.find((c) => c.name === 'tables-without-cells')?.ok).toBe(false);
  });
});
