/**
 * A second reading of lines that open with a raised label (a footnote's number). tesseract fits
 * one baseline and x-height to a whole line; the raised digits at its start pull that fit up and
 * the first words after them come out misread ("14 In addition" as "14 |p addition", "8 53 open"
 * as "53 gpen", "El" as "EI"). The same line cropped just after the label reads right, so such
 * lines are recognised once more with the label (and the neighbouring lines' ink) blanked, and the
 * new reading replaces the old one after the label when it covers the same stretch and tesseract
 * is at least as sure of it. Only these lines are read twice: a page has a handful at most.
 */
import type { Point } from './deskew.js';
import type { OcrLine, OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import { splitRaisedMarks } from './raised-marks.js';
import { cropBinary, type BinaryImage, type PixelBox } from './raster.js';

/** Recognises an image (a crop of the page) and returns its lines in that image's pixels. */
export type ReadImage = (image: BinaryImage) => Promise<OcrLine[]>;

/** Where the text after a line's opening raised label starts (pixels of the lines), or null. */
export function afterLabel(line: OcrLine, bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): number | null {
  const [first, second] = splitRaisedMarks([line], bin, offset, s)[0].words;
  return first?.mark && second ? first.bbox.x1 + 1 : null;
}

/** The crop to read the line again from: the line's box and a white margin around it (page pixels). */
export function rereadBox(line: OcrLine, offset: Point, bin: BinaryImage, s: OcrSettings = OCR_SETTINGS): PixelBox {
  const pad = Math.ceil(s.reread.pad * lineSizePx(line, s.size));
  return {
    x0: Math.max(0, line.bbox.x0 + offset.x - pad),
    y0: Math.max(0, line.bbox.y0 + offset.y - pad),
    x1: Math.min(bin.width, line.bbox.x1 + offset.x + pad),
    y1: Math.min(bin.height, line.bbox.y1 + offset.y + pad),
  };
}

const mean = (ws: OcrWord[]) => ws.reduce((n, w) => n + w.conf, 0) / ws.length;
const centre = (b: { x0: number; x1: number }) => (b.x0 + b.x1) / 2;

/** The glyphs of `w` left of `cut` as a word of their own (a label OCR glued to the text), or null. */
function leftOf(w: OcrWord, cut: number): OcrWord | null {
  if (!w.symbols.length) return centre(w.bbox) < cut ? w : null;
  const symbols = w.symbols.filter((g) => centre(g.bbox) < cut);
  if (symbols.length === w.symbols.length) return w;
  if (!symbols.length) return null;
  const bbox = { ...w.bbox, x1: Math.max(...symbols.map((g) => g.bbox.x1)) };
  return { ...w, text: symbols.map((g) => g.text).join(''), bbox, symbols };
}

/**
 * The page's crop `box` with only the ink of `keep` (page pixels) left: the label and the ink of
 * the lines above and below blanked, a white margin kept all round.
 */
export function blankedCrop(bin: BinaryImage, box: PixelBox, keep: PixelBox): BinaryImage {
  const crop = cropBinary(bin, box);
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Math.round(v)));
  const [x0, x1] = [clamp(keep.x0 - box.x0, crop.width), clamp(keep.x1 - box.x0, crop.width)];
  const [y0, y1] = [clamp(keep.y0 - box.y0, crop.height), clamp(keep.y1 - box.y0, crop.height)];
  for (let y = 0; y < crop.height; y++) {
    const row = y * crop.width;
    if (y < y0 || y >= y1) crop.data.fill(0, row, row + crop.width);
    else {
      crop.data.fill(0, row, row + x0);
      crop.data.fill(0, row + x1, row + crop.width);
    }
  }
  return crop;
}

/**
 * The line with its words after `cut` replaced by `again` (a second reading of that part, in the
 * line's pixels) when that reading spans the same stretch of the line (tesseract may drop words
 * at a crop's edge) and tesseract is no less sure of it.
 */
export function mergeReread(line: OcrLine, cut: number, again: OcrWord[], em: number, s: OcrSettings = OCR_SETTINGS): OcrLine {
  const kept = line.words.map((w) => leftOf(w, cut)).filter((w): w is OcrWord => w !== null);
  const old = line.words.filter((w) => centre(w.bbox) >= cut);
  const reach = s.reread.sameSpan * em;
  const span = (ws: OcrWord[]) => [ws[0].bbox.x0, ws[ws.length - 1].bbox.x1];
  if (old.length && again.length && span(old).some((x, i) => Math.abs(x - span(again)[i]) > reach)) return line;
  if (!again.length || (old.length && mean(again) < mean(old))) return line;
  return { ...line, words: [...kept, ...again] };
}

/** Of the lines read in the crop, the one overlapping `line` most in height (ink of the lines above and below may be read too). */
export function closestLine(line: OcrLine, read: OcrLine[]): OcrLine | null {
  const overlap = (l: OcrLine) => Math.min(l.bbox.y1, line.bbox.y1) - Math.max(l.bbox.y0, line.bbox.y0);
  const best = read.reduce<OcrLine | null>((b, l) => (b === null || overlap(l) > overlap(b) ? l : b), null);
  return best && overlap(best) > 0 ? best : null;
}

/** Lines that open with a raised label, each read again after its label (see the top of the file). */
export async function rereadLabelled(lines: OcrLine[], bin: BinaryImage, offset: Point, read: ReadImage, s: OcrSettings = OCR_SETTINGS): Promise<OcrLine[]> {
  const out: OcrLine[] = [];
  for (const line of lines) {
    const cut = afterLabel(line, bin, offset, s);
    if (cut === null) {
      out.push(line);
      continue;
    }
    const box = rereadBox(line, offset, bin, s);
    // The crop's lines back in the lines' pixels.
    const dx = box.x0 - offset.x;
    const dy = box.y0 - offset.y;
    const shift = <T extends { x0: number; y0: number; x1: number; y1: number }>(b: T): T => ({ ...b, x0: b.x0 + dx, x1: b.x1 + dx, y0: b.y0 + dy, y1: b.y1 + dy });
    const keep = { x0: cut + offset.x, x1: line.bbox.x1 + offset.x, y0: line.bbox.y0 + offset.y, y1: line.bbox.y1 + offset.y };
    const read1 = await read(blankedCrop(bin, box, keep));
    const again = closestLine(line, read1.map((l) => ({ ...l, bbox: shift(l.bbox) })));
    const words = (again?.words ?? []).map((w) => ({ ...w, bbox: shift(w.bbox), symbols: w.symbols.map((g) => ({ ...g, bbox: shift(g.bbox) })) }));
    out.push(mergeReread(line, cut, words, lineSizePx(line, s.size), s));
  }
  return out;
}
