/**
 * Words tesseract put on a line they do not sit on. A table row whose label wraps over two lines
 * centres its figures between them; tesseract joins the figures to one of the two lines (or a
 * label to the figures' line), so they would take that line's baseline, half a line off their own.
 * The feet of a word's glyphs say where it stands: words with a full-height glyph (a digit or a
 * capital), measured on their glyphs without descenders and along the page skew (a line's own
 * fitted slope is unreliable when it is mostly gaps), fall into groups a good part of an em apart.
 * The group nearest the line's baseline keeps it; every other group gets a baseline of its own, so
 * the layout sets it apart as a text layer would. Reference marks are small and stay with their line.
 */
import type { OcrLine, OcrWord } from './hocr.js';
import { OCR_SETTINGS } from './ocr-settings.js';

/** Glyphs that reach below the baseline, or may. */
const DESCENDS = /[gjpqyQJ,;()[\]{}|/@$§µ_]/;
/** Full-height glyphs: digits and capitals. */
const FULL_HEIGHT = /[\dA-Z]/;

/** Where the word's glyphs stand relative to the line's baseline at its middle (px, down), or null. */
function footOffset(word: OcrWord, line: OcrLine, cap: number, slope: number, s: typeof OCR_SETTINGS.size): number | null {
  // Glyph boxes much taller than a capital swallowed something else (they do, now and then);
  // descenders stand below the baseline.
  const glyphs = word.symbols.filter((g) => g.bbox.y1 - g.bbox.y0 <= (2 - s.fullHeight) * cap && !DESCENDS.test(g.text));
  const tall = Math.max(0, ...glyphs.filter((g) => FULL_HEIGHT.test(g.text)).map((g) => g.bbox.y1 - g.bbox.y0));
  // Shorter than a capital: a raised mark (or no capital or digit to tell).
  if (tall < s.fullHeight * cap) return null;
  const feet = glyphs.map((g) => g.bbox.y1).sort((a, b) => a - b);
  const b = line.baseline;
  const mid = (b.x0 + b.x1) / 2;
  const baseAtMid = b.x1 > b.x0 ? b.y0 + ((mid - b.x0) * (b.y1 - b.y0)) / (b.x1 - b.x0) : b.y0;
  const x = (word.bbox.x0 + word.bbox.x1) / 2;
  return feet[feet.length >> 1] - baseAtMid - (x - mid) * slope;
}

/**
 * Words of the line standing off its baseline, with their own baseline's offset (pixels, positive
 * downwards) from the line's at its middle. Empty for a line whose words agree.
 */
export function ownBaselines(line: OcrLine, sizePx: number, skew: number, s = OCR_SETTINGS.size): Map<OcrWord, number> {
  // The line's capital height from its own glyphs: its size estimate suffers from the very words
  // measured here (their heights are taken from the line's baseline).
  const heights = line.words.flatMap((w) => w.symbols.filter((g) => FULL_HEIGHT.test(g.text)).map((g) => g.bbox.y1 - g.bbox.y0)).sort((a, b) => a - b);
  const out = new Map<OcrWord, number>();
  if (!heights.length) return out;
  const cap = heights[heights.length >> 1];
  const ys = line.words.map((w) => footOffset(w, line, cap, Math.tan(skew), s));
  const feet = line.words.map((w, i) => ({ w, i, y: ys[i] })).filter((f): f is { w: OcrWord; i: number; y: number } => f.y !== null);
  feet.sort((a, b) => a.y - b.y);
  const groups: (typeof feet)[] = [];
  for (const f of feet) {
    const g = groups[groups.length - 1];
    if (g && f.y - g[g.length - 1].y < s.ownBaseline * sizePx) g.push(f);
    else groups.push([f]);
  }
  if (groups.length < 2) return out;
  const at = (g: { y: number }[]) => g[g.length >> 1].y;
  const home = groups.reduce((a, g) => (Math.abs(at(g)) < Math.abs(at(a)) ? g : a));
  const offset: (number | null)[] = line.words.map(() => null);
  for (const g of groups) for (const f of g) offset[f.i] = g === home ? 0 : at(g);
  // Words that cannot tell (lower case, descenders) go with the word they are a space from.
  const near = (a: OcrWord, b: OcrWord) => Math.max(a.bbox.x0, b.bbox.x0) - Math.min(a.bbox.x1, b.bbox.x1) <= cap;
  for (const order of [line.words.keys(), [...line.words.keys()].reverse()]) {
    let prev = -1;
    for (const i of order) {
      if (offset[i] === null && prev >= 0 && offset[prev] !== null && near(line.words[prev], line.words[i])) offset[i] = offset[prev];
      prev = i;
    }
  }
  line.words.forEach((w, i) => {
    if (offset[i]) out.set(w, offset[i]!);
  });
  return out;
}
