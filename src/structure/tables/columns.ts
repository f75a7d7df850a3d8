/**
 * Columns from the x-extents of body cells: where no body fragment covers a run of x positions at
 * least a small gap wide, one column ends and the next begins (the whitespace-stream idea). Each
 * column also gets a slot — the x range a header or stray fragment belongs to — which extends a
 * right-aligned (figure) column leftwards to its neighbour and a left-aligned one rightwards.
 */
import type { Column, Frag } from './model.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

export function findColumns(frags: Frag[], em: number, s: TableSettings = TABLE_SETTINGS): Column[] {
  if (!frags.length) return [];
  // Coverage sweep: x positions covered by more than a few fragments hold a column.
  const lines = new Set(frags.map((f) => f.line)).size;
  const floor = Math.floor(s.strayShare * lines);
  // A handful of lines that do not follow the grid (an inner header, a note, a figure set a
  // little off) must not bridge two columns: x positions covered by few fragments are gaps.
  const ev: [number, number][] = [];
  for (const f of frags) ev.push([f.x0, 1], [f.x1, -1]);
  ev.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const spans: [number, number][] = [];
  let n = 0;
  let open = 0;
  for (const [x, d] of ev) {
    const before = n;
    n += d;
    if (before <= floor && n > floor) open = x;
    else if (before > floor && n <= floor) spans.push([open, x]);
  }
  // A figure outside every such column is a sparse column of its own (filled on a row or two).
  const extra = frags.filter((f) => f.numeric && !spans.some(([a, b]) => Math.min(b, f.x1) > Math.max(a, f.x0)));
  for (const f of extra) spans.push([f.x0, f.x1]);
  spans.sort((a, b) => a[0] - b[0]);
  const cols: { x0: number; x1: number; nums: number; texts: number }[] = [];
  for (const [x0, x1] of spans) {
    const last = cols[cols.length - 1];
    if (last && x0 - last.x1 < s.minColumnGap * em) last.x1 = Math.max(last.x1, x1);
    else cols.push({ x0, x1, nums: 0, texts: 0 });
  }
  for (const f of frags) {
    const cx = (f.x0 + f.x1) / 2;
    const c = cols.find((col) => cx >= col.x0 - 0.5 && cx <= col.x1 + 0.5);
    if (!c) continue;
    if (f.numeric) c.nums++;
    else c.texts++;
  }
  return cols.filter((c) => c.nums + c.texts > 0).map((c) => ({ x0: c.x0, x1: c.x1, numeric: c.nums > c.texts }));
}

/** Boundaries between consecutive columns' slots (length = columns − 1). */
export function slotBounds(cols: Column[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < cols.length; i++) {
    const a = cols[i];
    const b = cols[i + 1];
    // Between figure columns (right-aligned) the space belongs to the right one; after a label
    // column, half of the gap is the label's (its header may be wider than its cells).
    out.push(a.numeric && b.numeric ? a.x1 : a.numeric ? b.x0 : (a.x1 + b.x0) / 2);
  }
  return out;
}

/** The column whose slot contains x. */
export function slotOf(bounds: number[], x: number): number {
  let i = 0;
  while (i < bounds.length && x >= bounds[i]) i++;
  return i;
}

/** Columns whose body extent a fragment overlaps (by more than `tol` points); empty when none. */
export function overlapped(cols: Column[], x0: number, x1: number, tol = 0): number[] {
  const out: number[] = [];
  cols.forEach((c, i) => {
    if (Math.min(c.x1, x1) - Math.max(c.x0, x0) > tol) out.push(i);
  });
  return out;
}

/**
 * The column range of a fragment: the columns it overlaps, or failing that its slot's column. A
 * figure that ends on a figure column's right edge is set in that column, even where it reaches
 * into the label column before it by less than it lies in its own (a bold total wider than the
 * column's other figures, under a long label).
 */
export function columnOf(cols: Column[], bounds: number[], f: { x0: number; x1: number; numeric?: boolean }): [number, number] {
  const ov = overlapped(cols, f.x0, f.x1);
  if (ov.length > 1 && f.numeric) {
    const last = cols[ov[ov.length - 1]];
    const inLast = Math.min(last.x1, f.x1) - Math.max(last.x0, f.x0);
    const beforeLast = cols[ov[ov.length - 2]];
    const inBefore = Math.min(beforeLast.x1, f.x1) - Math.max(beforeLast.x0, f.x0);
    const edge = Math.max(1, 0.1 * (last.x1 - last.x0));
    if (last.numeric && !beforeLast.numeric && Math.abs(f.x1 - last.x1) <= edge && inBefore < inLast) return [ov[ov.length - 1], ov[ov.length - 1]];
  }
  if (ov.length) return [ov[0], ov[ov.length - 1]];
  const c = slotOf(bounds, (f.x0 + f.x1) / 2);
  return [c, c];
}
