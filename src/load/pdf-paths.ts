/**
 * Vector paths of a pdf.js 5.x operator list as rules and rectangles (table rules, box borders,
 * footnote separators).
 */
import type { Rect, Rule } from '../model/page.js';

/** A rule is thin in one direction; anything else is a rectangle (box border, cell shading). */
export function toRule(r: Rect, thin = 2.5): Rule | null {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (w < 0.5 && h < 0.5) return null;
  if (h <= thin && w > h) return { ...r, kind: 'h' };
  if (w <= thin && h > w) return { ...r, kind: 'v' };
  return { ...r, kind: 'rect' };
}

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

/**
 * Segments of one pdf.js 5.x path (DrawOPS codes). Straight segments become rules; a closed
 * 4-corner axis-aligned subpath is kept whole as a rectangle so box borders and filled cells keep
 * their extent. Curves only contribute to a bounding box (rounded boxes, chart shapes).
 */
export function pathRects(path: ArrayLike<number>): Rect[] {
  const out: Rect[] = [];
  let sub: number[] = [];
  let curved = false;
  const flush = () => {
    if (sub.length >= 4) {
      const xs = sub.filter((_, i) => i % 2 === 0);
      const ys = sub.filter((_, i) => i % 2 === 1);
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      const axisAligned = !curved && sub.length <= 10;
      if (axisAligned && sub.length >= 8) out.push(box);
      else if (!curved && sub.length === 4) out.push(box);
      else if (!curved) {
        for (let i = 0; i + 3 < sub.length; i += 2) {
          out.push({
            x0: Math.min(sub[i], sub[i + 2]),
            y0: Math.min(sub[i + 1], sub[i + 3]),
            x1: Math.max(sub[i], sub[i + 2]),
            y1: Math.max(sub[i + 1], sub[i + 3]),
          });
        }
      } else out.push(box);
    }
    sub = [];
    curved = false;
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === DRAW_MOVE) {
      flush();
      sub.push(path[i++], path[i++]);
    } else if (op === DRAW_LINE) {
      sub.push(path[i++], path[i++]);
    } else if (op === DRAW_CURVE) {
      curved = true;
      sub.push(path[i + 4], path[i + 5]);
      i += 6;
    } else if (op === DRAW_QUAD) {
      curved = true;
      sub.push(path[i + 2], path[i + 3]);
      i += 4;
    } else if (op === DRAW_CLOSE) {
      // closing a subpath adds no new point
    } else break;
  }
  flush();
  return out;
}
