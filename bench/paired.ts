/**
 * Paired timing of two commands: run A B A B … after one warm-up of each, so that both sides see
 * the same drift of a shared or throttled machine, and judge by the ratio inside each pair. Pure
 * logic here (the schedule, GNU time's line, the summaries), processes in bench.ts.
 */

/** One child process as GNU time reports it: wall and CPU seconds, peak resident set in bytes. */
export interface Usage {
  wallSeconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
}

/** Format string for `/usr/bin/time -f`: a marked line that parseTimeLine reads back. */
export const TIME_FORMAT = 'BENCH_USAGE %e %U %S %M';

/** Reads the line TIME_FORMAT printed (the last one: the command may write its own stderr). */
export function parseTimeLine(stderr: string): Usage {
  const lines = stderr.split('\n').filter((l) => l.startsWith('BENCH_USAGE '));
  const last = lines[lines.length - 1];
  if (!last) throw new Error('no resource usage line from /usr/bin/time');
  const [wall, user, sys, maxKb] = last.split(/\s+/).slice(1).map(Number);
  if ([wall, user, sys, maxKb].some((x) => !Number.isFinite(x))) throw new Error(`unreadable usage line: ${last}`);
  return { wallSeconds: wall, cpuSeconds: user + sys, peakRssBytes: maxKb * 1024 };
}

/** Runs the warm-up pair, then `pairs` pairs, A always first; returns the timed pairs only. */
export function runPairs<T>(pairs: number, runA: () => T, runB: () => T): Array<[T, T]> {
  runA();
  runB();
  const out: Array<[T, T]> = [];
  for (let i = 0; i < pairs; i++) out.push([runA(), runB()]);
  return out;
}

export function median(xs: number[]): number {
  if (!xs.length) throw new Error('median of nothing');
  const s = xs.slice().sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
}

export function spread(xs: number[]): Spread {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

/** A's figure over B's in each pair: the ratio is taken inside the pair, then summarised. */
export function pairRatios(pairs: Array<[Usage, Usage]>, pick: (u: Usage) => number): Spread {
  return spread(pairs.map(([a, b]) => pick(a) / pick(b)));
}

export interface PairSummary {
  wallRatio: Spread;
  cpuRatio: Spread;
  a: { wall: Spread; cpu: Spread; peakRssBytes: number };
  b: { wall: Spread; cpu: Spread; peakRssBytes: number };
}

export function summarisePairs(pairs: Array<[Usage, Usage]>): PairSummary {
  const side = (i: 0 | 1) => ({
    wall: spread(pairs.map((p) => p[i].wallSeconds)),
    cpu: spread(pairs.map((p) => p[i].cpuSeconds)),
    peakRssBytes: Math.max(...pairs.map((p) => p[i].peakRssBytes)),
  });
  return {
    wallRatio: pairRatios(pairs, (u) => u.wallSeconds),
    cpuRatio: pairRatios(pairs, (u) => u.cpuSeconds),
    a: side(0),
    b: side(1),
  };
}
