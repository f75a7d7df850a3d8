/**
 * Numbering patterns and the paragraph sequence. A report's paragraphs are numbered 1, 2, 3 …;
 * other numbered things (strategy points in boxes, annex items, lettered lists) reuse small
 * numbers. Choosing the longest near-consecutive increasing chain of candidates separates them
 * without knowing what those other things are.
 */
import { UNREAD_LABEL } from '../model/page.js';

/** "35. Text", "35.\tText"; the number and the rest. */
export const PARAGRAPH_NUMBER = /^(\d{1,4})\.\s+(\S.*)$/;
/** A resolution's number and title: "47/101. Title", "S-19/2. Title", "49/315 A. Title". */
export const RESOLUTION_TITLE = /^((?:[A-Z]{1,3}-)?\d{1,4}\/\d{1,4}(?: ?[A-Z])?)\.\s+(\S.*)$/;
export const ROMAN_LABEL = /^([IVXLC]{1,6})\.\s+(.+)$/;
export const LETTER_LABEL = /^([A-Z])\.\s+(.+)$/;
export const BULLET = /^[•▪◦‣∙·●○■□►▸–-]\s+(.+)$/;
export const LETTERED_ITEM = /^\(([a-z]{1,3}|[ivx]{1,5}|\d{1,2})\)\s+(.+)$/;

/** A heading whose label OCR saw but could not read (see load/labels.ts). */
export const UNREAD_LABELLED = new RegExp(`^${UNREAD_LABEL}\\.\\s+(.+)$`);

/** The roman numeral of n (1…399). */
export function toRoman(n: number): string {
  const parts: [number, string][] = [[100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, r] of parts) for (; n >= v; n -= v) out += r;
  return out;
}

export function romanValue(s: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100 };
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]];
    const b = v[s[i + 1]] ?? 0;
    if (!a) return null;
    total += a < b ? -a : a;
  }
  return total > 0 ? total : null;
}

export interface Candidate {
  /** Index of the candidate in document order (the caller's id). */
  id: number;
  number: number;
  /** How much the candidate looks like a paragraph opening (0..1); default 1. */
  weight?: number;
}

export const SEQUENCE_SETTINGS = {
  /** How many earlier candidates a candidate may follow (bounds the work on long documents). */
  window: 400,
  /** Cost of each number skipped between two chained candidates … */
  gapPenalty: 0.6,
  /** … up to this much: a run of missing pages (an excerpt) costs no more than a few skips. */
  maxGapCost: 2,
  /** A chain that starts at 1 is worth this much more. */
  startBonus: 2,
};

/**
 * The ids of the candidates that form the paragraph sequence: the best-scoring strictly
 * increasing chain, where a step of +1 earns 1 and a larger step earns less (a skipped or
 * unreadable paragraph costs, but does not break the chain).
 */
export function chooseSequence(cands: Candidate[], s = SEQUENCE_SETTINGS): Set<number> {
  const n = cands.length;
  const best = new Float64Array(n);
  const prev = new Int32Array(n).fill(-1);
  let top = -1;
  for (let i = 0; i < n; i++) {
    const ni = cands[i].number;
    const w = cands[i].weight ?? 1;
    best[i] = w + (ni === 1 ? s.startBonus : -Math.min(s.maxGapCost, s.gapPenalty * (ni - 1)));
    for (let j = Math.max(0, i - s.window); j < i; j++) {
      const step = ni - cands[j].number;
      if (step <= 0) continue;
      const v = best[j] + w - Math.min(s.maxGapCost, s.gapPenalty * (step - 1));
      if (v > best[i]) {
        best[i] = v;
        prev[i] = j;
      }
    }
    if (top < 0 || best[i] >= best[top]) top = i;
  }
  const chosen = new Set<number>();
  for (let i = top; i >= 0; i = prev[i]) chosen.add(cands[i].id);
  return chosen;
}

/**
 * Paragraph numbers OCR misread ("204." for "294.", "118." twice for 118 and 119): a candidate
 * left out of the chosen sequence whose chosen neighbours are two apart is the number between
 * them, when it is the only candidate there and `misreadable` (an OCR'd line). Returns the
 * candidates to add, by id, with their number.
 */
export function fillMisreadNumbers(cands: Candidate[], chosen: Set<number>, misreadable: (id: number) => boolean): Map<number, number> {
  const out = new Map<number, number>();
  const inChain = cands.filter((c) => chosen.has(c.id));
  for (let k = 0; k + 1 < inChain.length; k++) {
    const [a, b] = [inChain[k], inChain[k + 1]];
    if (b.number - a.number !== 2) continue;
    const between = cands.filter((c) => c.id > a.id && c.id < b.id);
    if (between.length === 1 && misreadable(between[0].id)) out.set(between[0].id, a.number + 1);
  }
  return out;
}
