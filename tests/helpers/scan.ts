/**
 * Hand-drawn scans for loader tests: glyphs are ink rectangles on a 40 px em (digits and capitals
 * 27 px tall, as 0.68 em), baseline at y = 100, and an OCR line says what tesseract would have
 * read over them.
 */
import type { OcrBox, OcrLine, OcrWord } from '../../src/load/hocr.js';
import type { BinaryImage } from '../../src/load/raster.js';

export const BASE = 100;
export type Glyph = { text: string; box: OcrBox; ink?: OcrBox[] };

export const blank = (): BinaryImage => ({ width: 400, height: 160, data: new Uint8Array(400 * 160) });
export function draw(bin: BinaryImage, r: OcrBox): void {
  for (let y = r.y0; y < r.y1; y++) for (let x = r.x0; x < r.x1; x++) bin.data[y * bin.width + x] = 1;
}
/** A full-height glyph (digit or capital) standing on the baseline. */
export const tall = (text: string, x: number, base = BASE): Glyph => ({ text, box: { x0: x, y0: base - 27, x1: x + 20, y1: base } });

function word(glyphs: Glyph[]): OcrWord {
  const boxes = glyphs.map((g) => g.box);
  return {
    text: glyphs.map((g) => g.text).join(''),
    conf: 90,
    bbox: { x0: Math.min(...boxes.map((b) => b.x0)), y0: Math.min(...boxes.map((b) => b.y0)), x1: Math.max(...boxes.map((b) => b.x1)), y1: Math.max(...boxes.map((b) => b.y1)) },
    symbols: glyphs.map((g) => ({ text: g.text, bbox: g.box })),
  };
}

/** One OCR line over the drawn glyphs (each drawn as its `ink`, else its box); `base` is where tesseract put the baseline. */
export function scan(words: Glyph[][], base = BASE): { bin: BinaryImage; line: OcrLine } {
  const bin = blank();
  for (const g of words.flat()) for (const r of g.ink ?? [g.box]) draw(bin, r);
  const ws = words.map(word);
  const bbox = { x0: ws[0].bbox.x0, y0: Math.min(...ws.map((w) => w.bbox.y0)), x1: ws[ws.length - 1].bbox.x1, y1: Math.max(...ws.map((w) => w.bbox.y1)) };
  return { bin, line: { bbox, baseline: { x0: bbox.x0, y0: base, x1: bbox.x1, y1: base }, rowHeight: 37, words: ws } };
}
