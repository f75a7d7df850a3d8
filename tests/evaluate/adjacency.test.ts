import { describe, expect, it } from 'vitest';
import { adjacencies, compareAdjacency } from '../../src/evaluate/adjacency.js';

const asText = (grid: string[][]): string[] => adjacencies(grid).map((a) => `${a.from} ${a.direction === 'right' ? '→' : '↓'} ${a.to}`).sort();

describe('ICDAR 2013 cell adjacency', () => {
  it('links each non-empty cell to its nearest neighbour right and below', () => {
    expect(asText([['a', 'b'], ['c', 'd']])).toEqual(['a ↓ c', 'a → b', 'b ↓ d', 'c → d'].sort());
  });

  it('skips blank cells when looking for the nearest neighbour', () => {
    const grid = [
      ['a', '', 'b'],
      ['', 'c', ''],
      ['d', '', 'e'],
    ];
    expect(asText(grid)).toEqual(['a → b', 'd → e', 'a ↓ d', 'b ↓ e'].sort());
  });

  it('treats a merged cell (text top-left, rest empty) and ragged rows alike', () => {
    const merged = [['2007', '', '2008', ''], ['USD', '(1)', 'USD', '(2)']];
    expect(asText(merged)).toEqual(['2007 → 2008', 'USD → (1)', '(1) → USD', 'USD → (2)', '2007 ↓ USD', '2008 ↓ USD'].sort());
    expect(asText([['a', 'b', 'c'], ['d']])).toEqual(['a → b', 'b → c', 'a ↓ d'].sort());
  });

  it('normalises whitespace in cell texts', () => {
    expect(asText([['2  167 ', '\n x']])).toEqual(['2 167 → x']);
  });

  it('compares relations as multisets', () => {
    const gold = [['Region', '2007', '2008'], ['Africa', '1', '2'], ['Europe', '3', '']];
    const output = [['Region', '2007', '2008'], ['Africa', '1', '2'], ['Europe', '3', '4']];
    // gold: 5 across + 5 down; the output adds 3 → 4 and 2 ↓ 4.
    expect(compareAdjacency(gold, output)).toEqual({ correct: 10, expected: 10, found: 12, precision: 10 / 12, recall: 1, f1: 20 / 22 });
    // Repeated relations count as often as they occur.
    expect(compareAdjacency([['x', 'x', 'x']], [['x', 'x']])).toMatchObject({ correct: 1, expected: 2, found: 1 });
  });

  it('gives nothing for an empty grid', () => {
    expect(adjacencies([])).toEqual([]);
    expect(compareAdjacency([], [])).toMatchObject({ correct: 0, precision: null, recall: null, f1: null });
  });
});
