/**
 * Reading one text-dump row: which digit groups form one figure and which column each figure sits
 * in. A row is a run of figure tokens with the spaces between them; under the table's spacing model
 * a gap of g spaces between two cells means b blank cells when g ≈ s0 + s1·b, and a single space
 * between a figure of one to three digits and a three-digit group may be a thousands separator.
 * A small dynamic programme finds the readings that fill exactly K columns with the least spacing
 * misfit; the arithmetic picks among readings that fit equally well.
 */
import type { Tok } from './dump-lines.js';
import { DUMP_SETTINGS } from './settings.js';

export interface Model {
  /** Spaces between two adjacent cells. */
  s0: number;
  /** Extra spaces per blank cell between them. */
  s1: number;
}

export interface Reading {
  cells: string[];
  cost: number;
  blanks: number;
}

const HEAD = /^[-(−]?\d{1,3}$/;
const TAIL = /^\d{3}(?:[.,]\d+)?%?\)?$/;

/** Tokens i..j−1 can be one figure (a thousands chain with single spaces). */
function chainEnd(figs: Tok[], i: number): number {
  let j = i + 1;
  if (!HEAD.test(figs[i].text)) return j;
  while (j < figs.length && TAIL.test(figs[j].text) && figs[j].c0 - figs[j - 1].c1 === 1) {
    j++;
    if (!/^\d{3}$/.test(figs[j - 1].text)) break;
  }
  return j;
}

export interface RowInput {
  figs: Tok[];
  /** Gap before the first figure (from the label, or the line start + 1). */
  lead: number;
}

const TRAIL = DUMP_SETTINGS.trailingBlank;
const BALANCE = DUMP_SETTINGS.chainBalance;
const MISFIT = DUMP_SETTINGS.misfit;
const LONG = DUMP_SETTINGS.longChain;

/**
 * All readings of a row that fill K cells with a cost within `slack` of the best (at most `limit`).
 */
export function readRow(row: RowInput, K: number, m: Model, slack = 0, limit = 64): Reading[] {
  const { figs } = row;
  const n = figs.length;
  if (!n) return [{ cells: new Array(K).fill(''), cost: K * TRAIL, blanks: K }];
  const ends = new Int32Array(n);
  const gaps = new Float64Array(n);
  const seps = new Float64Array(n);
  const cannotStart = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    ends[i] = chainEnd(figs, i);
    gaps[i] = i === 0 ? row.lead : figs[i].c0 - figs[i - 1].c1;
    // After the label one space is the separator whatever the table's; blanks add as elsewhere.
    seps[i] = i === 0 ? 1 : m.s0;
    // A three-digit group with a leading zero ("049") only ever ends a figure.
    cannotStart[i] = /^0\d\d/.test(figs[i].text) ? 1 : 0;
  }
  const gapBefore = (i: number) => gaps[i];
  const fitAt = (i: number, g: number, b: number) => MISFIT * Math.abs(g - (seps[i] + m.s1 * b));
  // h[i·W + k]: least cost to place figures i.. given k cells filled.
  const INF = Number.POSITIVE_INFINITY;
  const W = K + 1;
  const H = new Float64Array((n + 1) * W).fill(INF);
  for (let k = 0; k <= K; k++) H[n * W + k] = (K - k) * TRAIL;
  for (let i = n - 1; i >= 0; i--) {
    if (cannotStart[i]) continue;
    const g = gaps[i];
    const sep = seps[i];
    const end = ends[i];
    for (let k = 0; k < K; k++) {
      let best = INF;
      for (let b = 0; k + b < K; b++) {
        const want = sep + m.s1 * b;
        const c = MISFIT * (g > want ? g - want : want - g);
        if (c >= best) {
          if (want > g) break;
          continue;
        }
        const col = k + b + 1;
        for (let j = i + 1; j <= end; j++) {
          const len = j - i - 1;
          const v = c + BALANCE * len * len + (len >= 4 ? LONG : 0) + H[j * W + col];
          if (v < best) best = v;
        }
      }
      H[i * W + k] = best;
    }
  }
  const h = { at: (i: number, k: number) => H[i * W + k] };
  // Figures of many digit groups are rarer than short ones: a small cost keeps chains balanced;
  // beyond four groups (a trillion) a chain is almost surely two figures.
  const chainCost = (len: number) => BALANCE * (len - 1) * (len - 1) + (len >= 5 ? LONG : 0);
  const best = H[0];
  if (best === INF) return [];
  const out: Reading[] = [];
  const cells: string[] = new Array(K).fill('');
  const walk = (i: number, k: number, acc: number, blanks: number) => {
    if (out.length >= limit) return;
    if (i === n) {
      out.push({ cells: cells.slice(), cost: acc + (K - k) * TRAIL, blanks: blanks + K - k });
      return;
    }
    const g = gapBefore(i);
    if (cannotStart[i]) return;
    // Best continuations first, so that the readings kept are the best ones.
    const options: { b: number; j: number; c: number; total: number }[] = [];
    for (let b = 0; k + b < K; b++) {
      const c0 = fitAt(i, g, b);
      if (c0 > best + slack + 1 && (i === 0 ? 1 : m.s0) + m.s1 * b > g) break;
      for (let j = i + 1; j <= ends[i]; j++) {
        const c = c0 + chainCost(j - i);
        const total = acc + c + h.at(j, k + b + 1);
        if (total <= best + slack + 1e-9) options.push({ b, j, c, total });
      }
    }
    options.sort((x, y) => x.total - y.total);
    for (const { b, j, c } of options) {
      if (out.length >= limit) return;
      cells[k + b] = figs
        .slice(i, j)
        .map((t) => t.text)
        .join(' ');
      walk(j, k + b + 1, acc + c, blanks + b);
      cells[k + b] = '';
    }
  };
  walk(0, 0, 0, 0);
  out.sort((a, b) => a.cost - b.cost);
  return out;
}

/**
 * Read a row, moving leading figures into the label when the row cannot fill K cells otherwise
 * ("> 90 20 23 43": "90" is part of the label).
 */
export function readFlexible(row: RowInput, K: number, m: Model, slack = 0, limit = 64): { readings: Reading[]; absorbed: number } {
  let cur = row;
  for (let absorbed = 0; absorbed <= 2 && cur.figs.length; absorbed++) {
    const readings = readRow(cur, K, m, slack, limit);
    if (readings.length) return { readings, absorbed };
    if (cur.figs.length < 2) break;
    cur = { figs: cur.figs.slice(1), lead: cur.figs[1].c0 - cur.figs[0].c1 };
  }
  return { readings: [], absorbed: 0 };
}
