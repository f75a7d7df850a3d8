/**
 * Small scan skew: estimated from the text lines' baselines and undone by rotating coordinates
 * (not pixels) around the page centre, so the words of one printed line share a baseline and a
 * column's left edges share an x again.
 */
import { OCR_SETTINGS } from './ocr-settings.js';
import { median } from '../layout/geometry.js';

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Point {
  x: number;
  y: number;
}

/**
 * Skew angle in radians (positive: lines descend to the right, y pointing down) from baselines in
 * pixels, or 0 when no line is long enough. Baselines are integer pixels, so single slopes are
 * coarse: outliers (a slanted chart label) are trimmed around the median, then the rest averaged
 * by length, which also averages the rounding away.
 */
export function estimateSkew(baselines: Segment[], minWidth: number, s = OCR_SETTINGS.skew): number {
  const lines = baselines
    .filter((b) => b.x1 - b.x0 >= minWidth)
    .map((b) => ({ slope: (b.y1 - b.y0) / (b.x1 - b.x0), w: b.x1 - b.x0 }));
  if (!lines.length) return 0;
  const m = median(lines.map((l) => l.slope));
  const mad = median(lines.map((l) => Math.abs(l.slope - m)));
  // One pixel over the shortest usable line is the slopes' resolution: never trim tighter.
  const tol = 3 * Math.max(mad, 1 / minWidth);
  const kept = lines.filter((l) => Math.abs(l.slope - m) <= tol);
  const wSum = kept.reduce((a, l) => a + l.w, 0);
  const angle = Math.atan(kept.reduce((a, l) => a + l.slope * l.w, 0) / wSum);
  const deg = Math.abs((angle * 180) / Math.PI);
  return deg < s.minAngle || deg > s.maxAngle ? 0 : angle;
}

/** Rotates a point by -angle around `centre`: undoes a skew of `angle` (see estimateSkew). */
export function derotate(p: Point, centre: Point, angle: number): Point {
  if (angle === 0) return p;
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const dx = p.x - centre.x;
  const dy = p.y - centre.y;
  return { x: centre.x + dx * c + dy * s, y: centre.y - dx * s + dy * c };
}

/**
 * The upright box of a box that was skewed by `angle` and then measured axis-aligned: the same
 * centre rotated back, with the size shrunk by what the tilt had added (w·sin to the height,
 * h·sin to the width), never below half the measured size.
 */
export function derotateBox(b: Segment, centre: Point, angle: number): Segment {
  if (angle === 0) return b;
  const w = b.x1 - b.x0;
  const h = b.y1 - b.y0;
  const s = Math.abs(Math.sin(angle));
  const c = Math.cos(angle);
  const cos2 = c * c - s * s;
  const w2 = Math.max(w / 2, (w * c - h * s) / cos2);
  const h2 = Math.max(h / 2, (h * c - w * s) / cos2);
  const m = derotate({ x: (b.x0 + b.x1) / 2, y: (b.y0 + b.y1) / 2 }, centre, angle);
  return { x0: m.x - w2 / 2, y0: m.y - h2 / 2, x1: m.x + w2 / 2, y1: m.y + h2 / 2 };
}
