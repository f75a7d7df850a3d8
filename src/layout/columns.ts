/**
 * Text columns. A page set in two columns has a gutter: a vertical band, near the middle, that no
 * word of the body crosses while both sides carry running text. Lines are then read column by
 * column. A table's whitespace is not a gutter: its sides do not both carry prose.
 */
import type { Page, Rect, Word } from '../model/page.js';
import { findBoxes } from './boxes.js';

export const COLUMN_SETTINGS = {
  /** The gutter lies between these fractions of the page width. */
  searchFrom: 0.25,
  searchTo: 0.75,
  /** … is at least this wide, × the body font size. */
  minGutter: 0.8,
  /** Lines that may cross the gutter (spanning titles, tables, notes): at least this many … */
  maxCrossing: 3,
  /** … or this share of the body's lines … */
  crossingShare: 0.4,
  /** … and of its runs of prose. */
  proseCrossingShare: 0.3,
  /** A frame wider than this share of the page is a band across the columns; its text is left out of the search. */
  wideFrame: 0.5,
  /** Body words only: ignore this fraction of the page height at the top and bottom (furniture). */
  edgeBand: 0.08,
  /** Each side carries at least this share of the body words … */
  minShare: 0.25,
  /** … on at least this many lines, averaging at least this many words a line (prose, not cells). */
  minLines: 8,
  minWordsPerLine: 4,
  /** … most of them words rather than figures. */
  minWordShare: 0.6,
};

/** The gutter's x position, or null for a single-column page. */
export function findGutter(page: Page, s = COLUMN_SETTINGS): number | null {
  const run = findGutterRun(page, s);
  return run && (run[0] + run[1]) / 2;
}

/**
 * The gutter as the x run [x0, x1] that (almost) no run of prose crosses, or null. Spanning
 * material (titles, wide tables, notes set across the page) may cross it on up to
 * `crossingShare` of the body's lines: the columns are then read band by band (bands.ts).
 */
export function findGutterRun(page: Page, s = COLUMN_SETTINGS, boxes: Rect[] = findBoxes(page.rules)): [number, number] | null {
  const h = page.height;
  // Text framed across the page (a box) is a band of its own: it tells nothing of the columns.
  const frames = boxes.filter((f) => f.x1 - f.x0 > s.wideFrame * page.width);
  const framed = (w: Word) => frames.some((f) => w.x0 >= f.x0 && w.x1 <= f.x1 && w.y0 >= f.y0 && w.y1 <= f.y1);
  const body = page.words.filter((w) => w.y0 > s.edgeBand * h && w.y1 < (1 - s.edgeBand) * h && !framed(w));
  if (body.length < 2 * s.minLines * s.minWordsPerLine) return null;
  const sizes = body.map((w) => w.size).sort((a, b) => a - b);
  const size = sizes[sizes.length >> 1];
  const W = Math.ceil(page.width);
  const byLine = new Map<number, Word[]>();
  for (const w of body) {
    const key = Math.round(w.base);
    const l = byLine.get(key);
    if (l) l.push(w);
    else byLine.set(key, [w]);
  }
  // Per x: how many lines cover it, and how many runs of prose (a line's words between gaps as
  // wide as a gutter; a table's cells are not prose) cover it.
  const lines = new Int32Array(W + 2);
  const prose = new Int32Array(W + 2);
  let proseRuns = 0;
  const mark = (arr: Int32Array, a: number, b: number) => {
    for (let x = Math.max(0, Math.floor(a)); x <= Math.min(W, Math.ceil(b)); x++) arr[x]++;
  };
  for (const ws of byLine.values()) {
    ws.sort((a, b) => a.x0 - b.x0);
    let run: Word[] = [];
    let end = -Infinity; // the run's right edge
    const close = () => {
      if (!run.length) return;
      mark(lines, run[0].x0, end);
      if (run.length >= s.minWordsPerLine - 1 && run.filter((w) => WORDY.test(w.text)).length >= s.minWordShare * run.length) {
        mark(prose, run[0].x0, end);
        proseRuns++;
      }
      run = [];
      end = -Infinity;
    };
    for (const w of ws) {
      if (run.length && w.x0 - end >= s.minGutter * size) close();
      run.push(w);
      end = Math.max(end, w.x1);
    }
    close();
  }
  const allowedLines = Math.max(s.maxCrossing, Math.round(s.crossingShare * byLine.size));
  const allowedProse = Math.max(s.maxCrossing, Math.round(s.proseCrossingShare * proseRuns));
  const from = Math.floor(s.searchFrom * W);
  const to = Math.ceil(s.searchTo * W);
  // Spanning prose crosses the whole gutter; margin numbers at its edge cross only part of it.
  let least = Infinity;
  for (let x = from; x <= to; x++) if (lines[x] <= allowedLines) least = Math.min(least, prose[x]);
  if (least > allowedProse) return null;
  let best: [number, number] | null = null;
  let runStart = -1;
  for (let x = from; x <= to + 1; x++) {
    if (x <= to && prose[x] === least && lines[x] <= allowedLines) {
      if (runStart < 0) runStart = x;
    } else if (runStart >= 0) {
      if (!best || x - runStart > best[1] - best[0]) best = [runStart, x];
      runStart = -1;
    }
  }
  if (!best || best[1] - best[0] < s.minGutter * size) return null;
  // Labels at the run's edge (a bullet, a margin number) belong to the column beside it.
  const minW = s.minGutter * size;
  let g1 = best[1];
  for (const w of body) if (w.x0 > best[0] + minW && w.x0 < g1) g1 = w.x0;
  let g0 = best[0];
  for (const w of body) if (w.x1 < g1 - minW && w.x1 > g0) g0 = w.x1;
  best = [g0, g1];
  // Judge the sides on the lines that do not cross the gutter.
  const split = [...byLine.values()].filter((ws) => !ws.some((w) => w.x0 < g1 && w.x1 > g0)).flat();
  const sides = [split.filter((w) => w.x1 <= g0), split.filter((w) => w.x0 >= g1)];
  for (const side of sides) {
    if (side.length < s.minShare * split.length) return null;
    const sideLines = new Set(side.map((w) => Math.round(w.base)));
    if (sideLines.size < s.minLines || side.length / sideLines.size < s.minWordsPerLine) return null;
    // Running text is words; a table's columns are mostly figures.
    const wordy = side.filter((w) => WORDY.test(w.text)).length;
    if (wordy < s.minWordShare * side.length) return null;
  }
  return best;
}

const WORDY = /[A-Za-zÀ-ÿ]{2}/;
