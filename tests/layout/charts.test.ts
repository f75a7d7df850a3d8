import { describe, expect, it } from 'vitest';
import { drawnCharts } from '../../src/layout/charts.js';
import { layoutPage } from '../../src/layout/layout.js';
import { buildLines } from '../../src/layout/lines.js';
import type { Rule } from '../../src/model/page.js';
import { lineWords, page, word } from '../helpers/make.js';

const bar = (x0: number, y0: number, len: number, thick = 10): Rule => ({ x0, y0, x1: x0 + len, y1: y0 + thick, kind: 'rect' });

describe('charts drawn with bars', () => {
  it('finds bars of different lengths on one axis, across or up', () => {
    expect(drawnCharts([bar(150, 100, 200), bar(150, 115, 80), bar(150, 130, 300)])).toEqual([{ x0: 150, y0: 100, x1: 450, y1: 140 }]);
    const up = (x: number, h: number): Rule => ({ x0: x, y0: 400 - h, x1: x + 12, y1: 400, kind: 'rect' });
    expect(drawnCharts([up(100, 50), up(120, 150), up(140, 90)])).toEqual([{ x0: 100, y0: 250, x1: 152, y1: 400 }]);
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
    expect(drawnCharts(run)).toEqual([{ x0: 60, y0: 100, x1: 260, y1: 154 }]);
    // Grouped bars touch within a group, with a gap between groups: a chart.
    expect(drawnCharts([bar(60, 100, 80), bar(60, 110, 240), bar(60, 128, 160), bar(60, 138, 40)])).toEqual([{ x0: 60, y0: 100, x1: 300, y1: 148 }]);
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
