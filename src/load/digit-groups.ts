/**
 * Thousands groups as the ink shows them. Set in small type, "93 049 925" often comes out of
 * tesseract as "93049 925" or "93049925", and its glyph boxes for the glued digits are too rough
 * to find the space (splitGluedNumbers in ocr-words.ts reads them when they are right). The ink
 * is plainer: between digits of a group there is a pixel or two of paper, between groups a word
 * space. A run of digits whose ink shows word-space gaps, and whose pieces hold whole thousands
 * groups (the first one to three digits, every later one three), is split there.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns } from './glyph-shapes.js';
import { baselineAt, type OcrLine, type OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

/** Digit counts of the ink segments (left to right) when they make thousands groups, else null. */
export function groupCounts(segments: { x0: number; x1: number; glyphs: number }[], digits: number): number[] | null {
  if (segments.length < 2) return null;
  let counts: number[];
  if (segments.reduce((n, g) => n + g.glyphs, 0) === digits) counts = segments.map((g) => g.glyphs);
  else {
    // Touching digits make one ink column: count them by width, the digits' advance being even.
    const width = segments.reduce((n, g) => n + g.x1 - g.x0, 0);
    counts = segments.map((g) => Math.round(((g.x1 - g.x0) * digits) / width));
  }
  if (counts.reduce((a, b) => a + b, 0) !== digits) return null;
  if (counts[0] < 1 || counts[0] > 3 || counts.slice(1).some((n) => n !== 3)) return null;
  return counts;
}

function splitWord(w: OcrWord, line: OcrLine, bin: BinaryImage, offset: Point, em: number, s: OcrSettings): OcrWord[] {
  const base = baselineAt(line)((w.bbox.x0 + w.bbox.x1) / 2);
  const win = { x0: w.bbox.x0 - 1, x1: w.bbox.x1 + 1, y0: Math.round(base - s.digitGroups.above * em), y1: Math.round(base + s.digitGroups.below * em) };
  const cols = columns(inkIn(bin, win, offset));
  if (cols.length < 2) return [w];
  const segments: { x0: number; x1: number; y0: number; y1: number; glyphs: number }[] = [];
  for (const c of cols) {
    const last = segments[segments.length - 1];
    if (last && c.x0 - last.x1 < s.size.splitGapEm * em) {
      last.x1 = c.x1;
      last.y0 = Math.min(last.y0, c.y0);
      last.y1 = Math.max(last.y1, c.y1);
      last.glyphs++;
    } else segments.push({ x0: c.x0, x1: c.x1, y0: c.y0, y1: c.y1, glyphs: 1 });
  }
  const counts = groupCounts(segments, w.text.length);
  if (!counts) return [w];
  const out: OcrWord[] = [];
  let at = 0;
  segments.forEach((g, i) => {
    const text = w.text.slice(at, at + counts[i]);
    const symbols = w.symbols.length === w.text.length ? w.symbols.slice(at, at + counts[i]) : [];
    at += counts[i];
    out.push({ ...w, text, bbox: { x0: g.x0, x1: g.x1, y0: w.bbox.y0, y1: w.bbox.y1 }, symbols });
  });
  return out;
}

/** Words of glued digits split into the thousands groups their ink shows. */
export function splitDigitGroups(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    if (!line.words.some((w) => /^\d{4,}$/.test(w.text))) return line;
    const em = lineSizePx(line, s.size);
    const words = line.words.flatMap((w) => (/^\d{4,}$/.test(w.text) ? splitWord(w, line, bin, offset, em, s) : [w]));
    return words.length === line.words.length ? line : { ...line, words };
  });
}
