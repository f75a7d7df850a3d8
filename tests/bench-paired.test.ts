import { describe, expect, it } from 'vitest';
import { median, parseTimeLine, runPairs, summarisePairs, type Usage } from '../bench/paired.js';

const u = (wallSeconds: number, cpuSeconds: number, peakMiB = 10): Usage => ({ wallSeconds, cpuSeconds, peakRssBytes: peakMiB * 1024 * 1024 });

describe('paired bench logic', () => {
  it('runs one warm-up pair, then A B A B, and keeps only the timed pairs', () => {
    const calls: string[] = [];
    let n = 0;
    const got = runPairs(3, () => (calls.push('A'), `A${n++}`), () => (calls.push('B'), `B${n++}`));
    expect(calls.join('')).toBe('ABABABAB');
    expect(got).toEqual([['A2', 'B3'], ['A4', 'B5'], ['A6', 'B7']]);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('summarises the ratio inside each pair, not the ratio of medians', () => {
    // The machine slows down for the last two pairs: the ratios stay 10, 10, 10, 8, 12.
    const pairs: Array<[Usage, Usage]> = [
      [u(1, 2), u(0.1, 0.1)],
      [u(1, 2), u(0.1, 0.1)],
      [u(2, 4), u(0.2, 0.2)],
      [u(4, 8), u(0.5, 0.4)],
      [u(6, 9, 30), u(0.5, 0.5, 5)],
    ];
    const sum = summarisePairs(pairs);
    expect(sum.wallRatio.median).toBeCloseTo(10);
    expect(sum.wallRatio.min).toBeCloseTo(8);
    expect(sum.wallRatio.max).toBeCloseTo(12);
    expect(sum.cpuRatio.median).toBeCloseTo(20);
    expect(sum.a.wall).toEqual({ median: 2, min: 1, max: 6 });
    expect(sum.a.peakRssBytes).toBe(30 * 1024 * 1024);
    expect(sum.b.peakRssBytes).toBe(10 * 1024 * 1024);
  });

  it('reads the last usage line of GNU time and adds user and system time', () => {
    const stderr = 'warning from the command\nBENCH_USAGE 9 9 9 9\nmore\nBENCH_USAGE 2.50 1.75 0.25 204800\n';
    expect(parseTimeLine(stderr)).toEqual({ wallSeconds: 2.5, cpuSeconds: 2, peakRssBytes: 200 * 1024 * 1024 });
    expect(() => parseTimeLine('Command terminated by signal 9\n')).toThrow();
  });
});
