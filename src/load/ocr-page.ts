/**
 * One page through OCR, minus the tesseract call: render and binarise it, crop to its content,
 * then turn tesseract's block tree into a positioned `Page` (de-skewed words, rules, images).
 */
import type Tesseract from 'tesseract.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Page } from '../model/page.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import { lineSizePx, ocrLines, ocrSkew, ocrWords } from './ocr-words.js';
import { binarise, cropBinary, inkBox, otsuThreshold, paperLevel, toPbm, type BinaryImage, type PixelBox } from './raster.js';
import { pageImages, renderDpi, renderPage, type PageImage } from './render.js';
import { detectRules, ruleInPoints, type PixelRule } from './rules.js';

export interface PreparedPage {
  number: number;
  /** Page size in points and its declared rotation. */
  width: number;
  height: number;
  rotation: number;
  dpi: number;
  images: PageImage[];
  bin: BinaryImage;
  /** The page binarised for rule detection (see `rules.threshold`). */
  ruleBin: BinaryImage;
  /** Content box in pixels, null for a blank page (nothing to OCR). */
  box: PixelBox | null;
  /** The cropped content as PBM, the image tesseract reads. */
  pbm: Uint8Array | null;
}

/**
 * Renders `page` (at the scan's own resolution when it is one image), binarises and crops it.
 * Releases the page's decoded resources afterwards: only the raster is needed from here on.
 */
export async function preparePage(page: PDFPageProxy, number: number, dpi: number, s: OcrSettings = OCR_SETTINGS): Promise<PreparedPage> {
  const viewport = page.getViewport({ scale: 1 });
  const images = await pageImages(page);
  const renderAt = renderDpi(viewport, images, dpi, s.render);
  const raster = await renderPage(page, renderAt);
  page.cleanup();
  const threshold = otsuThreshold(raster.image);
  const bin = binarise(raster.image, threshold);
  const paper = paperLevel(raster.image, threshold);
  const ruleBin = binarise(raster.image, Math.round(threshold + s.rules.threshold * (paper - threshold)));
  const box = inkBox(bin, renderAt, s.crop);
  return {
    number,
    width: raster.width,
    height: raster.height,
    rotation: page.rotate,
    dpi: renderAt,
    images,
    bin,
    ruleBin,
    box,
    pbm: box ? toPbm(cropBinary(bin, box)) : null,
  };
}

/**
 * Whether a horizontal rule candidate lies in the glyph band of an OCR line it spans (the serif
 * row of bold capitals), judged against the line's baseline and size.
 */
function inTextBand(r: PixelRule, lines: Tesseract.Line[], offset: { x: number; y: number }, s: OcrSettings): boolean {
  if (r.kind !== 'h') return false;
  const mid = (r.a.x + r.b.x) / 2;
  const y = (r.a.y + r.b.y) / 2;
  return lines.some((line) => {
    const b = line.baseline;
    const x0 = offset.x + b.x0;
    const x1 = offset.x + b.x1;
    if (Math.min(x1, r.b.x) - Math.max(x0, r.a.x) < 0.5 * (r.b.x - r.a.x) || x1 <= x0) return false;
    const base = offset.y + b.y0 + ((mid - x0) * (b.y1 - b.y0)) / (x1 - x0);
    const em = lineSizePx(line, s.size);
    return y > base - s.rules.textBandAbove * em && y < base + s.rules.textBandBelow * em;
  });
}

/** The positioned page from tesseract's blocks (null blocks: a blank page). */
export function assemblePage(p: PreparedPage, blocks: Tesseract.Block[] | null, s: OcrSettings = OCR_SETTINGS): Page {
  const lines = ocrLines(blocks);
  const skew = ocrSkew(lines, p.dpi, s.skew);
  const geometry = { dpi: p.dpi, offset: { x: p.box?.x0 ?? 0, y: p.box?.y0 ?? 0 }, width: p.bin.width, height: p.bin.height };
  const words = ocrWords(lines, geometry, skew, s.size);
  const centre = { x: p.bin.width / 2, y: p.bin.height / 2 };
  const rules = detectRules(p.ruleBin, p.dpi, skew, s.rules, p.bin)
    .filter((r) => !inTextBand(r, lines, geometry.offset, s))
    .map((r) => ruleInPoints(r, centre, skew, p.dpi));
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
