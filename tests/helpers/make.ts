/** Tiny hand-made pages for unit tests: words placed on a grid, with optional typography. */
import type { Page, Rule, Word } from '../../src/model/page.js';

export interface WordSpec {
  text: string;
  x: number;
  base: number;
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** Width override; default 0.5 × size per character. */
  w?: number;
}

export function word(s: WordSpec): Word {
  const size = s.size ?? 12;
  const w = s.w ?? s.text.length * size * 0.5;
  return { text: s.text, x0: s.x, x1: s.x + w, y0: s.base - size * 0.8, y1: s.base + size * 0.2, base: s.base, size, font: s.bold ? 'Serif-Bold' : 'Serif', bold: !!s.bold, italic: !!s.italic };
}

/** Words of a line of text starting at x, one space (0.25 em) between words. */
export function lineWords(text: string, x: number, base: number, opts: Omit<WordSpec, 'text' | 'x' | 'base'> = {}): Word[] {
  const size = opts.size ?? 12;
  const out: Word[] = [];
  let cx = x;
  for (const t of text.split(' ')) {
    const w = word({ ...opts, text: t, x: cx, base });
    out.push(w);
    cx = w.x1 + size * 0.25;
  }
  return out;
}

export function page(words: Word[], rules: Rule[] = [], number = 1, width = 595, height = 842): Page {
  return { number, width, height, rotation: 0, source: 'text-layer', words, rules, images: [] };
}

export function hrule(x0: number, x1: number, y: number): Rule {
  return { x0, x1, y0: y, y1: y + 0.5, kind: 'h' };
}

export function vrule(x: number, y0: number, y1: number): Rule {
  return { x0: x, x1: x + 0.5, y0, y1, kind: 'v' };
}
