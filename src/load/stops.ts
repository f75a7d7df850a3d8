/**
 * Full stops and commas as the ink shows them. At 200 dpi the two differ by a few pixels of tail
 * below the baseline and tesseract confuses them, which matters most after a number that opens a
 * line: "9," is not an item label, "9." is.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns, punctuation } from './glyph-shapes.js';
import { baselineAt, type OcrLine } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

/**
 * A number opening a line ("9," or "9.") gets the stop its ink shows. Only there: a comma's tail
 * is a pixel or two at 200 dpi, so where tesseract has the sentence to go by it is right more
 * often than the ink test, while the number's label decides what the line is.
 */
export function checkStops(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    const [w, ...rest] = line.words;
    if (!w || !/^\d{1,3}[.,]$/.test(w.text) || w.symbols.map((y) => y.text).join('') !== w.text) return line;
    const em = lineSizePx(line, s.size);
    const g = w.symbols[w.symbols.length - 1];
    const base = baselineAt(line)((g.bbox.x0 + g.bbox.x1) / 2);
    const cols = columns(inkIn(bin, { x0: g.bbox.x0, x1: g.bbox.x1, y0: base - s.marks.above * em, y1: base + s.marks.below * em }, offset));
    const seen = cols.length === 1 ? punctuation(cols[0], base, em, s.marks) : null;
    if ((seen !== '.' && seen !== ',') || seen === g.text) return line;
    return { ...line, words: [{ ...w, text: w.text.slice(0, -1) + seen, symbols: [...w.symbols.slice(0, -1), { ...g, text: seen }] }, ...rest] };
  });
}
