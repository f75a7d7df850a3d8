import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { levenshtein, similarAtLeast, similarity } from '../../src/text/levenshtein.js';

/** The textbook table, as the reference. */
function reference(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

function randomStrings(count: number, seed: number): [string, string][] {
  let state = seed;
  const next = (): number => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const make = (alphabet: string): string => Array.from({ length: Math.floor(next() * 150) }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
  return Array.from({ length: count }, (_, i) => {
    const alphabet = ['ab', 'abc', 'abcdefghij '][i % 3];
    return [make(alphabet), make(alphabet)];
  });
}

describe('levenshtein', () => {
  it('gives the textbook distances', () => {
    expect(levenshtein('kitten', 'sitting')).toBe(3);
    expect(levenshtein('flaw', 'lawn')).toBe(2);
    expect(levenshtein('', 'abc')).toBe(3);
    expect(levenshtein('abc', '')).toBe(3);
    expect(levenshtein('', '')).toBe(0);
    expect(levenshtein('same text', 'same text')).toBe(0);
    expect(levenshtein('Guinea-Bissau', 'Guinea- Bissau')).toBe(1);
  });

  it('agrees with the full table on random strings, across 32-bit block boundaries', () => {
    for (const [a, b] of randomStrings(600, 7)) expect(levenshtein(a, b)).toBe(reference(a, b));
    const long = 'x'.repeat(31) + 'abc'.repeat(20);
    expect(levenshtein(long, long.replace('abc', 'acb'))).toBe(2);
    expect(levenshtein('a'.repeat(64), 'b'.repeat(64))).toBe(64);
    expect(levenshtein('a'.repeat(65), 'a'.repeat(32))).toBe(33);
  });

  it('stops at max + 1 when bounded, and is exact within the bound', () => {
    for (const [a, b] of randomStrings(300, 11)) {
      const exact = reference(a, b);
      for (const max of [0, 3, 10, 40]) expect(levenshtein(a, b, max)).toBe(exact > max ? max + 1 : exact);
    }
  });

  it('handles characters outside ASCII (typographic quotes, dashes)', () => {
    expect(levenshtein('year’s – total', "year's - total")).toBe(2);
  });

  it('compares every gold paragraph with an unrelated one in well under a second', async () => {
    // Worst case for real text: nothing in common, so no prefix or suffix to strip.
    const gold = JSON.parse(await readFile('fixtures/mc2278/gold.json', 'utf8')) as { blocks: { kind: string; text?: string }[] };
    const texts = gold.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text ?? '');
    expect(texts).toHaveLength(372);
    const started = performance.now();
    for (let i = 0; i < texts.length; i++) similarity(texts[i], [...texts[(i + 1) % texts.length]].reverse().join(''));
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('is exact on a 2,000-character pair (63 blocks)', () => {
    const a = 'migration management '.repeat(100);
    const b = 'management of migration '.repeat(84);
    expect(levenshtein(a, b)).toBe(reference(a, b));
  });
});

describe('similarity', () => {
  it('is 1 − distance / longer length', () => {
    expect(similarity('', '')).toBe(1);
    expect(similarity('abcd', 'abcd')).toBe(1);
    expect(similarity('abcd', 'abce')).toBe(0.75);
    expect(similarity('abcd', '')).toBe(0);
  });

  it('similarAtLeast agrees with similarity at the 0.98 threshold', () => {
    const a = 'To enhance the humane and orderly management of migration and the effective respect.';
    expect(similarAtLeast(a, a.replace('the humane', 'thehumane'), 0.98)).toBe(true);
    expect(similarAtLeast(a, a.replace('humane', 'humble'), 0.98)).toBe(false);
    for (const [x, y] of randomStrings(200, 3)) expect(similarAtLeast(x, y, 0.9)).toBe(similarity(x, y) >= 0.9 - 1e-12);
  });
});
