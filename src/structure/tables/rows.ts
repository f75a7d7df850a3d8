/**
 * Body rows from baselines. Rows are anchored by the lines that carry figures (or cells in several
 * columns); a wrapped label's other lines join the row they centre on (or start or end on, when the
 * table aligns its cells to the top or bottom), which a small dynamic programme decides per column.
 * Lines set closer than a line pitch interleave: they are the parts of one row's vertically
 * centred cells. A label left between rows spans them: in a group-label column it is a merged cell
 * over its block of rows (text in the top row), elsewhere a row of its own.
 */
import type { Rect } from '../../model/page.js';
import { extentOf } from './fragments.js';
import type { Column, Frag, Span } from './model.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';
import { joinParts } from './text-join.js';

export type Alignment = 'center' | 'top' | 'bottom';

export interface BodyGrid {
  grid: string[][];
  /** Where each cell of the grid was printed (null for an empty cell). */
  boxes: (Rect | null)[][];
  /** Baseline (or centre) of each row. */
  ys: number[];
  spans: Span[];
  alignment: Alignment;
  /** Leading columns holding labels. */
  labelColumns: number;
}

interface Item {
  f: Frag;
  col: number;
  /** Row index the item is fixed to, or -1 when its line anchors no row. */
  anchor: number;
}

interface Anchor {
  y: number;
  lines: number[];
}

/** Assign each fragment a column; returns [col, colEnd]. */
export type ColumnOf = (f: Frag) => [number, number];

/** A figure too wide for its column, broken over two lines: the upper part is as wide as the column's widest figure. */
function isNarrowWrap(a: Frag, b: Frag, widest: number, em: number, s: TableSettings): boolean {
  return b.base - a.base <= s.wrapGap * em && /^\d+$/.test(a.text) && /^\d+[\d.,]*%?$/.test(b.text) && a.x1 - a.x0 >= 0.9 * widest;
}

/** Lines → row anchors and, per line, the anchor it belongs to (or -1). */
function findAnchors(lines: Frag[][], colOf: ColumnOf, cols: Column[], em: number, s: TableSettings): { anchors: Anchor[]; lineAnchor: number[] } {
  const order = lines.map((_, i) => i).filter((i) => lines[i].length).sort((a, b) => lines[a][0].base - lines[b][0].base);
  const base = (i: number) => lines[i][0].base;
  const numericCols = (i: number) => new Set(lines[i].filter((f) => f.numeric && cols[colOf(f)[0]]?.numeric).map((f) => colOf(f)[0]));
  const distinctCols = (i: number) => new Set(lines[i].map((f) => colOf(f)[0])).size;
  const anchors: Anchor[] = [];
  const lineAnchor = new Array<number>(lines.length).fill(-1);
  const widest: number[] = cols.map(() => 0);
  for (const fs of lines) {
    for (const f of fs) {
      const c = colOf(f)[0];
      if (f.numeric && c < widest.length) widest[c] = Math.max(widest[c], f.x1 - f.x0);
    }
  }
  let k = 0;
  while (k < order.length) {
    let e = k + 1;
    while (e < order.length && base(order[e]) - base(order[e - 1]) < s.interleaveGap * em) e++;
    const cluster = order.slice(k, e);
    k = e;
    if (cluster.length > 1) {
      // One row unless a figure column holds two figures that are not one figure broken in two.
      const perCol = new Map<number, Frag[]>();
      for (const li of cluster) {
        for (const f of lines[li]) {
          const c = colOf(f)[0];
          if (!f.numeric || !cols[c]?.numeric) continue;
          const list = perCol.get(c) ?? [];
          list.push(f);
          perCol.set(c, list);
        }
      }
      // (Two figures of one line in one column say nothing about the lines being one row.)
      let split = false;
      for (const [c, fs] of perCol) {
        for (let i = 1; i < fs.length; i++) if (fs[i].line !== fs[i - 1].line && !isNarrowWrap(fs[i - 1], fs[i], widest[c] ?? 0, em, s)) split = true;
      }
      if (!split) {
        const y = (base(cluster[0]) + base(cluster[cluster.length - 1])) / 2;
        anchors.push({ y, lines: cluster });
        continue;
      }
    }
    for (const li of cluster) {
      if (numericCols(li).size > 0 || distinctCols(li) >= 2) anchors.push({ y: base(li), lines: [li] });
    }
  }
  anchors.sort((a, b) => a.y - b.y);
  anchors.forEach((a, i) => a.lines.forEach((li) => (lineAnchor[li] = i)));
  return { anchors, lineAnchor };
}

/** Where a block of lines sits for the alignment: its middle, first or last baseline. */
function blockY(bases: number[], mode: Alignment): number {
  const lo = bases[0];
  const hi = bases[bases.length - 1];
  return mode === 'top' ? lo : mode === 'bottom' ? hi : (lo + hi) / 2;
}

interface ColumnPlan {
  cost: number;
  /** Row per item, or -1 for a fragment left between rows. */
  rowOf: number[];
}

/**
 * Dynamic programme over one column: items in y order are cut into consecutive blocks, each block
 * placed in one row (rows in order) or left floating; anchored items must land in their row.
 */
function planColumn(items: Item[], ys: number[], mode: Alignment, em: number, s: TableSettings): ColumnPlan {
  const n = items.length;
  const m = ys.length;
  if (items.every((it) => it.anchor >= 0)) return { cost: 0, rowOf: items.map((it) => it.anchor) };
  const W = m + 1;
  const INF = Number.POSITIVE_INFINITY;
  const f = new Float64Array((n + 1) * W).fill(INF);
  const from = new Int32Array((n + 1) * W).fill(-1);
  const how = new Int8Array((n + 1) * W);
  f[0] = 0;
  const band = s.maxCellLines * s.wrapGap * em;
  const float = s.floatPenalty * em;
  const misfit = s.rowMisfit * em;
  for (let i = 0; i <= n; i++) {
    for (let r = 0; r <= m; r++) {
      const cur = f[i * W + r];
      if (cur === INF) continue;
      if (i < n && items[i].anchor >= 0 && items[i].anchor < r) continue;
      // Row r left without a new block.
      if (r < m && cur < f[i * W + r + 1]) {
        f[i * W + r + 1] = cur;
        from[i * W + r + 1] = i * W + r;
        how[i * W + r + 1] = 0;
      }
      if (i === n) continue;
      // Item i floats.
      if (items[i].anchor < 0) {
        const c = cur + float;
        if (c < f[(i + 1) * W + r]) {
          f[(i + 1) * W + r] = c;
          from[(i + 1) * W + r] = i * W + r;
          how[(i + 1) * W + r] = 1;
        }
      }
      // Items i..j−1 form row r's cell.
      if (r === m || Math.abs(ys[r] - items[i].f.base) > band) continue;
      const bases: number[] = [];
      let anchored = false;
      for (let j = i + 1; j <= n && j - i <= 64; j++) {
        const it = items[j - 1];
        if (it.anchor >= 0 && it.anchor !== r) break;
        if (it.anchor === r) anchored = true;
        const b = it.f.base;
        if (bases.length && b - bases[bases.length - 1] > s.wrapGap * em) break;
        if (!bases.length || b - bases[bases.length - 1] > 0.5) bases.push(b);
        if (bases.length > s.maxCellLines) break;
        // The block must take every item of a line it reaches.
        if (j < n && Math.abs(items[j].f.base - b) <= 0.5) continue;
        const d = Math.abs(blockY(bases, mode) - ys[r]);
        if (!anchored && d > misfit) continue;
        const c = cur + d;
        if (c < f[j * W + r + 1]) {
          f[j * W + r + 1] = c;
          from[j * W + r + 1] = i * W + r;
          how[j * W + r + 1] = 2;
        }
      }
    }
  }
  const end = n * W + m;
  if (f[end] === INF) {
    // Should not happen (anchored items always fit); fall back to anchors and floats.
    return { cost: INF, rowOf: items.map((it) => it.anchor) };
  }
  const rowOf = new Array<number>(n).fill(-1);
  let st = end;
  while (st > 0) {
    const prev = from[st];
    const kind = how[st];
    const i0 = Math.floor(prev / W);
    const r0 = prev % W;
    const i1 = Math.floor(st / W);
    if (kind === 2) for (let t = i0; t < i1; t++) rowOf[t] = r0;
    st = prev;
  }
  return { cost: f[end], rowOf };
}

/**
 * Build the body grid.
 * @param lines fragments per body line
 */
export function buildBody(lines: Frag[][], cols: Column[], colOfRaw: ColumnOf, em: number, s: TableSettings = TABLE_SETTINGS): BodyGrid {
  const cache = new Map<Frag, [number, number]>();
  const colOf: ColumnOf = (f) => {
    let c = cache.get(f);
    if (!c) cache.set(f, (c = colOfRaw(f)));
    return c;
  };
  const { anchors, lineAnchor } = findAnchors(lines, colOf, cols, em, s);
  const ys = anchors.map((a) => a.y);
  const byCol: Item[][] = cols.map(() => []);
  lines.forEach((fs, li) => {
    for (const f of fs) byCol[colOf(f)[0]]?.push({ f, col: colOf(f)[0], anchor: lineAnchor[li] });
  });
  for (const items of byCol) items.sort((a, b) => a.f.base - b.f.base || a.f.x0 - b.f.x0);

  // Alignment: the one under which wrapped cells fit their rows best.
  let best: { mode: Alignment; plans: ColumnPlan[]; cost: number } | null = null;
  for (const mode of ['center', 'top', 'bottom'] as Alignment[]) {
    const plans = byCol.map((items) => planColumn(items, ys, mode, em, s));
    const cost = plans.reduce((n, p) => n + p.cost, 0);
    if (!best || cost < best.cost - 1e-6) best = { mode, plans, cost };
  }
  const { mode, plans } = best!;

  const firstNumeric = cols.findIndex((c) => c.numeric);
  const labelColumns = firstNumeric < 0 ? Math.min(1, cols.length) : firstNumeric;

  // Cells: row → col → fragments; floats per column.
  const cells: Frag[][][] = ys.map(() => cols.map(() => []));
  const floats: { col: number; frags: Frag[] }[] = [];
  byCol.forEach((items, c) => {
    const rowOf = plans[c].rowOf;
    let cur: Frag[] | null = null;
    items.forEach((it, i) => {
      const r = rowOf[i];
      if (r >= 0) {
        cells[r][c].push(it.f);
        cur = null;
        return;
      }
      const last: Frag | undefined = cur?.[cur.length - 1];
      if (cur && last && it.f.base - last.base <= s.wrapGap * em) cur.push(it.f);
      else {
        cur = [it.f];
        floats.push({ col: c, frags: cur });
      }
    });
  });

  const spans: Span[] = [];
  const groupCol = (c: number) => c < labelColumns - 1;
  const member = (r: number, c: number) => cells[r][c].length === 0 && cells[r].slice(c + 1, labelColumns).some((x) => x.length > 0);
  // Floating labels: group labels over a block of rows, or rows of their own.
  const extraRows: { y: number; col: number; frags: Frag[] }[] = [];
  for (const fl of floats) {
    const bases = fl.frags.map((f) => f.base);
    const y = (Math.min(...bases) + Math.max(...bases)) / 2;
    let k = -1;
    while (k + 1 < ys.length && ys[k + 1] < y) k++;
    if (groupCol(fl.col) && k >= 0 && k + 1 < ys.length && member(k, fl.col) && member(k + 1, fl.col)) {
      let a = 0;
      while (k - a >= 0 && member(k - a, fl.col)) a++;
      let b = 0;
      while (k + 1 + b < ys.length && member(k + 1 + b, fl.col)) b++;
      const top = mode === 'top' ? k + 1 : mode === 'bottom' ? k : k - Math.min(a, b) + 1;
      cells[top][fl.col].push(...fl.frags);
      const span = mode === 'center' ? 2 * Math.min(a, b) : mode === 'top' ? b : a;
      if (span > 1) spans.push({ row: top, col: fl.col, rowspan: span, colspan: 1, in: 'body' });
      continue;
    }
    extraRows.push({ y, col: fl.col, frags: fl.frags });
  }
  // Group labels printed on one of their rows (centred): move to the block's top row.
  if (mode === 'center') {
    for (let c = 0; c < labelColumns - 1; c++) {
      const filled = cells.filter((row) => row[c].length).length;
      if (filled > s.sparseColumn * ys.length) continue;
      for (let r = 0; r < ys.length; r++) {
        if (!cells[r][c].length || !cells[r].slice(c + 1, labelColumns).some((x) => x.length)) continue;
        let a = 0;
        while (r - a - 1 >= 0 && member(r - a - 1, c)) a++;
        let b = 0;
        while (r + b + 1 < ys.length && member(r + b + 1, c)) b++;
        const t = Math.min(a, b);
        if (t === 0) continue;
        cells[r - t][c] = cells[r][c];
        cells[r][c] = [];
        spans.push({ row: r - t, col: c, rowspan: 2 * t + 1, colspan: 1, in: 'body' });
      }
    }
  }
  // Rows of their own for the remaining floats, in y order.
  const allRows = ys.map((y, i) => ({ y, cells: cells[i], old: i }));
  for (const ex of extraRows) {
    const row = cols.map(() => [] as Frag[]);
    row[ex.col] = ex.frags;
    allRows.push({ y: ex.y, cells: row, old: -1 });
  }
  allRows.sort((a, b) => a.y - b.y);
  const remap = new Map<number, number>();
  allRows.forEach((r, i) => r.old >= 0 && remap.set(r.old, i));
  for (const sp of spans) sp.row = remap.get(sp.row) ?? sp.row;

  const grid = allRows.map((r) =>
    r.cells.map((fs, c) =>
      joinParts(
        fs.map((f) => ({ text: f.text, x0: f.x0, x1: f.x1, base: f.base })),
        cols[c].x1 - cols[c].x0,
        cols[c].numeric,
        0.3 * em,
      ),
    ),
  );
  const boxes = allRows.map((r) => r.cells.map(extentOf));
  return { grid, boxes, ys: allRows.map((r) => r.y), spans, alignment: mode, labelColumns };
}
