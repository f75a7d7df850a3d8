/**
 * How tall a page's glyphs are, from its binarised image, before any OCR: the heights of its
 * connected ink components (glyphs, mostly; specks, rules and pictures are left out by size).
 * Tesseract reads badly below an x-height of about ten pixels, which a 7-pt table scanned at
 * 200 dpi is; such a page is worth rendering finer.
 */
import { OCR_SETTINGS } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

/**
 * Sizes (pixels) of the connected components of ink (8-connected), labelled run by run: each
 * row's runs are joined to the overlapping runs of the row above with a union-find. Typed arrays
 * throughout (a page has some 10^5 runs): no object per run.
 */
export function componentHeights(bin: BinaryImage): { width: number; height: number }[] {
  const { width: w, height: h, data } = bin;
  let cap = 1 << 16;
  let parent = new Int32Array(cap);
  // Per run its extent in its row; per root the box of its component (x1, y1 exclusive).
  let from0 = new Int32Array(cap);
  let to0 = new Int32Array(cap);
  let bx0 = new Int32Array(cap);
  let bx1 = new Int32Array(cap);
  let by0 = new Int32Array(cap);
  let by1 = new Int32Array(cap);
  let n = 0;
  const grow = () => {
    cap *= 2;
    const g = (a: Int32Array) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    [parent, from0, to0, bx0, bx1, by0, by1] = [g(parent), g(from0), g(to0), g(bx0), g(bx1), g(by0), g(by1)];
  };
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  let prevFrom = 0;
  let prevTo = 0;
  for (let y = 0; y < h; y++) {
    const rowFrom = n;
    const base = y * w;
    let k = prevFrom;
    let x = 0;
    while (x < w) {
      if (!data[base + x]) {
        x++;
        continue;
      }
      const from = x;
      while (x < w && data[base + x]) x++;
      if (n === cap) grow();
      const id = n++;
      parent[id] = id;
      from0[id] = from;
      to0[id] = x;
      bx0[id] = from;
      bx1[id] = x;
      by0[id] = y;
      by1[id] = y + 1;
      // Runs of the row above that touch (diagonally too) join the run's component.
      while (k < prevTo && to0[k] < from) k++;
      for (let j = k; j < prevTo && from0[j] <= x; j++) {
        const ra = find(j);
        const rb = find(id);
        if (ra === rb) continue;
        parent[rb] = ra;
        if (bx0[rb] < bx0[ra]) bx0[ra] = bx0[rb];
        if (by0[rb] < by0[ra]) by0[ra] = by0[rb];
        if (bx1[rb] > bx1[ra]) bx1[ra] = bx1[rb];
        if (by1[rb] > by1[ra]) by1[ra] = by1[rb];
      }
    }
    prevFrom = rowFrom;
    prevTo = n;
  }
  const out: { width: number; height: number }[] = [];
  for (let i = 0; i < n; i++) if (parent[i] === i) out.push({ width: bx1[i] - bx0[i], height: by1[i] - by0[i] });
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
