/**
 * Shaded areas of a page image (table header bands, cell backgrounds, tinted boxes): regions
 * evenly darker than the paper, found by a grey opening — at every point the lightest level within
 * a few points — which erases whatever dark marks are thinner than that (text strokes, rules,
 * specks) and leaves the tone a mark is printed on. Where that tone is clearly below the paper's,
 * over an area at least a few points across that is nearly a rectangle, the page is shaded.
 *
 * A shaded band is a cell background: its edges are rules for the lattice path (the text-layer
 * path reads `re f` fills the same way), and inside it rules are binarised against the shade's own
 * tone, so a rule bordering a band is not taken for the edge of a filled area.
 *
 * Work is done on a block-averaged copy (1 pt blocks): a few tens of ms a page.
 */
import type { Point } from './deskew.js';
import { derotate } from './deskew.js';
import type { BinaryImage, GreyImage } from './raster.js';
import { OCR_SETTINGS } from './ocr-settings.js';
import type { Rule } from '../model/page.js';

export interface Shade {
  /** Block size in pixels and the block grid's width (blocks per row). */
  block: number;
  cols: number;
  /** Block indices (row · cols + col) of the shaded area, including the marks printed on it. */
  blocks: Int32Array;
  /** Those of its blocks that show the bare shade (no mark on them): they say where its edges are. */
  plain: Int32Array;
  /** Grey level of the shade (the opened image's median over the area). */
  tone: number;
}

export type ShadingSettings = typeof OCR_SETTINGS.shading;

/** Sliding maximum over ±r along rows (`alongRows`) or columns of a w × h grid. */
function slidingMax(src: Uint8Array, w: number, h: number, r: number, alongRows: boolean): Uint8Array {
  const out = new Uint8Array(src.length);
  const n = alongRows ? w : h;
  const lines = alongRows ? h : w;
  const step = alongRows ? 1 : w;
  const lineStep = alongRows ? w : 1;
  for (let l = 0; l < lines; l++) {
    const base = l * lineStep;
    for (let i = 0; i < n; i++) {
      let m = 0;
      const b = Math.min(n - 1, i + r);
      for (let j = Math.max(0, i - r), at = base + j * step; j <= b; j++, at += step) if (src[at] > m) m = src[at];
      out[base + i * step] = m;
    }
  }
  return out;
}

/** Block means of `img`: blocks of `b` × `b` pixels (partial blocks at the edges averaged as they are). */
function blockMeans(img: GreyImage, b: number): { data: Uint8Array; w: number; h: number } {
  const w = Math.ceil(img.width / b);
  const h = Math.ceil(img.height / b);
  const data = new Uint8Array(w * h);
  const sum = new Uint32Array(w);
  for (let by = 0; by < h; by++) {
    sum.fill(0);
    const y1 = Math.min(img.height, (by + 1) * b);
    for (let y = by * b; y < y1; y++) {
      const row = y * img.width;
      for (let bx = 0, x = 0; bx < w; bx++) {
        const x1 = Math.min(img.width, x + b);
        let s = 0;
        for (; x < x1; x++) s += img.data[row + x];
        sum[bx] += s;
      }
    }
    const rows = y1 - by * b;
    for (let bx = 0; bx < w; bx++) data[by * w + bx] = Math.round(sum[bx] / (rows * (Math.min(img.width, (bx + 1) * b) - bx * b)));
  }
  return { data, w, h };
}

/**
 * Shaded areas of `img` at `dpi`, whose paper is at grey level `paper` and whose text threshold is
 * `threshold` (both from the page's binarisation).
 */
export function findShading(img: GreyImage, dpi: number, threshold: number, paper: number, s: ShadingSettings = OCR_SETTINGS.shading): Shade[] {
  const pt = dpi / 72;
  const b = Math.max(1, Math.round(s.block * pt));
  const { data: means, w, h } = blockMeans(img, b);
  const r = Math.max(1, Math.round((s.markWidth * pt) / b / 2));
  // Grey opening's first half: the lightest level within r blocks (text, rules and specks vanish).
  const opened = slidingMax(slidingMax(means, w, h, r, true), w, h, r, false);
  const limit = paper - Math.max(s.minContrast, s.minTone * (paper - threshold));
  const seed = new Uint8Array(w * h);
  let any = false;
  for (let k = 0; k < seed.length; k++) {
    if (opened[k] <= limit) {
      seed[k] = 1;
      any = true;
    }
  }
  if (!any) return [];
  // Second half: grown back by r over what is not paper (the marks printed on the shade), never
  // across paper (a white hairline between two shaded cells stays a gap).
  const near = slidingMax(slidingMax(seed, w, h, r, true), w, h, r, false);
  const grown = new Uint8Array(w * h);
  for (let k = 0; k < grown.length; k++) grown[k] = seed[k] || (near[k] && means[k] <= limit) ? 1 : 0;
  const minBlocks = (s.minSize * pt) / b;
  const out: Shade[] = [];
  const seen = new Uint8Array(w * h);
  const members = new Int32Array(w * h);
  for (let start = 0; start < grown.length; start++) {
    if (!grown[start] || seen[start]) continue;
    // Flood fill (4-connected); `members` doubles as the stack.
    let n = 0;
    let head = 0;
    members[n++] = start;
    seen[start] = 1;
    let x0 = w;
    let x1 = 0;
    let y0 = h;
    let y1 = 0;
    let seeds = 0;
    while (head < n) {
      const k = members[head++];
      const x = k % w;
      const y = (k - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      seeds += seed[k];
      if (x > 0 && grown[k - 1] && !seen[k - 1]) (seen[k - 1] = 1), (members[n++] = k - 1);
      if (x + 1 < w && grown[k + 1] && !seen[k + 1]) (seen[k + 1] = 1), (members[n++] = k + 1);
      if (y > 0 && grown[k - w] && !seen[k - w]) (seen[k - w] = 1), (members[n++] = k - w);
      if (y + 1 < h && grown[k + w] && !seen[k + w]) (seen[k + w] = 1), (members[n++] = k + w);
    }
    if (x1 - x0 + 1 < minBlocks || y1 - y0 + 1 < minBlocks) continue;
    // Dark along the image's edge: the scanner's border or the page's shadow, not a printed shade.
    if (x0 === 0 || y0 === 0 || x1 === w - 1 || y1 === h - 1) continue;
    // Nearly a rectangle, and mostly tone rather than marks: a tilted band still fills most of its
    // upright box; a chance cluster or a blob of bold glyphs does not.
    if (n < s.minFill * (x1 - x0 + 1) * (y1 - y0 + 1) || seeds < s.minFill * n) continue;
    const area = members.slice(0, n);
    const tones = area.filter((k) => seed[k]).map((k) => opened[k]).sort();
    const tone = tones[tones.length >> 1];
    // Bare shade: within a quarter of the way from its tone to the text threshold (a block a mark
    // covers even a third of is darker than that).
    const bare = tone - (tone - threshold) / 4;
    out.push({ block: b, cols: w, blocks: area, plain: area.filter((k) => means[k] >= bare), tone });
  }
  return out;
}

/**
 * Rule binarisation inside shaded areas redone against each shade's tone, as the page's is against
 * the paper (see `rules.threshold`): the shade itself is no ink, the rules and text on it are. A
 * shade too dark to tell rules from it (white text on a dark band) is left blank.
 */
export function clearShading(ruleBin: BinaryImage, img: GreyImage, shades: Shade[], threshold: number, share: number, minContrast: number): BinaryImage {
  if (!shades.length) return ruleBin;
  const data = ruleBin.data.slice();
  for (const sh of shades) {
    const dark = sh.tone - threshold < minContrast;
    const cut = Math.round(threshold + share * (sh.tone - threshold));
    for (const k of sh.blocks) {
      const bx = (k % sh.cols) * sh.block;
      const by = Math.floor(k / sh.cols) * sh.block;
      for (let y = by; y < Math.min(by + sh.block, img.height); y++) {
        for (let x = bx; x < Math.min(bx + sh.block, img.width); x++) {
          const i = y * img.width + x;
          data[i] = dark ? 0 : img.data[i] <= cut ? 1 : 0;
        }
      }
    }
  }
  return { width: ruleBin.width, height: ruleBin.height, data };
}

/**
 * A shade as a page rectangle in points, upright: its bare blocks rotated back by `skew` around
 * `centre`, and each edge put where their profile reaches half its full extent (a rule along the
 * band's edge, or a line of text touching it, does not widen it).
 */
export function shadeInPoints(sh: Shade, centre: Point, skew: number, dpi: number): Rule {
  const blocks = sh.plain.length ? sh.plain : sh.blocks;
  const xs = new Float64Array(blocks.length);
  const ys = new Float64Array(blocks.length);
  blocks.forEach((k, i) => {
    const p = derotate({ x: ((k % sh.cols) + 0.5) * sh.block, y: (Math.floor(k / sh.cols) + 0.5) * sh.block }, centre, skew);
    xs[i] = p.x;
    ys[i] = p.y;
  });
  const edges = (vals: Float64Array): [number, number] => {
    // Histogram of the positions at block resolution; an edge is where a row (column) holds at
    // least half as many blocks as the fullest one.
    const lo = vals.reduce((a, v) => Math.min(a, v), Infinity);
    const hi = vals.reduce((a, v) => Math.max(a, v), -Infinity);
    const bins = new Uint32Array(Math.floor((hi - lo) / sh.block) + 1);
    for (const v of vals) bins[Math.floor((v - lo) / sh.block)]++;
    const full = bins.reduce((a, n) => Math.max(a, n), 0);
    const first = bins.findIndex((n) => n >= 0.5 * full);
    let last = bins.length - 1;
    while (bins[last] < 0.5 * full) last--;
    return [lo + first * sh.block - sh.block / 2, lo + (last + 1) * sh.block - sh.block / 2];
  };
  const [x0, x1] = edges(xs);
  const [y0, y1] = edges(ys);
  const k = 72 / dpi;
  return { kind: 'rect', x0: x0 * k, y0: y0 * k, x1: x1 * k, y1: y1 * k, filled: true };
}
