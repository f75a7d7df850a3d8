/**
 * A capital I that tesseract dropped at the end of a word in capitals ("SYN" for "SYNI"): in a
 * sans-serif face the I is a bare stroke, and tesseract's box for the letter before it often takes
 * it in. The ink shows it: one column more than the word has glyphs, the extra one last, a bare
 * stroke as tall as the capitals standing on the baseline. Only words of capitals, whose glyphs
 * sit on their own ink columns, are read again.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { bareStroke } from './dotless-i.js';
import { columns, type Column } from './glyph-shapes.js';
import { baselineAt, type OcrLine, type OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

const CAPITALS = /^\p{Lu}{2,}$/u;

function withDroppedI(w: OcrWord, line: OcrLine, bin: BinaryImage, offset: Point, em: number, s: OcrSettings): OcrWord {
  const syms = w.symbols;
  if (!CAPITALS.test(w.text) || syms.map((y) => y.text).join('') !== w.text) return w;
  const l = s.letterI;
  const base = baselineAt(line)((w.bbox.x0 + w.bbox.x1) / 2);
  const win = { x0: w.bbox.x0 - 1, x1: w.bbox.x1 + l.dropReach * em, y0: Math.round(base - l.above * em), y1: Math.round(base + l.below * em) };
  const cols = columns(inkIn(bin, win, offset));
  const mid = (c: Column) => (c.x0 + c.x1) / 2;
  if (cols.length !== syms.length + 1 || cols.slice(0, -1).some((c, i) => mid(c) < syms[i].bbox.x0 - 1 || mid(c) > syms[i].bbox.x1 + 1)) return w;
  const last = cols[cols.length - 1];
  if (!bareStroke(last, base, em, l)) return w;
  const box = { x0: last.x0, y0: last.y0, x1: last.x1, y1: last.y1 };
  return { ...w, text: `${w.text}I`, bbox: { ...w.bbox, x1: Math.max(w.bbox.x1, box.x1) }, symbols: [...syms, { text: 'I', bbox: box }] };
}

/** `lines` with the capital I each word in capitals dropped at its end restored; `offset` places the lines' pixels in `bin`. */
export function restoreDroppedI(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    if (!line.words.some((w) => CAPITALS.test(w.text))) return line;
    const em = lineSizePx(line, s.size);
    return { ...line, words: line.words.map((w) => withDroppedI(w, line, bin, offset, em, s)) };
  });
}
