/**
 * Cell adjacency relations as defined by the ICDAR 2013 table competition: for every non-empty
 * cell, its nearest non-empty neighbour to the right in the same row and below in the same column.
 * Blank cells (including the covered part of a merged cell) are skipped, so the relations do not
 * depend on how a merge was represented, only on what is printed next to what.
 */
import { prf, type Prf } from './metrics.js';
import { normaliseSpace } from './text.js';

export type Direction = 'right' | 'below';

export interface Adjacency {
  from: string;
  to: string;
  direction: Direction;
}

export function adjacencies(grid: string[][]): Adjacency[] {
  const cells = grid.map((row) => row.map(normaliseSpace));
  const width = Math.max(0, ...cells.map((row) => row.length));
  const at = (r: number, c: number): string => cells[r][c] ?? '';
  const relations: Adjacency[] = [];
  for (let r = 0; r < cells.length; r++) {
    let next = ''; // nearest non-empty cell to the right, scanning leftwards
    for (let c = width - 1; c >= 0; c--) {
      const text = at(r, c);
      if (text === '') continue;
      if (next !== '') relations.push({ from: text, to: next, direction: 'right' });
      next = text;
    }
  }
  for (let c = 0; c < width; c++) {
    let next = '';
    for (let r = cells.length - 1; r >= 0; r--) {
      const text = at(r, c);
      if (text === '') continue;
      if (next !== '') relations.push({ from: text, to: next, direction: 'below' });
      next = text;
    }
  }
  return relations;
}

export function countNonEmpty(grid: string[][]): number {
  return grid.reduce((n, row) => n + row.filter((cell) => normaliseSpace(cell) !== '').length, 0);
}

const key = (a: Adjacency): string => `${a.direction}\u0000${a.from}\u0000${a.to}`;

/** Precision/recall/F1 of the output's relations against the gold's, compared as multisets. */
export function compareAdjacency(gold: string[][], output: string[][]): Prf {
  const expected = adjacencies(gold);
  const found = adjacencies(output);
  const counts = new Map<string, number>();
  for (const a of expected) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
  let correct = 0;
  for (const a of found) {
    const left = counts.get(key(a)) ?? 0;
    if (left > 0) {
      correct++;
      counts.set(key(a), left - 1);
    }
  }
  return prf(correct, expected.length, found.length);
}
