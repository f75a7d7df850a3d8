/**
 * Text columns. A page set in two columns has a gutter: a vertical band, near the middle, that no
 * word of the body crosses while both sides carry running text. Lines are then read column by
 * column. A table's whitespace is not a gutter: its sides do not both carry prose.
 */
import type { Page, Word } from '../model/page.js';

export const COLUMN_SETTINGS = {
  /** The gutter lies between these fractions of the page width. */
  searchFrom: 0.25,
  searchTo: 0.75,
  /** … is at least this wide, × the body font size. */
  minGutter: 0.8,
  /** Words that may cross the gutter (spanning titles): at least this many … */
  maxCrossing: 3,
  /** … or this share of the body words. */
  crossingShare: 0.01,
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
  const h = page.height;
  const body = page.words.filter((w) => w.y0 > s.edgeBand * h && w.y1 < (1 - s.edgeBand) * h);
  if (body.length < 2 * s.minLines * s.minWordsPerLine) return null;
  const sizes = body.map((w) => w.size).sort((a, b) => a - b);
  const size = sizes[sizes.length >> 1];
  const W = Math.ceil(page.width);
  const diff = new Int32Array(W + 2);
  for (const w of body) {
    const a = Math.max(0, Math.floor(w.x0));
    const b = Math.min(W, Math.ceil(w.x1));
    diff[a]++;
    diff[b + 1]--;
  }
  // The widest run inside the search band that (almost) no word crosses: a title or a rule-wide
  // line may span the gutter.
  const allowed = Math.max(s.maxCrossing, Math.round(s.crossingShare * body.length));
  let cover = 0;
  let best: [number, number] | null = null;
  let runStart = -1;
  const from = Math.floor(s.searchFrom * W);
  const to = Math.ceil(s.searchTo * W);
  for (let x = 0; x <= W; x++) {
    cover += diff[x];
    const inBand = x >= from && x <= to;
    if (inBand && cover <= allowed) {
      if (runStart < 0) runStart = x;
    } else if (runStart >= 0) {
      if (!best || x - runStart > best[1] - best[0]) best = [runStart, x];
      runStart = -1;
    }
  }
  if (!best || best[1] - best[0] < s.minGutter * size) return null;
  const gutter = (best[0] + best[1]) / 2;
  const sides = [body.filter((w) => w.x1 <= gutter), body.filter((w) => w.x0 >= gutter)];
  for (const side of sides) {
    if (side.length < s.minShare * body.length) return null;
    const lines = new Set(side.map((w) => Math.round(w.base)));
    if (lines.size < s.minLines || side.length / lines.size < s.minWordsPerLine) return null;
    // Running text is words; a table's columns are mostly figures.
    const wordy = side.filter((w) => /[A-Za-zÀ-ÿ]{2}/.test(w.text)).length;
    if (wordy < s.minWordShare * side.length) return null;
  }
  return gutter;
}

/** Split one baseline group at the gutter when no word crosses it. */
export function splitAtGutter(group: Word[], gutter: number | null): Word[][] {
  if (gutter === null) return [group];
  if (group.some((w) => w.x0 < gutter && w.x1 > gutter)) return [group];
  const left = group.filter((w) => w.x1 <= gutter);
  const right = group.filter((w) => w.x0 >= gutter);
  return [left, right].filter((g) => g.length);
}
