/**
 * Columns per band. A page may change its columns from band to band: a one-column introduction
 * above two columns, a section in three columns, two columns with another gutter under a wide
 * table. Rows (baseline groups, top to bottom) are gathered into a band while they leave a common
 * vertical strip free of words (a gutter); a band is read in columns only where its text on both
 * sides of a gutter is prose, so a table's whitespace never becomes a gutter.
 */
import type { Word } from '../model/page.js';
import { prose, sidesOf } from './bands.js';

export const COLUMN_BAND_SETTINGS = {
  /** A gutter is at least this wide, × the body size. */
  minGutter: 0.8,
  /** Each side of a gutter carries prose (several words, not cells) on at least this many rows of the band … */
  minProseRows: 2,
  /** … and on at least this share of the rows where it carries anything (a table's cells are short or set apart). */
  proseShare: 0.5,
  /** … and those rows average at least this many words on that side. */
  minWordsPerRow: 4,
  /** Whitespace this tall (× the body size) across every column ends a band (what stands above it, a table, is set apart). */
  bandGap: 2.5,
};

export interface ColumnBand {
  /** Rows [from, to) of the groups given. */
  from: number;
  to: number;
  /** Gutter runs [x0, x1], left to right; none: read row by row. */
  gutters: [number, number][];
}

type Interval = [number, number];

/** The x runs of [x0, x1] that no word of the row covers, at least `min` wide. */
function freeRuns(row: Word[], x0: number, x1: number, min: number): Interval[] {
  const ws = row.slice().sort((a, b) => a.x0 - b.x0);
  const out: Interval[] = [];
  let at = x0;
  for (const w of ws) {
    if (w.x0 - at >= min) out.push([at, w.x0]);
    at = Math.max(at, w.x1);
  }
  if (x1 - at >= min) out.push([at, x1]);
  return out;
}

/** The runs free in both lists, at least `min` wide. */
function intersect(a: Interval[], b: Interval[], min: number): Interval[] {
  const out: Interval[] = [];
  for (const p of a)
    for (const q of b) {
      const lo = Math.max(p[0], q[0]);
      const hi = Math.min(p[1], q[1]);
      if (hi - lo >= min) out.push([lo, hi]);
    }
  return out;
}

/** Gutters with prose on both sides in enough rows; a gutter that fails is dropped and its sides merged. */
function validGutters(rows: Word[][], candidates: Interval[], s: typeof COLUMN_BAND_SETTINGS): Interval[] {
  let gutters = candidates.slice();
  for (;;) {
    const sides = rows.map((r) => sidesOf(r, gutters));
    const proseSide = (c: number) => {
      const filled = sides.map((sd) => sd[c]).filter((side) => side.length);
      const runs = filled.filter((side) => prose(side));
      return runs.length >= s.minProseRows && runs.length >= s.proseShare * filled.length && runs.reduce((n, side) => n + side.length, 0) >= s.minWordsPerRow * runs.length;
    };
    const bad = gutters.findIndex((_, k) => !proseSide(k) || !proseSide(k + 1));
    if (bad < 0) return gutters;
    gutters = gutters.filter((_, k) => k !== bad);
  }
}

/**
 * Rows → bands, top to bottom, each with the gutters its rows leave free and that have prose on
 * both sides. A row that closes every gutter of the band so far starts a new band (a heading or a
 * line of prose across the page, a wide table's row); the edges of the text are not gutters.
 */
export function findColumnBands(rows: Word[][], size: number, s = COLUMN_BAND_SETTINGS): ColumnBand[] {
  const words = rows.flat();
  if (!words.length) return [];
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  const min = s.minGutter * size;
  const inner = (runs: Interval[]) => runs.filter((r) => r[0] > x0 && r[1] < x1);
  const bands: ColumnBand[] = [];
  let from = 0;
  let free: Interval[] = [];
  let bottom = -Infinity;
  const close = (to: number) => {
    if (to > from) bands.push({ from, to, gutters: validGutters(rows.slice(from, to), inner(free), s) });
  };
  rows.forEach((row, i) => {
    const mine = freeRuns(row, x0, x1, min);
    const both = i > from ? intersect(free, mine, min) : mine;
    const top = Math.min(...row.map((w) => w.y0));
    if (i > from && (!inner(both).length || top - bottom > s.bandGap * size)) {
      close(i);
      from = i;
      free = mine;
    } else free = both;
    bottom = Math.max(bottom, ...row.map((w) => w.y1));
  });
  close(rows.length);
  // Neighbouring bands without columns are one run of rows.
  return bands.reduce<ColumnBand[]>((out, b) => {
    const last = out[out.length - 1];
    if (last && !last.gutters.length && !b.gutters.length) last.to = b.to;
    else out.push(b);
    return out;
  }, []);
}
