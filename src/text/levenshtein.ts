/**
 * Edit distance and character similarity. Paragraphs run to ~2,000 characters and a report has
 * hundreds, so a plain O(n·m) table is too slow here (~6 ns a cell). This uses Myers' bit-parallel
 * algorithm (Myers 1999, blocked as in Hyyrö 2003): one 32-bit word holds 32 rows of a column, so
 * the work is O(⌈n/32⌉·m). The common prefix and suffix are stripped first, since extractor errors
 * are usually local.
 */

/** Bit masks of the positions where each character occurs in the pattern, per 32-bit block. */
function positionMasks(pattern: string, blocks: number): Map<number, Int32Array> {
  const masks = new Map<number, Int32Array>();
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    let mask = masks.get(code);
    if (!mask) masks.set(code, (mask = new Int32Array(blocks)));
    mask[i >>> 5] |= 1 << (i & 31);
  }
  return masks;
}

/**
 * Levenshtein distance (insert, delete, substitute; cost 1) over UTF-16 code units. With `max`,
 * returns `max + 1` as soon as the distance is known to exceed it.
 */
export function levenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // The pattern (bit rows) is the shorter middle part, the text (columns) the longer one.
  let pattern = a.slice(start, endA);
  let text = b.slice(start, endB);
  if (pattern.length > text.length) [pattern, text] = [text, pattern];
  const n = pattern.length;
  const m = text.length;
  if (m - n > max) return max + 1;
  if (n === 0) return m;

  const blocks = (n + 31) >>> 5;
  const lastBit = (n - 1) & 31;
  const masks = positionMasks(pattern, blocks);
  const none = new Int32Array(blocks);
  // Vertical deltas of the current column: +1 (Pv) or −1 (Mv) per row; column 0 is 0,1,2,…,n.
  const pv = new Int32Array(blocks).fill(-1);
  const mv = new Int32Array(blocks);
  let score = n;
  for (let j = 0; j < m; j++) {
    const eqs = masks.get(text.charCodeAt(j)) ?? none;
    // Horizontal delta entering the top of block 0: row 0 of the table is 0,1,2,…, so +1.
    let hin = 1;
    for (let k = 0; k < blocks; k++) {
      const p = pv[k];
      const mm = mv[k];
      let eq = eqs[k];
      const xv = eq | mm;
      if (hin < 0) eq |= 1;
      const xh = (((eq & p) + p) ^ p) | eq;
      let ph = mm | ~(xh | p);
      let mh = p & xh;
      const bit = k === blocks - 1 ? lastBit : 31;
      const hout = ((ph >>> bit) & 1) - ((mh >>> bit) & 1);
      ph <<= 1;
      mh <<= 1;
      if (hin < 0) mh |= 1;
      else if (hin > 0) ph |= 1;
      pv[k] = mh | ~(xv | ph);
      mv[k] = ph & xv;
      hin = hout;
    }
    score += hin;
    // Each remaining column can lower the bottom cell by at most 1.
    if (score - (m - j - 1) > max) return max + 1;
  }
  return score > max ? max + 1 : score;
}

/** 1 − distance / longer length; 1 for two empty strings. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - levenshtein(a, b) / longest;
}

/** Whether similarity(a, b) ≥ threshold, stopping early once it cannot be. */
export function similarAtLeast(a: string, b: string, threshold: number): boolean {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return true;
  // The epsilon keeps e.g. (1 − 0.98) × 100 from flooring to 1.
  const allowed = Math.floor((1 - threshold) * longest + 1e-9);
  if (allowed < 0) return false;
  return levenshtein(a, b, allowed) <= allowed;
}
