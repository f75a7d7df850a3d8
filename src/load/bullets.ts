/**
 * List bullets on OCR'd lines, from the image. tesseract drops a small round bullet, reads it as
 * "+", "*" or "«", or glues it to the first word ("«Staff"); the ink shows a solid round dot at
 * mid x-height, set apart from the text after it. Such a dot opening a line becomes the word "•",
 * in place of whatever OCR read over it.
 */
import { inkIn } from './components.js';
import type { Point } from './deskew.js';
import { columns, type Column } from './glyph-shapes.js';
import { baselineAt, type OcrLine, type OcrSymbol, type OcrWord } from './hocr.js';
import { lineSizePx } from './ocr-words.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import type { BinaryImage } from './raster.js';

/** `lines` with a bullet word opening each line that starts with a bullet's ink. */
export function restoreBullets(lines: OcrLine[], bin: BinaryImage, offset: Point, s: OcrSettings = OCR_SETTINGS): OcrLine[] {
  return lines.map((line) => restoreBullet(line, bin, offset, s));
}

function restoreBullet(line: OcrLine, bin: BinaryImage, offset: Point, s: OcrSettings): OcrLine {
  const first = line.words[0];
  if (!first) return line;
  const b = s.bullets;
  const em = lineSizePx(line, s.size);
  const base = baselineAt(line)(first.bbox.x0);
  // Up to the end of the second word: the first may be OCR's reading of the bullet alone.
  const x1 = Math.max(first.bbox.x1, line.words[1]?.bbox.x1 ?? 0);
  const comps = inkIn(bin, { x0: first.bbox.x0 - b.reach * em, x1, y0: base - b.above * em, y1: base + b.below * em }, offset);
  const [dot, next] = columns(comps);
  if (!dot || !next || !isBullet(dot, base, em, s) || next.x0 - dot.x1 < b.minGap * em) return line;
  // OCR's reading of the dot gives way to the bullet: a word read over the dot alone ("+", "«+"),
  // or the symbols glued before a word ("«Staff"). A letter is kept: OCR placed "the" as "t" over
  // the dot and "h" over the "th" it merged, so its box is no sign of where its ink is.
  const overDot = (g: OcrSymbol) => g.bbox.x1 <= next.x0;
  const words = line.words
    .map((w): OcrWord | null => {
      if (w.symbols.length && w.symbols.every(overDot)) return null;
      if (!w.symbols.some(overDot)) return w;
      const symbols = w.symbols.filter((g) => !overDot(g) || /[\p{L}\p{N}]/u.test(g.text));
      const bbox = { ...w.bbox, x0: Math.min(...w.symbols.filter((g) => !overDot(g)).map((g) => g.bbox.x0)) };
      return { ...w, text: symbols.map((g) => g.text).join(''), bbox, symbols };
    })
    .filter((w): w is OcrWord => w !== null);
  const box = { x0: dot.x0, y0: dot.y0, x1: dot.x1, y1: dot.y1 };
  const bullet: OcrWord = { text: '•', conf: first.conf, bbox: box, symbols: [{ text: '•', bbox: box }] };
  return { ...line, words: [bullet, ...words] };
}

/** A solid, round dot standing above the baseline, about half an x-height across. */
export function isBullet(c: Column, base: number, em: number, s: OcrSettings = OCR_SETTINGS): boolean {
  const b = s.bullets;
  const w = c.x1 - c.x0;
  const h = c.y1 - c.y0;
  const ink = c.parts.reduce((n, p) => n + p.pixels, 0);
  return (
    c.parts.length === 1 &&
    w >= b.minSize * em &&
    w <= b.maxSize * em &&
    h >= b.minSize * em &&
    h <= b.maxSize * em &&
    Math.max(w, h) <= b.maxAspect * Math.min(w, h) &&
    ink >= b.minFill * w * h &&
    base - c.y1 >= b.minRaise * em &&
    base - c.y0 <= b.maxTop * em
  );
}
