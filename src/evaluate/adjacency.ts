/**
 * Cell adjacency relations as defined by the ICDAR 2013 table competition: for every non-empty
 * cell, its nearest non-empty neighbour to the right in the same row and below in the same column.
 * Blank cells are skipped. A spanning cell occupies every row and column of its span, so it is
 * next to each neighbour along its whole edge (a header over three columns has three cells below
 * it); a grid of strings is read as one-by-one cells, where a merge printed as "text top-left,
 * rest empty" simply leaves blanks.
 */
import { prf, type Prf } from './metrics.js';
import { normaliseSpace } from './text.js';

export type Direction = 'right' | 'below';

export interface Adjacency {
  from: string;
  to: string;
  direction: Direction;
}

/** A cell with its span: rows `row`…`rowEnd`, columns `col`…`colEnd` (inclusive, 0-based). */
export interface SpanCell {
  text: string;
  row: number;
  col: number;
  rowEnd: number;
  colEnd: number;
}

/** Each grid position a one-by-one cell. */
export function gridCells(grid: string[][]): SpanCell[] {
  return grid.flatMap((row, r) => row.map((text, c) => ({ text, row: r, col: c, rowEnd: r, colEnd: c })));
}

/**
 * The relations of cells with spans. Texts are compared after `normalise`; a cell whose normalised
 * text is empty is blank. Where two cells claim one position (a faulty gold file), the later wins.
 */
export function cellAdjacencies(cells: SpanCell[], normalise: (text: string) => string = normaliseSpace): Adjacency[] {
  const texts = cells.map((c) => normalise(c.text));
  const filled = cells.map((_, i) => i).filter((i) => texts[i] !== '');
  // Positions from 0 whatever the numbering (a gold file may start a table at row -1).
  const row0 = Math.min(0, ...filled.map((i) => cells[i].row));
  const col0 = Math.min(0, ...filled.map((i) => cells[i].col));
  const placed = cells.map((c) => ({ row: c.row - row0, col: c.col - col0, rowEnd: c.rowEnd - row0, colEnd: c.colEnd - col0 }));
  const rows = Math.max(0, ...filled.map((i) => placed[i].rowEnd + 1));
  const cols = Math.max(0, ...filled.map((i) => placed[i].colEnd + 1));
  const at: Int32Array = new Int32Array(rows * cols).fill(-1);
  for (const i of filled) {
    const c = placed[i];
    for (let r = c.row; r <= c.rowEnd; r++) for (let k = c.col; k <= c.colEnd; k++) at[r * cols + k] = i;
  }
  const relations: Adjacency[] = [];
  for (const i of filled) {
    const c = placed[i];
    const right = new Set<number>();
    for (let r = c.row; r <= c.rowEnd; r++) {
      for (let k = c.colEnd + 1; k < cols; k++) {
        const j = at[r * cols + k];
        if (j < 0 || j === i) continue;
        right.add(j);
        break;
      }
    }
    const below = new Set<number>();
    for (let k = c.col; k <= c.colEnd; k++) {
      for (let r = c.rowEnd + 1; r < rows; r++) {
        const j = at[r * cols + k];
        if (j < 0 || j === i) continue;
        below.add(j);
        break;
      }
    }
    for (const j of right) relations.push({ from: texts[i], to: texts[j], direction: 'right' });
    for (const j of below) relations.push({ from: texts[i], to: texts[j], direction: 'below' });
  }
  return relations;
}

export function adjacencies(grid: string[][]): Adjacency[] {
  return cellAdjacencies(gridCells(grid));
}

export function countNonEmpty(grid: string[][]): number {
  return grid.reduce((n, row) => n + row.filter((cell) => normaliseSpace(cell) !== '').length, 0);
}

const key = (a: Adjacency): string => `${a.direction}\u0000${a.from}\u0000${a.to}`;

/** Precision/recall/F1 of found relations against expected ones, compared as multisets. */
export function compareRelations(expected: Adjacency[], found: Adjacency[]): Prf {
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

/** Precision/recall/F1 of the output grid's relations against the gold grid's. */
export function compareAdjacency(gold: string[][], output: string[][]): Prf {
  return compareRelations(adjacencies(gold), adjacencies(output));
}
