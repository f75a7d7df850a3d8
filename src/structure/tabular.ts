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
  /** Rows of a tightly set table still keep this much gap (× font size) before their figures. */
  tightGap: 0.9,
  /** A line with more words than this, mostly not numbers, is prose. */
  proseWords: 9,
};

function numericCount(l: Line): number {
  let n = 0;
  for (const w of l.words) if (isNumericToken(w.text)) n++;
  return n;
}

/** A line that reads like a table row: columns of numbers, or a label followed by numbers. */
export function looksLikeRow(l: Line, positional: boolean, s = TABULAR_SETTINGS): boolean {
  const nums = numericCount(l);
  if (!nums || isProse(l)) return false;
  const last = l.words[l.words.length - 1]?.text ?? '';
  if (positional) return l.maxGap >= s.columnGap || (nums >= 2 && isNumericToken(last) && l.maxGap >= s.tightGap);
  // Text dumps: whitespace is unreliable; rows end in a number and carry little prose.
  const words = l.words.length;
  return isNumericToken(last) && (nums >= 2 || words <= 6) && nums / words >= 0.2;
}

/** A strong row: several numbers making up a good share of the line. */
function strongRow(l: Line): boolean {
  const nums = numericCount(l);
  return nums >= 3 && nums / l.words.length >= 0.4;
}

/** Running text: many words, few of them numbers. Table rows are short labels and figures. */
export function isProse(l: Line, s = TABULAR_SETTINGS): boolean {
  let alpha = 0;
  let nums = 0;
  for (const w of l.words) {
    if (isNumericToken(w.text)) nums++;
    else if (/[A-Za-zÀ-ÿ]{2}/.test(w.text)) alpha++;
  }
  return alpha > s.proseWords && nums < 0.3 * l.words.length;
}

export function isHeaderLike(text: string, s = TABULAR_SETTINGS): boolean {
  const t = text.trim();
  // Numbered or bulleted lines are headings and items, never column headers.
  if ([PARAGRAPH_NUMBER, ROMAN_LABEL, LETTER_LABEL, BULLET].some((re) => re.test(t))) return false;
  return t.split(/\s+/).length <= s.headerWords && !/[.;:,]$/.test(t) && !/\.\s/.test(t);
}

/** A line's cells: runs of words at least a column gap apart. */
function cellSpans(l: Line, s = TABULAR_SETTINGS): { x0: number; x1: number }[] {
  const out: { x0: number; x1: number }[] = [];
  for (const w of l.words) {
    const last = out[out.length - 1];
    if (last && w.x0 - last.x1 < s.columnGap * l.size) last.x1 = w.x1;
    else out.push({ x0: w.x0, x1: w.x1 });
  }
  return out;
}

/**
 * A header line set in the text's own size says what it is by where it stands: a line of three or
 * more cells, each past the first standing over a cell of the table's first row, every cell a short
 * phrase (a column's name, not a sentence).
 */
function alignedHeader(b: Block, next: Block, s = TABULAR_SETTINGS): boolean {
  if (b.lines.length !== 1) return false;
  const l = b.lines[0];
  const head = cellSpans(l, s);
  const row = cellSpans(next.lines[0], s);
  if (head.length < 3 || row.length < head.length) return false;
  const slack = 0.5 * l.size;
  const words = (c: { x0: number; x1: number }) => l.words.filter((w) => w.x0 >= c.x0 && w.x1 <= c.x1).length;
  return (
    head.every((c) => words(c) <= s.headerWords) &&
    !/[.;:,]$/.test(l.text.trim()) &&
    head.slice(1).every((c) => row.some((r) => Math.min(c.x1, r.x1) - Math.max(c.x0, r.x0) > -slack))
  );
}

/** Mark tabular blocks; returns a flag per block. */
export function findTabular(blocks: Block[], m: TextMetrics, positional: (b: Block) => boolean, s = TABULAR_SETTINGS): boolean[] {
  const weak: (boolean | null)[] = blocks.map((b) => {
    if (b.lines[0].box !== undefined) return false;
    // A numbered paragraph opening in prose is text, whatever figures it quotes.
    const opening = PARAGRAPH_NUMBER.exec(b.lines[0].text);
    if (opening && opening[2].split(/\s+/).filter((w) => /[A-Za-z]{2}/.test(w)).length >= 4) return false;
    const pos = positional(b);
    const rows = b.lines.filter((l) => looksLikeRow(l, pos, s)).length;
    if (rows >= Math.max(1, s.rowShare * b.lines.length)) {
      // One line on its own is a row only when it is clearly figures; else it needs a table beside it.
      return b.lines.length > 1 || strongRow(b.lines[0]) || (pos && b.lines[0].maxGap >= s.columnGap) ? true : null;
    }
    // Tables are usually set smaller than the text; short small-type lines with gaps are cells.
    return pos && b.lines.every((l) => l.size < m.bodySize - 0.75) && b.lines.some((l) => l.maxGap >= s.columnGap);
  });
  // A table running over a page break: the first block of a page, with figures and no prose,
  // right after a table that ended the previous page.
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    if (weak[i] !== false || !prev || !b.pageStart || prev.page !== b.page - 1 || weak[i - 1] !== true) return;
    if (b.lines[0].box === undefined && b.lines.some((l) => numericCount(l) > 0) && !b.lines.some((l) => isProse(l, s)) && !PARAGRAPH_NUMBER.test(b.lines[0].text)) weak[i] = true;
  });
  // Weak single rows join a table next to them on the same page.
  const flags: boolean[] = weak.map((f) => f === true);
  for (let changed = true; changed; ) {
    changed = false;
    weak.forEach((f, i) => {
      if (f !== null || flags[i]) return;
      const near = (j: number) => flags[j] && blocks[j].page === blocks[i].page;
      if (near(i - 1) || near(i + 1)) flags[i] = changed = true;
    });
  }
  // A table's last row carried over to the next page: small type opening the page, straight after
  // a table that ended the previous one.
  blocks.forEach((b, i) => {
    const prev = blocks[i - 1];
    if (flags[i] || !b.pageStart || !prev || !flags[i - 1] || prev.page !== b.page - 1 || !positional(b)) return;
    // A numbered title in small type opening the page ("5. Breakdown … in 2008") is the next table's heading, not a row.
    const numberedTitle = PARAGRAPH_NUMBER.test(b.lines[0].text) && !b.lines.some((l) => looksLikeRow(l, true, s));
    if (b.lines.length <= 4 && !numberedTitle && b.lines.every((l) => l.size < m.bodySize - 0.75) && b.lines.some((l) => numericCount(l) > 0)) flags[i] = true;
  });
  // Header lines directly above a table, and label lines between its rows, belong to it.
  for (let pass = 0; pass < 2; pass++) {
    for (let i = blocks.length - 1; i >= 0; i--) {
      if (flags[i]) continue;
      const b = blocks[i];
      const next = blocks[i + 1];
      const prev = blocks[i - 1];
      const nearNext = next && flags[i + 1] && next.page === b.page;
      const aligned = !!nearNext && positional(b) && b.lines[0].box === undefined && alignedHeader(b, next, s);
      const short = b.lines.length <= 4 && b.lines.every((l) => isHeaderLike(l.text, s)) && b.lines[0].box === undefined;
      if (!short && !aligned) continue;
      const smallType = positional(b) && b.lines.every((l) => l.size < m.bodySize - 0.75);
      const between = nearNext && prev && flags[i - 1] && prev.page === b.page;
      if ((nearNext && (smallType || !positional(b) || aligned)) || between) flags[i] = true;
    }
  }
  return flags;
}
