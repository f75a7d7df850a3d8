/**
 * Ruled lines in a binarised page image: long, nearly solid, thin runs of ink. Rows are scanned
 * along the page skew (a sheared scan: pixel (x, y + tan(skew)·(x − cx))), so a tilted rule stays
 * in one scan row instead of breaking into steps. Runs found in neighbouring scan rows are stacked
 * into one rule; stacks thicker than a rule are filled areas and dropped. Vertical rules are the
 * same scan over columns. Everything is a pass over typed arrays: a few tens of ms per page.
 */
import { OCR_SETTINGS } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';
import type { Rule } from '../model/page.js';
import { derotate, type Point } from './deskew.js';

export interface PixelRule {
  kind: 'h' | 'v';
  /** Centre-line end points in image pixels (a: left or top end). */
  a: Point;
  b: Point;
  /** Thickness in pixels. */
  thickness: number;
}

interface Run {
  line: number;
  from: number;
  to: number;
}

interface Stack {
  first: number;
  last: number;
  from: number;
  to: number;
}

interface ScanLimits {
  minLen: number;
  maxGap: number;
  minFill: number;
}

const solid = (from: number, last: number, count: number, l: ScanLimits) =>
  last - from + 1 >= l.minLen && count / (last - from + 1) >= l.minFill;

/** Long solid runs along sheared rows: row r covers the pixels (x, r + dy[x]). */
function rowRuns(bin: BinaryImage, dy: Int32Array, shift: number, l: ScanLimits): Run[] {
  const { width: w, height: h, data } = bin;
  const runs: Run[] = [];
  for (let r = -shift; r < h + shift; r++) {
    let start = -1;
    let last = -1;
    let count = 0;
    for (let x = 0; x < w; x++) {
      const y = r + dy[x];
      if (y >= 0 && y < h && data[y * w + x] === 1) {
        if (start < 0) start = x;
        last = x;
        count++;
      } else if (start >= 0 && x - last > l.maxGap) {
        if (solid(start, last, count, l)) runs.push({ line: r, from: start, to: last + 1 });
        start = -1;
        count = 0;
      }
    }
    if (start >= 0 && solid(start, last, count, l)) runs.push({ line: r, from: start, to: last + 1 });
  }
  return runs;
}

/**
 * Long solid runs along sheared columns: column c covers the pixels (c + dx[y], y). Walked in
 * row order with one run state per column, so memory is read sequentially.
 */
function columnRuns(bin: BinaryImage, dx: Int32Array, shift: number, l: ScanLimits): Run[] {
  const { width: w, height: h, data } = bin;
  const n = w + 2 * shift;
  const start = new Int32Array(n).fill(-1);
  const last = new Int32Array(n);
  const count = new Int32Array(n);
  const runs: Run[] = [];
  const close = (c: number) => {
    if (solid(start[c], last[c], count[c], l)) runs.push({ line: c - shift, from: start[c], to: last[c] + 1 });
    start[c] = -1;
    count[c] = 0;
  };
  for (let y = 0; y < h; y++) {
    const row = y * w;
    const off = shift - dx[y];
    for (let x = 0; x < w; x++) {
      const c = x + off;
      if (data[row + x] === 1) {
        if (start[c] < 0) start[c] = y;
        last[c] = y;
        count[c]++;
      } else if (start[c] >= 0 && y - last[c] > l.maxGap) close(c);
    }
  }
  for (let c = 0; c < n; c++) if (start[c] >= 0) close(c);
  return runs.sort((a, b) => a.line - b.line || a.from - b.from);
}

/** Stacks runs of consecutive lines that overlap along most of the shorter run. */
function stack(runs: Run[]): Stack[] {
  const stacks: Stack[] = [];
  let open: Stack[] = [];
  for (const r of runs) {
    open = open.filter((s) => s.last >= r.line - 1);
    const s = open.find((o) => o.last === r.line - 1 && Math.min(o.to, r.to) - Math.max(o.from, r.from) >= 0.5 * Math.min(o.to - o.from, r.to - r.from));
    if (s) {
      s.last = r.line;
      s.from = Math.min(s.from, r.from);
      s.to = Math.max(s.to, r.to);
    } else {
      const n = { first: r.line, last: r.line, from: r.from, to: r.to };
      stacks.push(n);
      open.push(n);
    }
  }
  return stacks;
}

/** Share of ink on a sheared row (horizontal) or column (vertical) between `from` and `to`. */
function sideFill(bin: BinaryImage, horizontal: boolean, shear: Int32Array, line: number, from: number, to: number): number {
  const { width: w, height: h, data } = bin;
  let n = 0;
  for (let i = from; i < to; i++) {
    const x = horizontal ? i : line + shear[i];
    const y = horizontal ? line + shear[i] : i;
    if (x >= 0 && x < w && y >= 0 && y < h) n += data[y * w + x];
  }
  return n / Math.max(1, to - from);
}

/** Horizontal and vertical rules of a binarised image at `dpi`, skewed by `skew` radians. */
export function detectRules(bin: BinaryImage, dpi: number, skew = 0, s = OCR_SETTINGS.rules): PixelRule[] {
  const { width: w, height: h } = bin;
  const pt = dpi / 72;
  const limits = { minLen: Math.round(s.minLength * dpi), maxGap: Math.max(1, Math.round(s.maxGap * pt)), minFill: s.minFill };
  const maxThick = Math.max(2, Math.round(s.maxThickness * pt));
  const clear = Math.max(2, Math.round(s.clearance * pt));
  const t = Math.tan(skew);
  // Row offsets along x for horizontal scans, column offsets along y for vertical ones.
  const dy = Int32Array.from({ length: w }, (_, x) => Math.round((x - w / 2) * t));
  const dx = Int32Array.from({ length: h }, (_, y) => -Math.round((y - h / 2) * t));
  const out: PixelRule[] = [];
  for (const horizontal of [true, false]) {
    const shear = horizontal ? dy : dx;
    const shift = Math.max(Math.abs(shear[0]), Math.abs(shear[shear.length - 1]));
    const runs = horizontal ? rowRuns(bin, dy, shift, limits) : columnRuns(bin, dx, shift, limits);
    for (const st of stack(runs)) {
      if (st.last - st.first + 1 > maxThick) continue;
      if (sideFill(bin, horizontal, shear, st.first - clear, st.from, st.to) > s.maxSideFill) continue;
      if (sideFill(bin, horizontal, shear, st.last + clear, st.from, st.to) > s.maxSideFill) continue;
      const mid = (st.first + st.last) / 2 + 0.5;
      const thickness = st.last - st.first + 1;
      out.push(
        horizontal
          ? { kind: 'h', a: { x: st.from, y: mid + dy[st.from] }, b: { x: st.to, y: mid + dy[st.to - 1] }, thickness }
          : { kind: 'v', a: { x: mid + dx[st.from], y: st.from }, b: { x: mid + dx[st.to - 1], y: st.to }, thickness },
      );
    }
  }
  return out;
}

/** A pixel rule as a page `Rule` in points: end points de-rotated around `centre` by `skew`. */
export function ruleInPoints(r: PixelRule, centre: Point, skew: number, dpi: number): Rule {
  const k = 72 / dpi;
  const a = derotate(r.a, centre, skew);
  const b = derotate(r.b, centre, skew);
  const half = r.thickness / 2;
  if (r.kind === 'h') {
    const y = (a.y + b.y) / 2;
    return { kind: 'h', x0: Math.min(a.x, b.x) * k, x1: Math.max(a.x, b.x) * k, y0: (y - half) * k, y1: (y + half) * k };
  }
  const x = (a.x + b.x) / 2;
  return { kind: 'v', x0: (x - half) * k, x1: (x + half) * k, y0: Math.min(a.y, b.y) * k, y1: Math.max(a.y, b.y) * k };
}
