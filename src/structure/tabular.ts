/**
 * Which blocks are tabular material (table rows, their header lines, chart labels) rather than
 * prose. Tables set in a smaller size or in whitespace-separated columns of numbers are claimed
 * here so that no table row ends up inside a paragraph; the tables stage rebuilds their grids.
 */
import type { Line } from '../layout/lines.js';
import type { Block, TextMetrics } from './blocks.js';
import { BULLET, LETTER_LABEL, PARAGRAPH_NUMBER, ROMAN_LABEL } from './numbering.js';
import { isNumericToken } from './text.js';

export const TABULAR_SETTINGS = {
  /** A gap this wide (× font size) between two words separates columns in a PDF. */
  columnGap: 1.5,
  /** Share of a block's lines that must look like table rows. */
  rowShare: 0.5,
  /** Header lines of a table: at most this many words and no sentence punctuation. */
  headerWords: 8,
};

function numericCount(l: Line): number {
  let n = 0;
  for (const w of l.words) if (isNumericToken(w.text)) n++;
  return n;
}

/** A line that reads like a table row: columns of numbers, or a label followed by numbers. */
export function looksLikeRow(l: Line, positional: boolean, s = TABULAR_SETTINGS): boolean {
  const nums = numericCount(l);
  if (!nums) return false;
  const last = l.words[l.words.length - 1]?.text ?? '';
  if (positional) return l.maxGap >= s.columnGap || (nums >= 2 && isNumericToken(last));
  // Text dumps: whitespace is unreliable; rows end in a number and carry little prose.
  const words = l.words.length;
  return isNumericToken(last) && (nums >= 2 || words <= 6) && nums / words >= 0.2;
}

export function isHeaderLike(text: string, s = TABULAR_SETTINGS): boolean {
  const t = text.trim();
  // Numbered or bulleted lines are headings and items, never column headers.
  if ([PARAGRAPH_NUMBER, ROMAN_LABEL, LETTER_LABEL, BULLET].some((re) => re.test(t))) return false;
  return t.split(/\s+/).length <= s.headerWords && !/[.;:,]$/.test(t) && !/\.\s/.test(t);
}

/** Mark tabular blocks; returns a flag per block. */
export function findTabular(blocks: Block[], m: TextMetrics, positional: (b: Block) => boolean, s = TABULAR_SETTINGS): boolean[] {
  const flags = blocks.map((b) => {
    if (b.lines[0].box !== undefined) return false;
    const pos = positional(b);
    const rows = b.lines.filter((l) => looksLikeRow(l, pos, s)).length;
    if (rows >= Math.max(1, s.rowShare * b.lines.length) && (b.lines.length > 1 || rows === 1)) {
      // A single prose line that happens to end in a number is not a table.
      if (b.lines.length === 1 && b.lines[0].words.length > 10) return false;
      return true;
    }
    // Tables are usually set smaller than the text; short small-type lines with gaps are cells.
    return pos && b.lines.every((l) => l.size < m.bodySize - 0.75) && b.lines.some((l) => l.maxGap >= s.columnGap);
  });
  // Header lines directly above a table, and label lines between its rows, belong to it.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (flags[i]) continue;
      const b = blocks[i];
      const next = blocks[i + 1];
      const prev = blocks[i - 1];
      const short = b.lines.length <= 4 && b.lines.every((l) => isHeaderLike(l.text, s)) && b.lines[0].box === undefined;
      if (!short) continue;
      const smallType = positional(b) && b.lines.every((l) => l.size < m.bodySize - 0.75);
      const nearNext = next && flags[i + 1] && next.page === b.page;
      const between = nearNext && prev && flags[i - 1] && prev.page === b.page;
      if ((nearNext && (smallType || !positional(b))) || between) flags[i] = true;
    }
  }
  return flags;
}
