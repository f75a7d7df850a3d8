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

/** 8-connected components of the ink in `win` (half-open, clamped to the image), in image pixels. */
export function components(bin: BinaryImage, win: PixelBox): Component[] {
  const x0 = Math.max(0, Math.floor(win.x0));
  const y0 = Math.max(0, Math.floor(win.y0));
  const x1 = Math.min(bin.width, Math.ceil(win.x1));
  const y1 = Math.min(bin.height, Math.ceil(win.y1));
  const w = x1 - x0;
  const h = y1 - y0;
  if (w <= 0 || h <= 0) return [];
  const seen = new Uint8Array(w * h);
  const stack: number[] = [];
  const out: Component[] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const start = y * w + x;
      if (seen[start] || !bin.data[(y0 + y) * bin.width + x0 + x]) continue;
      const c = { x0: x, y0: y, x1: x + 1, y1: y + 1, pixels: 0 };
      seen[start] = 1;
      stack.push(start);
      while (stack.length) {
        const i = stack.pop()!;
        const cx = i % w;
        const cy = (i - cx) / w;
        c.pixels++;
        if (cx < c.x0) c.x0 = cx;
        if (cx >= c.x1) c.x1 = cx + 1;
        if (cy < c.y0) c.y0 = cy;
        if (cy >= c.y1) c.y1 = cy + 1;
        for (let dy = -1; dy <= 1; dy++) {
          const ny = cy + dy;
          if (ny < 0 || ny >= h) continue;
          for (let dx = -1; dx <= 1; dx++) {
            const nx = cx + dx;
            if (nx < 0 || nx >= w) continue;
            const j = ny * w + nx;
            if (seen[j] || !bin.data[(y0 + ny) * bin.width + x0 + nx]) continue;
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
      out.push({ x0: c.x0 + x0, y0: c.y0 + y0, x1: c.x1 + x0, y1: c.y1 + y0, pixels: c.pixels, clipped: c.y0 === 0 || c.y1 === h });
    }
  }
  return out;
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
