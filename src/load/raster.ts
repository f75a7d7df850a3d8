/**
 * Small raster helpers on typed arrays: greyscale, global Otsu binarisation, the content box and
 * the PBM encoding handed to tesseract. Binarising here rather than inside tesseract matters on
 * scans: tesseract's own thresholding of a soft 200 dpi JPEG turned "1." into "18" and "5." into
 * "53", while a clean bilevel image reads them right and recognises faster.
 */
import { OCR_SETTINGS } from './ocr-settings.js';
import { clearShading, findShading, type Shade } from './shading.js';

/** 8-bit greyscale, 0 = black, 255 = white, row-major. */
export interface GreyImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One byte per pixel, 1 = ink, row-major. */
export interface BinaryImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Pixel rectangle, half-open: [x0, x1) × [y0, y1). */
export interface PixelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function rgbaToGrey(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): GreyImage {
  const n = width * height;
  const data = new Uint8Array(n);
  // Integer BT.601 luma; alpha is ignored because pdf.js paints an opaque white background.
  for (let i = 0, j = 0; i < n; i++, j += 4) data[i] = (rgba[j] * 77 + rgba[j + 1] * 150 + rgba[j + 2] * 29) >> 8;
  return { width, height, data };
}

/** Histogram of grey levels. */
export function greyHistogram(img: GreyImage): Uint32Array {
  const hist = new Uint32Array(256);
  const d = img.data;
  for (let i = 0; i < d.length; i++) hist[d[i]]++;
  return hist;
}

/** Otsu's threshold: grey levels <= the result are ink. */
export function otsuThreshold(img: GreyImage, hist = greyHistogram(img)): number {
  const total = img.data.length;
  let sumAll = 0;
  for (let g = 0; g < 256; g++) sumAll += g * hist[g];
  let w0 = 0;
  let sum0 = 0;
  let best = 127;
  let bestVar = -1;
  for (let g = 0; g < 255; g++) {
    w0 += hist[g];
    sum0 += g * hist[g];
    const w1 = total - w0;
    if (w0 === 0 || w1 === 0) continue;
    const d = sum0 / w0 - (sumAll - sum0) / w1;
    const between = w0 * w1 * d * d;
    if (between > bestVar) {
      bestVar = between;
      best = g;
    }
  }
  return best;
}

/** The paper's grey level: the most frequent level lighter than `threshold`. */
export function paperLevel(img: GreyImage, threshold: number, hist = greyHistogram(img)): number {
  let best = 255;
  for (let g = threshold + 1; g < 256; g++) if (hist[g] > hist[best]) best = g;
  return best;
}

export function binarise(img: GreyImage, threshold = otsuThreshold(img)): BinaryImage {
  const data = new Uint8Array(img.data.length);
  for (let i = 0; i < data.length; i++) data[i] = img.data[i] <= threshold ? 1 : 0;
  return { width: img.width, height: img.height, data };
}

/** Runs of indices whose profile value reaches `min`, dropping thin runs far from any other run. */
function contentSpan(profile: Uint32Array, min: number, minRun: number, gap: number): [number, number] | null {
  const runs: [number, number][] = [];
  let start = -1;
  for (let i = 0; i <= profile.length; i++) {
    const on = i < profile.length && profile[i] >= min;
    if (on && start < 0) start = i;
    if (!on && start >= 0) {
      runs.push([start, i]);
      start = -1;
    }
  }
  const kept = runs.filter(([a, b], k) => {
    if (b - a >= minRun) return true;
    const prev = runs[k - 1];
    const next = runs[k + 1];
    return (prev !== undefined && a - prev[1] <= gap) || (next !== undefined && next[0] - b <= gap);
  });
  return kept.length ? [kept[0][0], kept[kept.length - 1][1]] : null;
}

/** Bounding box of the page content (padded), or null for a blank page. */
export function inkBox(bin: BinaryImage, dpi: number, s = OCR_SETTINGS.crop): PixelBox | null {
  const { width: w, height: h, data } = bin;
  const rows = new Uint32Array(h);
  const cols = new Uint32Array(w);
  for (let y = 0, i = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++, i++) {
      if (data[i]) {
        n++;
        cols[x]++;
      }
    }
    rows[y] = n;
  }
  return boxFromProfiles(rows, cols, dpi, s);
}

/** The padded content box from the ink counts of each row and column. */
function boxFromProfiles(rows: Uint32Array, cols: Uint32Array, dpi: number, s: typeof OCR_SETTINGS.crop): PixelBox | null {
  const minRun = Math.max(1, Math.round(s.minRun * dpi));
  const gap = Math.round(s.gap * dpi);
  const ys = contentSpan(rows, s.minInkPixels, minRun, gap);
  const xs = contentSpan(cols, s.minInkPixels, minRun, gap);
  if (!ys || !xs) return null;
  const pad = Math.round(s.pad * dpi);
  return {
    x0: Math.max(0, xs[0] - pad),
    y0: Math.max(0, ys[0] - pad),
    x1: Math.min(cols.length, xs[1] + pad),
    y1: Math.min(rows.length, ys[1] + pad),
  };
}

export function cropBinary(bin: BinaryImage, box: PixelBox): BinaryImage {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const from = (box.y0 + y) * bin.width + box.x0;
    data.set(bin.data.subarray(from, from + width), y * width);
  }
  return { width, height, data };
}

/**
 * Binary PBM (P4) of `box` in `bin` (all of it by default): 1 bit per pixel, so tesseract skips its
 * own thresholding and gets 8x less data.
 */
export function toPbm(bin: BinaryImage, box: PixelBox = { x0: 0, y0: 0, x1: bin.width, y1: bin.height }): Uint8Array {
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const header = new TextEncoder().encode(`P4\n${w} ${h}\n`);
  const full = w >> 3;
  const stride = (w + 7) >> 3;
  const out = new Uint8Array(header.length + stride * h);
  out.set(header);
  const d = bin.data;
  for (let y = 0; y < h; y++) {
    const row = (box.y0 + y) * bin.width + box.x0;
    let dst = header.length + y * stride;
    let x = 0;
    // Whole bytes of 8 pixels (each pixel 0 or 1), then the row's last bits.
    for (let k = 0; k < full; k++, x += 8) {
      const i = row + x;
      out[dst++] = (d[i] << 7) | (d[i + 1] << 6) | (d[i + 2] << 5) | (d[i + 3] << 4) | (d[i + 4] << 3) | (d[i + 5] << 2) | (d[i + 6] << 1) | d[i + 7];
    }
    for (; x < w; x++) if (d[row + x]) out[dst] |= 0x80 >> (x & 7);
  }
  return out;
}

/** The text binarisation, all tesseract needs: the rest of the page's pixel work can wait (see `shadePage`). */
export interface InkImage {
  /** Text binarisation (Otsu), the image tesseract reads. */
  bin: BinaryImage;
  /** Padded content box, null for a blank page. */
  box: PixelBox | null;
  /** Lenient binarisation for faint rules (see `rules.threshold`), shaded areas not yet cleared. */
  ruleInk: BinaryImage;
  /** The text threshold and the paper's grey level. */
  threshold: number;
  paper: number;
}

/** Shaded areas and the rule image cleared of them: only the layout needs these. */
export interface PageShading {
  /** Lenient binarisation for faint rules (see `rules.threshold`), against the shade's tone inside shaded areas. */
  ruleBin: BinaryImage;
  /** Shaded areas (cell backgrounds, header bands). */
  shades: Shade[];
}

export type Binarised = Pick<InkImage, 'bin' | 'box'> & PageShading;

/**
 * Binarises a page raster for OCR and rule detection and finds its content. When Otsu's threshold
 * is hardly darker than the paper, the page has too little ink to form a class of its own (blank,
 * or a lone page number) and Otsu split the paper noise: then only clearly dark pixels are ink.
 */
export function binariseInk(img: GreyImage, dpi: number, s = OCR_SETTINGS): InkImage {
  const hist = greyHistogram(img);
  let threshold = otsuThreshold(img, hist);
  const paper = paperLevel(img, threshold, hist);
  if (paper - threshold < s.crop.minContrast) threshold = Math.max(0, paper - 2 * s.crop.minContrast);
  const ruleThreshold = Math.round(threshold + s.rules.threshold * (paper - threshold));
  // One pass: both binarisations through a table (bit 0 text ink, bit 1 rule ink) and the text
  // ink's row and column counts for the content box.
  const lut = new Uint8Array(256);
  for (let g = 0; g < 256; g++) lut[g] = (g <= threshold ? 1 : 0) | (g <= ruleThreshold ? 2 : 0);
  const { width: w, height: h, data: src } = img;
  const bin = new Uint8Array(src.length);
  const ruleBin = new Uint8Array(src.length);
  const rows = new Uint32Array(h);
  const cols = new Uint32Array(w);
  for (let y = 0, i = 0; y < h; y++) {
    let n = 0;
    for (let x = 0; x < w; x++, i++) {
      const v = lut[src[i]];
      if (v === 0) continue; // paper, most of the page: both images are zero-filled already
      ruleBin[i] = v >> 1;
      if (v & 1) {
        bin[i] = 1;
        n++;
        cols[x]++;
      }
    }
    rows[y] = n;
  }
  return { bin: { width: w, height: h, data: bin }, box: boxFromProfiles(rows, cols, dpi, s.crop), ruleInk: { width: w, height: h, data: ruleBin }, threshold, paper };
}

/** The shaded areas of the page `ink` was binarised from, and its rule image cleared of them. */
export function shadePage(img: GreyImage, dpi: number, ink: InkImage, s = OCR_SETTINGS): PageShading {
  const shades = findShading(img, dpi, ink.threshold, ink.paper, s.shading);
  const ruleBin = clearShading(ink.ruleInk, img, shades, ink.threshold, s.rules.threshold, s.shading.minContrast);
  return { ruleBin, shades };
}

/** Both steps at once (`binariseInk`, then `shadePage`). */
export function binarisePage(img: GreyImage, dpi: number, s = OCR_SETTINGS): Binarised {
  const ink = binariseInk(img, dpi, s);
  return { bin: ink.bin, box: ink.box, ...shadePage(img, dpi, ink, s) };
}
