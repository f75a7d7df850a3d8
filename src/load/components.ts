/**
 * Connected ink components of a binary image inside a window: the glyph shapes tesseract's
 * boxes hide when it reads two glyphs as one (a raised reference mark and the semicolon after it).
 */
import type { Point } from './deskew.js';
import type { BinaryImage, PixelBox } from './raster.js';

export interface Component extends PixelBox {
  /** Ink pixels. */
  pixels: number;
  /** Touches the window's top or bottom edge: part of something that goes on outside it. */
  clipped: boolean;
}

/**
 * 8-connected components of the ink in `win` (half-open, clamped to the image), in image pixels,
 * in the order their first pixels are met row by row. Labelled by runs: each row's runs of ink
 * join the runs of the row above that touch them, even at a corner.
 */
export function components(bin: BinaryImage, win: PixelBox): Component[] {
  const x0 = Math.max(0, Math.floor(win.x0));
  const y0 = Math.max(0, Math.floor(win.y0));
  const x1 = Math.min(bin.width, Math.ceil(win.x1));
  const y1 = Math.min(bin.height, Math.ceil(win.y1));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 0 || h <= 0) return [];
  // Runs as [row, start, end) triples, and a union-find over them whose root is the earliest run.
  const runs: number[] = [];
  const parent: number[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let prevFrom = 0;
  let prevTo = 0;
  for (let y = 0; y < h; y++) {
    const rowFrom = parent.length;
    const row = (y0 + y) * bin.width + x0;
    let k = prevFrom;
    for (let x = 0; x < w; x++) {
      if (!bin.data[row + x]) continue;
      let e = x + 1;
      while (e < w && bin.data[row + e]) e++;
      const id = parent.length;
      runs.push(y, x, e);
      parent.push(id);
      while (k < prevTo && runs[3 * k + 2] < x) k++;
      for (let j = k; j < prevTo && runs[3 * j + 1] <= e; j++) {
        const a = find(id);
        const b = find(j);
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
      }
      x = e;
    }
    prevFrom = rowFrom;
    prevTo = parent.length;
  }
  const byRoot = new Map<number, Component>();
  for (let i = 0; i < parent.length; i++) {
    const [y, s, e] = [runs[3 * i], runs[3 * i + 1], runs[3 * i + 2]];
    const r = find(i);
    const c = byRoot.get(r);
    if (!c) byRoot.set(r, { x0: s, y0: y, x1: e, y1: y + 1, pixels: e - s, clipped: false });
    else {
      c.x0 = Math.min(c.x0, s);
      c.x1 = Math.max(c.x1, e);
      c.y1 = y + 1;
      c.pixels += e - s;
    }
  }
  // Roots are met in run order, which is the order of their first pixels.
  return [...byRoot.values()].map((c) => ({ ...c, x0: c.x0 + x0, x1: c.x1 + x0, y0: c.y0 + y0, y1: c.y1 + y0, clipped: c.y0 === 0 || c.y1 === h }));
}

/**
 * The whole components inside `win`, given and returned in the pixels of an image placed at
 * `offset` in `bin` (OCR reads a crop of the page): what runs on outside the window is left out.
 */
export function inkIn(bin: BinaryImage, win: PixelBox, offset: Point): Component[] {
  const shifted = { x0: win.x0 + offset.x, x1: win.x1 + offset.x, y0: win.y0 + offset.y, y1: win.y1 + offset.y };
  return components(bin, shifted)
    .filter((c) => !c.clipped)
    .map((c) => ({ ...c, x0: c.x0 - offset.x, x1: c.x1 - offset.x, y0: c.y0 - offset.y, y1: c.y1 - offset.y }));
}
