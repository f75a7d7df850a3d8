/**
 * How tall a page's glyphs are, from its binarised image, before any OCR: the heights of its
 * connected ink components (glyphs, mostly; specks, rules and pictures are left out by size).
 * Tesseract reads badly below an x-height of about ten pixels, which a 7-pt table scanned at
 * 200 dpi is; such a page is worth rendering finer.
 */
import { OCR_SETTINGS } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Heights (pixels) of the connected components of ink (8-connected), labelled run by run: each
 * row's runs are joined to the overlapping runs of the row above with a union-find.
 */
export function componentHeights(bin: BinaryImage): { width: number; height: number }[] {
  const { width: w, height: h, data } = bin;
  const parent: number[] = [];
  const boxes: Box[] = [];
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    parent[rb] = ra;
    const A = boxes[ra];
    const B = boxes[rb];
    A.x0 = Math.min(A.x0, B.x0);
    A.y0 = Math.min(A.y0, B.y0);
    A.x1 = Math.max(A.x1, B.x1);
    A.y1 = Math.max(A.y1, B.y1);
  };
  let prev: { from: number; to: number; id: number }[] = [];
  for (let y = 0; y < h; y++) {
    const row: { from: number; to: number; id: number }[] = [];
    let x = 0;
    const base = y * w;
    while (x < w) {
      if (!data[base + x]) {
        x++;
        continue;
      }
      const from = x;
      while (x < w && data[base + x]) x++;
      const id = parent.length;
      parent.push(id);
      boxes.push({ x0: from, y0: y, x1: x, y1: y + 1 });
      row.push({ from, to: x, id });
    }
    // Runs of the row above that touch (diagonally too) join the run's component.
    let k = 0;
    for (const r of row) {
      while (k < prev.length && prev[k].to < r.from) k++;
      for (let j = k; j < prev.length && prev[j].from <= r.to; j++) union(prev[j].id, r.id);
    }
    prev = row;
  }
  const out: { width: number; height: number }[] = [];
  parent.forEach((p, i) => {
    if (p !== i) return;
    const b = boxes[i];
    out.push({ width: b.x1 - b.x0, height: b.y1 - b.y0 });
  });
  return out;
}

/**
 * Capital height (pixels) of the page's text: component heights gather at the x-height (lower
 * case) and at the capital height (capitals, digits, ascenders), about 0.7 apart. The commonest
 * height is one of the two; its partner, the second commonest height near ×0.7 or ÷0.7, says
 * which. Null without enough glyphs.
 */
export function capHeight(bin: BinaryImage, minPx: number, maxPx: number, minGlyphs = 50): number | null {
  const hs = componentHeights(bin)
    .filter((c) => c.height >= minPx && c.height <= maxPx && c.width <= 3 * c.height)
    .map((c) => c.height);
  if (hs.length < minGlyphs) return null;
  const count = new Map<number, number>();
  for (const h of hs) count.set(h, (count.get(h) ?? 0) + 1);
  const near = (h: number) => {
    let n = 0;
    for (let k = Math.floor(h * 0.9); k <= Math.ceil(h * 1.1); k++) n += count.get(k) ?? 0;
    return n;
  };
  const [mode] = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return near(mode * 0.7) > near(mode / 0.7) ? mode : Math.round(mode / 0.7);
}

/**
 * The resolution to OCR a page at: `at` (its scan's own), or `finest` when its text is too small
 * for tesseract at `at` (capitals shorter than `minCapHeight` pixels there).
 */
export function ocrDpi(bin: BinaryImage, at: number, finest: number, s = OCR_SETTINGS.render): number {
  if (at >= finest) return at;
  const cap = capHeight(bin, Math.round(s.glyphMin * at), Math.round(s.glyphMax * at));
  return cap !== null && cap < s.minCapHeight ? finest : at;
}
