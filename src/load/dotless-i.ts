/**
 * An "i" as the ink shows it. In a sans-serif face a capital I and an l are one bare stroke, and
 * tesseract's language model reads many of them as "i" ("in" for "In" opening a paragraph,
 * "income" for "Income", "vuinerable"). An i has a dot standing clear above its stem; a stroke
 * with nothing above it, reaching above the x-height, is no i. It becomes "I" where a capital is
 * the reading English spelling allows (opening a word before a consonant, or among capitals),
 * else "l". Symbols whose ink is unclear are left as read.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns, type Column } from './glyph-shapes.js';
import { baselineAt, type OcrLine, type OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

const VOWEL = /^[aeiouy]$/;
const UPPER = /^[A-Z0-9]$/;
const LOWER = /^[a-z]$/;

/** The letter a dotless stroke read as "i" stands for, from its neighbours in the word. */
export function strokeLetter(before: string | undefined, after: string | undefined): 'I' | 'l' {
  if (before === undefined || !/[A-Za-z]/.test(before)) return after !== undefined && VOWEL.test(after) ? 'l' : 'I';
  if (UPPER.test(before) && (after === undefined || !LOWER.test(after))) return 'I';
  return 'l';
}

/**
 * Whether the ink column of an "i" is one bare stroke: a single component standing on the baseline
 * and reaching above the x-height, with no ink above it. `base` is the baseline's y, `em` the
 * line's size in pixels. Null when the column does not look like a stroke at all.
 */
export function bareStroke(col: Column, base: number, em: number, s = OCR_SETTINGS.letterI): boolean | null {
  const stem = col.parts[col.parts.length - 1];
  const width = stem.x1 - stem.x0;
  if (Math.abs(stem.y1 - base) > s.baseTolerance * em || width > s.maxStrokeWidth * em) return null;
  if (col.parts.length > 1) return false;
  return base - stem.y0 >= s.minStroke * em;
}

/**
 * The word's "i" symbols that stand on a bare stroke. tesseract's glyph boxes may sit a glyph off
 * (an "i" box over the "l" before it), so glyphs are matched to ink columns by order, and only in
 * a word whose ink has exactly one column per glyph (touching glyphs make one: such words are left),
 * each column's middle in its glyph's box.
 */
function fixWord(w: OcrWord, line: OcrLine, bin: BinaryImage, offset: Point, em: number, s: OcrSettings): OcrWord {
  const syms = w.symbols;
  if (!w.text.includes('i') || syms.map((y) => y.text).join('') !== w.text) return w;
  const l = s.letterI;
  const base = baselineAt(line)((w.bbox.x0 + w.bbox.x1) / 2);
  const win = { x0: w.bbox.x0 - 1, x1: w.bbox.x1 + 1, y0: Math.round(base - l.above * em), y1: Math.round(base + l.below * em) };
  const cols = columns(inkIn(bin, win, offset));
  const mid = (c: Column) => (c.x0 + c.x1) / 2;
  if (cols.length !== syms.length || cols.some((c, i) => mid(c) < syms[i].bbox.x0 - 1 || mid(c) > syms[i].bbox.x1 + 1)) return w;
  let changed = false;
  const symbols = syms.map((sym, i) => {
    if (sym.text !== 'i' || !bareStroke(cols[i], base, em, l)) return sym;
    changed = true;
    return { ...sym, text: strokeLetter(syms[i - 1]?.text, syms[i + 1]?.text) };
  });
  return changed ? { ...w, text: symbols.map((y) => y.text).join(''), symbols } : w;
}

/** `lines` with every "i" whose ink is a bare stroke read as "I" or "l"; `offset` places the lines' pixels in `bin`. */
export function readDotlessI(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    if (!line.words.some((w) => w.text.includes('i'))) return line;
    const em = lineSizePx(line, s.size);
    return { ...line, words: line.words.map((w) => fixWord(w, line, bin, offset, em, s)) };
  });
}
