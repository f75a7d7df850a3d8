/**
 * Footnote reference marks on OCR'd lines, found in the image rather than in tesseract's text.
 * tesseract reads a small raised number as a quote, "®", "°" or "!", or swallows it with the
 * punctuation after it ("2009%" for "2009²;"), and its glyph boxes then span both. The ink does
 * not lie: a mark is a run of glyphs standing clear above the baseline and taller than a quote.
 * Each such run at the end of a word, or opening a line (a note's label, also where OCR left it
 * out), becomes a word of its own, flagged `mark`, with its digits when OCR read as many digits
 * as there are glyphs, else UNREAD_MARK; what OCR read over the mark is replaced by the
 * punctuation the ink shows there.
 */
import { UNREAD_MARK } from '../model/page.js';
import { inkIn, type Component } from './components.js';
import type { Point } from './deskew.js';
import { columns, punctuation, type Column } from './glyph-shapes.js';
import { baselineAt, type OcrBox, type OcrLine, type OcrSymbol, type OcrWord } from './hocr.js';
import { median } from '../layout/geometry.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

const SUPERSCRIPT: Record<string, string> = { '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
const cx = (b: OcrBox) => (b.x0 + b.x1) / 2;
const boxOf = (bs: OcrBox[]): OcrBox => ({
  x0: Math.min(...bs.map((b) => b.x0)),
  y0: Math.min(...bs.map((b) => b.y0)),
  x1: Math.max(...bs.map((b) => b.x1)),
  y1: Math.max(...bs.map((b) => b.y1)),
});

/** `lines` with raised marks split off their words; `offset` places the lines' pixels in `bin`. */
export function splitRaisedMarks(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => splitLine(line, bin, offset, s));
}

function splitLine(line: OcrLine, bin: BinaryImage, offset: Point, s: OcrSettings): OcrLine {
  const m = s.marks;
  const em = lineSizePx(line, s.size);
  const baseAt = baselineAt(line);
  const { x0, x1 } = line.bbox;
  const ends = [baseAt(x0), baseAt(x1)];
  const win = { x0: x0 - m.labelReach * em, x1: x1 + m.reach * em, y0: Math.min(...ends) - m.above * em, y1: Math.max(...ends) + m.below * em };
  // Ink reaching higher than a mark (the line above, where the scan is skewed) or starting below
  // the baseline (the line below) is not this line's.
  const comps = inkIn(bin, win, offset).filter((c) => c.y0 >= baseAt(cx(c)) - m.above * em && c.y0 <= baseAt(cx(c)) + m.baseTolerance * em);
  // Each word owns the ink from its left edge to the next word's: a mark OCR left out of the box
  // sits in the gap after it, and a mark OCR read as a word of its own is that word's.
  const words = line.words.flatMap((w, i) => {
    const next = line.words[i + 1];
    const end = next ? next.bbox.x0 : w.bbox.x1 + m.reach * em;
    const own = comps.filter((c) => cx(c) >= w.bbox.x0 && cx(c) < end);
    const place = { first: i === 0, gapBefore: i ? w.bbox.x0 - line.words[i - 1].bbox.x1 : Infinity };
    return splitWord(w, own, baseAt, em, place, s);
  });
  const first = line.words[0];
  const label = first ? droppedLabel(comps.filter((c) => cx(c) < first.bbox.x0), first.conf, baseAt, em, m) : null;
  return { ...line, words: label ? [label, ...words] : words };
}

/** A raised mark before the line's first word that OCR left out altogether: a note's label. */
function droppedLabel(comps: Component[], conf: number, baseAt: (x: number) => number, em: number, m: OcrSettings['marks']): OcrWord | null {
  const cols = columns(comps);
  const raised = raisedColumns(cols, baseAt, em, m);
  if (!cols.length || cols.length > m.maxDigits || raised.some((r) => !r)) return null;
  if (cols.some((c, i) => i > 0 && c.x0 - cols[i - 1].x1 > m.maxGap * em)) return null;
  return { text: UNREAD_MARK, conf, bbox: boxOf(cols), symbols: [], mark: true };
}

/** Where a word sits on its line: marks of its own only open a line's first word (a note's label). */
export interface WordPlace {
  first: boolean;
  /** Gap to the previous word (pixels): a word that is all mark must follow one closely. */
  gapBefore: number;
}

/** The word as [text before, mark, text after], or whole when no mark opens or ends it. */
export function splitWord(w: OcrWord, comps: Component[], baseAt: (x: number) => number, em: number, place: WordPlace, s: OcrSettings = OCR_SETTINGS): OcrWord[] {
  const m = s.marks;
  if (!w.symbols.length) return [w];
  const cols = columns(comps);
  const raised = raisedColumns(cols, baseAt, em, m);
  const glyphAt = (c: Column) => w.symbols.find((g) => cx(c) >= g.bbox.x0 && cx(c) < g.bbox.x1);
  const punct = (i: number) => punctuation(cols[i], baseAt(cx(cols[i])), em, m) !== null || /^\p{P}$/u.test(glyphAt(cols[i])?.text ?? '');
  const close = (i: number) => cols[i + 1].x0 - cols[i].x1 <= m.maxGap * em;
  // The mark ends the word (only punctuation after it)...
  let last = cols.length - 1;
  while (last >= 0 && !raised[last] && punct(last)) last--;
  let first = last;
  while (first > 0 && raised[first - 1] && close(first - 1)) first--;
  if (last < 0 || !raised[last]) {
    // ...or opens the line.
    if (!place.first) return [w];
    first = 0;
    last = -1;
    while (last + 1 < cols.length && raised[last + 1] && (last < 0 || close(last))) last++;
    if (last < 0) return [w];
  } else if (first === 0 && !place.first && place.gapBefore > m.maxGap * em) return [w];
  const run = cols.slice(first, last + 1);
  const box = boxOf(run);
  // A glyph is on the side where it starts: OCR's box for a misread mark often runs on over the
  // punctuation after it, and a digit's box over the mark that follows.
  const tol = m.startTolerance * em;
  const before = (g: OcrSymbol) => g.bbox.x0 < box.x0 - tol;
  const after = (g: OcrSymbol) => g.bbox.x0 >= box.x1 - tol;
  const read = w.symbols
    .filter((g) => !before(g) && !after(g))
    .map((g) => SUPERSCRIPT[g.text] ?? g.text)
    .join('');
  // Raised letters are an ordinal or an abbreviation ("10th", "Mme"), not a mark; an asterisk is
  // set high at full size, as a text layer would give it too.
  if (/^\p{L}{2,}$/u.test(read) || /^\*+$/.test(read)) return [w];
  // Digits are trusted when OCR read as many as there are glyphs.
  const digits = /^\d+$/.test(read) && read.length === run.length;
  const mark: OcrWord = { text: digits ? read : UNREAD_MARK, conf: w.conf, bbox: box, symbols: [], mark: true };
  const side = (from: number, to: number, inSide: (g: OcrSymbol) => boolean) =>
    piece(w, cols.slice(from, to), w.symbols.filter(inSide), baseAt, em, s);
  return [...side(0, first, before), mark, ...side(last + 1, cols.length, after)];
}

/**
 * Which columns stand raised: clear above the baseline, and taller than a quote but shorter than
 * a letter. The baseline is the word's own when it has letters standing on one (tesseract's line
 * baseline drifts where a line runs through a table), else the line's.
 */
function raisedColumns(cols: Column[], baseAt: (x: number) => number, em: number, m: OcrSettings['marks']): boolean[] {
  const test = (base: (c: Column) => number) =>
    cols.map((c) => {
      const h = c.y1 - c.y0;
      return base(c) - c.y1 >= m.minRaise * em && h >= m.minHeight * em && h <= m.maxHeight * em && c.x1 - c.x0 <= m.maxWidth * em;
    });
  const byLine = test((c) => baseAt(cx(c)));
  const standing = cols.filter((c, i) => !byLine[i] && c.y1 - c.y0 >= m.minHeight * em);
  if (!standing.length) return byLine;
  const own = median(standing.map((c) => c.y1));
  return test(() => own);
}

/**
 * The text on one side of a mark: the glyphs OCR read there, plus the punctuation shown by ink
 * no such glyph covers (the semicolon OCR read as part of the mark). Empty when nothing is there.
 */
function piece(w: OcrWord, cols: Column[], glyphs: OcrSymbol[], baseAt: (x: number) => number, em: number, s: OcrSettings): OcrWord[] {
  const found: OcrSymbol[] = [];
  for (const c of cols) {
    if (glyphs.some((g) => cx(c) >= g.bbox.x0 && cx(c) < g.bbox.x1)) continue;
    const text = punctuation(c, baseAt(cx(c)), em, s.marks);
    if (text) found.push({ text, bbox: { x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1 } });
  }
  const symbols = [...glyphs];
  for (const f of found) {
    const at = symbols.findIndex((g) => cx(g.bbox) > cx(f.bbox));
    symbols.splice(at < 0 ? symbols.length : at, 0, f);
  }
  if (!symbols.length) return [];
  return [{ text: symbols.map((g) => g.text).join(''), conf: w.conf, bbox: boxOf(symbols.map((g) => g.bbox)), symbols }];
}
