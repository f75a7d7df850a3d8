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

/** Otsu's threshold: grey levels <= the result are ink. */
export function otsuThreshold(img: GreyImage): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
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
export function paperLevel(img: GreyImage, threshold: number): number {
  const hist = new Uint32Array(256);
  for (let i = 0; i < img.data.length; i++) hist[img.data[i]]++;
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
  const minRun = Math.max(1, Math.round(s.minRun * dpi));
  const gap = Math.round(s.gap * dpi);
  const ys = contentSpan(rows, s.minInkPixels, minRun, gap);
  const xs = contentSpan(cols, s.minInkPixels, minRun, gap);
  if (!ys || !xs) return null;
  const pad = Math.round(s.pad * dpi);
  return {
    x0: Math.max(0, xs[0] - pad),
    y0: Math.max(0, ys[0] - pad),
    x1: Math.min(w, xs[1] + pad),
    y1: Math.min(h, ys[1] + pad),
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

/** Binary PBM (P4): 1 bit per pixel, so tesseract skips its own thresholding and gets 8x less data. */
export function toPbm(bin: BinaryImage): Uint8Array {
  const header = new TextEncoder().encode(`P4\n${bin.width} ${bin.height}\n`);
  const stride = (bin.width + 7) >> 3;
  const out = new Uint8Array(header.length + stride * bin.height);
  out.set(header);
  for (let y = 0; y < bin.height; y++) {
    const row = y * bin.width;
    const dst = header.length + y * stride;
    for (let x = 0; x < bin.width; x++) if (bin.data[row + x]) out[dst + (x >> 3)] |= 0x80 >> (x & 7);
  }
  return out;
}

export interface Binarised {
  /** Text binarisation (Otsu), the image tesseract reads. */
  bin: BinaryImage;
  /** Lenient binarisation for faint rules (see `rules.threshold`), against the shade's tone inside shaded areas. */
  ruleBin: BinaryImage;
  /** Shaded areas (cell backgrounds, header bands). */
  shades: Shade[];
  /** Padded content box, null for a blank page. */
  box: PixelBox | null;
}

/**
 * Binarises a page raster for OCR and rule detection and finds its content. When Otsu's threshold
 * is hardly darker than the paper, the page has too little ink to form a class of its own (blank,
 * or a lone page number) and Otsu split the paper noise: then only clearly dark pixels are ink.
 */
export function binarisePage(img: GreyImage, dpi: number, s = OCR_SETTINGS): Binarised {
  let threshold = otsuThreshold(img);
  const paper = paperLevel(img, threshold);
  if (paper - threshold < s.crop.minContrast) threshold = Math.max(0, paper - 2 * s.crop.minContrast);
  const bin = binarise(img, threshold);
  const shades = findShading(img, dpi, threshold, paper, s.shading);
  const ruleBin = clearShading(binarise(img, Math.round(threshold + s.rules.threshold * (paper - threshold))), img, shades, threshold, s.rules.threshold, s.shading.minContrast);
  return { bin, ruleBin, shades, box: inkBox(bin, dpi, s.crop) };
}
