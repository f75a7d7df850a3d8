/**
 * Opening quotes as the ink shows them, and the quotes that close them. tesseract mostly reads a
 * typographic “ or ‘ as a straight " or ', yet the shapes differ: a straight quote is a wedge,
 * heavier at its top, and so is a closing ” (a comma, its blob on top); an opening “ is a turned
 * comma, its blob at the bottom. The grey page tells it by where each tick's ink lies: the ink in
 * the tick's upper half over that in its lower half. A mark all of whose ticks are clearly
 * bottom-heavy opens a quotation, and the straight double quote that next ends a word is its
 * typographic closing ” (a typesetter pairs them). Wedge from comma cannot be told apart at scan
 * resolutions (their ratios overlap), so other marks stay as read.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns, type Column } from './glyph-shapes.js';
import type { OcrLine, OcrSymbol, OcrWord } from './hocr.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage, GreyImage } from './raster.js';

const SINGLE = new Set(["'", '’', '‘', '`']);
const DOUBLE = new Set(['"', '”', '“']);

/** The ink in a tick's upper half over that in its lower half, in the grey image (paper: its brightest pixel). */
export function topShare(grey: GreyImage, box: { x0: number; y0: number; x1: number; y1: number }): number {
  const x0 = Math.max(0, box.x0 - 1);
  const x1 = Math.min(grey.width, box.x1 + 1);
  const mid = (box.y0 + box.y1) / 2;
  let paper = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = x0; x < x1; x++) paper = Math.max(paper, grey.data[y * grey.width + x]);
  let top = 0;
  let bottom = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = x0; x < x1; x++) {
      const ink = paper - grey.data[y * grey.width + x];
      // A row across the middle (odd height) counts half to each.
      const w = y + 1 <= mid ? 1 : y >= mid ? 0 : 0.5;
      top += w * ink;
      bottom += (1 - w) * ink;
    }
  }
  return bottom > 0 ? top / bottom : Infinity;
}

/** Whether the ticks of a mark (their upper-to-lower ink ratios) are all a turned comma's. */
export function opensQuote(shares: number[], s = OCR_SETTINGS.quotes): boolean {
  return shares.length > 0 && shares.every((r) => r <= s.maxOpen);
}

function reshape(sym: OcrSymbol, grey: GreyImage, bin: BinaryImage, offset: Point, s: OcrSettings): OcrSymbol {
  const double = DOUBLE.has(sym.text);
  if (!double && !SINGLE.has(sym.text)) return sym;
  const b = sym.bbox;
  const ticks: Column[] = columns(inkIn(bin, { x0: b.x0 - 1, x1: b.x1 + 1, y0: b.y0 - 2, y1: b.y1 + 2 }, offset));
  if (ticks.length !== (double ? 2 : 1)) return sym;
  const shares = ticks.map((t) => topShare(grey, { x0: t.x0 + offset.x, x1: t.x1 + offset.x, y0: t.y0 + offset.y, y1: t.y1 + offset.y }));
  return opensQuote(shares, s.quotes) ? { ...sym, text: double ? '“' : '‘' } : sym;
}

function reshapeWord(w: OcrWord, grey: GreyImage, bin: BinaryImage, offset: Point, s: OcrSettings): OcrWord {
  if (!/["'’‘`”“]/.test(w.text) || w.symbols.map((y) => y.text).join('') !== w.text) return w;
  const symbols = w.symbols.map((sym) => reshape(sym, grey, bin, offset, s));
  const text = symbols.map((y) => y.text).join('');
  return text === w.text ? w : { ...w, text, symbols };
}

/** A straight double quote ending a word (before closing punctuation only). */
const CLOSING_STRAIGHT = /"(?=[)\].,;:!?…]*$)/;

/**
 * Closes each opened quotation in reading order: after a “, the next straight " that ends a word
 * becomes ”. Any other double quote ends the quotation as it is.
 */
export function closeQuotes(texts: string[]): string[] {
  let open = false;
  return texts.map((t) => {
    const m = open ? CLOSING_STRAIGHT.exec(t) : null;
    const out = m && !t.slice(0, m.index).includes('“') ? `${t.slice(0, m.index)}”${t.slice(m.index + 1)}` : t;
    const start = out.lastIndexOf('“');
    const end = Math.max(out.lastIndexOf('”'), out.lastIndexOf('"'));
    if (start >= 0 || end >= 0) open = start > end;
    return out;
  });
}

/** `lines` with opening quotes read from the shape of their ink and their closing quotes paired; `offset` places the lines' pixels in the images. */
export function readQuoteShapes(lines: OcrLine[], grey: GreyImage, bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  const shaped = lines.map((line) => ({ ...line, words: line.words.map((w) => reshapeWord(w, grey, bin, offset, s)) }));
  const closed = closeQuotes(shaped.flatMap((l) => l.words.map((w) => w.text)));
  let i = 0;
  return shaped.map((line) => ({
    ...line,
    words: line.words.map((w) => {
      const text = closed[i++];
      if (text === w.text) return w;
      // The glyphs follow the text where they spell it (one glyph per character).
      const spelled = w.symbols.map((y) => y.text).join('') === w.text;
      return { ...w, text, symbols: spelled ? w.symbols.map((y, k) => ({ ...y, text: text[k] })) : w.symbols };
    }),
  }));
}
