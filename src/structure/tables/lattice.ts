/**
 * Ruled grids from a page's rules (the lattice idea): horizontal and vertical segments — lines,
 * thin filled rectangles, the edges of stroked or shaded rectangles (a cell background is a rule
 * where it ends) — are joined within a tolerance relative to the text size; segments that cross
 * form a grid; the grid's row and column positions cut it into elementary cells, and where an
 * inner boundary carries no rule the cells on either side are one spanning cell. Pure geometry:
 * what text the cells hold is lattice-cells.ts's business.
 */
import type { Rect, Rule } from '../../model/page.js';
import { inside } from '../../layout/geometry.js';

export const LATTICE_SETTINGS = {
  /** Segments this close (em) are one rule; ends this close meet. */
  joinTolerance: 0.3,
  /** An inner boundary ruled along this share of its length separates two cells. */
  boundaryCover: 0.5,
  /** Rows and columns narrower than this (em) are the gap between a double rule or two fills. */
  minCellSize: 0.6,
  /** Rectangles covering this share of the page are backgrounds or page frames, not cells. */
  maxRectShare: 0.5,
};

export type LatticeSettings = typeof LATTICE_SETTINGS;

/** One joined rule: horizontal ones lie at y = at from x = from to x = to, vertical ones the other way. */
export interface Segment {
  at: number;
  from: number;
  to: number;
}

/** A cell of a grid: its top-left elementary position, how many it spans, and its box. */
export interface GridCell extends Rect {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
}

export interface Grid extends Rect {
  /** Column edges, left to right (columns = xs.length − 1). */
  xs: number[];
  /** Row edges, top to bottom (rows = ys.length − 1). */
  ys: number[];
  cells: GridCell[];
}

/**
 * Fills lying inside a larger fill of the same colour: their edges are not seen on the page (a word
 * processor shades each paragraph of a cell again over the cell's own shading).
 */
function hiddenFills(rules: Rule[]): Set<Rule> {
  const out = new Set<Rule>();
  const byColour = new Map<string, Rule[]>();
  for (const r of rules) if (r.kind === 'rect' && r.filled && r.fill) (byColour.get(r.fill) ?? byColour.set(r.fill, []).get(r.fill)!).push(r);
  for (const group of byColour.values()) {
    // Largest first: a fill is hidden by one met before it (an equal copy hides the later one).
    const sorted = group.slice().sort((a, b) => area(b) - area(a));
    sorted.forEach((r, i) => {
      if (sorted.slice(0, i).some((o) => !out.has(o) && inside(r, o, 0))) out.add(r);
    });
  }
  return out;
}

const area = (r: Rect): number => (r.x1 - r.x0) * (r.y1 - r.y0);

/** Horizontal and vertical segments a page's rules draw (rectangles give their four edges). */
export function segmentsOf(rules: Rule[], page: { width: number; height: number }, s: LatticeSettings = LATTICE_SETTINGS): { h: Segment[]; v: Segment[] } {
  const h: Segment[] = [];
  const v: Segment[] = [];
  const pageArea = page.width * page.height;
  const hidden = hiddenFills(rules);
  for (const r of rules) {
    if (hidden.has(r)) continue;
    if (r.kind === 'h') h.push({ at: (r.y0 + r.y1) / 2, from: r.x0, to: r.x1 });
    else if (r.kind === 'v') v.push({ at: (r.x0 + r.x1) / 2, from: r.y0, to: r.y1 });
    else if ((r.x1 - r.x0) * (r.y1 - r.y0) < s.maxRectShare * pageArea) {
      h.push({ at: r.y0, from: r.x0, to: r.x1 }, { at: r.y1, from: r.x0, to: r.x1 });
      v.push({ at: r.x0, from: r.y0, to: r.y1 }, { at: r.x1, from: r.y0, to: r.y1 });
    }
  }
  return { h, v };
}

/** Collinear segments within `tol` joined: positions clustered, then touching extents merged. */
export function joinSegments(segs: Segment[], tol: number): Segment[] {
  const sorted = segs.slice().sort((a, b) => a.at - b.at);
  const out: Segment[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].at - sorted[j - 1].at <= tol) j++;
    const group = sorted.slice(i, j).sort((a, b) => a.from - b.from);
    // The line's position: where most of its length lies.
    let len = 0;
    let sum = 0;
    for (const g of group) {
      const l = Math.max(g.to - g.from, 0.01);
      len += l;
      sum += g.at * l;
    }
    const at = sum / len;
    let cur: Segment | null = null;
    for (const g of group) {
      if (cur && g.from <= cur.to + tol) cur.to = Math.max(cur.to, g.to);
      else {
        cur = { at, from: g.from, to: g.to };
        out.push(cur);
      }
    }
    i = j;
  }
  return out;
}

const crosses = (h: Segment, v: Segment, tol: number) => v.at >= h.from - tol && v.at <= h.to + tol && h.at >= v.from - tol && h.at <= v.to + tol;

/** Positions within `tol` of each other as one (their mean), sorted. */
function clusterPositions(xs: number[], tol: number): number[] {
  const sorted = xs.slice().sort((a, b) => a - b);
  const out: number[][] = [];
  for (const x of sorted) {
    const last = out[out.length - 1];
    if (last && x - last[last.length - 1] <= tol) last.push(x);
    else out.push([x]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

/** Edges closer than `min` merged into their neighbour, keeping the outermost ones. */
function dropThin(edges: number[], min: number): number[] {
  const out = [edges[0]];
  for (let i = 1; i < edges.length; i++) {
    if (edges[i] - out[out.length - 1] >= min) out.push(edges[i]);
    else if (i === edges.length - 1) out[out.length - 1] = edges[i];
  }
  return out;
}

/** How much of [a, b] the segments at position `at` (± tol) cover. */
function covered(segs: Segment[], at: number, a: number, b: number, tol: number): number {
  const parts = segs
    .filter((g) => Math.abs(g.at - at) <= tol && g.to > a && g.from < b)
    .map((g) => [Math.max(a, g.from), Math.min(b, g.to)] as const)
    .sort((p, q) => p[0] - q[0]);
  let total = 0;
  let end = a;
  for (const [p, q] of parts) {
    if (q <= end) continue;
    total += q - Math.max(p, end);
    end = q;
  }
  return total / Math.max(b - a, 0.01);
}

/**
 * Cells of a grid whose column edges are `xs` and row edges `ys`: elementary cells joined across
 * every inner boundary that carries no rule (a spanning cell). A joined group that is not a
 * rectangle is split back into its elementary cells.
 */
export function gridCells(xs: number[], ys: number[], h: Segment[], v: Segment[], tol: number, s: LatticeSettings = LATTICE_SETTINGS): GridCell[] {
  const nr = ys.length - 1;
  const nc = xs.length - 1;
  const parent = Array.from({ length: nr * nc }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const join = (a: number, b: number) => {
    parent[find(a)] = find(b);
  };
  for (let r = 0; r < nr; r++) {
    for (let c = 0; c < nc; c++) {
      if (c + 1 < nc && covered(v, xs[c + 1], ys[r], ys[r + 1], tol) < s.boundaryCover) join(r * nc + c, r * nc + c + 1);
      if (r + 1 < nr && covered(h, ys[r + 1], xs[c], xs[c + 1], tol) < s.boundaryCover) join(r * nc + c, (r + 1) * nc + c);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < nr * nc; i++) groups.set(find(i), [...(groups.get(find(i)) ?? []), i]);
  const cells: GridCell[] = [];
  const cell = (r0: number, c0: number, r1: number, c1: number): GridCell => ({
    row: r0, col: c0, rowspan: r1 - r0 + 1, colspan: c1 - c0 + 1, x0: xs[c0], x1: xs[c1 + 1], y0: ys[r0], y1: ys[r1 + 1],
  });
  for (const members of groups.values()) {
    const rows = members.map((i) => Math.floor(i / nc));
    const cols = members.map((i) => i % nc);
    const r0 = Math.min(...rows);
    const r1 = Math.max(...rows);
    const c0 = Math.min(...cols);
    const c1 = Math.max(...cols);
    if ((r1 - r0 + 1) * (c1 - c0 + 1) === members.length) cells.push(cell(r0, c0, r1, c1));
    else for (const i of members) cells.push(cell(Math.floor(i / nc), i % nc, Math.floor(i / nc), i % nc));
  }
  return cells.sort((a, b) => a.row - b.row || a.col - b.col);
}

/** Connected groups of crossing horizontal and vertical segments. */
function components(h: Segment[], v: Segment[], tol: number): { h: Segment[]; v: Segment[] }[] {
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < h.length; i++) for (let j = 0; j < v.length; j++) if (crosses(h[i], v[j], tol)) parent[find(i)] = find(h.length + j);
  const out = new Map<number, { h: Segment[]; v: Segment[] }>();
  const add = (i: number, seg: Segment, kind: 'h' | 'v') => {
    const k = find(i);
    if (!out.has(k)) out.set(k, { h: [], v: [] });
    out.get(k)![kind].push(seg);
  };
  h.forEach((seg, i) => add(i, seg, 'h'));
  v.forEach((seg, j) => add(h.length + j, seg, 'v'));
  return [...out.values()];
}

/** Grids the given rules form. */
function gridsOf(rules: Rule[], page: { width: number; height: number }, em: number, s: LatticeSettings): Grid[] {
  const tol = s.joinTolerance * em;
  const raw = segmentsOf(rules, page, s);
  const h = joinSegments(raw.h, tol);
  const v = joinSegments(raw.v, tol);
  const grids: Grid[] = [];
  for (const comp of components(h, v, tol)) {
    if (comp.h.length < 2 || comp.v.length < 2) continue;
    const x0 = Math.min(...comp.h.map((g) => g.from));
    const x1 = Math.max(...comp.h.map((g) => g.to));
    const y0 = Math.min(...comp.v.map((g) => g.from));
    const y1 = Math.max(...comp.v.map((g) => g.to));
    const xs = dropThin(clusterPositions([x0, x1, ...comp.v.map((g) => g.at)], tol), s.minCellSize * em);
    const ys = dropThin(clusterPositions([y0, y1, ...comp.h.map((g) => g.at)], tol), s.minCellSize * em);
    if (xs.length < 3 || ys.length < 3) continue;
    const cells = gridCells(xs, ys, comp.h, comp.v, tol, s);
    grids.push({ x0: xs[0], y0: ys[0], x1: xs[xs.length - 1], y1: ys[ys.length - 1], xs, ys, cells });
  }
  return grids;
}

/**
 * Ruled grids on a page: connected rules with at least two rows and two columns between them.
 * `em` is the page's text size, which scales every tolerance. Rectangles (cell backgrounds, boxes)
 * count as rules except inside a grid that strokes alone already draw: there they are shading
 * behind a cell's lines, and their edges are no cell's.
 */
export function findGrids(rules: Rule[], page: { width: number; height: number }, em: number, s: LatticeSettings = LATTICE_SETTINGS): Grid[] {
  const tol = s.joinTolerance * em;
  const strokes = rules.filter((r) => r.kind !== 'rect');
  const rects = rules.filter((r) => r.kind === 'rect');
  if (!rects.length) return gridsOf(strokes, page, em, s);
  const stroked = gridsOf(strokes, page, em, s);
  const within = (r: Rule, g: Grid) => r.x0 >= g.x0 - tol && r.x1 <= g.x1 + tol && r.y0 >= g.y0 - tol && r.y1 <= g.y1 + tol;
  return gridsOf([...strokes, ...rects.filter((r) => !stroked.some((g) => within(r, g)))], page, em, s);
}
