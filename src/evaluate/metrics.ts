/** Precision / recall / F1 and the one-to-one matchers that the section scorers share. */
import { similarAtLeast, similarity } from '../text/levenshtein.js';

export interface Prf {
  /** Items matched. */
  correct: number;
  /** Items in the gold. */
  expected: number;
  /** Items in the output. */
  found: number;
  /** null when there is nothing to divide by (no output items / no gold items / neither). */
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

export function prf(correct: number, expected: number, found: number): Prf {
  return {
    correct,
    expected,
    found,
    precision: ratio(correct, found),
    recall: ratio(correct, expected),
    // 2PR/(P+R) written so that it is 0, not undefined, when one side is empty.
    f1: ratio(2 * correct, expected + found),
  };
}

export function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;
}

export interface Matching<G, O> {
  pairs: [G, O][];
  missing: G[];
  extra: O[];
}

/** One-to-one matching on equal keys; equal keys pair up in document order. */
export function matchByKey<G, O>(gold: G[], output: O[], goldKey: (g: G) => string, outputKey: (o: O) => string): Matching<G, O> {
  const waiting = new Map<string, O[]>();
  for (const o of output) {
    const key = outputKey(o);
    const queue = waiting.get(key);
    if (queue) queue.push(o);
    else waiting.set(key, [o]);
  }
  const pairs: [G, O][] = [];
  const missing: G[] = [];
  for (const g of gold) {
    const o = waiting.get(goldKey(g))?.shift();
    if (o === undefined) missing.push(g);
    else pairs.push([g, o]);
  }
  const paired = new Set(pairs.map(([, o]) => o));
  const extra = output.filter((o) => !paired.has(o));
  return { pairs, missing, extra };
}

/**
 * Matches texts exactly first, then pairs the rest greedily by similarity ≥ `threshold`
 * (so that a stray space or a differently joined line still counts).
 */
export function matchTexts<G, O>(
  gold: G[],
  output: O[],
  goldText: (g: G) => string,
  outputText: (o: O) => string,
  threshold: number,
): Matching<G, O> {
  const exact = matchByKey(gold, output, goldText, outputText);
  const candidates: { g: G; o: O; score: number }[] = [];
  for (const g of exact.missing) {
    for (const o of exact.extra) {
      const a = goldText(g);
      const b = outputText(o);
      if (similarAtLeast(a, b, threshold)) candidates.push({ g, o, score: similarity(a, b) });
    }
  }
  candidates.sort((x, y) => y.score - x.score);
  const usedG = new Set<G>();
  const usedO = new Set<O>();
  const pairs = [...exact.pairs];
  for (const { g, o } of candidates) {
    if (usedG.has(g) || usedO.has(o)) continue;
    usedG.add(g);
    usedO.add(o);
    pairs.push([g, o]);
  }
  return {
    pairs,
    missing: exact.missing.filter((g) => !usedG.has(g)),
    extra: exact.extra.filter((o) => !usedO.has(o)),
  };
}

/** Dice coefficient of two multisets of strings: 2 × shared / total. */
export function dice(a: string[], b: string[]): number {
  const counts = new Map<string, number>();
  for (const x of a) counts.set(x, (counts.get(x) ?? 0) + 1);
  let shared = 0;
  for (const y of b) {
    const n = counts.get(y) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(y, n - 1);
    }
  }
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * shared) / total;
}

/**
 * One-to-one pairs, best first: every pair scoring at least `min` is a candidate; the highest
 * candidates are taken while neither side is taken yet. `taken` sides are skipped and updated.
 */
export function greedyPairs<G, O>(gold: G[], output: O[], score: (g: G, o: O) => number, min: number, taken: { gold: Set<G>; output: Set<O> }): [G, O][] {
  const candidates: { g: G; o: O; s: number }[] = [];
  for (const g of gold) {
    if (taken.gold.has(g)) continue;
    for (const o of output) {
      if (taken.output.has(o)) continue;
      const s = score(g, o);
      if (s >= min) candidates.push({ g, o, s });
    }
  }
  candidates.sort((p, q) => q.s - p.s);
  const pairs: [G, O][] = [];
  for (const { g, o } of candidates) {
    if (taken.gold.has(g) || taken.output.has(o)) continue;
    taken.gold.add(g);
    taken.output.add(o);
    pairs.push([g, o]);
  }
  return pairs;
}
