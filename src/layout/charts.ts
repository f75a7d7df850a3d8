/**
 * Charts drawn with vector shapes rather than pasted as pictures: three or more filled bars
 * standing on one axis (sharing their left edge, or their bottom edge) whose lengths differ. Such a
 * cluster is read like a raster chart: a picture whose labels are not a table. Table shading does
 * not qualify: its cells are as long as each other, or they tile the table — each against the next
 * (a column of cells, some spanning), where a chart leaves a gap between its bars or groups of bars.
 */
import type { Rect, Rule } from '../model/page.js';
import { overlapX, overlapY, union } from './geometry.js';
import type { Line } from './lines.js';

export const CHART_SETTINGS = {
  minBars: 3,
  /** Bars share their axis edge to within this × their thickness … */
  edge: 0.25,
  /** … stand no further apart than this × their thickness … */
  spacing: 3,
  /** … and the longest is at least this × the shortest … */
  lengthRatio: 1.5,
  /** … and do not tile: some two neighbours stand further apart than this × their thickness, with no shape between. */
  tile: 0.2,
  /** A label stands at most this far (× its size) from the bars, along their length. */
  labelReach: 1,
};

/** A chart's bars, and the way they run: across (from a left axis) or up (from a bottom axis). */
export interface DrawnChart extends Rect {
  across: boolean;
}

interface Bar {
  r: Rect;
  /** Coordinate of the axis edge, position along the stack, length, thickness. */
  axis: number;
  at: number;
  len: number;
  thick: number;
}

/** The bounding boxes of bar charts among the page's filled shapes. */
export function drawnCharts(rules: Rule[], s = CHART_SETTINGS): DrawnChart[] {
  const shapes = rules.filter((r) => r.kind === 'rect');
  if (shapes.length < s.minBars) return [];
  const horizontal = shapes.map((r) => ({ r, axis: r.x0, at: r.y0, len: r.x1 - r.x0, thick: r.y1 - r.y0 }));
  const vertical = shapes.map((r) => ({ r, axis: r.y1, at: r.x0, len: r.y1 - r.y0, thick: r.x1 - r.x0 }));
  return [...stacks(horizontal, s).map((r) => ({ ...r, across: true })), ...stacks(vertical, s).map((r) => ({ ...r, across: false }))];
}

/**
 * A chart with its labels: the lines set level with its bars (bars across: a category's name left of
 * its bar, its value at the bar's end) or in line with them (bars up: names under the axis, values
 * over the bars), touching the bars within `labelReach`, and printed beside the bars, not on them
 * (text on filled shapes is a shaded table's). A chart's extent is its labels' as much as its
 * bars': bars drawn to scale may be a sliver of the column, their labels not. Fewer labels than
 * `minBars`: the bars alone.
 */
function chartLabels(chart: DrawnChart, lines: Line[], rules: Rule[], s = CHART_SETTINGS): Line[] {
  const bars = rules.filter((r) => r.kind === 'rect' && r.x0 >= chart.x0 && r.x1 <= chart.x1 && r.y0 >= chart.y0 && r.y1 <= chart.y1);
  const onBar = (l: Line) => l.words.some((w) => bars.some((b) => overlapX(w, b) > 0 && overlapY(w, b) > 0));
  const labels = lines.filter((l) => {
    const reach = s.labelReach * l.size;
    const mid = chart.across ? (l.y0 + l.y1) / 2 : (l.x0 + l.x1) / 2;
    const [lo, hi] = chart.across ? [chart.y0, chart.y1] : [chart.x0, chart.x1];
    const near = chart.across ? l.x1 >= chart.x0 - reach && l.x0 <= chart.x1 + reach : l.y1 >= chart.y0 - reach && l.y0 <= chart.y1 + reach;
    return mid >= lo && mid <= hi && near;
  });
  return labels.length < s.minBars || labels.some(onBar) ? [] : labels;
}

/** The chart's extent with its labels (chartLabels). */
export function withLabels(chart: DrawnChart, lines: Line[], rules: Rule[], s = CHART_SETTINGS): Rect {
  return union([{ x0: chart.x0, y0: chart.y0, x1: chart.x1, y1: chart.y1 }, ...chartLabels(chart, lines, rules, s)]);
}

/** Runs of bars on one axis edge, each next to the one before. */
function stacks(bars: Bar[], s: typeof CHART_SETTINGS): Rect[] {
  const out: Rect[] = [];
  const sorted = bars.slice().sort((a, b) => a.axis - b.axis || a.at - b.at);
  const used = new Set<Bar>();
  for (const first of sorted) {
    if (used.has(first)) continue;
    const run = [first];
    for (const b of sorted) {
      const last = run[run.length - 1];
      if (b === first || used.has(b) || b.at <= last.at) continue;
      if (Math.abs(b.axis - first.axis) > s.edge * first.thick) continue;
      if (b.at - (last.at + last.thick) > s.spacing * last.thick) continue;
      run.push(b);
    }
    const lens = run.map((b) => b.len);
    if (run.length < s.minBars || Math.max(...lens) < s.lengthRatio * Math.min(...lens) || tiles(run, bars, s)) continue;
    for (const b of run) used.add(b);
    out.push({
      x0: Math.min(...run.map((b) => b.r.x0)),
      y0: Math.min(...run.map((b) => b.r.y0)),
      x1: Math.max(...run.map((b) => b.r.x1)),
      y1: Math.max(...run.map((b) => b.r.y1)),
    });
  }
  return out;
}

/**
 * Whether the run tiles its stretch of the page, each bar against the next or against a shape that
 * fills the space between them (another cell): a table's cells, not a chart's bars.
 */
function tiles(run: Bar[], all: Bar[], s: typeof CHART_SETTINGS): boolean {
  for (let i = 1; i < run.length; i++) {
    const a = run[i - 1];
    const b = run[i];
    const from = a.at + a.thick;
    const slack = s.tile * Math.min(a.thick, b.thick);
    if (b.at - from <= slack) continue;
    const box = union([a.r, b.r]);
    const filled = all.some((c) => c.at <= from + slack && c.at + c.thick >= b.at - slack && c.at >= a.at && c.at + c.thick <= b.at + b.thick && overlapX(c.r, box) > 0 && overlapY(c.r, box) > 0);
    if (!filled) return false;
  }
  return true;
}
