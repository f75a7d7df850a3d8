/**
 * Table scores: which gold tables the output found, and the ICDAR 2013 cell-adjacency
 * precision/recall/F1 of each matched pair and overall. Kept independent of the other sections so
 * that the table stage can use it on its own.
 */
import type { Gold } from './gold.js';
import { compareAdjacency, countNonEmpty } from './adjacency.js';
import { similarity } from '../text/levenshtein.js';
import { dice, greedyPairs, prf, ratio, type Prf } from './metrics.js';
import { fold, normaliseSpace } from './text.js';
import type { OutputTable } from './read-output.js';

/** Titles at least this similar (case-folded) identify the same table. */
export const TITLE_SIMILARITY = 0.9;
/** Failing a title, tables sharing at least this Dice overlap of cell texts are the same table. */
export const CELL_OVERLAP = 0.3;

export interface TableView {
  id: string;
  title: string | null;
  headerRows: number;
  /** Header rows first, then body rows. */
  grid: string[][];
  pageStart: number | null;
  pageEnd: number | null;
}

export type MatchedBy = 'title' | 'cells' | 'page';

export interface TableShape {
  rows: number;
  cols: number;
  headerRows: number;
}

export interface TableResult {
  gold: string;
  output: string | null;
  matchedBy: MatchedBy | null;
  goldShape: TableShape;
  outputShape: TableShape | null;
  /** Compared with an empty grid when the table was not found. */
  adjacency: Prf;
}

export interface TableScore {
  /** Gold tables that have cells. */
  expected: number;
  found: number;
  recall: number | null;
  /** found / output tables (those matched to a cell-less gold table left out). */
  precision: number | null;
  tables: TableResult[];
  /** Gold tables without cells (e.g. printed as an image): left out of every figure. */
  excluded: { gold: string; output: string | null; matchedBy: MatchedBy | null }[];
  /** Output tables matched to no gold table. */
  extra: string[];
  /** Summed over the gold tables with cells; unmatched output tables are not included. */
  adjacency: Prf;
}

/** Gold tables, plus table blocks that have no entry in `tables` (not transcribed) as empty grids. */
export function goldTables(gold: Gold): TableView[] {
  const views: TableView[] = gold.tables.map((t) => ({
    id: t.id,
    title: t.title ?? null,
    headerRows: t.header_rows.length,
    grid: [...t.header_rows, ...t.rows],
    pageStart: t.page ?? null,
    pageEnd: t.page_last ?? t.page ?? null,
  }));
  const known = new Set(views.map((v) => v.id));
  for (const block of gold.blocks) {
    if (block.kind !== 'table' || known.has(block.id)) continue;
    views.push({ id: block.id, title: null, headerRows: 0, grid: [], pageStart: block.page ?? null, pageEnd: block.page_last ?? block.page ?? null });
  }
  return views;
}

export function outputTableView(table: OutputTable): TableView {
  const r = table.record;
  return { id: r.table_id, title: r.title, headerRows: r.header_rows, grid: table.grid, pageStart: r.page_start, pageEnd: r.page_end ?? r.page_start };
}

function shapeOf(view: TableView): TableShape {
  return { rows: view.grid.length, cols: Math.max(0, ...view.grid.map((row) => row.length)), headerRows: view.headerRows };
}

const cellTexts = (grid: string[][]): string[] => grid.flat().map(normaliseSpace).filter((t) => t !== '');

/** Dice coefficient of the two tables' multisets of non-empty cell texts. */
export function cellOverlap(a: string[][], b: string[][]): number {
  return dice(cellTexts(a), cellTexts(b));
}

function pagesOverlap(a: TableView, b: TableView): boolean {
  if (a.pageStart === null || b.pageStart === null) return false;
  return a.pageStart <= (b.pageEnd ?? b.pageStart) && b.pageStart <= (a.pageEnd ?? a.pageStart);
}

/**
 * One-to-one matching in three passes, best pairs first: by title, then (for gold tables with
 * cells) by cell overlap, then (for gold tables without cells) by overlapping pages.
 */
export function matchTables(gold: TableView[], output: TableView[]): Map<TableView, { output: TableView; by: MatchedBy }> {
  const matched = new Map<TableView, { output: TableView; by: MatchedBy }>();
  const taken = { gold: new Set<TableView>(), output: new Set<TableView>() };
  const pass = (by: MatchedBy, golds: TableView[], score: (g: TableView, o: TableView) => number, min: number): void => {
    for (const [g, o] of greedyPairs(golds, output, score, min, taken)) matched.set(g, { output: o, by });
  };
  const titleScore = (g: TableView, o: TableView): number =>
    g.title && o.title && fold(g.title) !== '' && fold(o.title) !== '' ? similarity(fold(g.title), fold(o.title)) : 0;
  const withCells = gold.filter((g) => countNonEmpty(g.grid) > 0);
  const withoutCells = gold.filter((g) => countNonEmpty(g.grid) === 0);
  pass('title', gold, titleScore, TITLE_SIMILARITY);
  pass('cells', withCells, (g, o) => cellOverlap(g.grid, o.grid), CELL_OVERLAP);
  pass('page', withoutCells, (g, o) => (pagesOverlap(g, o) ? 1 : 0), 1);
  return matched;
}

export function scoreTables(gold: Gold, output: OutputTable[]): TableScore {
  const golds = goldTables(gold);
  const outputs = output.map(outputTableView);
  const matches = matchTables(golds, outputs);
  const tables: TableResult[] = [];
  const excluded: TableScore['excluded'] = [];
  for (const g of golds) {
    const match = matches.get(g);
    if (countNonEmpty(g.grid) === 0) {
      excluded.push({ gold: g.id, output: match?.output.id ?? null, matchedBy: match?.by ?? null });
      continue;
    }
    tables.push({
      gold: g.id,
      output: match?.output.id ?? null,
      matchedBy: match?.by ?? null,
      goldShape: shapeOf(g),
      outputShape: match ? shapeOf(match.output) : null,
      adjacency: compareAdjacency(g.grid, match?.output.grid ?? []),
    });
  }
  const matchedOutputs = new Set([...matches.values()].map((m) => m.output));
  const found = tables.filter((t) => t.output !== null).length;
  const sum = (pick: (p: Prf) => number): number => tables.reduce((n, t) => n + pick(t.adjacency), 0);
  return {
    expected: tables.length,
    found,
    recall: ratio(found, tables.length),
    precision: ratio(found, outputs.length - excluded.filter((e) => e.output !== null).length),
    tables,
    excluded,
    extra: outputs.filter((o) => !matchedOutputs.has(o)).map((o) => o.id),
    adjacency: prf(sum((p) => p.correct), sum((p) => p.expected), sum((p) => p.found)),
  };
}
