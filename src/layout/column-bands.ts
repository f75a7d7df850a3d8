/**
 * Columns per band. A page may change its columns from band to band: a one-column introduction
 * above two columns, a section in three columns, two columns with another gutter under a wide
 * table. Rows (baseline groups, top to bottom) are gathered into a band while they leave a common
 * vertical strip free of words (a gutter); a band is read in columns only where its text on both
 * sides of a gutter is prose, so a table's whitespace never becomes a gutter.
 */
import type { Rect, Word } from '../model/page.js';
import { headingRow, prose, sidesOf, tabular } from './bands.js';

export const COLUMN_BAND_SETTINGS = {
  /** A gutter is at least this wide, × the body size. */
  minGutter: 0.8,
  /** Each side of a gutter carries prose (several words, not cells) on at least this many rows of the band … */
  minProseRows: 2,
  /** … and, where the two sides share a baseline on this share of the band's rows (as a table's cells do), on at least this share of the rows where it carries anything. */
  alignedShare: 0.5,
  proseShare: 0.5,
  /** A column's rows start within this many × size of its left edge, on at least this share of them. */
  indent: 3,
  flushShare: 0.6,
  /** Sides set row by row show their columns on at least this many prose rows (fewer may be a table's cells). */
  minAlignedProseRows: 6,
  /** … and those rows average at least this many words on that side. */
  minWordsPerRow: 4,
  /** A row wider than this share of the text, across its middle and without a gap, is a band of its own (a heading across the page). */
  solidWidth: 0.5,
  /** Whitespace this tall (× the body size) across every column ends a band (what stands above it, a table, is set apart). */
  bandGap: 3,
  /** Typeset columns show on at least this many rows (two rows under a table may be its notes'); … */
  minTypesetRows: 3,
  /** … all of one width within `indent` × size (a column of continued lines starts at the hanging indent), their rows ending at the column's right edge within this many × size on `proseShare` of them. */
  justified: 0.5,
  /** A heading reaching over a gutter of the next `lookAhead` rows is a band of its own. */
  lookAhead: 3,
  /** A candidate covering, within this many × size, a gutter found in another band of the page needs prose on one side only (a table in the other column). */
  sameGutter: 0.5,
  /** A side is a picture's (a chart and its labels) when this share of its rows stand level with a picture lying on that side. */
  pictureShare: 0.6,
};

export interface ColumnBand {
  /** Rows [from, to) of the groups given. */
  from: number;
  to: number;
  /** Gutter runs [x0, x1], left to right; none: read row by row. */
  gutters: [number, number][];
}

type Interval = [number, number];
const width = (g: Interval): number => g[1] - g[0];
const overlaps = (a: Interval, b: Interval): boolean => a[0] < b[1] && a[1] > b[0];

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

/** A free run with the number of rows that set words on both sides of it: a gutter once it has some. */
type Run = Interval & { support: number };

/** The runs free in both lists, at least `min` wide; a run gains support when the row has words on both sides of it. */
function intersect(a: Run[], b: Interval[], row: Word[], min: number): Run[] {
  const out: Run[] = [];
  for (const p of a)
    for (const q of b) {
      const lo = Math.max(p[0], q[0]);
      const hi = Math.min(p[1], q[1]);
      const both = row.some((w) => w.x1 <= lo) && row.some((w) => w.x0 >= hi);
      if (hi - lo >= min) out.push(Object.assign([lo, hi] as Interval, { support: p.support + (both ? 1 : 0) }));
    }
  return out;
}

const runs = (xs: Interval[]): Run[] => xs.map((x) => Object.assign([x[0], x[1]] as Interval, { support: 0 }));

/**
 * A column's lines start at its left edge, or a hanging number's or bullet's indent from it, on
 * most of its rows; a table's centred or right-aligned cells start anywhere.
 */
function flush(sides: Word[][][], c: number, size: number, s = COLUMN_BAND_SETTINGS): boolean {
  const starts = sides.map((sd) => sd[c]).filter((side) => side.length).map((side) => Math.min(...side.map((w) => w.x0)));
  const edge = Math.min(...starts);
  return starts.filter((x) => x - edge <= s.indent * size).length >= s.flushShare * starts.length;
}

/** The extent [left, right] of column c over the rows, or null when it is empty. */
function extentOf(sides: Word[][][], c: number): Interval | null {
  // A loop, not spread arrays: this runs for every candidate gutter of every band.
  let left = Infinity;
  let right = -Infinity;
  for (const sd of sides) {
    for (const w of sd[c]) {
      if (w.x0 < left) left = w.x0;
      if (w.x1 > right) right = w.x1;
    }
  }
  return left === Infinity ? null : [left, right];
}

/**
 * Columns typeset as columns: all of one width, most of their rows justified to the column's
 * right edge. Balanced columns over a few rows share baselines as a table's cells do; a table's
 * columns differ in width and its wrapped cells end ragged.
 */
export function typesetColumns(sides: Word[][][], columns: number, size: number, s = COLUMN_BAND_SETTINGS): boolean {
  const extents = Array.from({ length: columns }, (_, c) => extentOf(sides, c));
  if (columns < 2 || sides.length < s.minTypesetRows || extents.some((e) => !e)) return false;
  const widths = extents.map((e) => width(e!));
  if (Math.max(...widths) - Math.min(...widths) > s.indent * size) return false;
  const filled = sides.flatMap((sd) => sd.map((side, c) => ({ side, c }))).filter(({ side }) => side.length);
  const full = filled.filter(({ side, c }) => Math.max(...side.map((w) => w.x1)) >= extents[c]![1] - s.justified * size);
  return full.length >= s.proseShare * filled.length;
}

/** The candidate covers a gutter found elsewhere on the page (the page's columns go on beside a table). */
const repeats = (g: Interval, known: Interval[], size: number, s: typeof COLUMN_BAND_SETTINGS): boolean =>
  known.some((k) => g[0] <= k[0] + s.sameGutter * size && g[1] >= k[1] - s.sameGutter * size);

/**
 * Side c of the gutters is a picture's: a picture (a chart's bars) lies between its gutters, and
 * most of the side's rows stand level with it (the chart's labels and values).
 */
function pictured(sides: Word[][][], c: number, gutters: Interval[], pictures: Rect[], s: typeof COLUMN_BAND_SETTINGS): boolean {
  const [lo, hi] = [c > 0 ? gutters[c - 1][1] : -Infinity, c < gutters.length ? gutters[c][0] : Infinity];
  const filled = sides.map((sd) => sd[c]).filter((side) => side.length);
  const level = (side: Word[], p: Rect) => {
    const mid = (Math.min(...side.map((w) => w.y0)) + Math.max(...side.map((w) => w.y1))) / 2;
    return mid >= p.y0 && mid <= p.y1;
  };
  return pictures.some((p) => p.x0 >= lo && p.x1 <= hi && filled.filter((side) => level(side, p)).length >= s.pictureShare * filled.length);
}

/**
 * The pictures standing among the rows, each inside one column (narrower than half the text): they
 * are ink, so no gutter runs through a chart's bars.
 */
function inked(rows: Word[][], pictures: Rect[]): Rect[] {
  let [top, bottom, left, right] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const row of rows)
    for (const w of row) {
      top = Math.min(top, w.y0);
      bottom = Math.max(bottom, w.y1);
      left = Math.min(left, w.x0);
      right = Math.max(right, w.x1);
    }
  return pictures.filter((p) => p.y0 < bottom && p.y1 > top && p.x1 - p.x0 < (right - left) / 2);
}

/**
 * Gutters with prose on both sides in enough rows; a gutter that fails is dropped and its sides
 * merged. A gutter of the page's other bands (`known`) needs prose on one side only: a table
 * standing in the other column. A picture standing on one side (a chart with its labels) needs a
 * column of any text on the other: a chart beside a heading or a table.
 */
function validGutters(rows: Word[][], candidates: Interval[], size: number, s: typeof COLUMN_BAND_SETTINGS, lenient = false, known: Interval[] = [], pictures: Rect[] = []): Interval[] {
  let gutters = pictures.length ? candidates.filter((g) => !inked(rows, pictures).some((p) => p.x0 < g[1] && p.x1 > g[0])) : candidates.slice();
  for (;;) {
    const sides = rows.map((r) => sidesOf(r, gutters));
    // Columns set independently rarely share a baseline once charts, tables and headings stand in
    // them; a table's cells always do. Sides set row by row must be prose on most of their rows,
    // unless they are typeset columns (a short band of balanced columns).
    let typeset: boolean | undefined; // asked only when sides share baselines and the check is strict
    const isTypeset = () => (typeset ??= typesetColumns(sides, gutters.length + 1, size, s));
    const aligned = (k: number) => !lenient && !isTypeset() && sides.filter((sd) => sd[k].length && sd[k + 1].length).length >= s.alignedShare * rows.length;
    const proseSide = (c: number, strict: boolean) => {
      const filled = sides.map((sd) => sd[c]).filter((side) => side.length);
      const runs = filled.filter((side) => prose(side));
      const enough = strict ? runs.length >= s.minAlignedProseRows && runs.length >= s.proseShare * filled.length : runs.length >= s.minProseRows;
      return enough && runs.reduce((n, side) => n + side.length, 0) >= s.minWordsPerRow * runs.length;
    };
    const column = (c: number, strict: boolean) => proseSide(c, strict) && flush(sides, c, size, s);
    const beside = (k: number) => repeats(gutters[k], known, size, s) && (column(k, false) || column(k + 1, false));
    const picture = (k: number) =>
      (pictured(sides, k, gutters, pictures, s) && flush(sides, k + 1, size, s)) || (pictured(sides, k + 1, gutters, pictures, s) && flush(sides, k, size, s));
    const fails = (k: number) => !(column(k, aligned(k)) && column(k + 1, aligned(k))) && !beside(k) && !picture(k);
    const bad = gutters.findIndex((_, k) => fails(k));
    if (bad < 0) return gutters;
    // Of two gutters around a column that is no column (a sliver between a bullet and its text), the narrower goes.
    const drop = bad + 1 < gutters.length && fails(bad + 1) && width(gutters[bad + 1]) < width(gutters[bad]) ? bad + 1 : bad;
    gutters = gutters.filter((_, k) => k !== drop);
  }
}

/** Free runs shared by all the rows, inside (x0, x1), at least `min` wide, with their support. */
function sharedRuns(rows: Word[][], x0: number, x1: number, min: number): Run[] {
  let free = runs(freeRuns(rows[0], x0, x1, min));
  for (const row of rows.slice(1)) free = intersect(free, freeRuns(row, x0, x1, min), row, min);
  return free.filter((r) => r[0] > x0 && r[1] < x1);
}

/**
 * A heading (bold or larger than the text) reaching over a gutter of the rows under it, which
 * have prose on both sides: a section title over three columns, the first row of what follows.
 */
function headingOver(rows: Word[][], at: number, x: Interval, size: number, s: typeof COLUMN_BAND_SETTINGS): boolean {
  const head = rows[at];
  if (!headingRow(head, size)) return false;
  const below = rows.slice(at + 1, at + 1 + s.lookAhead);
  if (below.length < s.lookAhead) return false;
  const gutters = validGutters(below, sharedRuns(below, x[0], x[1], s.minGutter * size), size, s, true);
  return gutters.some((g) => head.some((w) => w.x0 < g[1] && w.x1 > g[0]));
}

/**
 * A heading in the first column under the last row of the other columns, every other column blank
 * from there to the band's end, opens what follows the columns (a section under the last lines of
 * the one before, an annex) when the first column ends within a line of the others (balanced
 * columns) or the heading ends the band. The row it starts at, or -1.
 */
export function tailAfterColumns(rows: Word[][], gutters: Interval[], size: number): number {
  if (!gutters.length) return -1;
  const sides = rows.map((r) => sidesOf(r, gutters));
  const others = (i: number) => sides[i].slice(1).some((side) => side.length);
  let last = rows.length - 1;
  while (last >= 0 && !others(last)) last--;
  if (last < 0) return -1;
  let head = last + 1;
  while (head < rows.length && !headingRow(rows[head], size)) head++;
  if (head >= rows.length || sides[head][0].length !== rows[head].length) return -1;
  // The first column's last lines beside the others' last row, or nothing after the heading.
  const bottom = Math.max(...rows[last].map((w) => w.y1));
  const ending = rows.slice(last + 1, head).every((r) => Math.min(...r.map((w) => w.y0)) <= bottom + size);
  const beside = head > last + 1 || sides[last][0].length > 0;
  return (ending && beside) || head === rows.length - 1 ? head : -1;
}

/**
 * Rows → bands, top to bottom, each with the gutters its rows leave free and that have prose on
 * both sides. A row that closes every gutter of the band so far starts a new band (a heading or a
 * line of prose across the page, a wide table's row); the edges of the text are not gutters.
 * A band whose gutters fail keeps those that the page's other bands have (a table in a column).
 */
export function findColumnBands(rows: Word[][], size: number, s = COLUMN_BAND_SETTINGS, pictures: Rect[] = []): ColumnBand[] {
  const words = rows.flat();
  if (!words.length) return [];
  const x0 = Math.min(...words.map((w) => w.x0));
  const x1 = Math.max(...words.map((w) => w.x1));
  const min = s.minGutter * size;
  const inner = (runs: Interval[]) => runs.filter((r) => r[0] > x0 && r[1] < x1);
  const middle = (x0 + x1) / 2;
  const solid = (row: Word[]) => {
    const [a, b] = [Math.min(...row.map((w) => w.x0)), Math.max(...row.map((w) => w.x1))];
    return a < middle && b > middle && b - a > s.solidWidth * (x1 - x0) && !inner(freeRuns(row, x0, x1, min)).length;
  };
  const bands: (ColumnBand & { candidates: Interval[] })[] = [];
  let from = 0;
  let free: Run[] = [];
  let bottom = -Infinity;
  const close = (to: number) => {
    if (to > from) bands.push({ from, to, gutters: validGutters(rows.slice(from, to), inner(free), size, s), candidates: inner(free) });
  };
  rows.forEach((row, i) => {
    const mine = freeRuns(row, x0, x1, min);
    const both = i > from ? intersect(free, mine, row, min) : runs(mine);
    // A row across a gutter the band's rows have already set text on both sides of (a heading over
    // the first gutter of three columns) ends the band, though another gutter stays free.
    const dying = free.filter((g) => g.support >= s.minProseRows && !both.some((r) => overlaps(r, g)));
    const closes = dying.length > 0 && validGutters(rows.slice(from, i), inner(free), size, s, true).some((g) => dying.some((d) => overlaps(d, g)));
    const top = Math.min(...row.map((w) => w.y0));
    // A wide table's row may leave the gutter free between two cells: a row of cells reaching over
    // every gutter of the band ends it (a table's row beside the other column's prose does not).
    const gaps = inner(both);
    const sides = sidesOf(row, gaps);
    const across = gaps.length > 0 && sides[0].length > 0 && sides[gaps.length].length > 0 && sides.filter((side) => side.length && tabular(side)).length >= 2 && !sides.some((side) => prose(side));
    const heading = i === from + 1 && headingOver(rows, from, [x0, x1], size, s);
    // A row across the middle of the text with no gap in it (a heading, a line across the page) is a
    // band of its own: gaps of the rows after it (a justified line's wide spaces) are no gutter of it.
    if (i > from && (solid(rows[i - 1]) || heading || !inner(both).length || across || closes || top - bottom > s.bandGap * size)) {
      close(i);
      from = i;
      free = runs(mine);
    } else free = both;
    bottom = Math.max(bottom, ...row.map((w) => w.y1));
  });
  close(rows.length);
  // Gutters with prose on both sides are the page's; one beside a picture is its band's alone.
  const known = bands.flatMap((b) => b.gutters);
  for (const b of bands) {
    if (b.gutters.length < b.candidates.length) b.gutters = validGutters(rows.slice(b.from, b.to), b.candidates, size, s, false, known, pictures);
  }
  const split = bands.flatMap((b) => {
    const tail = tailAfterColumns(rows.slice(b.from, b.to), b.gutters, size);
    return tail < 0 ? [b] : [{ ...b, to: b.from + tail }, { from: b.from + tail, to: b.to, gutters: [], candidates: [] }];
  });
  // Neighbouring bands without columns are one run of rows.
  return split.reduce<ColumnBand[]>((out, { from, to, gutters }) => {
    const last = out[out.length - 1];
    if (last && !last.gutters.length && !gutters.length) last.to = to;
    else out.push({ from, to, gutters });
    return out;
  }, []);
}
