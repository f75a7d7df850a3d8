/**
 * Digit metrics of a table, measured on its own figures: each digit's ink width alone, the digit
 * advance (from figures of two or three digits), and the separator's advance (from the gaps
 * inside spaced figures). A figure's ink spans (n − 1) advances plus half the ink of its end
 * digits, their side bearings being about even; see glued.ts.
 */
import type { Word } from '../../model/page.js';
import { upperMedian } from '../../layout/geometry.js';
import type { TableSettings } from './settings.js';

export const DIGITS = /^\d+$/;
/** First group of a spaced figure, and a following group (maybe with decimals). */
export const HEAD = /^\d{1,3}$/;
export const TAIL = /^\d{3}(?:[.,]\d+)?$/;

/** The (upper) median, or null when nothing was measured. */
export const median = (xs: number[]): number | null => (xs.length ? upperMedian(xs) : null);

export interface Metrics {
  /** Ink width of each digit alone ('0'…'9'), where measured; `ink[10]` the median of all. */
  ink: (number | null)[];
  /** Digit advance. */
  adv: number;
  /** Advance of the separator between digit groups (a space, a point). */
  sep: number;
}

const inkOf = (m: Metrics, d: string): number => m.ink[Number(d)] ?? m.ink[10]!;

/** Ink width a run of digits spans without a separator. */
export function spanOf(m: Metrics, digits: string): number {
  return (digits.length - 1) * m.adv + (inkOf(m, digits[0]) + inkOf(m, digits[digits.length - 1])) / 2;
}

/** Neighbouring words that are digit groups of one spaced figure ("2 167"). */
function pairs(words: Word[][], em: number, s: TableSettings): [Word, Word][] {
  const out: [Word, Word][] = [];
  for (const ws of words) {
    for (let i = 0; i + 1 < ws.length; i++) {
      const gap = ws[i + 1].x0 - ws[i].x1;
      if (HEAD.test(ws[i].text) && TAIL.test(ws[i + 1].text) && gap >= 0 && gap <= s.thousandsGap * em) out.push([ws[i], ws[i + 1]]);
    }
  }
  return out;
}

export const gapsInFigures = (words: Word[][], em: number, s: TableSettings) => pairs(words, em, s).map(([a, b]) => b.x0 - a.x1);

export function measure(words: Word[][], em: number, s: TableSettings): Metrics | null {
  const all = words.flat().filter((w) => DIGITS.test(w.text));
  const widths = (n: number) => all.filter((w) => w.text.length === n).map((w) => w.x1 - w.x0);
  const single: number[][] = Array.from({ length: 10 }, () => []);
  for (const w of all) if (w.text.length === 1) single[Number(w.text)].push(w.x1 - w.x0);
  const m: Metrics = { ink: [...single.map(median), median(single.flat())], adv: 0, sep: 0 };
  if (single.flat().length >= 3) {
    // Advances from figures of two or three digits (too short to have lost a thousands space).
    const short = all.filter((w) => w.text.length === 2 || w.text.length === 3);
    if (short.length < 3) return null;
    m.adv = median(short.map((w) => (w.x1 - w.x0 - (inkOf(m, w.text[0]) + inkOf(m, w.text[w.text.length - 1])) / 2) / (w.text.length - 1)))!;
  } else {
    // Few single digits: one advance and one ink width from the figures of two and three digits.
    const [w2, w3] = [widths(2), widths(3)];
    if (w2.length < 2 || w3.length < 2) return null;
    m.adv = median(w3)! - median(w2)!;
    m.ink = new Array(11).fill(null);
    m.ink[10] = median(w2)! - m.adv;
  }
  // Separators from the gaps inside spaced figures ("2 167" as two words).
  const seps = pairs(words, em, s).map(([a, b]) => b.x0 - a.x1 + m.adv - (inkOf(m, a.text[a.text.length - 1]) + inkOf(m, b.text[0])) / 2);
  m.sep = median(seps) ?? m.adv / 2;
  return m.adv > 0 ? m : null;
}

