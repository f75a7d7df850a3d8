/**
 * Tables stacked one under another with nothing between them: after the first table's body rows,
 * a header block that repeats the first header's words (its stub and group titles) but not its
 * whole text (other column labels) opens a second table with columns of its own. A header
 * repeated word for word is the same table going on, and is left to the grid.
 *
 * A header block is a run of lines without figures (years aside), carried on to a rule just
 * under it: a rule a few lines down closes a header whose column labels are figures ("1.0 1.5").
 */
import type { Line } from '../../layout/lines.js';
import { headerLike } from './grid.js';

/** Words of a header that name something (not figures, years or marks), lower-cased. */
function names(lines: Line[]): string[] {
  return lines.flatMap((l) => l.words.map((w) => w.text.toLowerCase().replace(/[^a-zà-ÿ]/g, ''))).filter((t) => t.length >= 2);
}

const textOf = (lines: Line[]): string => lines.map((l) => l.text.replace(/\s+/g, ' ').trim()).join(' ');

/** Share of the first header's named words that the block repeats. */
const REPEATED = 0.6;
/** A gap between words this wide (em) parts two cells of a line. */
const CELL_GAP = 1.2;
/** A header carried on to a rule has at most this many lines. */
const HEADER_LINES = 4;

/** End (exclusive) of the header block starting at i, or i when none starts there. */
function headerEnd(rows: Line[], i: number, ruleYs: number[]): number {
  let j = i;
  while (j < rows.length && headerLike(rows[j])) j++;
  // The first rule under the block's first line, when it comes within a few lines, closes it.
  const rule = ruleYs.filter((y) => y > rows[i].base).sort((a, b) => a - b)[0];
  if (rule === undefined || j === i) return j;
  const above = rows.filter((l, k) => k >= i && l.base < rule).length;
  return above <= HEADER_LINES && i + above > j ? i + above : j;
}

/**
 * Where the rows (top to bottom) start a new stacked table: the indices of the first line of each
 * table after the first (empty when the rows are one table). `ruleYs`: the horizontal rules
 * across the rows.
 */
export function stackedStarts(rows: Line[], ruleYs: number[]): number[] {
  const k = headerEnd(rows, 0, ruleYs);
  if (k === 0 || k >= rows.length) return [];
  const first = names(rows.slice(0, k));
  if (!first.length) return [];
  const firstText = textOf(rows.slice(0, k));
  const out: number[] = [];
  let i = k + 1;
  while (i < rows.length) {
    if (!headerLike(rows[i]) || headerLike(rows[i - 1])) {
      i++;
      continue;
    }
    const j = headerEnd(rows, i, ruleYs);
    // A body must follow (at least two lines) for a new table to start here.
    if (j + 1 < rows.length) {
      const block = rows.slice(i, j);
      // A new table names its columns: a line of several cells (an inner header centred over the
      // figures, one phrase, only opens a part of the same table).
      if (!block.some((l) => l.maxGap >= CELL_GAP)) {
        i = j;
        continue;
      }
      const words = new Set(names(block));
      const shared = first.filter((w) => words.has(w)).length;
      if (shared >= REPEATED * first.length && textOf(block) !== firstText) out.push(i);
    }
    i = j;
  }
  return out;
}
