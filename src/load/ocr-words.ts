/**
 * OCR lines (from hOCR) → positioned `Word`s in points. Each OCR line gives its words one
 * baseline (the line's, de-skewed) and one font size (from its glyph heights above that
 * baseline), so the words of a printed line agree on both, as a text layer's would.
 */
import type { Word } from '../model/page.js';
import { median } from '../layout/geometry.js';
import { derotate, derotateBox, estimateSkew, type Point } from './deskew.js';
import { symbolsBox, type OcrLine, type OcrWord } from './hocr.js';
import { OCR_SETTINGS } from './ocr-settings.js';
import { ownBaselines } from './ocr-word-base.js';

/** How the OCR'd raster sits on the page. */
export interface OcrGeometry {
  dpi: number;
  /** Top-left of the OCR'd crop in the full page raster (pixels). */
  offset: Point;
  /** Size of the full page raster (pixels); its centre is the de-rotation centre. */
  width: number;
  height: number;
}

const X_HEIGHT = new Set('acemnorsuvwxz');
const ASCENDER = new Set('bdfhkl');
const CAP_HEIGHT = new Set('ABCDEFGHIKLMNOPRSTUVWXYZ0123456789');


/**
 * Font size of an OCR line in pixels. Every glyph of a known height class (x-height, ascender,
 * capital or digit) measured from the baseline is one estimate of the em; the median is robust to
 * words without ascenders, all-caps lines and the odd mis-segmented glyph. Raised glyphs (footnote
 * marks) are skipped. Without any such glyph, tesseract's row height (ascender to descender) is used.
 */
export function lineSizePx(line: OcrLine, s = OCR_SETTINGS.size): number {
  const b = line.baseline;
  const slope = b.x1 > b.x0 ? (b.y1 - b.y0) / (b.x1 - b.x0) : 0;
  const estimates: number[] = [];
  for (const word of line.words) {
    for (const sym of word.symbols) {
      if (sym.text.length !== 1) continue;
      const ratio = X_HEIGHT.has(sym.text) ? s.xHeight : ASCENDER.has(sym.text) ? s.ascender : CAP_HEIGHT.has(sym.text) ? s.capHeight : 0;
      if (!ratio) continue;
      const base = b.y0 + ((sym.bbox.x0 + sym.bbox.x1) / 2 - b.x0) * slope;
      if (sym.bbox.y1 < base - s.raised * line.rowHeight) continue;
      const height = base - sym.bbox.y0;
      if (height > 0) estimates.push(height / ratio);
    }
  }
  return estimates.length ? median(estimates) : line.rowHeight / s.rowHeight;
}

const NOT_LETTER = /^[\p{N}\p{P}\p{S}]$/u;

/**
 * Splits a word at wide gaps between non-letter glyphs (see `splitGapEm`); other words come back
 * whole. Pieces keep the word's confidence.
 */
export function splitGluedNumbers(word: OcrWord, sizePx: number, s = OCR_SETTINGS.size): OcrWord[] {
  const syms = word.symbols;
  if (syms.length < 2 || syms.map((y) => y.text).join('') !== word.text) return [word];
  const cuts: number[] = [];
  for (let i = 1; i < syms.length; i++) {
    const gap = syms[i].bbox.x0 - syms[i - 1].bbox.x1;
    if (gap >= s.splitGapEm * sizePx && NOT_LETTER.test(syms[i - 1].text) && NOT_LETTER.test(syms[i].text)) cuts.push(i);
  }
  if (!cuts.length) return [word];
  return [0, ...cuts].map((from, k) => {
    const part = syms.slice(from, cuts[k] ?? syms.length);
    return { ...word, text: part.map((y) => y.text).join(''), bbox: symbolsBox(part), symbols: part };
  });
}

/** Page skew (radians) from the OCR lines' baselines. */
export function ocrSkew(lines: OcrLine[], dpi: number, s = OCR_SETTINGS.skew): number {
  return estimateSkew(lines.map((l) => l.baseline), s.minLineWidth * dpi, s);
}

/** OCR words in points, de-rotated by `skew` around the page centre. Empty words are dropped. */
/**
 * Groups size estimates that agree within `sameSize`, heaviest (most words) first so the body
 * text anchors its group, and returns each estimate's group mean rounded (see `step`, `wholeWithin`).
 */
export function snapSizes(estimates: { size: number; weight: number }[], s = OCR_SETTINGS.size): number[] {
  const groups: { sum: number; weight: number }[] = [];
  const member = new Array<number>(estimates.length);
  const order = estimates.map((_, i) => i).sort((a, b) => estimates[b].weight - estimates[a].weight);
  for (const i of order) {
    const e = estimates[i];
    let g = groups.findIndex((x) => Math.abs(e.size / (x.sum / x.weight) - 1) <= s.sameSize);
    if (g < 0) g = groups.push({ sum: 0, weight: 0 }) - 1;
    groups[g].sum += e.size * e.weight;
    groups[g].weight += e.weight;
    member[i] = g;
  }
  const round = (size: number) =>
    Math.abs(size - Math.round(size)) <= s.wholeWithin ? Math.round(size) : Math.round(size / s.step) * s.step;
  return member.map((g) => Math.max(s.step, round(groups[g].sum / groups[g].weight)));
}

/** OCR words in points, de-rotated by `skew` around the page centre. Empty words are dropped. */
export function ocrWords(lines: OcrLine[], g: OcrGeometry, skew: number, s = OCR_SETTINGS.size): Word[] {
  const k = 72 / g.dpi;
  const centre = { x: g.width / 2, y: g.height / 2 };
  const { x: ox, y: oy } = g.offset;
  const kept = lines
    .map((line) => {
      const all = lineSizePx(line, s);
      // Words off the line's baseline (figures tesseract joined to a label's line): their own.
      const offsets = ownBaselines(line, all, skew, s);
      const on = line.words.filter((w) => !offsets.has(w));
      const sizePx = on.length < line.words.length && on.length ? lineSizePx({ ...line, words: on }, s) : all;
      const words = line.words
        .flatMap((w) => splitGluedNumbers(w, sizePx, s).map((part) => ({ ...part, offset: offsets.get(w) ?? 0 })))
        .filter((w) => w.text.trim());
      return { line, words, size: sizePx * k, weight: words.length };
    })
    .filter((l) => l.words.length);
  const sizes = snapSizes(kept, s);
  const words: Word[] = [];
  kept.forEach(({ line, words: lineWords }, li) => {
    const size = sizes[li];
    const b = line.baseline;
    const mid = derotate({ x: ox + (b.x0 + b.x1) / 2, y: oy + (b.y0 + b.y1) / 2 }, centre, skew);
    const base = mid.y * k;
    for (const w of lineWords) {
      const box = derotateBox({ x0: ox + w.bbox.x0, y0: oy + w.bbox.y0, x1: ox + w.bbox.x1, y1: oy + w.bbox.y1 }, centre, skew);
      // A raised mark keeps its own place and size (its digits' height is a capital's), as a text layer gives it.
      // A word off the line's baseline keeps its own (see ownBaselines).
      const own = w.mark ? { base: box.y1 * k, size: Math.max(s.step, Math.round(((box.y1 - box.y0) * k) / s.capHeight / s.step) * s.step) } : { base: base + w.offset * k, size };
      words.push({
        text: w.text.trim(),
        x0: box.x0 * k,
        x1: box.x1 * k,
        // The text-layer loaders' box convention: 0.8 em above the baseline, 0.2 em below.
        y0: own.base - 0.8 * own.size,
        y1: own.base + 0.2 * own.size,
        base: own.base,
        size: own.size,
        font: '',
        // tesseract's LSTM engine reports no font attributes (no bold or italic in its output).
        bold: false,
        italic: false,
        conf: w.conf,
      });
    }
  });
  return words;
}
