/**
 * Figures read without their separators ("22796" for "22 796", "7838" for "783.8"; OCR drops a
 * thin space or a small point), found by width. Digits are set on one advance, so a figure's ink
 * spans (n − 1) advances plus half the ink of its first and last digit (their side bearings are
 * about even); a figure one separator wider than that holds a separator the text lost. Which one,
 * and where, the figures of its column say: decimals there put a point before as many digits,
 * spaced thousands put a space before each group of three. Widths are measured in the table
 * itself (single digits, short figures, the gaps inside spaced figures), so a text layer's
 * advance boxes, where nothing is lost, measure no excess. A table too small to measure still
 * shows a glued figure next to its column's figures of as many digits: it is as wide as those
 * that kept their separator.
 */
import type { Line } from '../../layout/lines.js';
import { copyWord, type Word } from '../../model/page.js';
import { DIGITS, gapsInFigures, HEAD, measure, median, spanOf, TAIL, type Metrics } from './digit-metrics.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

const YEAR = /^(?:1[89]|20)\d\d$/;

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

/**
 * One word per group: the word's width shared out over its digits, with the table's own gap
 * between groups (so that the pieces pair up again like the table's spaced figures).
 */
function splitWord(w: Word, parts: string[], gap: number): Word[] {
  const digits = parts.reduce((n, p) => n + p.length, 0);
  const per = Math.max(0, w.x1 - w.x0 - gap * (parts.length - 1)) / digits;
  let x = w.x0;
  return parts.map((p) => {
    const x0 = x;
    x += p.length * per;
    const piece = copyWord(w, { text: p, x0, x1: x });
    x += gap;
    return piece;
  });
}

/** A printed figure: one word, or a chain of digit groups a space apart. */
interface Figure {
  first: Word;
  digits: number;
  /** Separators inside it: spaces between groups, a decimal point. */
  seps: number;
  x0: number;
  x1: number;
}

function figures(words: Word[][], em: number, s: TableSettings): Figure[] {
  const out: Figure[] = [];
  for (const ws of words) {
    for (let i = 0; i < ws.length; i++) {
      if (!/^\d[\d.,]*$/.test(ws[i].text)) continue;
      const f: Figure = { first: ws[i], digits: 0, seps: 0, x0: ws[i].x0, x1: ws[i].x1 };
      let j = i;
      while (j + 1 < ws.length && HEAD.test(ws[j].text) && TAIL.test(ws[j + 1].text) && ws[j + 1].x0 - ws[j].x1 <= s.thousandsGap * em) j++;
      for (const w of ws.slice(i, j + 1)) {
        f.digits += w.text.replace(/\D/g, '').length;
        f.seps += w.text.replace(/\d/g, '').length;
      }
      f.seps += j - i;
      f.x1 = ws[j].x1;
      out.push(f);
      i = j;
    }
  }
  return out;
}

/**
 * Separators a figure lost, judged by the figures of its column with as many digits: it is as
 * wide as those with that many separators (null when none of them is close, or there are none).
 */
function lostByMates(w: Word, all: Figure[], em: number, s: TableSettings): number | null {
  const width = w.x1 - w.x0;
  const mates = all.filter((f) => f.first !== w && f.digits === w.text.length && Math.abs(f.x1 - w.x1) <= s.edgeTolerance * em);
  let best: { seps: number; diff: number } | null = null;
  for (const seps of new Set(mates.map((f) => f.seps))) {
    const diff = Math.abs(median(mates.filter((f) => f.seps === seps).map((f) => f.x1 - f.x0))! - width);
    if (!best || diff < best.diff) best = { seps, diff };
  }
  return best && best.diff <= s.gluedMateTolerance * (width / w.text.length) ? best.seps : null;
}

/**
 * The word as printed, when its width says it lost separators (by the table's digit metrics, or
 * next to figures of its column with as many digits) and its column says which.
 */
function restore(w: Word, words: Word[][], all: Figure[], m: Metrics | null, gap: number, em: number, s: TableSettings): Word[] {
  if (!DIGITS.test(w.text) || w.text.length < 2) return [w];
  const extra = m ? (w.x1 - w.x0 - spanOf(m, w.text)) / m.sep : 0;
  // Mates that lost their separators too make a glued figure look whole: they only ever add.
  const lost = extra >= s.gluedExcess ? Math.round(extra) : (lostByMates(w, all, em, s) ?? 0);
  if (!lost) return [w];
  const n = w.text.length;
  const col = convention(w.x1, w, words, s.edgeTolerance * em);
  // A point first where the column writes decimals (and the figure is long enough to hold them).
  if (col.decimals > col.spaced && col.places > 0 && n > col.places) {
    const int = w.text.slice(0, n - col.places);
    const g = groups(int);
    if (g.length - 1 !== lost - 1) return [w];
    const parts = g.slice();
    parts[parts.length - 1] += '.' + w.text.slice(n - col.places);
    return lost === 1 ? [copyWord(w, { text: parts[0] })] : splitWord(w, parts, gap);
  }
  const g = groups(w.text);
  if (g.length - 1 !== lost || col.spaced === 0) return [w];
  return splitWord(w, g, gap);
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
  const all = figures(words, em, s);
  const gap = median(gapsInFigures(words, em, s)) ?? 0.25 * em;
  return lines.map((l) => {
    if (yearsOnly(l)) return l;
    const ws = l.words.flatMap((w) => restore(w, words, all, m, gap, em, s));
    if (ws.length === l.words.length && ws.every((w, i) => w === l.words[i])) return l;
    return { ...l, words: ws, text: ws.map((w) => w.text).join(' ') };
  });
}
