/**
 * One document's tables against ICDAR 2013 ground truth: the competition's cell-adjacency
 * precision/recall/F1 per table and for the document, and (with the region file and the pages'
 * words) region completeness and purity.
 *
 * Strict about what is missing or extra: a true table no output table matches counts all its
 * relations against recall; an output table that matches no true table counts all its relations
 * against precision. The document's figures are sums over all of these (micro).
 *
 * Our tables are matched one-to-one to the true ones among those on the same page(s). A pair is a
 * candidate when their cell texts overlap (Dice of the normalised texts) or one's box lies mostly
 * in the other's; pairs are taken best first, by text overlap plus the boxes' intersection over
 * union — so a large table covering the true one is preferred to a fragment lying inside it.
 */
import { cellAdjacencies, compareRelations, gridCells, type SpanCell } from './adjacency.js';
import { flipHeights, toTopLeft, type IcdarBox, type IcdarFile, type IcdarTable, type PageSize } from './icdar.js';
import { regionScore, type Box, type PageWords, type RegionScore } from './icdar-regions.js';
import { icdarText } from './icdar-text.js';
import { dice, greedyPairs, mean, prf, ratio, type Prf } from './metrics.js';

/** A table pair is a candidate when their cell texts overlap this much (Dice) … */
export const ICDAR_CELL_OVERLAP = 0.3;
/** … or when this share of the smaller one's box area (summed over shared pages) lies in both. */
export const ICDAR_BOX_OVERLAP = 0.5;
/** A true region counts as found when at least this share of its characters is in the match. */
export const REGION_COMPLETE = 0.9;

/** A table of ours as the ICDAR scorer needs it. */
export interface IcdarOutputTable {
  id: string;
  grid: string[][];
  /** Merged cells of `grid` (rows from the first header row). */
  spans: { row: number; col: number; rowspan: number; colspan: number }[];
  /** One box per page, top-left origin; empty when unknown. */
  boxes: Box[];
  pageStart: number | null;
  pageEnd: number | null;
}

export interface IcdarOutput {
  tables: IcdarOutputTable[];
  /** Page sizes (to turn the gold's bottom-left boxes round); a page absent: unknown. */
  pageSizes: Map<number, PageSize>;
}

export interface IcdarTableResult {
  gold: string;
  pages: number[];
  output: string | null;
  adjacency: Prf;
}

export interface IcdarRegionResult extends RegionScore {
  gold: string;
  pages: number[];
  output: string | null;
}

export interface IcdarRegionSummary {
  /** True regions (tables of the region file). */
  expected: number;
  /** Those holding no characters of the page's words (nothing to measure): left out below. */
  empty: number;
  /** Regions found with completeness ≥ REGION_COMPLETE, and their share of the measurable ones. */
  complete: number;
  completeShare: number | null;
  /** Matched regions with purity ≥ REGION_COMPLETE. */
  pure: number;
  meanCompleteness: number | null;
  meanPurity: number | null;
  /** Output tables matched to no true table (all impure). */
  extra: number;
}

export interface IcdarScore {
  tables: IcdarTableResult[];
  /** Output tables matched to no true table: their relations are all false. */
  extra: { output: string; adjacency: Prf }[];
  /** Summed over true tables and extra output tables. */
  adjacency: Prf;
  /** Mean of the true tables' F1 (tables with no relations on either side left out). */
  macroF1: number | null;
  regions: { tables: IcdarRegionResult[]; summary: IcdarRegionSummary } | null;
}

/** Cells of one of our tables, a merged cell covering its span. */
export function outputCells(t: IcdarOutputTable): SpanCell[] {
  const cells = gridCells(t.grid);
  const at = new Map(cells.map((c) => [`${c.row},${c.col}`, c]));
  for (const sp of t.spans) {
    const c = at.get(`${sp.row},${sp.col}`);
    if (!c) continue;
    c.rowEnd = sp.row + sp.rowspan - 1;
    c.colEnd = sp.col + sp.colspan - 1;
  }
  return cells;
}

function union(boxes: IcdarBox[]): IcdarBox {
  return {
    x1: Math.min(...boxes.map((b) => b.x1)),
    y1: Math.min(...boxes.map((b) => b.y1)),
    x2: Math.max(...boxes.map((b) => b.x2)),
    y2: Math.max(...boxes.map((b) => b.y2)),
  };
}

/** A true table's box on each of its pages (the region's, else its cells' union), top-left origin. */
export function goldBoxes(t: IcdarTable, flips: Map<number, number>): Box[] {
  const out: Box[] = [];
  for (const r of t.regions) {
    const flip = flips.get(r.page);
    const cellBoxes = t.cells.filter((c) => c.page === r.page && c.box).map((c) => c.box as IcdarBox);
    const box = r.box ?? (cellBoxes.length ? union(cellBoxes) : null);
    if (flip === undefined || !box) continue;
    out.push({ page: r.page, ...toTopLeft(box, flip) });
  }
  return out;
}

const area = (b: { x0: number; y0: number; x1: number; y1: number }): number => Math.max(0, b.x1 - b.x0) * Math.max(0, b.y1 - b.y0);

/** Shared area, and the area of each side, summed over the pages. */
function areas(a: Box[], b: Box[]): { shared: number; a: number; b: number } {
  let shared = 0;
  let areaA = 0;
  let areaB = 0;
  for (const x of a) {
    for (const y of b) {
      if (x.page !== y.page) continue;
      shared += area({ x0: Math.max(x.x0, y.x0), y0: Math.max(x.y0, y.y0), x1: Math.min(x.x1, y.x1), y1: Math.min(x.y1, y.y1) });
    }
  }
  for (const x of a) areaA += area(x);
  for (const y of b) areaB += area(y);
  return { shared, a: areaA, b: areaB };
}

/** Shared area over the smaller side's area. */
export function boxOverlap(a: Box[], b: Box[]): number {
  const s = areas(a, b);
  const smaller = Math.min(s.a, s.b);
  return smaller > 0 ? s.shared / smaller : 0;
}

/** Shared area over the union's. */
export function boxIou(a: Box[], b: Box[]): number {
  const s = areas(a, b);
  const union = s.a + s.b - s.shared;
  return union > 0 ? s.shared / union : 0;
}

function outputPages(t: IcdarOutputTable): number[] {
  if (t.boxes.length) return t.boxes.map((b) => b.page);
  if (t.pageStart === null) return [];
  const pages: number[] = [];
  for (let p = t.pageStart; p <= (t.pageEnd ?? t.pageStart); p++) pages.push(p);
  return pages;
}

interface GoldView {
  table: IcdarTable;
  pages: number[];
  texts: string[];
  boxes: Box[];
}

interface OutputView {
  table: IcdarOutputTable;
  pages: Set<number>;
  texts: string[];
}

const textsOf = (cells: SpanCell[]): string[] => cells.map((c) => icdarText(c.text)).filter((t) => t !== '');

/** Pairs of true and output tables, one-to-one. */
export function matchIcdar(gold: IcdarFile, output: IcdarOutput): Map<IcdarTable, IcdarOutputTable> {
  const flips = flipHeights(gold, output.pageSizes);
  const golds: GoldView[] = gold.tables.map((t) => ({ table: t, pages: t.regions.map((r) => r.page), texts: textsOf(t.cells), boxes: goldBoxes(t, flips) }));
  const outputs: OutputView[] = output.tables.map((t) => ({ table: t, pages: new Set(outputPages(t)), texts: textsOf(outputCells(t)) }));
  const score = (g: GoldView, o: OutputView): number => {
    if (!g.pages.some((p) => o.pages.has(p))) return -1;
    const text = dice(g.texts, o.texts);
    const candidate = text >= ICDAR_CELL_OVERLAP || boxOverlap(g.boxes, o.table.boxes) >= ICDAR_BOX_OVERLAP;
    return candidate ? text + boxIou(g.boxes, o.table.boxes) : -1;
  };
  const pairs = greedyPairs(golds, outputs, score, 0, { gold: new Set(), output: new Set() });
  return new Map(pairs.map(([g, o]) => [g.table, o.table]));
}

const pagesOf = (t: IcdarTable): number[] => t.regions.map((r) => r.page);

function summarise(results: IcdarRegionResult[], extra: number): IcdarRegionSummary {
  const measured = results.filter((r) => r.completeness !== null);
  const complete = measured.filter((r) => (r.completeness as number) >= REGION_COMPLETE).length;
  const purities = results.filter((r) => r.purity !== null).map((r) => r.purity as number);
  return {
    expected: results.length,
    empty: results.length - measured.length,
    complete,
    completeShare: ratio(complete, measured.length),
    pure: purities.filter((p) => p >= REGION_COMPLETE).length,
    meanCompleteness: mean(measured.map((r) => r.completeness as number)),
    meanPurity: mean(purities),
    extra,
  };
}

export interface IcdarScoreOptions {
  /** The region file: with `words`, region completeness and purity are measured. */
  regions?: IcdarFile;
  words?: PageWords;
}

export function scoreIcdar(gold: IcdarFile, output: IcdarOutput, opts: IcdarScoreOptions = {}): IcdarScore {
  const matches = matchIcdar(gold, output);
  const matched = new Set(matches.values());
  const relationsOf = (t: IcdarOutputTable) => cellAdjacencies(outputCells(t), icdarText);
  const tables: IcdarTableResult[] = gold.tables.map((g) => {
    const o = matches.get(g);
    return { gold: g.id, pages: pagesOf(g), output: o?.id ?? null, adjacency: compareRelations(cellAdjacencies(g.cells, icdarText), o ? relationsOf(o) : []) };
  });
  const extra = output.tables.filter((o) => !matched.has(o)).map((o) => ({ output: o.id, adjacency: compareRelations([], relationsOf(o)) }));
  const all = [...tables.map((t) => t.adjacency), ...extra.map((e) => e.adjacency)];
  const sum = (pick: (p: Prf) => number): number => all.reduce((n, p) => n + pick(p), 0);
  const f1s = tables.map((t) => t.adjacency.f1).filter((f): f is number => f !== null);
  let regions: IcdarScore['regions'] = null;
  if (opts.regions && opts.words) {
    const words = opts.words;
    const byId = new Map(gold.tables.map((g) => [g.id, g]));
    const flips = flipHeights(opts.regions, output.pageSizes);
    const results: IcdarRegionResult[] = opts.regions.tables.map((r) => {
      const structure = byId.get(r.id);
      const o = structure ? matches.get(structure) : undefined;
      return { gold: r.id, pages: pagesOf(r), output: o?.id ?? null, ...regionScore(goldBoxes(r, flips), o?.boxes ?? [], words) };
    });
    regions = { tables: results, summary: summarise(results, extra.length) };
  }
  return { tables, extra, adjacency: prf(sum((p) => p.correct), sum((p) => p.expected), sum((p) => p.found)), macroF1: mean(f1s), regions };
}
