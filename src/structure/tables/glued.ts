/**
 * Figures read without their separators ("22796" for "22 796", "7838" for "783.8"; OCR drops a
 * thin space or a small point), found by width. Digits are set on one advance, so a figure's ink
 * spans (n − 1) advances plus half the ink of its first and last digit (their side bearings are
 * about even); a figure one separator wider than that holds a separator the text lost. Which one,
 * and where, the figures of its column say: decimals there put a point before as many digits,
 * spaced thousands put a space before each group of three. Widths are measured in the table
 * itself (single digits, short figures, the gaps inside spaced figures), so a text layer's
 * advance boxes, where nothing is lost, measure no excess.
 */
import type { Line } from '../../layout/lines.js';
import type { Word } from '../../model/page.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

const DIGITS = /^\d+$/;
const HEAD = /^\d{1,3}$/;
const TAIL = /^\d{3}(?:[.,]\d+)?$/;
const YEAR = /^(?:1[89]|20)\d\d$/;

function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const v = xs.slice().sort((a, b) => a - b);
  return v[v.length >> 1];
}

interface Metrics {
  /** Ink width of each digit alone ('0'…'9'), where measured; `ink[10]` the median of all. */
  ink: (number | null)[];
  /** Digit advance. */
  adv: number;
  /** Advance of the separator between digit groups (a space, a point). */
  sep: number;
}

const inkOf = (m: Metrics, d: string): number => m.ink[Number(d)] ?? m.ink[10]!;

/** Ink width a run of digits spans with `seps` separators inside. */
function spanOf(m: Metrics, digits: string, seps: number): number {
  return (digits.length - 1) * m.adv + seps * m.sep + (inkOf(m, digits[0]) + inkOf(m, digits[digits.length - 1])) / 2;
}

function measure(words: Word[][], em: number, s: TableSettings): Metrics | null {
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
  const seps: number[] = [];
  for (const ws of words) {
    for (let i = 0; i + 1 < ws.length; i++) {
      const [a, b] = [ws[i], ws[i + 1]];
      const gap = b.x0 - a.x1;
      if (!HEAD.test(a.text) || !TAIL.test(b.text) || gap < 0 || gap > s.thousandsGap * em) continue;
      seps.push(gap + m.adv - (inkOf(m, a.text[a.text.length - 1]) + inkOf(m, b.text[0])) / 2);
    }
  }
  m.sep = median(seps) ?? m.adv / 2;
  return m.adv > 0 ? m : null;
}

/** How the column around x1 writes its figures: decimals (how many digits) or spaced thousands. */
function convention(x1: number, own: Word, words: Word[][], tol: number): { decimals: number; spaced: number; places: number } {
  let decimals = 0;
  let spaced = 0;
  const places = new Map<number, number>();
  for (const ws of words) {
    ws.forEach((w, i) => {
      if (w === own || Math.abs(w.x1 - x1) > tol) return;
      const dec = /^\d[\d,]*\.(\d+)$/.exec(w.text);
      if (dec) {
        decimals++;
        places.set(dec[1].length, (places.get(dec[1].length) ?? 0) + 1);
      } else if (TAIL.test(w.text) && i > 0 && HEAD.test(ws[i - 1].text)) spaced++;
    });
  }
  const best = [...places].sort((a, b) => b[1] - a[1])[0];
  return { decimals, spaced, places: best?.[0] ?? 0 };
}

/** Thousands groups of an integer part ("22796" → ["22", "796"]). */
function groups(digits: string): string[] {
  const out: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) out.unshift(digits.slice(Math.max(0, end - 3), end));
  return out;
}

/** One word per group, placed on the digits' advances from the word's left ink edge. */
function splitWord(w: Word, parts: string[], m: Metrics): Word[] {
  const origin = w.x0 - (m.adv - inkOf(m, w.text[0])) / 2;
  let at = 0;
  return parts.map((p, k) => {
    const start = origin + at * m.adv + k * m.sep;
    at += p.length;
    const x0 = start + (m.adv - inkOf(m, p[0])) / 2;
    const x1 = start + p.length * m.adv - (m.adv - inkOf(m, p[p.length - 1])) / 2;
    return { ...w, text: p, x0, x1: Math.min(x1, w.x1) };
  });
}

/** The word as printed, when its width says it lost separators and its column says which. */
function restore(w: Word, words: Word[][], m: Metrics, em: number, s: TableSettings): Word[] {
  if (!DIGITS.test(w.text) || w.text.length < 2) return [w];
  const extra = (w.x1 - w.x0 - spanOf(m, w.text, 0)) / m.sep;
  const lost = Math.round(extra);
  if (lost < 1 || extra < s.gluedExcess) return [w];
  const col = convention(w.x1, w, words, s.edgeTolerance * em);
  const n = w.text.length;
  // A point first where the column writes decimals (and the figure is long enough to hold them).
  if (col.decimals > col.spaced && col.places > 0 && n > col.places) {
    const int = w.text.slice(0, n - col.places);
    const g = groups(int);
    if (g.length - 1 !== lost - 1) return [w];
    const parts = g.slice();
    parts[parts.length - 1] += '.' + w.text.slice(n - col.places);
    return lost === 1 ? [{ ...w, text: parts[0] }] : splitWord(w, parts, m);
  }
  const g = groups(w.text);
  if (g.length - 1 !== lost || col.spaced === 0) return [w];
  return splitWord(w, g, m);
}

/**
 * The table's lines with glued figures split back into their digit groups (or given their point).
 * Lines without such a figure are returned as they are.
 */
export function restoreSeparators(lines: Line[], em: number, s: TableSettings = TABLE_SETTINGS): Line[] {
  const words = lines.map((l) => l.words);
  // A line whose only figures are years is a header: years are never grouped.
  const yearsOnly = (l: Line) => l.words.every((w) => !/\d/.test(w.text) || YEAR.test(w.text));
  const m = measure(words, em, s);
  if (!m) return lines;
  return lines.map((l) => {
    if (yearsOnly(l)) return l;
    const ws = l.words.flatMap((w) => restore(w, words, m, em, s));
    if (ws.length === l.words.length && ws.every((w, i) => w === l.words[i])) return l;
    return { ...l, words: ws, text: ws.map((w) => w.text).join(' ') };
  });
}
