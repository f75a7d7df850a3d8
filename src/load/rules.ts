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

/**
 * Stacks runs of consecutive lines into rules: a run joins a stack from the previous line when they
 * overlap along most of the shorter one (a thick rule) or meet end to end (a thin rule stepping to
 * the next line where the skew estimate is a fraction of a pixel off). Stacks that still overlap
 * afterwards (a rule broken in one line by a gap, leaving two runs there) are merged.
 */
function stack(runs: Run[], maxGap: number): Stack[] {
  const stacks: Stack[] = [];
  let open: Stack[] = [];
  const joins = (o: Stack, r: Run) => {
    const overlap = Math.min(o.to, r.to) - Math.max(o.from, r.from);
    return overlap >= 0.5 * Math.min(o.to - o.from, r.to - r.from) || (overlap > -maxGap && overlap <= 0);
  };
  for (const r of runs) {
    open = open.filter((s) => s.last >= r.line - 1);
    const s = open.find((o) => o.last === r.line - 1 && joins(o, r));
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
  const merged: Stack[] = [];
  for (const st of stacks.sort((a, b) => a.first - b.first)) {
    const m = merged.find((o) => st.first <= o.last + 1 && o.first <= st.last + 1 && Math.min(o.to, st.to) > Math.max(o.from, st.from));
    if (!m) merged.push({ ...st });
    else Object.assign(m, { first: Math.min(m.first, st.first), last: Math.max(m.last, st.last), from: Math.min(m.from, st.from), to: Math.max(m.to, st.to) });
  }
  return merged;
}

/** Share of ink on a sheared row (horizontal) or column (vertical) between `from` and `to`. */
function lineFill(bin: BinaryImage, horizontal: boolean, shear: Int32Array, line: number, from: number, to: number): number {
  const { width: w, height: h, data } = bin;
  let n = 0;
  for (let i = from; i < to; i++) {
    const x = horizontal ? i : line + shear[i];
    const y = horizontal ? line + shear[i] : i;
    if (x >= 0 && x < w && y >= 0 && y < h) n += data[y * w + x];
  }
  return n / Math.max(1, to - from);
}

/**
 * Share of positions along a stack where ink runs on for `depth` lines beyond its `edge` line (in
 * direction `dir`): the stems standing on a row of serifs, or hanging from the tops of capitals.
 * Only descenders cross a rule or an underline, and they are sparse.
 */
function attached(bin: BinaryImage, horizontal: boolean, shear: Int32Array, edge: number, dir: number, depth: number, from: number, to: number): number {
  const { width: w, height: h, data } = bin;
  let n = 0;
  for (let i = from; i < to; i++) {
    let all = 1;
    for (let d = 1; d <= depth && all; d++) {
      const line = edge + dir * d;
      const x = horizontal ? i : line + shear[i];
      const y = horizontal ? line + shear[i] : i;
      all = x >= 0 && x < w && y >= 0 && y < h ? data[y * w + x] : 0;
    }
    n += all;
  }
  return n / Math.max(1, to - from);
}

/**
 * Horizontal and vertical rules of a page at `dpi`, skewed by `skew` radians. `bin` is binarised
 * leniently so faint rules stay whole; each candidate must also be solid along one line of
 * `textBin` (the text binarisation), which the blurred-together serifs of a line of text are not.
 */
export function detectRules(bin: BinaryImage, dpi: number, skew = 0, s = OCR_SETTINGS.rules, textBin = bin): PixelRule[] {
  const { width: w, height: h } = bin;
  const pt = dpi / 72;
  const minLen = Math.round(s.minLength * dpi);
  // Runs are collected in pieces: residual skew can spread a thin rule over neighbouring lines.
  const limits = { minLen: Math.ceil(minLen / 4), maxGap: Math.max(1, Math.round(s.maxGap * pt)), minFill: s.minFill };
  const maxThick = Math.max(2, Math.round(s.maxThickness * pt));
  const clear = Math.max(2, Math.round(s.clearance * pt));
  const stem = Math.max(2, Math.round(s.stemLength * pt));
  const t = Math.tan(skew);
  // Row offsets along x for horizontal scans, column offsets along y for vertical ones.
  const dy = Int32Array.from({ length: w }, (_, x) => Math.round((x - w / 2) * t));
  const dx = Int32Array.from({ length: h }, (_, y) => -Math.round((y - h / 2) * t));
  const out: PixelRule[] = [];
  for (const horizontal of [true, false]) {
    const shear = horizontal ? dy : dx;
    const shift = Math.max(Math.abs(shear[0]), Math.abs(shear[shear.length - 1]));
    const runs = horizontal ? rowRuns(bin, dy, shift, limits) : columnRuns(bin, dx, shift, limits);
    for (const st of stack(runs, limits.maxGap)) {
      if (st.to - st.from < minLen || st.last - st.first + 1 > maxThick) continue;
      if (lineFill(bin, horizontal, shear, st.first - clear, st.from, st.to) > s.maxSideFill) continue;
      if (lineFill(bin, horizontal, shear, st.last + clear, st.from, st.to) > s.maxSideFill) continue;
      let solidLine = 0;
      for (let line = st.first - 1; line <= st.last + 1; line++) solidLine = Math.max(solidLine, lineFill(textBin, horizontal, shear, line, st.from, st.to));
      if (solidLine < s.minTextFill) continue;
      if (attached(textBin, horizontal, shear, st.first, -1, stem, st.from, st.to) > s.maxAttached) continue;
      if (attached(textBin, horizontal, shear, st.last, 1, stem, st.from, st.to) > s.maxAttached) continue;
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
