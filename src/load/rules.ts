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

/**
 * Scans `lines` lines of `length` samples; `ink(line, i)` reads the sheared image. Returns the
 * stacks of long solid runs.
 */
function scan(
  lines: number,
  length: number,
  shiftMax: number,
  ink: (line: number, i: number) => number,
  minLen: number,
  maxGap: number,
  minFill: number,
): Stack[] {
  const runs: Run[] = [];
  for (let line = -shiftMax; line < lines + shiftMax; line++) {
    let start = -1;
    let last = -1;
    let count = 0;
    for (let i = 0; i <= length; i++) {
      const on = i < length && ink(line, i) === 1;
      if (on) {
        if (start < 0) start = i;
        last = i;
        count++;
      } else if (start >= 0 && (i - last > maxGap || i === length)) {
        const len = last - start + 1;
        if (len >= minLen && count / len >= minFill) runs.push({ line, from: start, to: last + 1 });
        start = -1;
        count = 0;
      }
    }
  }
  // Stack runs of consecutive lines that overlap along most of the shorter run.
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

/** Share of ink on one sheared line between `from` and `to`. */
function fill(ink: (line: number, i: number) => number, line: number, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n += ink(line, i);
  return n / Math.max(1, to - from);
}

/** Horizontal and vertical rules of a binarised image at `dpi`, skewed by `skew` radians. */
export function detectRules(bin: BinaryImage, dpi: number, skew = 0, s = OCR_SETTINGS.rules): PixelRule[] {
  const { width: w, height: h, data } = bin;
  const pt = dpi / 72;
  const minLen = Math.round(s.minLength * dpi);
  const maxGap = Math.max(1, Math.round(s.maxGap * pt));
  const maxThick = Math.max(2, Math.round(s.maxThickness * pt));
  const clear = Math.max(2, Math.round(s.clearance * pt));
  const t = Math.tan(skew);
  const cx = w / 2;
  const cy = h / 2;
  // Row offsets along x for horizontal scans, column offsets along y for vertical ones.
  const dy = Int32Array.from({ length: w }, (_, x) => Math.round((x - cx) * t));
  const dx = Int32Array.from({ length: h }, (_, y) => -Math.round((y - cy) * t));
  const shiftY = Math.max(Math.abs(dy[0]), Math.abs(dy[w - 1]));
  const shiftX = Math.max(Math.abs(dx[0]), Math.abs(dx[h - 1]));
  const inkH = (row: number, x: number) => {
    const y = row + dy[x];
    return y >= 0 && y < h ? data[y * w + x] : 0;
  };
  const inkV = (col: number, y: number) => {
    const x = col + dx[y];
    return x >= 0 && x < w ? data[y * w + x] : 0;
  };
  const out: PixelRule[] = [];
  const keep = (st: Stack, ink: (line: number, i: number) => number) =>
    st.last - st.first + 1 <= maxThick &&
    fill(ink, st.first - clear, st.from, st.to) <= s.maxSideFill &&
    fill(ink, st.last + clear, st.from, st.to) <= s.maxSideFill;
  for (const st of scan(h, w, shiftY, inkH, minLen, maxGap, s.minFill)) {
    if (!keep(st, inkH)) continue;
    const mid = (st.first + st.last) / 2;
    out.push({
      kind: 'h',
      a: { x: st.from, y: mid + dy[st.from] + 0.5 },
      b: { x: st.to, y: mid + dy[st.to - 1] + 0.5 },
      thickness: st.last - st.first + 1,
    });
  }
  for (const st of scan(w, h, shiftX, inkV, minLen, maxGap, s.minFill)) {
    if (!keep(st, inkV)) continue;
    const mid = (st.first + st.last) / 2;
    out.push({
      kind: 'v',
      a: { x: mid + dx[st.from] + 0.5, y: st.from },
      b: { x: mid + dx[st.to - 1] + 0.5, y: st.to },
      thickness: st.last - st.first + 1,
    });
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
