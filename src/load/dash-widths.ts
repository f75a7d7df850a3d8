/**
 * Dashes by the length of their ink. tesseract reads an en dash ("2004–2008", "countries – namely")
 * as an em dash or a hyphen, but a face's hyphen, en and em dashes differ plainly in length: a
 * hyphen's bar is about a quarter of an em, an en dash's half, an em dash's nearly a whole. A dash
 * whose one bar is clearly of one of these lengths is read as that dash.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { baselineAt, type OcrLine, type OcrSymbol } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

const DASH = /^[-–—]$/;

/** The dash a bar this long (em) is, or null between the lengths. */
export function dashOfLength(length: number, s = OCR_SETTINGS.dashes): string | null {
  if (length <= s.maxHyphen) return '-';
  if (length >= s.minEn && length <= s.maxEn) return '–';
  if (length >= s.minEm) return '—';
  return null;
}

function redash(sym: OcrSymbol, line: OcrLine, bin: BinaryImage, offset: Point, em: number, s: OcrSettings): OcrSymbol {
  const d = s.dashes;
  const b = sym.bbox;
  const base = baselineAt(line)((b.x0 + b.x1) / 2);
  const win = { x0: b.x0 - d.margin * em, x1: b.x1 + d.margin * em, y0: Math.round(base - d.above * em), y1: Math.round(base) };
  // The bar: thin, over the middle of the glyph box, and whole inside the window (not a rule of dashes run together).
  const mid = (b.x0 + b.x1) / 2;
  const bars = inkIn(bin, win, offset).filter((c) => c.y1 - c.y0 <= d.maxThickness * em && c.x0 < mid && c.x1 > mid && c.x0 > win.x0 && c.x1 < win.x1);
  if (bars.length !== 1) return sym;
  const dash = dashOfLength((bars[0].x1 - bars[0].x0) / em, d);
  return dash && dash !== sym.text ? { ...sym, text: dash } : sym;
}

/** `lines` with each dash read from the length of its bar; `offset` places the lines' pixels in `bin`. */
export function readDashes(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    if (!line.words.some((w) => /[-–—]/.test(w.text))) return line;
    const em = lineSizePx(line, s.size);
    const words = line.words.map((w) => {
      if (!/[-–—]/.test(w.text) || w.symbols.map((y) => y.text).join('') !== w.text) return w;
      const symbols = w.symbols.map((y) => (DASH.test(y.text) ? redash(y, line, bin, offset, em, s) : y));
      const text = symbols.map((y) => y.text).join('');
      return text === w.text ? w : { ...w, text, symbols };
    });
    return { ...line, words };
  });
}
