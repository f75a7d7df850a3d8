/**
 * Reading order by bands. A page set in columns is cut into horizontal bands at what spans the
 * text width — a heading or a footnote set across the gutter, a wide table, a chart or a framed
 * box reaching over it. A band of columns is read column by column (left, then right); a spanning
 * band is read line by line; bands are read top to bottom. So a table inside one column stays in
 * it, and the other column's prose beside it is read as one run.
 */
import type { Rect, Rule, Word } from '../model/page.js';
import { isFigure } from '../numbers/parse.js';

export const BAND_SETTINGS = {
  /** A row's part on one side of the gutter is tabular when two of its words stand this far apart (× size), or when it holds nothing but figures. */
  cellGap: 1.2,
  /** … the widest gap being this many times the narrowest (justified lines space their words evenly). */
  unevenGap: 2,
  /** A drawn shape (bar, frame, picture) spans when it reaches this far (× body size) past the gutter on both sides. */
  reach: 1,
  /** A lone two-column row between spanning rows closer than this (× its size) belongs to their band. */
  sandwich: 2.2,
  /** Two rules of the same extent across the gutter, less than this fraction of the page height apart, enclose a table. */
  ruledSpan: 0.5,
  /** Rows within this fraction of the page height from the top or bottom, set apart from the text by this many × their size (running headers, footers), span. */
  edgeBand: 0.08,
  furnitureGap: 1.5,
  /** A heading (bold, or this much larger than the text) alone across the page, every other column blank this far (× size) above and below it, breaks the band. */
  headingSize: 0.75,
  loneClearance: 1,
};

/** One baseline group in reading order, with its column (0 leftmost; spanning rows 0). */
export interface OrderedGroup {
  words: Word[];
  col: number;
  /** Read across the gutter (a spanning band). */
  wide: boolean;
  /** The extent of its text column in its band, [left, right] (column rows only). */
  column?: [number, number];
}

/** A row set as a heading: bold, or larger than the body text. */
export function headingRow(g: Word[], size: number, s: typeof BAND_SETTINGS = BAND_SETTINGS): boolean {
  return g.every((w) => w.bold) || Math.max(...g.map((w) => w.size)) > size + s.headingSize;
}

/** Words standing apart like table cells, or nothing but figures. */
export function tabular(ws: Word[], s: typeof BAND_SETTINGS = BAND_SETTINGS): boolean {
  if (!ws.length) return false;
  const sorted = ws.slice().sort((a, b) => a.x0 - b.x0);
  if (sorted.every((w) => isFigure(w.text))) return true;
  const gaps = sorted.slice(1).map((w, i) => w.x0 - sorted[i].x1);
  if (!gaps.length) return false;
  // A loosely justified line spaces its words evenly; cells stand apart from words set close.
  const widest = Math.max(...gaps);
  return widest > s.cellGap * sorted[0].size && widest > s.unevenGap * Math.min(...gaps);
}

/** A run of words in prose: several words, not figures, not set apart like cells. */
export function prose(ws: Word[], s: typeof BAND_SETTINGS = BAND_SETTINGS): boolean {
  return ws.length >= 3 && !tabular(ws, s) && ws.filter((w) => /[A-Za-zÀ-ÿ]{2}/.test(w.text)).length >= 0.6 * ws.length;
}

/** The words of a row on each side of the gutters: column 0 left of the first, … (words across a gutter in none). */
export function sidesOf(g: Word[], gutters: [number, number][]): Word[][] {
  return Array.from({ length: gutters.length + 1 }, (_, c) =>
    g.filter((w) => (c === 0 || w.x0 >= gutters[c - 1][1]) && (c === gutters.length || w.x1 <= gutters[c][0])),
  );
}

/** Vertical extents of drawn shapes that reach across a gutter: charts' bars, frames, pictures. */
function spanningShapes(gutters: [number, number][], rules: Rule[], frames: Rect[], images: Rect[], size: number, pageHeight: number, s: typeof BAND_SETTINGS): (Rect & { ruled?: boolean })[] {
  const across = (r: Rect) => gutters.some((g) => r.x0 < g[0] - s.reach * size && r.x1 > g[1] + s.reach * size);
  const shapes: (Rect & { ruled?: boolean })[] = [...rules.filter((r) => r.kind === 'rect'), ...frames, ...images].filter(across);
  // A ruled table across the page: consecutive rules of the same extent, not far apart (a page-wide
  // rule under the running header and another over the footer do not make the page a table).
  const hs = rules.filter((r) => r.kind === 'h' && across(r)).sort((a, b) => a.y0 - b.y0);
  for (let i = 1; i < hs.length; i++) {
    const [a, b] = [hs[i - 1], hs[i]];
    const same = Math.abs(a.x0 - b.x0) < s.reach * size && Math.abs(a.x1 - b.x1) < s.reach * size;
    if (same && b.y0 - a.y0 < s.ruledSpan * pageHeight) shapes.push({ x0: a.x0, x1: a.x1, y0: a.y0, y1: b.y1, ruled: true });
  }
  return shapes;
}

/**
 * A heading set at the left margin across the page, not reaching over the gutter: it stands in
 * the first column's place, but every other column is blank beside it while their text runs on
 * above and below it. It ends the band of columns above it (marked as spanning in `spans`).
 */
function markLoneHeadings(groups: Word[][], gutters: [number, number][], spans: boolean[], size: number, s: typeof BAND_SETTINGS): void {
  let from = 0;
  for (let to = 0; to <= groups.length; to++) {
    if (to < groups.length && !spans[to]) continue;
    const others = groups.slice(from, to).map((g) => sidesOf(g, gutters).slice(1).flat());
    for (let i = from; i < to; i++) {
      const g = groups[i];
      if (!headingRow(g, size, s) || others[i - from].length) continue;
      const y0 = Math.min(...g.map((w) => w.y0)) - s.loneClearance * size;
      const y1 = Math.max(...g.map((w) => w.y1)) + s.loneClearance * size;
      const rest = others.filter((_, k) => k !== i - from).flat();
      if (rest.some((w) => w.y1 < y0) && rest.some((w) => w.y0 > y1) && !rest.some((w) => w.y1 >= y0 && w.y0 <= y1)) spans[i] = true;
    }
    from = to + 1;
  }
}

/**
 * Baseline groups (top to bottom) → reading order, given the gutter runs [x0, x1] of a page (or
 * band) set in columns, left to right. A row crossing a gutter, lying on a spanning shape, or
 * tabular on two sides of a gutter (a wide table's row) spans; the rows between such rows are
 * read column by column.
 */
export function orderByBands(
  groups: Word[][],
  gutters: [number, number][],
  graphics: { rules: Rule[]; frames: Rect[]; images: Rect[] },
  size: number,
  pageHeight: number,
  s = BAND_SETTINGS,
): OrderedGroup[] {
  const sides = (g: Word[]) => sidesOf(g, gutters);
  const ys = (g: Word[]) => [Math.min(...g.map((w) => w.y0)), Math.max(...g.map((w) => w.y1))];
  // Rules enclose a table only if no row between them is prose in every column.
  const shapes = spanningShapes(gutters, graphics.rules, graphics.frames, graphics.images, size, pageHeight, s).filter(
    (r) => !r.ruled || !groups.some((g) => ys(g)[0] > r.y0 && ys(g)[1] < r.y1 && sides(g).every((side) => prose(side, s))),
  );
  const spans = groups.map((g, i) => {
    if (g.some((w) => gutters.some((gu) => w.x0 < gu[1] && w.x1 > gu[0]))) return true;
    const [y0, y1] = ys(g);
    // A running header or footer: near the page's edge and set apart from the text.
    const apart = s.furnitureGap * Math.max(...g.map((w) => w.size));
    if (y1 < s.edgeBand * pageHeight && (i + 1 === groups.length || ys(groups[i + 1])[0] - y1 > apart)) return true;
    if (y0 > (1 - s.edgeBand) * pageHeight && (i === 0 || y0 - ys(groups[i - 1])[1] > apart)) return true;
    if (shapes.some((r) => r.y0 < y1 && r.y1 > y0)) return true;
    return sides(g).filter((side) => side.length > 0 && tabular(side, s)).length >= 2;
  });
  markLoneHeadings(groups, gutters, spans, size, s);
  // A row of a wide table with a blank cell may look like two column lines: between two spanning
  // rows set at table pitch, it belongs to their band.
  const top = (g: Word[]) => Math.min(...g.map((w) => w.y0));
  const bottom = (g: Word[]) => Math.max(...g.map((w) => w.y1));
  const sandwiched = groups.map((g, i) => {
    if (spans[i] || i === 0 || i === groups.length - 1 || !spans[i - 1] || !spans[i + 1]) return false;
    const h = Math.max(...g.map((w) => w.size));
    return top(g) - bottom(groups[i - 1]) < s.sandwich * h && top(groups[i + 1]) - bottom(g) < s.sandwich * h;
  });
  const out: OrderedGroup[] = [];
  let band: Word[][][] = gutters.map(() => []).concat([[]]);
  const flush = () => {
    band.forEach((col, c) => {
      // The column's extent in this band: from its leftmost word to the gutter on its right (the last column: its widest line).
      const right = c < gutters.length ? gutters[c][0] : Math.max(...col.flat().map((w) => w.x1));
      const left = Math.min(...col.flat().map((w) => w.x0));
      for (const words of col) out.push({ words, col: c, wide: false, column: [left, right] });
    });
    band = band.map(() => []);
  };
  groups.forEach((g, i) => {
    if (spans[i] || sandwiched[i]) {
      flush();
      out.push({ words: g, col: 0, wide: true });
      return;
    }
    sides(g).forEach((side, c) => side.length && band[c].push(side));
  });
  flush();
  return out;
}
