/**
 * Header rows. Header cells are stacked from their wrapped lines (same column, a line pitch apart,
 * lined up); stacks whose centres agree form one header row, and a stack centred between two rows
 * spans both (text in the upper one). In the header row next to the body every cell names one
 * column (two cells in one column's slot mean a column the body leaves empty); in the rows above,
 * a cell names the columns it covers, and a centred group title also takes the uncovered columns
 * around it up to its neighbours.
 */
import type { Line } from '../../layout/lines.js';
import type { Rect } from '../../model/page.js';
import { extentOf, fragmentLines } from './fragments.js';
import { overlapped, slotBounds, slotOf } from './columns.js';
import type { Column, Frag, Span } from './model.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';
import { joinParts } from './text-join.js';

export interface HeaderGrid {
  rows: string[][];
  /** Where each header cell was printed (null for an empty cell). */
  boxes: (Rect | null)[][];
  spans: Span[];
  /** Columns after adding those only the header names. */
  columns: Column[];
}

interface Stack {
  frags: Frag[];
  x0: number;
  x1: number;
  y: number;
  key: string;
  slot: number;
  row: number;
  rowspan: number;
  /** The column a leaf cell names when not the one its centre's slot gives (see buildHeader). */
  home?: number;
}

function center(f: { x0: number; x1: number }): number {
  return (f.x0 + f.x1) / 2;
}

function makeStacks(frags: Frag[], cols: Column[], em: number, s: TableSettings): Stack[] {
  const bounds = slotBounds(cols);
  const stacks: Stack[] = [];
  const sorted = frags.slice().sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const figureColsAt = (base: number) => new Set(frags.filter((g) => Math.abs(g.base - base) <= 0.5).flatMap((g) => overlapped(cols, g.x0, g.x1).filter((c) => cols[c].numeric)));
  const headsAll = (upper: number, lower: number) => {
    const above = figureColsAt(upper);
    return [...figureColsAt(lower)].every((c) => above.has(c));
  };
  for (const f of sorted) {
    const key = overlapped(cols, f.x0, f.x1, 0.5).join(',');
    const slot = slotOf(bounds, center(f));
    const align = s.stackAlign * em;
    const open = stacks.find((st) => {
      const last = st.frags[st.frags.length - 1];
      if (st.slot !== slot) return false;
      const gap = f.base - last.base;
      if (gap <= 0.5 || gap > s.wrapGap * em) return false;
      // A title over several columns is no wrapped line of a cell under one of them.
      const width = (g: Frag) => overlapped(cols, g.x0, g.x1, 0.5).length;
      if ((width(f) > 1) !== (width(last) > 1) && Math.max(width(f), width(last)) > 2) return false;
      if (Math.abs(center(f) - center(last)) <= align) return true;
      // Left- or right-aligned lines of one cell stay within the same single column.
      const ratio = Math.min(f.x1 - f.x0, last.x1 - last.x0) / Math.max(1e-6, Math.max(f.x1 - f.x0, last.x1 - last.x0));
      const single = st.key === key && key !== '' && !key.includes(',');
      // Over a column of figures heads are set flush right, a short unit line under the name
      // ("(%)"), where the upper line's row heads every figure column the lower one does (else
      // the upper line is a group title over leaf heads).
      const flushRight = single && cols[Number(key)]?.numeric && Math.abs(f.x1 - last.x1) <= align && headsAll(last.base, f.base);
      return (single && ratio >= 0.4 && (Math.abs(f.x0 - last.x0) <= align || Math.abs(f.x1 - last.x1) <= align)) || !!flushRight;
    });
    if (open) {
      open.frags.push(f);
      open.x0 = Math.min(open.x0, f.x0);
      open.x1 = Math.max(open.x1, f.x1);
      const bases = open.frags.map((g) => g.base);
      open.y = (Math.min(...bases) + Math.max(...bases)) / 2;
    } else stacks.push({ frags: [f], x0: f.x0, x1: f.x1, y: f.base, key, slot, row: 0, rowspan: 1 });
  }
  return stacks;
}

/**
 * A one-line leaf header cell whose words each sit over a different column ("P-4 P-3 P-2" set
 * with word spaces) is several cells.
 */
function splitByColumns(st: Stack, cols: Column[], bounds: number[]): Stack[] {
  if (st.frags.length !== 1) return [st];
  const f = st.frags[0];
  if (f.parts.length < 2 || overlapped(cols, f.x0, f.x1, 0.5).length < 2) return [st];
  const groups: { col: number; parts: Frag['parts'] }[] = [];
  for (const p of f.parts) {
    const ov = overlapped(cols, p.x0, p.x1, 0.5);
    if (ov.length > 1) return [st];
    const last = groups[groups.length - 1];
    if (!ov.length || (last && last.col === ov[0])) {
      if (!last) return [st];
      last.parts.push(p);
      continue;
    }
    if (last && ov[0] < last.col) return [st];
    groups.push({ col: ov[0], parts: [p] });
  }
  if (groups.length < 2) return [st];
  return groups.map((g) => {
    const x0 = g.parts[0].x0;
    const x1 = g.parts[g.parts.length - 1].x1;
    const frag: Frag = { ...f, text: g.parts.map((p) => p.text).join(' '), x0, x1, parts: g.parts };
    return { ...st, frags: [frag], x0, x1, key: String(g.col), slot: slotOf(bounds, (x0 + x1) / 2) };
  });
}

/** Rows from stack centres; a stack centred between two rows spans them. Returns the row count. */
function assignRows(stacks: Stack[], em: number, s: TableSettings): number {
  const ys = stacks.map((st) => st.y).sort((a, b) => a - b);
  const clusters: number[] = [];
  for (const y of ys) {
    if (clusters.length && y - clusters[clusters.length - 1] <= s.rowTolerance * em) continue;
    clusters.push(y);
  }
  const close = (a: number, b: number) => Math.abs(a - b) < s.interleaveGap * em;
  let real = clusters.filter((c, i) => !(i > 0 && i + 1 < clusters.length && close(clusters[i - 1], c) && close(c, clusters[i + 1])));
  // A row of fewer cells within a line pitch of its neighbour, in columns the neighbour leaves
  // empty, is part of it: cells of one row whose other line was lost (OCR) or set apart.
  const members = (y: number) => stacks.filter((st) => Math.abs(st.y - y) <= s.rowTolerance * em);
  real = real.filter((y, i) => {
    const mine = members(y);
    return ![real[i - 1], real[i + 1]].some((n) => {
      if (n === undefined || !close(n, y)) return false;
      const theirs = members(n);
      return theirs.length > mine.length && mine.every((st) => !theirs.some((o) => o.slot === st.slot));
    });
  });
  for (const st of stacks) {
    let best = 0;
    for (let i = 0; i < real.length; i++) if (Math.abs(real[i] - st.y) < Math.abs(real[best] - st.y)) best = i;
    // Centred between two real rows (not on either, nor nearer one): spans from the upper one.
    const below = real.findIndex((y) => y > st.y + s.rowTolerance * em);
    const above = below > 0 ? below - 1 : -1;
    const centred = above >= 0 && Math.abs(st.y - (real[above] + real[below]) / 2) <= (real[below] - real[above]) / 4;
    if (centred && st.y - real[above] > s.rowTolerance * em && real[below] - st.y > s.rowTolerance * em) {
      st.row = above;
      st.rowspan = 2;
    } else {
      st.row = best;
      st.rowspan = 1;
    }
  }
  return real.length;
}

export function buildHeader(lines: Line[], bodyCols: Column[], em: number, s: TableSettings = TABLE_SETTINGS): HeaderGrid {
  if (!lines.length) return { rows: [], boxes: [], spans: [], columns: bodyCols };
  const bounds = slotBounds(bodyCols);
  const frags = fragmentLines(lines, em, s, bounds).flat();
  let cols = bodyCols.slice();
  let nRows = 0;
  let leaf = 0;
  const inLeaf = (st: Stack) => st.row + st.rowspan - 1 >= leaf;
  const prepare = (): Stack[] => {
    const st0 = makeStacks(frags, cols, em, s);
    nRows = assignRows(st0, em, s);
    leaf = nRows - 1;
    const b = slotBounds(cols);
    const out = st0.flatMap((st) => (inLeaf(st) ? splitByColumns(st, cols, b) : [st]));
    // A leaf cell sharing its slot with another while it lies over one other column that no leaf
    // cell names (a wide name over a narrow column of figures, its slot ending at their edge)
    // names that column.
    const leaves = out.filter(inLeaf);
    for (const st of leaves) {
      const ov = overlapped(cols, st.x0, st.x1, 0.5);
      if (ov.length !== 1 || ov[0] === st.slot) continue;
      const named = (c: number) => leaves.some((o) => o !== st && (o.home ?? o.slot) === c && o.row === st.row);
      if (named(st.slot) && !named(ov[0])) st.home = ov[0];
    }
    return out;
  };
  let stacks = prepare();

  // The leaf row: one column per cell; a second cell in one slot names a column of its own.
  const leafStacks = stacks.filter(inLeaf);
  const bySlot = new Map<number, Stack[]>();
  for (const st of leafStacks) bySlot.set(st.home ?? st.slot, [...(bySlot.get(st.home ?? st.slot) ?? []), st]);
  const added: Column[] = [];
  /** Leaf cells set in the gap left of their slot's column that name the column left of it. */
  const movedLeft = new Set<Frag>();
  for (const [slot, list] of bySlot) {
    if (list.length < 2) continue;
    const col = cols[slot];
    const dist = (st: Stack) => Math.max(0, st.x0 - col.x1, col.x0 - st.x1);
    list.sort((a, b) => dist(a) - dist(b));
    for (const st of list.slice(1)) {
      // Only cells side by side (not one above the other) in the same row make a new column.
      if (list[0].row !== st.row && !(st.rowspan > 1 || list[0].rowspan > 1)) continue;
      // A cell in the blank between two columns (or reaching into the left one only), nearer the
      // left one, which the leaf row leaves unnamed, names that column (a stub's header set wider than its labels, over their leader dots).
      const left = cols[slot - 1];
      const ov = overlapped(cols, st.x0, st.x1);
      const nearer = left && Math.max(0, st.x0 - left.x1) < col.x0 - st.x1;
      if (left && nearer && !bySlot.has(slot - 1) && st.x0 >= left.x0 && st.x1 <= col.x0 && ov.every((c) => c === slot - 1)) {
        movedLeft.add(st.frags[0]);
        continue;
      }
      const right = cols.find((c) => c.x0 > st.x1);
      added.push({ x0: st.x0, x1: st.x1, numeric: right ? right.numeric : col.numeric });
    }
  }
  if (added.length) {
    cols = [...cols, ...added].sort((a, b) => a.x0 - b.x0);
    stacks = prepare();
  }
  const newBounds = slotBounds(cols);
  const rows: string[][] = Array.from({ length: nRows }, () => cols.map(() => ''));
  const cellFrags: Frag[][][] = rows.map((r) => r.map(() => []));
  const spans: Span[] = [];
  const cover: [number, number][] = stacks.map((st) => {
    if (inLeaf(st)) {
      const c = st.home ?? slotOf(newBounds, center(st)) - (movedLeft.has(st.frags[0]) ? 1 : 0);
      return [c, c];
    }
    const ov = overlapped(cols, st.x0, st.x1, 0.5);
    if (ov.length) return [ov[0], ov[ov.length - 1]];
    const c = slotOf(newBounds, center(st));
    return [c, c];
  });
  // Group titles above the leaf row take the uncovered columns around them, as long as the
  // columns stay centred under the title (a title is centred over its group).
  const tol = s.groupCentre * em;
  for (let r = 0; r < nRows; r++) {
    const here = stacks.map((st, i) => ({ st, i })).filter(({ st }) => st.row <= r && st.row + st.rowspan - 1 >= r);
    const covered = new Set<number>();
    for (const { i } of here) for (let c = cover[i][0]; c <= cover[i][1]; c++) covered.add(c);
    const titles = here.filter(({ st }) => st.row === r && !inLeaf(st));
    for (;;) {
      // The nearest column to a title first (two titles may both stay centred taking it).
      let best: { i: number; lo: number; hi: number; dev: number; gap: number } | null = null;
      for (const { st, i } of titles) {
        const mid = center(st);
        const [a, b] = cover[i];
        for (const [lo, hi] of [
          [a - 1, b],
          [a, b + 1],
        ]) {
          const c = lo < a ? lo : hi;
          if (c < 0 || c >= cols.length || covered.has(c)) continue;
          const dev = Math.abs((cols[lo].x0 + cols[hi].x1) / 2 - mid);
          const gap = Math.max(0, cols[c].x0 - st.x1, st.x0 - cols[c].x1);
          if (dev > tol) continue;
          if (!best || gap < best.gap - 1e-6 || (Math.abs(gap - best.gap) <= 1e-6 && dev < best.dev)) best = { i, lo, hi, dev, gap };
        }
      }
      if (!best) break;
      cover[best.i] = [best.lo, best.hi];
      covered.add(best.lo).add(best.hi);
    }
  }
  stacks.forEach((st, i) => {
    const [c0, c1] = cover[i];
    const text = joinParts(
      st.frags.map((f) => ({ text: f.text, x0: f.x0, x1: f.x1, base: f.base })),
      cols[c0].x1 - cols[c0].x0,
      false,
      0.3 * em,
    );
    const prev = rows[st.row][c0];
    rows[st.row][c0] = prev ? `${prev} ${text}` : text;
    cellFrags[st.row][c0].push(...st.frags);
    if (c1 > c0 || st.rowspan > 1) spans.push({ row: st.row, col: c0, rowspan: st.rowspan, colspan: c1 - c0 + 1, in: 'header' });
  });
  return { rows, boxes: cellFrags.map((r) => r.map(extentOf)), spans, columns: cols };
}
