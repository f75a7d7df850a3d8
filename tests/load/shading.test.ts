/**
 * Shaded cell backgrounds in a scan: a synthetic 200-dpi grey page with a 3 × 3 ruled grid whose
 * header row is shaded, text strokes on every cell, sensor noise and dust specks.
 */
import { describe, expect, it } from 'vitest';
import { binariseInk, binarisePage, shadePage, type GreyImage } from '../../src/load/raster.js';
import { detectRules, ruleInPoints } from '../../src/load/rules.js';
import { findShading, shadeInPoints } from '../../src/load/shading.js';
import { OCR_SETTINGS } from '../../src/load/ocr-settings.js';

const W = 1200;
const H = 900;
const DPI = 200;
const PAPER = 236;
const SHADE = 205;
const INK = 30;
const k = 72 / DPI;

/** Grid edges in pixels: three columns, three rows (the first one shaded). */
const XS = [200, 500, 750, 1000];
const YS = [200, 300, 380, 460];

function drawPage(opts: { shaded: boolean; skew?: number } = { shaded: true }): GreyImage {
  let seed = 11;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const upright = new Uint8Array(W * H).fill(PAPER);
  const fill = (x0: number, y0: number, x1: number, y1: number, v: number) => {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) upright[y * W + x] = v;
  };
  if (opts.shaded) fill(XS[0], YS[0], XS[3], YS[1], SHADE);
  // Rules 3 px thick (about 1 pt), the one under the header heavier.
  for (const y of YS) fill(XS[0] - 1, y - 1, XS[3] + 2, y + (y === YS[1] ? 4 : 2), INK);
  for (const x of XS) fill(x - 1, YS[0] - 1, x + 2, YS[3] + 2, INK);
  // Text: 4 px stems, 30 px tall, in every cell (white of the paper between them).
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      for (let x = XS[c] + 20; x < XS[c] + 20 + (c ? 120 : 220); x += 11) fill(x, YS[r] + 25, x + 4, YS[r] + 55, INK);
    }
  }
  const angle = ((opts.skew ?? 0) * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const out = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const sx = Math.round(cos * (x - W / 2) + sin * (y - H / 2) + W / 2);
      const sy = Math.round(-sin * (x - W / 2) + cos * (y - H / 2) + H / 2);
      const v = sx >= 0 && sy >= 0 && sx < W && sy < H ? upright[sy * W + sx] : PAPER;
      out[y * W + x] = Math.max(0, Math.min(255, Math.round(v + (rnd() + rnd() + rnd() - 1.5) * 12)));
    }
  }
  // Dust specks, and a bold blob of text on the open paper.
  for (let i = 0; i < 40; i++) {
    const x = Math.floor(rnd() * (W - 2));
    const y = Math.floor(rnd() * (H - 2));
    out[y * W + x] = out[y * W + x + 1] = INK;
  }
  for (let x = 200; x < 600; x += 9) for (let y = 600; y < 640; y++) for (let d = 0; d < 6; d++) out[y * W + x + d] = INK;
  return { width: W, height: H, data: out };
}

describe('shaded areas in a scan', () => {
  it('finds a shaded header band as one rectangle, not the text, rules or specks around it', () => {
    const { shades } = binarisePage(drawPage(), DPI);
    expect(shades).toHaveLength(1);
    const r = shadeInPoints(shades[0], { x: W / 2, y: H / 2 }, 0, DPI);
    expect(r.kind).toBe('rect');
    expect(r.filled).toBe(true);
    // The band's edges within a couple of points (a rule's thickness) of the drawn ones.
    expect(Math.abs(r.x0 - XS[0] * k)).toBeLessThan(2);
    expect(Math.abs(r.x1 - XS[3] * k)).toBeLessThan(2);
    expect(Math.abs(r.y0 - YS[0] * k)).toBeLessThan(2);
    expect(Math.abs(r.y1 - YS[1] * k)).toBeLessThan(2);
  });

  it('finds nothing on a page without shading', () => {
    expect(binarisePage(drawPage({ shaded: false }), DPI).shades).toEqual([]);
  });

  it('lets the rules around and through a shaded band be found as on white paper', () => {
    const count = (shaded: boolean) => {
      const { ruleBin, bin } = binarisePage(drawPage({ shaded }), DPI);
      const rules = detectRules(ruleBin, DPI, 0, OCR_SETTINGS.rules, bin);
      return { h: rules.filter((r) => r.kind === 'h').length, v: rules.filter((r) => r.kind === 'v').length };
    };
    expect(count(false)).toEqual({ h: 4, v: 4 });
    expect(count(true)).toEqual({ h: 4, v: 4 });
  });

  it('leaves the shading to a second step tesseract need not wait for, with the same result', () => {
    const page = drawPage();
    const ink = binariseInk(page, DPI);
    const later = shadePage(page, DPI, ink);
    expect(later.shades).toHaveLength(1);
    expect(later).toEqual((({ ruleBin, shades }) => ({ ruleBin, shades }))(binarisePage(page, DPI)));
  });

  it('puts a tilted band back upright', () => {
    const skew = (0.5 * Math.PI) / 180;
    const { shades } = binarisePage(drawPage({ shaded: true, skew: 0.5 }), DPI);
    expect(shades).toHaveLength(1);
    const r = shadeInPoints(shades[0], { x: W / 2, y: H / 2 }, skew, DPI);
    expect(Math.abs(r.y0 - YS[0] * k)).toBeLessThan(2);
    expect(Math.abs(r.y1 - YS[1] * k)).toBeLessThan(2);
    expect(Math.abs(r.x0 - XS[0] * k)).toBeLessThan(2);
    expect(Math.abs(r.x1 - XS[3] * k)).toBeLessThan(2);
    // And its rules are whole again when scanned along the skew.
    const { ruleBin, bin } = binarisePage(drawPage({ shaded: true, skew: 0.5 }), DPI);
    const rules = detectRules(ruleBin, DPI, skew, OCR_SETTINGS.rules, bin).map((p) => ruleInPoints(p, { x: W / 2, y: H / 2 }, skew, DPI));
    expect(rules.filter((p) => p.kind === 'h')).toHaveLength(4);
  });

  it('takes a dark strip along the image\'s edge for the scanner\'s border, not a shade', () => {
    const img: GreyImage = { width: 400, height: 300, data: new Uint8Array(400 * 300).fill(PAPER) };
    for (let y = 0; y < 300; y++) for (let x = 0; x < 30; x++) img.data[y * 400 + x] = 150;
    expect(findShading(img, DPI, 120, PAPER)).toEqual([]);
  });

  it('leaves specks and glyph blobs alone: only areas a few points across count', () => {
    const img: GreyImage = { width: 400, height: 300, data: new Uint8Array(400 * 300).fill(PAPER) };
    // A 5 × 5 px dark blob (under 2 pt) and a 300 × 4 px bar (a thick rule).
    for (let y = 100; y < 105; y++) for (let x = 100; x < 105; x++) img.data[y * 400 + x] = 150;
    for (let y = 200; y < 204; y++) for (let x = 50; x < 350; x++) img.data[y * 400 + x] = 60;
    expect(findShading(img, DPI, 120, PAPER)).toEqual([]);
  });
});
