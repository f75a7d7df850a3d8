/**
 * Body lines → blocks: runs of lines set close together in the same font size and frame.
 * A new block starts at a wider vertical gap, a change of size, box or page, or a line that opens
 * a numbered paragraph, a bullet or a lettered item.
 */
import { median, quantile } from '../layout/geometry.js';
import type { LaidOutPage } from '../layout/layout.js';
import type { Line } from '../layout/lines.js';
import { BULLET, LETTERED_ITEM, PARAGRAPH_NUMBER } from './numbering.js';

export interface Block {
  lines: Line[];
  page: number;
  /** The first body block of its page. */
  pageStart: boolean;
  /** Set apart from the block above by vertical space (or a page break), not only by a label. */
  spaced: boolean;
  /** Front matter before the body (title, symbol lines): it makes no record of its own. */
  front?: boolean;
}

export const BLOCK_SETTINGS = {
  /** Gap between baselines above which a new block starts, × the document's usual line pitch. */
  gapRatio: 1.45,
  /** Sizes differing by more than this (points) do not share a block. */
  sizeTolerance: 0.75,
};

export interface TextMetrics {
  /** Usual baseline-to-baseline distance divided by font size. */
  pitch: number;
  /** Left edge of body text (most common line start), per text column. */
  left: number[];
  /** Right edge of full body lines, per text column. */
  right: number[];
  /** Ragged-right text (not justified), per text column: full lines end anywhere near the edge. */
  ragged: boolean[];
  bodySize: number;
}

/** Width of the body text column a line sits in. */
export const columnWidth = (m: TextMetrics, col = 0): number => Math.max(1, (m.right[col] ?? m.right[0]) - (m.left[col] ?? m.left[0]));
export const leftOf = (m: TextMetrics, col = 0): number => m.left[col] ?? m.left[0];
export const rightOf = (m: TextMetrics, col = 0): number => m.right[col] ?? m.right[0];
/** The edges and width of the column a line is read in: its band's on a page in columns, else the document's. */
export const lineLeft = (m: TextMetrics, l: Line): number => l.column?.[0] ?? leftOf(m, l.col);
export const lineRight = (m: TextMetrics, l: Line): number => l.column?.[1] ?? rightOf(m, l.col);
export const lineColumnWidth = (m: TextMetrics, l: Line): number => Math.max(1, lineRight(m, l) - lineLeft(m, l));

/** Document-wide measures of the body text, from the lines in the dominant size. */
export function measure(pages: LaidOutPage[], bodySize: number): TextMetrics {
  const ratios: number[] = [];
  const lefts: number[][] = [];
  const rights: number[][] = [];
  const openLefts: number[][] = [];
  const openRights: number[][] = [];
  for (const p of pages) {
    let prev: Line | null = null;
    for (const l of p.lines) {
      if (l.zone !== 'body' || Math.abs(l.size - bodySize) > 0.5) {
        prev = null;
        continue;
      }
      if (l.text.length > 30) {
        (lefts[l.col] ??= []).push(Math.round(l.x0));
        (rights[l.col] ??= []).push(l.x1);
        // Lines read in a band's columns have their own edges: the document's edges are those of the others where there are any.
        if (!l.column) {
          (openLefts[l.col] ??= []).push(Math.round(l.x0));
          (openRights[l.col] ??= []).push(l.x1);
        }
      }
      if (prev && prev.col === l.col) ratios.push((l.base - prev.base) / l.size);
      prev = l;
    }
  }
  const modeOf = (xs: number[]): number => {
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    let best = 0;
    let n = -1;
    for (const [x, c] of counts) if (c > n) [best, n] = [x, c];
    return best;
  };
  const small = ratios.filter((r) => r > 0.5);
  const cols = Math.max(1, lefts.length);
  return {
    pitch: small.length ? quantile(small, 0.3) : 1.2,
    left: Array.from({ length: cols }, (_, c) => modeOf((openLefts[c]?.length ? openLefts[c] : lefts[c]) ?? [])),
    right: Array.from({ length: cols }, (_, c) => quantile((openRights[c]?.length ? openRights[c] : rights[c]) ?? [], 0.9)),
    // Justified lines end together; ragged ones spread over several ems.
    ragged: Array.from({ length: cols }, (_, c) => quantile(rights[c] ?? [], 0.9) - quantile(rights[c] ?? [], 0.4) > 1.5 * bodySize),
    bodySize,
  };
}

export function opensItem(l: Line, prev: Line | null, m: TextMetrics, positional: boolean): boolean {
  if (PARAGRAPH_NUMBER.test(l.text)) return true;
  // A dash opening a line under a full line that ends mid-sentence is the sentence's own dash ("… countries – namely …").
  if (BULLET.test(l.text)) return !DASH.test(l.text) || !prev || !reachesRight(prev, m, positional) || endsSentence(prev.text);
  return LETTERED_ITEM.test(l.text) && !(prev && reachesRight(prev, m, positional));
}

const DASH = /^[–-]\s/;

/** The text ends a sentence or a clause that announces what follows (a stop, colon, semicolon; a closing quote or bracket after it). */
export const endsSentence = (text: string): boolean => /[.:;!?]["”’)]?$/.test(text.trim());

export function buildBlocks(pages: LaidOutPage[], m: TextMetrics, s = BLOCK_SETTINGS): Block[] {
  const blocks: Block[] = [];
  for (const p of pages) {
    const positional = p.source !== 'text-dump';
    let cur: Block | null = null;
    let prev: Line | null = null;
    let first = true;
    for (const l of p.lines) {
      if (l.zone !== 'body') continue;
      const gap: boolean = !cur || !prev || l.base - prev.base > s.gapRatio * m.pitch * Math.max(l.size, prev.size);
      const split =
        gap ||
        Math.abs(l.size - prev!.size) > s.sizeTolerance ||
        l.box !== prev!.box ||
        l.col !== prev!.col ||
        (positional && l.bold !== prev!.bold) ||
        (opensItem(l, prev, m, positional) && !(positional && runsOnNumber(l, prev!, cur!, m))) ||
        (positional && outdented(l, prev!, cur!));
      if (split) {
        cur = { lines: [], page: p.number, pageStart: first, spaced: gap };
        first = false;
        blocks.push(cur);
      }
      cur!.lines.push(l);
      prev = l;
    }
  }
  return blocks;
}

/**
 * A line back at the label's edge after the indented run-on lines of a hanging-indented item
 * ("10. To undertake …" / "    displaced persons …") is no longer that item: OCR gives no bold to
 * tell a box's next introduction from the item before it.
 */
export function outdented(l: Line, prev: Line, cur: Block): boolean {
  const open = cur.lines[0];
  return prev !== open && prev.x0 - open.x0 >= l.size && Math.abs(l.x0 - open.x0) <= 0.5 * l.size;
}

/**
 * A run-on line of a paragraph whose number hangs in the margin may itself open with a number
 * ("… its first class there in" / "2008. The Canadian …"): set in from the number's edge, after a
 * full line that stops mid-sentence, it goes on with the text rather than opening an item.
 */
export function runsOnNumber(l: Line, prev: Line, cur: Block, m: TextMetrics): boolean {
  if (!PARAGRAPH_NUMBER.test(l.text) || l.x0 - cur.lines[0].x0 < l.size) return false;
  return reachesRight(prev, m) && !endsSentence(prev.text);
}

/**
 * True when a line runs to the right edge of the text column (so the text goes on after it).
 * Justified text is full to within a few characters; ragged text (dumps, unjustified type) within
 * 15 % of the column.
 */
export function reachesRight(l: Line, m: TextMetrics, positional = true): boolean {
  if (positional && !m.ragged[l.col]) return l.x1 >= lineRight(m, l) - 2.5 * l.size;
  return l.x1 >= lineRight(m, l) - 0.15 * lineColumnWidth(m, l);
}

/**
 * The first-line indent of the document's paragraphs, in points: the indent shared by most blocks
 * whose second line returns to the column's edge (resolutions indent every clause and operative
 * paragraph half an inch, their number at that indent). 0 when blocks do not indent their first line.
 */
export function paragraphIndent(blocks: Block[], m: TextMetrics, positional: (b: Block) => boolean): number {
  const indents = new Map<number, number>();
  let multi = 0;
  for (const b of blocks) {
    if (b.lines.length < 2 || !positional(b) || b.lines[0].box !== undefined) continue;
    const [a, next] = b.lines;
    const left = lineLeft(m, a);
    if (Math.abs(next.x0 - left) > 0.5 * next.size) continue;
    multi++;
    const indent = Math.round(a.x0 - left);
    if (indent >= a.size) indents.set(indent, (indents.get(indent) ?? 0) + 1);
  }
  let best = 0;
  let n = 0;
  for (const [indent, c] of indents) if (c > n) [best, n] = [indent, c];
  return n >= 3 && n >= 0.5 * multi ? best : 0;
}

export function medianSize(lines: Line[]): number {
  return median(lines.map((l) => l.size));
}
