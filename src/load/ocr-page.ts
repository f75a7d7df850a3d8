/**
 * One page through OCR, minus the tesseract call: render and binarise it, crop to its content,
 * then turn tesseract's lines into a positioned `Page` (de-skewed words, rules, images).
 */
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Page } from '../model/page.js';
import { ocrDpi } from './glyph-size.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { OcrLine } from './hocr.js';
import { lineSizePx, ocrSkew, ocrWords } from './ocr-words.js';
import { restoreBullets } from './bullets.js';
import { splitRaisedMarks } from './raised-marks.js';
import { checkStops } from './stops.js';
import { readLabels } from './labels.js';
import { repairBraces } from './brackets.js';
import { binariseInk, shadePage, toPbm, type BinaryImage, type GreyImage, type PageShading, type PixelBox } from './raster.js';
import { pageGraphics, renderDpi, renderPage, scanRaster, type PageImage } from './render.js';
import { detectRules, ruleInPoints, type PixelRule } from './rules.js';
import { shadeInPoints } from './shading.js';
import { dropInklessWords, dropPhantomGlyphs, dropRuleGlyphs, dropSpecks } from './rule-glyphs.js';
import { splitDigitGroups } from './digit-groups.js';
import { readDotlessI } from './dotless-i.js';
import { restoreDroppedI } from './dropped-strokes.js';
import { readDashes } from './dash-widths.js';
import { readQuoteShapes } from './quote-shapes.js';

export interface PreparedPage {
  number: number;
  /** Page size in points and its declared rotation. */
  width: number;
  height: number;
  rotation: number;
  dpi: number;
  images: PageImage[];
  /** The page's grey raster, the image `bin` binarises (for shapes finer than its threshold). */
  grey: GreyImage;
  bin: BinaryImage;
  /**
   * The page binarised for rule detection (see `rules.threshold`) and its shaded areas (cell
   * backgrounds, whose edges are rules). Computed on first call: tesseract does not need them, so
   * the pool calls this while a worker reads the page.
   */
  shading: () => PageShading;
  /** Content box in pixels, null for a blank page (nothing to OCR). */
  box: PixelBox | null;
  /** The cropped content as PBM, the image tesseract reads. */
  pbm: Uint8Array | null;
}

/** `f`'s result, computed on the first call only. */
function once<T>(f: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: f() }).v;
}

/**
 * Renders `page` (at the scan's own resolution when it is one image, finer when its type is
 * small), binarises and crops it.
 * Releases the page's decoded resources afterwards: only the raster is needed from here on.
 */
export async function preparePage(page: PDFPageProxy, number: number, dpi: number, s: OcrSettings = OCR_SETTINGS): Promise<PreparedPage> {
  const viewport = page.getViewport({ scale: 1 });
  const graphics = await pageGraphics(page);
  const images = graphics.images;
  let renderAt = renderDpi(viewport, images, dpi, s.render);
  let raster = scanRaster(page, graphics, renderAt) ?? (await renderPage(page, renderAt));
  let ink = binariseInk(raster.image, renderAt, s);
  // A scan of small type is read finer than its own resolution.
  const finer = ocrDpi(ink.bin, renderAt, dpi, s.render);
  if (finer > renderAt) {
    renderAt = finer;
    raster = await renderPage(page, renderAt);
    ink = binariseInk(raster.image, renderAt, s);
  }
  page.cleanup();
  const { bin, box } = ink;
  return {
    number,
    width: raster.width,
    height: raster.height,
    rotation: page.rotate,
    dpi: renderAt,
    images,
    grey: raster.image,
    bin,
    shading: once(() => shadePage(raster.image, renderAt, ink, s)),
    box,
    pbm: box ? toPbm(bin, box) : null,
  };
}

/**
 * Whether a horizontal rule candidate lies in the glyphs of an OCR line that spans it: between the
 * (median) top of the line's words over the candidate and just below their baseline. That is where the
 * serif rows at the foot and the top of bold capitals are; an underline or a table rule is not.
 */
function inTextBand(r: PixelRule, lines: OcrLine[], offset: { x: number; y: number }, s: OcrSettings): boolean {
  if (r.kind !== 'h') return false;
  const mid = (r.a.x + r.b.x) / 2;
  const y = (r.a.y + r.b.y) / 2 - offset.y;
  const from = r.a.x - offset.x;
  const to = r.b.x - offset.x;
  return lines.some((line) => {
    const over = line.words.filter((w) => w.bbox.x1 > from && w.bbox.x0 < to);
    const covered = over.reduce((n, w) => n + Math.min(w.bbox.x1, to) - Math.max(w.bbox.x0, from), 0);
    if (covered < 0.5 * (to - from)) return false;
    const b = line.baseline;
    const base = b.x1 > b.x0 ? b.y0 + ((mid - offset.x - b.x0) * (b.y1 - b.y0)) / (b.x1 - b.x0) : b.y0;
    // The median top: one word whose box swallowed a bit of the rule must not decide.
    const tops = over.map((w) => w.bbox.y0).sort((p, q) => p - q);
    const top = tops[tops.length >> 1];
    return y >= top && y < base + s.rules.textBandBelow * lineSizePx(line, s.size);
  });
}

/** The positioned page from tesseract's lines (none for a blank page). */
export function assemblePage(p: PreparedPage, lines: OcrLine[], s: OcrSettings = OCR_SETTINGS): Page {
  const skew = ocrSkew(lines, p.dpi, s.skew);
  const geometry = { dpi: p.dpi, offset: { x: p.box?.x0 ?? 0, y: p.box?.y0 ?? 0 }, width: p.bin.width, height: p.bin.height };
  const { ruleBin, shades } = p.shading();
  const pixelRules = detectRules(ruleBin, p.dpi, skew, s.rules, p.bin).filter((r) => !inTextBand(r, lines, geometry.offset, s));
  // What the ink shows and tesseract's text misses: rules read as glyphs, a label's stop, bullets, raised marks, section labels.
  const inked = dropInklessWords(lines, p.bin, geometry.offset, s);
  const unruled = dropSpecks(dropPhantomGlyphs(dropRuleGlyphs(inked, pixelRules, geometry.offset, s), s), s);
  const read = [checkStops, restoreBullets, splitRaisedMarks, readLabels, splitDigitGroups, readDotlessI, restoreDroppedI, readDashes].reduce((ls, fix) => fix(ls, p.bin, geometry.offset, s), unruled);
  const words = ocrWords(repairBraces(readQuoteShapes(read, p.grey, p.bin, geometry.offset, s)), geometry, skew, s.size);
  const centre = { x: p.bin.width / 2, y: p.bin.height / 2 };
  const rules = pixelRules.map((r) => ruleInPoints(r, centre, skew, p.dpi)).concat(shades.map((sh) => shadeInPoints(sh, centre, skew, p.dpi)));
  const confs = words.map((w) => w.conf ?? 0);
  return {
    number: p.number,
    width: p.width,
    height: p.height,
    rotation: p.rotation,
    source: 'ocr',
    words,
    rules,
    images: p.images.map((im) => im.rect),
    confidence: confs.length ? confs.reduce((a, b) => a + b, 0) / confs.length : undefined,
  };
}
