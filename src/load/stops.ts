/**
 * Full stops and commas as the ink shows them. At 200 dpi the two differ by a few pixels of tail
 * below the baseline and tesseract confuses them, which matters most after a number that opens a
 * line: "9," is not an item label, "9." is. A stop read as a hyphen ("39-" over the ink of "35.")
 * is a stop all the same: a hyphen stands at x-height, not on the baseline.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns, punctuation } from './glyph-shapes.js';
import { type OcrLine } from './hocr.js';
import { median } from '../layout/geometry.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

/**
 * A number opening a line ("9," or "9.") gets the stop its ink shows. Only there: a comma's tail
 * is a pixel or two at 200 dpi, so where tesseract has the sentence to go by it is right more
 * often than the ink test, while the number's label decides what the line is. A line read across
 * a gutter opens again after it: a number standing `s.marks.gutter` em clear of the word before it
 * opens its column's line.
 */
export function checkStops(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    const em = lineSizePx(line, s.size);
    let changed = false;
    const words = line.words.map((w, k) => {
      const opens = k === 0 || w.bbox.x0 - line.words[k - 1].bbox.x1 >= s.marks.gutter * em;
      if (!opens || !/^\d{1,3}[.,-]$/.test(w.text) || w.symbols.map((y) => y.text).join('') !== w.text) return w;
      const g = w.symbols[w.symbols.length - 1];
      // The digits stand on the baseline: a line tesseract read across a gutter has a baseline
      // fitted to both columns, off by as much as their lines are out of step.
      const base = median(w.symbols.slice(0, -1).map((d) => d.bbox.y1));
      const cols = columns(inkIn(bin, { x0: g.bbox.x0, x1: g.bbox.x1, y0: base - s.marks.above * em, y1: base + s.marks.below * em }, offset));
      const seen = cols.length === 1 ? punctuation(cols[0], base, em, s.marks) : null;
      if ((seen !== '.' && seen !== ',') || seen === g.text) return w;
      changed = true;
      return { ...w, text: w.text.slice(0, -1) + seen, symbols: [...w.symbols.slice(0, -1), { ...g, text: seen }] };
    });
    return changed ? { ...line, words } : line;
  });
}
