/**
 * Section labels ("I.", "II.", "A.") as the ink shows them. tesseract reads a sans-serif roman
 * "I." as "l.", "[8" or "1.", or drops a short label before a title altogether. Where the ink
 * before a title is a few glyphs and a full stop, and OCR read no proper label there: strokes
 * alone are read as that many "I"s; other glyphs become UNREAD_LABEL, whose value the structure
 * stage takes from the sequence of labels.
 */
import { UNREAD_LABEL } from '../model/page.js';
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns, punctuation, type Column } from './glyph-shapes.js';
import { baselineAt, type OcrLine, type OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

/** A label OCR read right: a roman numeral, a letter or a number, with its stop. */
const PROPER_LABEL = /^([IVXLC]{1,6}|[A-Z]|\d{1,4})\.$/;
/** The first word of a title: a capital and more letters. */
const TITLE_WORD = /^[A-Z][A-Za-z’'-]+[,:]?$/;

export function readLabels(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  const words = lines.flatMap((l) => l.words);
  return lines.map((line) => readLabel(line, words, bin, offset, s));
}

function readLabel(line: OcrLine, all: OcrWord[], bin: BinaryImage, offset: Point, s: OcrSettings): OcrLine {
  const t = line.words.findIndex((w) => TITLE_WORD.test(w.text));
  // At most one word (OCR's reading of the label) before the title, and not a proper label.
  if (t < 0 || t > 1 || (t === 1 && PROPER_LABEL.test(line.words[0].text))) return line;
  const title = line.words[t];
  const em = lineSizePx(line, s.size);
  const l = s.labels;
  const base = baselineAt(line)(title.bbox.x0);
  const from = t === 1 ? Math.min(line.words[0].bbox.x0, title.bbox.x0 - l.reach * em) : title.bbox.x0 - l.reach * em;
  const cols = columns(inkIn(bin, { x0: Math.max(0, from), x1: title.bbox.x0 - 1, y0: base - l.above * em, y1: base + l.below * em }, offset));
  // A label stands apart: blank before it (not the end of other text), its stop close to the title.
  if (cols.length < 2 || cols.length > l.maxGlyphs + 1 || cols[0].x0 <= Math.max(0, from) + 1) return line;
  const stop = cols[cols.length - 1];
  if (title.bbox.x0 - stop.x1 > l.maxGap * em || punctuation(stop, base, em, s.marks) !== '.') return line;
  const glyphs = cols.slice(0, -1);
  // Glyphs of a label stand on the baseline and are as tall as capitals.
  if (!glyphs.every((c) => Math.abs(c.y1 - base) <= l.baseTolerance * em && c.y1 - c.y0 >= l.minStroke * em)) return line;
  const strokes = glyphs.every((c) => isStroke(c, em, s));
  // A word OCR read glyph for glyph, with letters no misread label explains, is a word ending a
  // sentence at the start of a line ("OSCE. In this context"), not a label: keep what was read.
  if (!strokes && t === 1 && readsAsWord(line.words[0].text, glyphs.length)) return line;
  const text = (strokes ? 'I'.repeat(glyphs.length) : UNREAD_LABEL) + '.';
  const box = { x0: glyphs[0].x0, y0: Math.min(...cols.map((c) => c.y0)), x1: stop.x1, y1: Math.max(...cols.map((c) => c.y1)) };
  // Ink another line's words cover was read: a hanging number OCR set on a line of its own.
  const mine = new Set(line.words);
  if (all.some((w) => !mine.has(w) && w.bbox.x0 < box.x1 && w.bbox.x1 > box.x0 && w.bbox.y0 < box.y1 && w.bbox.y1 > box.y0)) return line;
  const label: OcrWord = { text, conf: title.conf, bbox: box, symbols: [{ text, bbox: box }] };
  return { ...line, words: [label, ...line.words.slice(t)] };
}

/** Glyphs a misread roman label is read as (either case, strokes); a word with others is a word. */
const LABEL_LIKE = /^[IVXLCDMivxlcdm1|[\]!]$/;

/** OCR's reading is a word of `glyphs` letters and a stop, with a letter no label glyph is read as. */
function readsAsWord(read: string, glyphs: number): boolean {
  const letters = [...read.replace(/\.$/, '')];
  return letters.length === glyphs && letters.length >= 2 && letters.every((c) => /\p{L}/u.test(c)) && letters.some((c) => !LABEL_LIKE.test(c));
}

/** A bare vertical stroke: a sans-serif "I" (or "l", "1" without a flag or foot). */
function isStroke(c: Column, em: number, s: OcrSettings): boolean {
  return c.parts.length === 1 && c.x1 - c.x0 <= s.labels.maxStrokeWidth * em && c.y1 - c.y0 >= s.labels.minStroke * em;
}
