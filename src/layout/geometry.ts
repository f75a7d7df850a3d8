/** Small geometry and statistics helpers shared by the layout and structure stages. */
import type { Rect } from '../model/page.js';

export function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The upper of the two middle values (an actual member of xs), 0 for none. */
export function upperMedian(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length ? s[s.length >> 1] : 0;
}

/** The value at quantile q (0..1) of xs. */
export function quantile(xs: number[], q: number): number {
  if (!xs.length) return 0;
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}

/** The most frequent value after rounding to `step`. */
export function mode(xs: number[], step = 0.5): number {
  const counts = new Map<number, number>();
  let best = 0;
  let bestN = 0;
  for (const x of xs) {
    const k = Math.round(x / step) * step;
    const n = (counts.get(k) ?? 0) + 1;
    counts.set(k, n);
    if (n > bestN) [best, bestN] = [k, n];
  }
  return best;
}

export function overlapX(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

export function overlapY(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
}

/** True when r lies inside outer, allowing `tol` points of slack. */
export function inside(r: Rect, outer: Rect, tol = 1): boolean {
  return r.x0 >= outer.x0 - tol && r.x1 <= outer.x1 + tol && r.y0 >= outer.y0 - tol && r.y1 <= outer.y1 + tol;
}

export function union(rs: Rect[]): Rect {
  return {
    x0: Math.min(...rs.map((r) => r.x0)),
    y0: Math.min(...rs.map((r) => r.y0)),
    x1: Math.max(...rs.map((r) => r.x1)),
    y1: Math.max(...rs.map((r) => r.y1)),
  };
}

/**
 * A picture behind the page rather than on it: one covering most of the page (a scan, read by
 * OCR or under an invisible text layer) or bleeding off both sides (a backdrop cut into bands).
 * Text is printed over it, so it neither is a chart nor sets text apart from the columns.
 */
export function isBackdrop(img: Rect, page: { width: number; height: number }): boolean {
  if ((img.x1 - img.x0) * (img.y1 - img.y0) > 0.8 * page.width * page.height) return true;
  return img.x0 <= 0.01 * page.width && img.x1 >= 0.99 * page.width;
}
