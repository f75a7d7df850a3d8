/**
 * Rules read as glyphs. tesseract reads a table's vertical rule as a '|' (alone, or glued to the
 * figure beside it: "199|", "|(5)|"), or a bar-shaped letter ('l', 'I', '1', '!', '[', ']') when
 * the stroke sits right on it. Where the image shows a vertical rule there, the glyph is the rule's
 * ink, not text: it is taken out of its word, and a word left with nothing is dropped.
 *
 * A '|' counts when a rule passes within `barReach` em of its box: tesseract's box for a bar it
 * hallucinated at a word's end is often a sliver beside the rule. A bar-shaped letter counts only
 * when the rule passes through its box: text never overprints a rule.
 */
import { symbolsBox, type OcrBox, type OcrLine, type OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { Point } from './deskew.js';
import type { PixelRule } from './rules.js';
import type { BinaryImage } from './raster.js';

const BAR = /^[|¦‖]$/u;
const BAR_LIKE = /^[|¦‖!lI1[\]]$/u;

/** x of a vertical rule at height y (its centre line between its end points), or null past its ends. */
function ruleX(r: PixelRule, y: number, slack: number): number | null {
  if (y < r.a.y - slack || y > r.b.y + slack) return null;
  const t = r.b.y > r.a.y ? (y - r.a.y) / (r.b.y - r.a.y) : 0;
  return r.a.x + t * (r.b.x - r.a.x);
}

/** Whether the glyph box `b` (page pixels) is a vertical rule's ink. */
function onRule(text: string, b: OcrBox, rules: PixelRule[], em: number, reach: number): boolean {
  const bar = BAR.test(text);
  if (!bar && !BAR_LIKE.test(text)) return false;
  const y = (b.y0 + b.y1) / 2;
  for (const r of rules) {
    const x = ruleX(r, y, 0.5 * em);
    if (x === null) continue;
    if (x >= b.x0 && x <= b.x1) return true;
    if (bar && x >= b.x0 - reach * em && x <= b.x1 + reach * em) return true;
  }
  return false;
}

const shift = (b: OcrBox, o: Point): OcrBox => ({ x0: b.x0 + o.x, y0: b.y0 + o.y, x1: b.x1 + o.x, y1: b.y1 + o.y });

/**
 * `lines` (pixels of the OCR'd crop, whose top-left is `offset` in the page raster) without the
 * glyphs that are vertical `rules` (page raster pixels).
 */
export function dropRuleGlyphs(lines: OcrLine[], rules: PixelRule[], offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  const verticals = rules.filter((r) => r.kind === 'v');
  if (!verticals.length) return lines;
  const reach = s.rules.barReach;
  return lines.map((line) => {
    const em = lineSizePx(line, s.size);
    let changed = false;
    const words: OcrWord[] = [];
    for (const w of line.words) {
      if (!w.symbols.length) {
        if (w.text.length === 1 && onRule(w.text, shift(w.bbox, offset), verticals, em, reach)) changed = true;
        else words.push(w);
        continue;
      }
      const kept = w.symbols.filter((g) => !onRule(g.text, shift(g.bbox, offset), verticals, em, reach));
      if (kept.length === w.symbols.length) {
        words.push(w);
        continue;
      }
      changed = true;
      if (!kept.length) continue;
      words.push({ ...w, text: kept.map((g) => g.text).join(''), bbox: symbolsBox(kept), symbols: kept });
    }
    return changed ? { ...line, words } : line;
  });
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Glyphs tesseract emits with no ink of their own: a punctuation mark at a word's end (or start)
 * whose box is a sliver inside its neighbour's ("670]", "239;", "219)"). A real mark, however
 * small, stands beside the glyph before it. Stops and commas are never taken for slivers: in
 * running text tesseract's box for a word's last letter often covers its stop ("Haiti." read with
 * the stop inside the i's box), and a label's stop ("145.") makes it a paragraph number; a stray
 * stop in a table cell is left to the cell stage, which sees where it stands.
 */
const STOP_OR_COMMA = /^[.,]$/;

export function dropPhantomGlyphs(lines: OcrLine[], s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    const em = lineSizePx(line, s.size);
    const sliver = s.rules.phantomWidth * em;
    let changed = false;
    const words = line.words.map((w) => {
      const g = w.symbols;
      if (g.length < 2 || g.map((y) => y.text).join('') !== w.text) return w;
      const phantom = (k: number, next: number) => {
        const b = g[k].bbox;
        const n = g[next].bbox;
        if (LETTER_OR_DIGIT.test(g[k].text) || STOP_OR_COMMA.test(g[k].text) || b.x1 - b.x0 > sliver) return false;
        return next < k ? b.x1 <= n.x1 + 1 : b.x0 >= n.x0 - 1;
      };
      let from = 0;
      let to = g.length;
      while (to - from >= 2 && phantom(to - 1, to - 2)) to--;
      while (to - from >= 2 && phantom(from, from + 1)) from++;
      if (from === 0 && to === g.length) return w;
      changed = true;
      const kept = g.slice(from, to);
      return { ...w, text: kept.map((y) => y.text).join(''), bbox: symbolsBox(kept), symbols: kept };
    });
    return changed ? { ...line, words } : line;
  });
}

/**
 * A dot or comma of low confidence standing clear of the words on both sides: punctuation hangs on
 * the word before it, so alone (a line of a column holding nothing else, read across a gutter) it
 * is a speck of the paper.
 */
function strayMark(words: OcrWord[], k: number, em: number, s: OcrSettings): boolean {
  const w = words[k];
  if (!/^[.,'`]$/.test(w.text) || w.conf >= s.rules.strayConf) return false;
  const clear = s.rules.strayClear * em;
  return (k === 0 || w.bbox.x0 - words[k - 1].bbox.x1 >= clear) && (k === words.length - 1 || words[k + 1].bbox.x0 - w.bbox.x1 >= clear);
}

/**
 * Specks read as glyphs: a letter or digit whose box is a few pixels across (tesseract's "1" of
 * confidence 2 over a dust speck). No letter, digit or raised mark is that small next to its
 * line's letters; a stop or comma is, and is left to the stages that see where it stands.
 */
export function dropSpecks(lines: OcrLine[], s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    const em = lineSizePx(line, s.size);
    const tiny = s.rules.speckSize * em;
    const speck = (w: OcrWord, k: number) =>
      (LETTER_OR_DIGIT.test(w.text) && w.text.length === 1 && w.bbox.x1 - w.bbox.x0 <= tiny && w.bbox.y1 - w.bbox.y0 <= tiny) || strayMark(line.words, k, em, s);
    const words = line.words.filter((w, k) => !speck(w, k));
    return words.length === line.words.length ? line : { ...line, words };
  });
}

/** Ink pixels of `bin` inside `b` (pixels of a crop placed at `offset`), counted up to `enough`. */
function inkAtMost(bin: BinaryImage, b: OcrBox, offset: Point, enough: number): number {
  const x0 = Math.max(0, Math.floor(b.x0 + offset.x));
  const x1 = Math.min(bin.width, Math.ceil(b.x1 + offset.x));
  const y0 = Math.max(0, Math.floor(b.y0 + offset.y));
  const y1 = Math.min(bin.height, Math.ceil(b.y1 + offset.y));
  let ink = 0;
  for (let y = y0; y < y1 && ink <= enough; y++) for (let x = x0, row = y * bin.width; x < x1; x++) ink += bin.data[row + x];
  return ink;
}

/**
 * Words read from blank paper. Reading a line across a gutter, tesseract's recogniser fills the
 * white run with a word of its own ("~~", confidence 25) whose box holds no ink at all; such a
 * word would bridge the gutter and merge the columns. Every glyph, a stop included, leaves ink.
 */
export function dropInklessWords(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => {
    const em = lineSizePx(line, s.size);
    const noise = s.rules.inkless * em * em;
    const words = line.words.filter((w) => inkAtMost(bin, w.bbox, offset, noise) > noise);
    return words.length === line.words.length ? line : { ...line, words };
  });
}
