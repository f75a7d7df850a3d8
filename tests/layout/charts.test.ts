import { describe, expect, it } from 'vitest';
import { drawnCharts, withLabels } from '../../src/layout/charts.js';
import { layoutPage } from '../../src/layout/layout.js';
import { buildLines } from '../../src/layout/lines.js';
import type { Rule } from '../../src/model/page.js';
import { lineWords, page, word } from '../helpers/make.js';

const bar = (x0: number, y0: number, len: number, thick = 10): Rule => ({ x0, y0, x1: x0 + len, y1: y0 + thick, kind: 'rect' });

describe('charts drawn with bars', () => {
  it('finds bars of different lengths on one axis, across or up', () => {
    expect(drawnCharts([bar(150, 100, 200), bar(150, 115, 80), bar(150, 130, 300)])).toEqual([{ x0: 150, y0: 100, x1: 450, y1: 140, across: true }]);
    const up = (x: number, h: number): Rule => ({ x0: x, y0: 400 - h, x1: x + 12, y1: 400, kind: 'rect' });
    expect(drawnCharts([up(100, 50), up(120, 150), up(140, 90)])).toEqual([{ x0: 100, y0: 250, x1: 152, y1: 400, across: false }]);
  });

  it('takes no table shading (bars as long as each other) or scattered frames for a chart', () => {
    expect(drawnCharts([bar(60, 100, 400), bar(60, 115, 400), bar(60, 130, 400)])).toEqual([]);
    expect(drawnCharts([bar(60, 100, 300, 40), bar(60, 400, 100, 40), bar(200, 600, 50, 40)])).toEqual([]);
  });

  it('takes no column of table cells for a chart: they touch, some spanning wider, where bars leave gaps', () => {
    // A label column whose cells span one, three and two columns: lengths differ, no gap between.
    expect(drawnCharts([bar(60, 100, 80, 12), bar(60, 112, 240, 12), bar(60, 124, 160, 12), bar(60, 136, 80, 12)])).toEqual([]);
    // Cells on one edge with a taller cell between them standing off that edge: the gap is a cell.
    const run = [bar(60, 100, 60, 12), bar(60, 130, 200, 12), bar(60, 142, 60, 12)];
    expect(drawnCharts([...run, bar(64, 112, 100, 18)])).toEqual([]);
    expect(drawnCharts(run)).toEqual([{ x0: 60, y0: 100, x1: 260, y1: 154, across: true }]);
    // Grouped bars touch within a group, with a gap between groups: a chart.
    expect(drawnCharts([bar(60, 100, 80), bar(60, 110, 240), bar(60, 128, 160), bar(60, 138, 40)])).toEqual([{ x0: 60, y0: 100, x1: 300, y1: 148, across: true }]);
  });

  it('takes in its labels: the names left of the bars and the values at their ends, not the title above', () => {
    // Bars drawn to scale are a sliver of the column (a value of 98 beside one of 806); their labels are not.
    const bars = [bar(200, 100, 30), bar(200, 115, 6), bar(200, 130, 12)];
    const words = [
      ...lineWords('4. Projects by category', 60, 84, { size: 9, bold: true }),
      ...lineWords('Migration Health', 60, 108, { size: 8 }),
      ...lineWords('162', 232, 108, { size: 8 }),
      ...lineWords('Research', 60, 123, { size: 8 }),
      ...lineWords('56', 208, 123, { size: 8 }),
      ...lineWords('Regulating Migration', 60, 138, { size: 8 }),
      ...lineWords('98', 214, 138, { size: 8 }),
    ];
    const [chart] = drawnCharts(bars);
    expect(chart).toMatchObject({ x0: 200, x1: 230, across: true });
    expect(withLabels(chart, buildLines(page(words)), bars)).toEqual({ x0: 60, y0: 100, x1: 244, y1: 140 });
    // Text printed on the shapes is a shaded table's: the shapes keep their own extent.
    const shaded = [...lineWords('Migration Health 162', 205, 108, { size: 8 }), ...lineWords('Research 56', 205, 123, { size: 8 }), ...lineWords('Regulating 98', 205, 138, { size: 8 })];
    expect(withLabels(chart, buildLines(page(shaded)), bars)).toEqual({ x0: 200, y0: 100, x1: 230, y1: 140 });
  });

  it('makes the chart a picture of the laid-out page', () => {
    const p = page(lineWords('Africa 478', 60, 108, { size: 9 }), [bar(150, 100, 200), bar(150, 115, 80), bar(150, 130, 300)]);
    expect(layoutPage(p).images).toEqual([{ x0: 150, y0: 100, x1: 450, y1: 140 }]);
  });
});

describe('raised marks on a page set in columns', () => {
  it('joins a mark to the line of its own column under it, not to the other column sharing its baseline', () => {
    const words = [...lineWords('the Expert Roster maps skills', 60, 372, { size: 9 }), word({ text: '6', x: 150, base: 368.5, size: 6 })];
    words.push(...lineWords('relative to Myanmar and Nepal', 310, 368, { size: 9 }));
    const lines = buildLines(page(words));
    const left = lines.find((l) => l.text.startsWith('the Expert'))!;
    expect(left.marks.map((m) => m.text)).toEqual(['6']);
    expect(lines.some((l) => l.text === '6')).toBe(false);
  });
});
