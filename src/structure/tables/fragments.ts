/**
 * Lines → fragments. Words join into phrases (one cell's text on one line); figures stay on their
 * own. A figure printed with a space as thousands separator arrives as several words ("2", "167"):
 * digit groups are joined into one figure unless the first group ends on a column edge that other
 * rows confirm — in tightly set statistics the gap between two cells can be as narrow as a space.
 */
import type { Line } from '../../layout/lines.js';
import type { Rect, Word } from '../../model/page.js';
import { superscript } from '../../numbers/parse.js';
import type { Frag } from './model.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

/** A word that is a figure or part of one. */
const NUMERIC_WORD = /^[(−-]?[$€£]?\d[\d.,]*%?\)?\*?$|^[-–—]$|^\d[\d.,]*%$/;
/** First group of a spaced figure: one to three digits, maybe a sign or an opening parenthesis. */
const HEAD = /^[(−-]?\d{1,3}$/;
/** A following group: exactly three digits, maybe decimals, a percent sign or a closing parenthesis. */
const TAIL = /^\d{3}(?:[.,]\d+)?%?\)?$/;

export const isNumericWord = (t: string): boolean => NUMERIC_WORD.test(t);

interface Atom {
  words: Word[];
  text: string;
  x0: number;
  x1: number;
  numeric: boolean;
}

/**
 * The widest gap between digit groups of one spaced figure. Gaps between groups that look like
 * one figure, from the lower third up as long as they run on without a step (cell gaps that happen
 * to be narrow are fewer and wider): a text layer's gaps are one space exactly, ink boxes (OCR)
 * spread them by the glyphs' side bearings.
 */
function thousandsSpace(lines: Line[], em: number, s: TableSettings): number | null {
  const gaps: number[] = [];
  for (const l of lines) {
    const ws = l.words;
    for (let i = 0; i + 1 < ws.length; i++) {
      if (!HEAD.test(ws[i].text) || !TAIL.test(ws[i + 1].text)) continue;
      const g = ws[i + 1].x0 - ws[i].x1;
      if (g >= 0 && g <= s.thousandsGap * em) gaps.push(g);
    }
  }
  if (!gaps.length) return null;
  gaps.sort((a, b) => a - b);
  let i = Math.floor((gaps.length - 1) / 3);
  const third = gaps[i];
  while (i + 1 < gaps.length && gaps[i + 1] - gaps[i] <= s.gapStep * em) i++;
  return Math.max(third * 1.15, gaps[i]);
}

/** Median width of a three-digit group in these lines (null without any). */
function groupWidth(lines: Line[]): number | null {
  const ws = lines.flatMap((l) => l.words.filter((w) => /^\d{3}$/.test(w.text)).map((w) => w.x1 - w.x0)).sort((a, b) => a - b);
  return ws.length ? ws[ws.length >> 1] : null;
}

/**
 * Right edges confirmed by figures that end a cell for certain (not followed by a digit group).
 * A figure followed at a space's distance by a token at least as wide as a three-digit group is
 * not certain: OCR misreads groups ("3 37" for "3 317", "5 3%" for "5 396") and glues them
 * ("215 901480"), and such a false edge would split the column's real spaced figures.
 */
function confirmedEdges(lines: Line[], isPair: (l: Line, i: number) => boolean, maxSpace: number, tol: number): number[] {
  const group = groupWidth(lines);
  const groupLike = (l: Line, i: number): boolean => {
    const b = l.words[i + 1];
    if (!b || group === null || b.x0 - l.words[i].x1 > maxSpace) return false;
    return b.x1 - b.x0 >= 0.85 * group;
  };
  const xs: number[] = [];
  for (const l of lines) {
    l.words.forEach((w, i) => {
      if (isNumericWord(w.text) && !isPair(l, i) && !(HEAD.test(w.text) && groupLike(l, i))) xs.push(w.x1);
    });
  }
  xs.sort((a, b) => a - b);
  const edges: number[] = [];
  let start = 0;
  for (let i = 1; i <= xs.length; i++) {
    if (i === xs.length || xs[i] - xs[i - 1] > tol) {
      edges.push((xs[start] + xs[i - 1]) / 2);
      start = i;
    }
  }
  return edges;
}

function nearEdge(edges: number[], x: number, tol: number): boolean {
  // Binary search for the closest edge.
  let lo = 0;
  let hi = edges.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return (lo < edges.length && Math.abs(edges[lo] - x) <= tol) || (lo > 0 && Math.abs(edges[lo - 1] - x) <= tol);
}

/** A line's words, the digit groups of one spaced figure chained. */
function atomsOfLine(l: Line, isPair: (l: Line, i: number) => boolean, edges: number[], tol: number): Atom[] {
  const atoms: Atom[] = [];
  for (let i = 0; i < l.words.length; i++) {
    const w = l.words[i];
    const numeric = isNumericWord(w.text);
    const atom: Atom = { words: [w], text: w.text, x0: w.x0, x1: w.x1, numeric };
    let j = i;
    while (isPair(l, j) && !nearEdge(edges, l.words[j].x1, tol)) {
      j++;
      atom.words.push(l.words[j]);
      atom.text += ' ' + l.words[j].text;
      atom.x1 = l.words[j].x1;
    }
    i = j;
    atoms.push(atom);
  }
  return withMarks(atoms, l);
}

/**
 * A raised mark printed in a table ("Exports²", "12.4ᵃ") is part of its cell's text, as printed:
 * glued to the word it follows, in superscript characters (a digit mark never reads as a digit of
 * the figure). The atom keeps its edges and kind (a figure with a note mark is still the figure,
 * its right edge still the column's). A "mark" standing clear of the word before it (more than
 * MARK_GAP em) is no note reference but a cell of its own set small and high (a figure of a row
 * whose other cells sit lower): it is a word of the row.
 */
function withMarks(atoms: Atom[], l: Line): Atom[] {
  const out = [...atoms];
  for (const m of l.marks) {
    if (!m.box) continue;
    let host: Atom | null = null;
    for (const a of atoms) if (a.x1 <= m.box.x0 + 0.5 * (m.box.x1 - m.box.x0) && (!host || a.x1 > host.x1)) host = a;
    if (host && m.box.x0 - host.x1 <= MARK_GAP * l.size) host.text += superscript(m.text);
    else {
      const word: Word = { text: m.text, ...m.box, base: l.base, size: l.size, font: '', bold: false, italic: false };
      out.push({ words: [word], text: m.text, x0: m.box.x0, x1: m.box.x1, numeric: isNumericWord(m.text) });
    }
  }
  return out.sort((a, b) => a.x0 - b.x0);
}
/** Widest gap (em) between a word and the note mark printed after it. */
const MARK_GAP = 0.5;

/**
 * Split every line of a table into fragments. `boundaries` are column boundaries already known
 * (from the body, when splitting header lines).
 */
export function fragmentLines(lines: Line[], em: number, s: TableSettings = TABLE_SETTINGS, boundaries: number[] = []): Frag[][] {
  const space = thousandsSpace(lines, em, s);
  const maxSpace = space === null ? 0 : space + 0.02 * em;
  const isPair = (l: Line, i: number): boolean => {
    const a = l.words[i];
    const b = l.words[i + 1];
    if (!b || space === null || !HEAD.test(a.text) || !TAIL.test(b.text)) return false;
    const g = b.x0 - a.x1;
    return g >= 0 && g <= maxSpace;
  };
  const tol = s.edgeTolerance * em * 0.6;
  const edges = confirmedEdges(lines, isPair, maxSpace, tol);
  const atomsOf = lines.map((l) => atomsOfLine(l, isPair, edges, tol));
  // Figures standing free of any phrase on some line (a column of figures): where a figure
  // overlaps none of them, a space after a phrase's word, it ends that phrase ("Postnatal Day 1").
  const free: { x0: number; x1: number }[] = [];
  for (const atoms of atomsOf) {
    atoms.forEach((a, i) => {
      if (a.numeric && (i === 0 || atoms[i - 1].numeric || a.x0 - atoms[i - 1].x1 > s.phraseGap * em)) free.push(a);
    });
  }
  const standsFree = (a: Atom) => free.some((f) => Math.min(f.x1, a.x1) - Math.max(f.x0, a.x0) > 0);
  return lines.map((l, li) => {
    const atoms = atomsOf[li];
    // Then phrases: neighbouring words that are not figures. A figure with words of the phrase
    // on both sides, a space apart ("Q2 2006 – Q1 2010", "Age 15 to 24"), is part of it.
    const near = (i: number) => atoms[i + 1].x0 - atoms[i].x1 <= s.labelFigureGap * em;
    const textAhead: boolean[] = new Array(atoms.length).fill(false);
    for (let i = atoms.length - 2; i >= 0; i--) textAhead[i] = near(i) && (!atoms[i + 1].numeric || textAhead[i + 1]);
    const frags: Frag[] = [];
    let cur: Frag | null = null;
    for (const [ai, a] of atoms.entries()) {
      const gap = cur ? a.x0 - cur.x1 : Infinity;
      // Known column boundaries split a phrase where a wider-than-space gap crosses one.
      const crosses = cur !== null && gap >= s.boundaryGap * em && boundaries.some((b) => b > cur!.x1 - 0.5 && b < a.x0 + 0.5);
      const inLabel = a.words.length === 1 && gap <= s.labelFigureGap * em && (textAhead[ai] || !standsFree(a));
      if (cur && (!a.numeric || inLabel) && !cur.numeric && gap <= s.phraseGap * em && !crosses) {
        cur.text += ' ' + a.text;
        cur.x1 = a.x1;
        cur.y0 = Math.min(cur.y0, ...a.words.map((w) => w.y0));
        cur.y1 = Math.max(cur.y1, ...a.words.map((w) => w.y1));
        cur.parts.push({ text: a.text, x0: a.x0, x1: a.x1 });
        cur.bold = cur.bold && a.words.every((w) => w.bold);
        continue;
      }
      cur = {
        text: a.text,
        x0: a.x0,
        x1: a.x1,
        base: l.base,
        y0: Math.min(...a.words.map((w) => w.y0)),
        y1: Math.max(...a.words.map((w) => w.y1)),
        size: l.size,
        bold: a.words.every((w) => w.bold),
        numeric: a.numeric,
        line: li,
        parts: [{ text: a.text, x0: a.x0, x1: a.x1 }],
      };
      frags.push(cur);
    }
    return frags;
  });
}

/** Where a cell's fragments were printed: their union, or null for none. */
export function extentOf(frags: readonly Frag[]): Rect | null {
  if (!frags.length) return null;
  return {
    x0: Math.min(...frags.map((f) => f.x0)),
    y0: Math.min(...frags.map((f) => f.y0)),
    x1: Math.max(...frags.map((f) => f.x1)),
    y1: Math.max(...frags.map((f) => f.y1)),
  };
}
