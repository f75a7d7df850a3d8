import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, hrule, page } from './helpers/pages.js';

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

describe('charts drawn with strokes', () => {
  /** A value axis: labels right-aligned at x 128, each level with a tick (x 130–133) and a gridline. */
  const axis = (values: string[], top: number, pitch: number) => ({
    rows: values.map((v, i) => ({ base: top + i * pitch, cells: [{ text: v, right: 128, size: 8 }] })),
    rules: values.flatMap((_, i) => {
      const y = top + i * pitch - 0.3 * 8; // the label's middle
      return [hrule(130, 133, y), hrule(133, 480, y)];
    }),
  });

  it('reports the labels of a chart with a ticked value axis as a figure, not a table', () => {
    const a = axis(['0.350', '0.300', '0.250', '0.200', '0.150'], 130, 30);
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Figure 1. Notification rate, 2004-2007', x: 85, bold: true }] },
        ...a.rows,
        { base: 290, cells: ['2004', '2005', '2006', '2007'].map((t, i) => ({ text: t, x: 170 + 90 * i, size: 8 })) },
      ],
      rules: a.rules,
    });
    const { tables, figures } = buildTables([p], { tabular: [block(p, 100, 100), block(p, 130, 290)], paragraphs: [] });
    expect(tables).toHaveLength(0);
    expect(figures).toEqual([expect.objectContaining({ kind: 'figure', text: 'Figure 1. Notification rate, 2004-2007' })]);
  });

  it('keeps a ruled table whose figures sit between the rules, and a column of years, as a table', () => {
    const rights = [250, 320];
    const p = page({
      rows: [2004, 2005, 2006, 2007].map((y, i) => ({ base: 120 + 14 * i, cells: [{ text: String(y), right: 128 }, { text: String(10 + i), right: rights[0] }, { text: String(20 + 2 * i), right: rights[1] }] })),
      rules: [0, 1, 2, 3, 4].map((i) => hrule(95, 330, 110 + 14 * i + 3)),
    });
    const { tables } = buildTables([p], { tabular: [block(p, 120, 162)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    expect(tables[0].grid[3]).toEqual(['2007', '13', '26']);
  });

  it('takes no picture bleeding off both sides of the page (a backdrop cut in bands) for a chart', () => {
    const p = page({
      rows: [figureRow(300, 'Spain', 100, ['0.31', '0.18'], [250, 320]), figureRow(312, 'Italy', 100, ['0.18', '0.05'], [250, 320])],
      images: [{ x0: 0, y0: 281, x1: 595, y1: 375 }],
    });
    const { tables, figures } = buildTables([p], { tabular: [block(p, 300, 312)], paragraphs: [] });
    expect(figures).toHaveLength(0);
    expect(tables).toHaveLength(1);
  });
});

describe('charts drawn with bars', () => {
  /** A chart with bars from x `axis` (lengths to scale: value / 37), names at `x`, values at the bars' ends, rows 15 apart from `top`; the shortest bars are strokes. */
  function barChart(x: number, axis: number, top: number, values: number[]) {
    const lens = values.map((v) => v / 37);
    const rows = lens.map((len, i) => ({ base: top + 15 * i, cells: [{ text: `Region ${String.fromCharCode(65 + i)}`, x, size: 8 }, { text: String(values[i]), x: axis + len + 4, size: 8 }] }));
    const rules = lens.map((len, i) => ({ x0: axis, x1: axis + len, y0: top + 15 * i - 8.5, y1: top + 15 * i + 1.5, kind: len < 2 ? ('v' as const) : ('rect' as const) }));
    return { rows, rules };
  }

  it('takes the rows of two charts side by side, read as one run, for their labels, though neither holds half of them', () => {
    // The last bar of each is a stroke, not a filled shape: its row is level with neither chart's bars.
    const left = barChart(60, 180, 300, [1480, 1332, 2220, 40]);
    const right = barChart(318, 440, 255, [370, 444, 148, 30]);
    const p = page({ rows: [...left.rows, ...right.rows], rules: [...left.rules, ...right.rules] });
    const { tables, figures } = buildTables([p], { tabular: [block(p, 255, 345)], paragraphs: [] });
    expect(tables).toHaveLength(0);
    expect(figures).toHaveLength(2);
  });
});
