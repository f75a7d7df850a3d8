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
  /** Left edge of body text (most common line start). */
  left: number;
  /** Right edge of full body lines. */
  right: number;
  bodySize: number;
}

/** Document-wide measures of the body text, from the lines in the dominant size. */
export function measure(pages: LaidOutPage[], bodySize: number): TextMetrics {
  const ratios: number[] = [];
  const lefts: number[] = [];
  const rights: number[] = [];
  for (const p of pages) {
    let prev: Line | null = null;
    for (const l of p.lines) {
      if (l.zone !== 'body' || Math.abs(l.size - bodySize) > 0.5) {
        prev = null;
        continue;
      }
      if (l.text.length > 30) {
        lefts.push(Math.round(l.x0));
        rights.push(l.x1);
      }
      if (prev) ratios.push((l.base - prev.base) / l.size);
      prev = l;
    }
  }
  const leftCounts = new Map<number, number>();
  for (const x of lefts) leftCounts.set(x, (leftCounts.get(x) ?? 0) + 1);
  let left = 0;
  let n = -1;
  for (const [x, c] of leftCounts) if (c > n) [left, n] = [x, c];
  const small = ratios.filter((r) => r > 0.5);
  return { pitch: small.length ? quantile(small, 0.3) : 1.2, left, right: quantile(rights, 0.9), bodySize };
}

/**
 * Does this line open a new item? A lettered "(a)" after a full line is only the text running on
 * ("…the following series: (1) Migration and…"), so it opens an item only after a short line.
 */
export function opensItem(l: Line, prev: Line | null, m: TextMetrics, positional: boolean): boolean {
  if (PARAGRAPH_NUMBER.test(l.text) || BULLET.test(l.text)) return true;
  return LETTERED_ITEM.test(l.text) && !(prev && reachesRight(prev, m, positional));
}

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
        (positional && l.bold !== prev!.bold) ||
        opensItem(l, prev, m, positional);
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
 * True when a line runs to the right edge of the text column (so the text goes on after it).
 * Justified text is full to within a few characters; ragged text (dumps) within 15 % of the column.
 */
export function reachesRight(l: Line, m: TextMetrics, positional = true): boolean {
  if (positional) return l.x1 >= m.right - 2.5 * l.size;
  return l.x1 >= m.right - 0.15 * (m.right - m.left);
}

export function medianSize(lines: Line[]): number {
  return median(lines.map((l) => l.size));
}
