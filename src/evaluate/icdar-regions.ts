/**
 * Table-region completeness and purity, by characters: a page's words are what a region holds
 * (a word lies in a box when its centre does). For a true region G and the region(s) R of the
 * table matched to it, completeness = characters in both / characters in G, purity = characters
 * in both / characters in R. Whitespace does not count; every box is in top-left coordinates.
 */
import type { BoxRecord } from '../validate/schemas.js';
import { charCount } from './icdar-text.js';

/** A box on a page (boxes.csv's coordinates: PDF points, origin top-left). */
export type Box = Pick<BoxRecord, 'page' | 'x0' | 'y0' | 'x1' | 'y1'>;

export interface PageWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Each page's words, by page number. */
export type PageWords = Map<number, PageWord[]>;

export interface RegionScore {
  /** Characters of the page's words inside the true region(s). */
  goldChars: number;
  /** Characters inside the matched table's region(s). */
  foundChars: number;
  /** Characters inside both. */
  sharedChars: number;
  /** null when the true region holds no characters (nothing to find). */
  completeness: number | null;
  /** null when no table was matched or its regions hold no characters. */
  purity: number | null;
}

const inside = (w: PageWord, b: Box): boolean => {
  const x = (w.x0 + w.x1) / 2;
  const y = (w.y0 + w.y1) / 2;
  return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
};

/** Words of the pages the boxes are on that lie in any of the boxes. */
function wordsIn(boxes: Box[], words: PageWords): Set<PageWord> {
  const out = new Set<PageWord>();
  for (const b of boxes) for (const w of words.get(b.page) ?? []) if (inside(w, b)) out.add(w);
  return out;
}

const chars = (set: Iterable<PageWord>): number => {
  let n = 0;
  for (const w of set) n += charCount(w.text);
  return n;
};

export function regionScore(gold: Box[], found: Box[], words: PageWords): RegionScore {
  const g = wordsIn(gold, words);
  const f = wordsIn(found, words);
  const goldChars = chars(g);
  const foundChars = chars(f);
  const sharedChars = chars([...g].filter((w) => f.has(w)));
  return {
    goldChars,
    foundChars,
    sharedChars,
    completeness: goldChars === 0 ? null : sharedChars / goldChars,
    purity: found.length === 0 || foundChars === 0 ? null : sharedChars / foundChars,
  };
}
