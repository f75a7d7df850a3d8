/**
 * Text into a ruled grid's cells: each word goes to the cell that contains its centre, and all the
 * lines inside one cell are that cell's text (a wrapped header cell is one cell, not a row per
 * line). Rows and columns nothing fills are dropped; header rows are the leading rows without
 * figures (in a table that has figures) or set in bold; label columns the leading columns without
 * figures.
 */
import type { Line } from '../../layout/lines.js';
import type { Rect, Word } from '../../model/page.js';
import { union } from '../../layout/geometry.js';
import { isNumericWord } from './fragments.js';
import type { Grid, GridCell } from './lattice.js';
import type { Column, Span } from './model.js';
import { joinParts } from './text-join.js';

const YEAR = /^(?:1[89]|20)\d\d$/;

export const LATTICE_CELL_SETTINGS = {
  /** Words on baselines this close (em) are on one line. */
  baselineTolerance: 0.3,
  /** A word may overhang a column edge by this much (em) without crossing it. */
  edgeSlack: 0.15,
  /** Words this far apart (em) on one line stand in different columns (a word space is 0.25–0.4). */
  columnGap: 0.75,
  /** A lone stop this far (em) from every word on its line in the cell is a speck. */
  strayGap: 1,
  /** Consecutive baselines of a band this many times its wrapped lines' pitch apart leave a blank line between them. */
  blankLine: 1.5,
};

export type LatticeCellSettings = typeof LATTICE_CELL_SETTINGS;

export interface CellText {
  cell: GridCell;
  words: Word[];
  text: string;
  numeric: boolean;
  bold: boolean;
}

export interface LatticeTable {
  header: string[][];
  body: string[][];
  spans: Span[];
  columns: Column[];
  labelColumns: number;
  /** Where each cell's text was printed (header rows, then body rows; null when empty). */
  boxes: (Rect | null)[][];
  /** The filled cells at their final positions (empty rows and columns dropped). */
  cells: CellText[];
}

const centreX = (w: Word) => (w.x0 + w.x1) / 2;
const centreY = (w: Word) => w.base - 0.3 * w.size;

/** Index i with edges[i] <= x < edges[i + 1], or -1 outside. */
function slot(edges: number[], x: number): number {
  if (x < edges[0] || x > edges[edges.length - 1]) return -1;
  let i = 0;
  while (i + 2 < edges.length && x >= edges[i + 1]) i++;
  return i;
}

/** The words of `lines` whose centres lie inside the grid. */
export function gridWords(grid: Grid, lines: Line[]): Word[] {
  const out: Word[] = [];
  for (const l of lines) for (const w of l.words) if (slot(grid.ys, centreY(w)) >= 0 && slot(grid.xs, centreX(w)) >= 0) out.push(w);
  return out;
}

/** Words on one baseline (within `tol`), top to bottom. */
function baselines(words: Word[], tol: number): Word[][] {
  const sorted = words.slice().sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const out: Word[][] = [];
  for (const w of sorted) {
    const last = out[out.length - 1];
    if (last && w.base - last[0].base <= tol) last.push(w);
    else out.push([w]);
  }
  return out;
}

/**
 * Inner column edges a spanning cell's text shows to be real columns whose rule was left out (a
 * body ruled only in its header): no word crosses the edge, and on a line with words either side
 * they stand a column gap apart, not a word space (a title centred over two columns is one
 * phrase).
 */
function unruledEdges(cell: GridCell, words: Word[], xs: number[], em: number, s: LatticeCellSettings): number[] {
  const out: number[] = [];
  const lines = baselines(words, s.baselineTolerance * em);
  for (let k = cell.col + 1; k < cell.col + cell.colspan; k++) {
    const x = xs[k];
    if (words.some((w) => w.x0 < x - s.edgeSlack * em && w.x1 > x + s.edgeSlack * em)) continue;
    let evidence = false;
    let against = false;
    for (const l of lines) {
      const left = l.filter((w) => centreX(w) < x);
      const right = l.filter((w) => centreX(w) >= x);
      if (!left.length || !right.length) continue;
      const gap = Math.min(...right.map((w) => w.x0)) - Math.max(...left.map((w) => w.x1));
      if (gap >= s.columnGap * em) evidence = true;
      else against = true;
    }
    if (evidence && !against) out.push(k);
  }
  return out;
}

/**
 * Row edges inside one band of the grid that its text shows to be unruled rows: at least two
 * baselines shared by several columns and carrying figures (the lines of a wrapped header cell
 * share baselines with their neighbours too, but hold no figures). The edges fall midway between
 * consecutive shared baselines, so a lone wrapped line joins the row nearest to it.
 */
function unruledRows(words: Word[], xs: number[], em: number, s: LatticeCellSettings): number[] {
  const lines = baselines(words, s.baselineTolerance * em);
  const shared = lines.filter((l) => new Set(l.map((w) => slot(xs, centreX(w)))).size >= 2);
  // A figure line: in some column, its words on the line are all figures (a row's cell), not a
  // number quoted in a sentence.
  const figureCell = (l: Word[]) => {
    const cols = new Map<number, Word[]>();
    for (const w of l) cols.set(slot(xs, centreX(w)), [...(cols.get(slot(xs, centreX(w))) ?? []), w]);
    return [...cols.values()].some((ws) => ws.every((w) => isNumericWord(w.text) && !YEAR.test(w.text)));
  };
  const withFigures = shared.filter(figureCell);
  if (withFigures.length < 2) return [];
  const mid = (l: Word[]) => l.reduce((a, w) => a + centreY(w), 0) / l.length;
  const out: number[] = [];
  for (let i = 0; i + 1 < shared.length; i++) out.push((mid(shared[i]) + mid(shared[i + 1])) / 2);
  return out;
}

/**
 * Row edges inside one band that blank lines show: the band's text stands in blocks parted by a
 * blank line across every column (its baselines further apart than this band's wrapped lines are),
 * each block opening with a label in the band's first column, and at least two of the blocks fill
 * several columns — rows of text a table ruled only around groups of them (a group label, then its
 * rows). A blank line inside cells does not part the band: the other columns run on across it, or
 * the label column is blank after it (a cell's second paragraph), or the blocks are one column each.
 */
function blankLineRows(words: Word[], xs: number[], em: number, s: LatticeCellSettings): number[] {
  const lines = baselines(words, s.baselineTolerance * em);
  if (lines.length < 3) return [];
  const pitch = wrappedPitch(words, xs, em, s);
  if (pitch === null) return [];
  const columnsOf = (b: Word[][]) => new Set(b.flat().map((w) => slot(xs, centreX(w))));
  const labels = Math.min(...columnsOf(lines));
  const blocks: Word[][][] = [[lines[0]]];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i][0].base - lines[i - 1][0].base >= s.blankLine * pitch) blocks.push([]);
    blocks[blocks.length - 1].push(lines[i]);
  }
  // A row opens with its label: a block that leaves the label column blank goes on with the cells above it.
  for (let i = blocks.length - 1; i > 0; i--) if (!columnsOf(blocks[i]).has(labels)) blocks.splice(i - 1, 2, [...blocks[i - 1], ...blocks[i]]);
  if (blocks.filter((b) => columnsOf(b).size >= 2).length < 2) return [];
  const out: number[] = [];
  for (let i = 0; i + 1 < blocks.length; i++) {
    const above = blocks[i][blocks[i].length - 1];
    const below = blocks[i + 1][0];
    out.push((Math.max(...above.map((w) => w.y1)) + Math.min(...below.map((w) => w.y0))) / 2);
  }
  return out;
}

/** The pitch of a band's wrapped lines: the closest baselines one column's text stands on; null when no cell wraps. */
function wrappedPitch(words: Word[], xs: number[], em: number, s: LatticeCellSettings): number | null {
  let pitch: number | null = null;
  for (let k = 0; k + 1 < xs.length; k++) {
    const bases = baselines(words.filter((w) => slot(xs, centreX(w)) === k), s.baselineTolerance * em).map((l) => l[0].base);
    for (let i = 1; i < bases.length; i++) pitch = Math.min(pitch ?? Infinity, bases[i] - bases[i - 1]);
  }
  return pitch;
}

/**
 * The grid as its text shows it: spanning cells split where their text stands in columns, bands
 * split where their text stands in rows. Rules say where cells end; where a rule was left out
 * inside a table's body, the text's columns and rows say it.
 */
export function refineGrid(grid: Grid, words: Word[], em: number, s: LatticeCellSettings = LATTICE_CELL_SETTINGS): Grid {
  const inCell = (c: GridCell) => words.filter((w) => centreX(w) >= c.x0 && centreX(w) < c.x1 && centreY(w) >= c.y0 && centreY(w) < c.y1);
  let cells: GridCell[] = [];
  for (const c of grid.cells) {
    const edges = c.colspan > 1 ? unruledEdges(c, inCell(c), grid.xs, em, s) : [];
    const cuts = [c.col, ...edges, c.col + c.colspan];
    for (let i = 0; i + 1 < cuts.length; i++) cells.push({ ...c, col: cuts[i], colspan: cuts[i + 1] - cuts[i], x0: grid.xs[cuts[i]], x1: grid.xs[cuts[i + 1]] });
  }
  const newYs: number[] = [];
  for (let r = 0; r + 1 < grid.ys.length; r++) {
    const band = words.filter((w) => centreY(w) >= grid.ys[r] && centreY(w) < grid.ys[r + 1]);
    const figureRows = unruledRows(band, grid.xs, em, s);
    newYs.push(...(figureRows.length ? figureRows : blankLineRows(band, grid.xs, em, s)));
  }
  if (!newYs.length) return { ...grid, cells };
  const ys = [...grid.ys, ...newYs].sort((a, b) => a - b);
  const index = (y: number) => ys.indexOf(y);
  const split: GridCell[] = [];
  for (const c of cells) {
    const inner = newYs.filter((y) => y > c.y0 && y < c.y1).sort((a, b) => a - b);
    const cuts = [c.y0, ...inner, c.y1];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const row = index(cuts[i]);
      split.push({ ...c, row, rowspan: index(cuts[i + 1]) - row, y0: cuts[i], y1: cuts[i + 1] });
    }
  }
  cells = split.sort((a, b) => a.row - b.row || a.col - b.col);
  return { ...grid, ys, cells };
}

/**
 * A lone stop or comma standing well apart from the words it shares a cell line with: a speck
 * OCR read as punctuation (a stop follows its word; a stop alone in its cell is a marker and stays).
 */
function strayStop(w: Word, cell: Word[], em: number): boolean {
  if (!/^[.,·]$/.test(w.text)) return false;
  const others = cell.filter((o) => o !== w && Math.abs(o.base - w.base) <= LATTICE_CELL_SETTINGS.baselineTolerance * em);
  return others.length > 0 && others.every((o) => Math.max(o.x0 - w.x1, w.x0 - o.x1) > LATTICE_CELL_SETTINGS.strayGap * em);
}

/** Each word in the cell that contains its centre; a cell's lines joined into its text. */
export function fillCells(grid: Grid, words: Word[], em: number): CellText[] {
  const nc = grid.xs.length - 1;
  const at = new Map<number, GridCell>();
  for (const c of grid.cells) for (let r = c.row; r < c.row + c.rowspan; r++) for (let k = c.col; k < c.col + c.colspan; k++) at.set(r * nc + k, c);
  const byCell = new Map<GridCell, Word[]>();
  for (const w of words) {
    const cell = at.get(slot(grid.ys, centreY(w)) * nc + slot(grid.xs, centreX(w)));
    if (!cell) continue;
    if (!byCell.has(cell)) byCell.set(cell, []);
    byCell.get(cell)!.push(w);
  }
  const out: CellText[] = [];
  for (const [cell, all] of byCell) {
    const ws = all.filter((w) => !strayStop(w, all, em));
    const numeric = ws.every((w) => isNumericWord(w.text) && !YEAR.test(w.text));
    const parts = ws.map((w) => ({ text: w.text, x0: w.x0, x1: w.x1, base: w.base }));
    out.push({ cell, words: ws, text: joinParts(parts, cell.x1 - cell.x0, numeric, 0.3 * em), numeric, bold: ws.every((w) => w.bold) });
  }
  return out.sort((a, b) => a.cell.row - b.cell.row || a.cell.col - b.cell.col);
}

/** Old index → new index over the kept positions; a span keeps the kept positions it covered. */
function remap(keep: boolean[]): { index: number[]; count: (from: number, n: number) => number } {
  const index: number[] = [];
  let k = 0;
  for (const on of keep) {
    index.push(k);
    if (on) k++;
  }
  return { index, count: (from, n) => keep.slice(from, from + n).filter(Boolean).length };
}

/** Leading rows that are a header: no figures, and either bold or above rows of figures. */
function headerRows(rows: CellText[][], nr: number): number {
  const figures = (r: number) => rows[r].some((c) => c.numeric);
  const tableHasFigures = rows.some((r) => r.some((c) => c.numeric));
  const allBold = (r: number) => rows[r].length > 0 && rows[r].every((c) => c.bold);
  let k = 0;
  while (k < nr && rows[k].length && !figures(k) && (tableHasFigures || allBold(k))) k++;
  // A header is never the whole table: where every row qualifies, nothing tells the header apart.
  if (k >= nr) k = 0;
  // Rows a header cell spans down into are header rows too.
  for (const row of rows.slice(0, k)) for (const c of row) k = Math.max(k, c.cell.row + c.cell.rowspan);
  return Math.min(k, nr - 1);
}

/** The grid's text as header and body rows, spans, columns and label columns. */
export function latticeTable(grid: Grid, cellTexts: CellText[]): LatticeTable {
  const nr0 = grid.ys.length - 1;
  const nc0 = grid.xs.length - 1;
  const texts = cellTexts.filter((c) => c.text);
  // Rows and columns where no filled cell starts are empty (or wholly inside a span): dropped.
  const rowKeep = Array.from({ length: nr0 }, (_, r) => texts.some((c) => c.cell.row === r));
  const colKeep = Array.from({ length: nc0 }, (_, k) => texts.some((c) => c.cell.col === k));
  const R = remap(rowKeep);
  const C = remap(colKeep);
  const nr = rowKeep.filter(Boolean).length;
  const nc = colKeep.filter(Boolean).length;
  const placed = texts.map((c) => ({
    ...c,
    cell: { ...c.cell, row: R.index[c.cell.row], col: C.index[c.cell.col], rowspan: Math.max(1, R.count(c.cell.row, c.cell.rowspan)), colspan: Math.max(1, C.count(c.cell.col, c.cell.colspan)) },
  }));
  const byRow: CellText[][] = Array.from({ length: nr }, () => []);
  for (const c of placed) byRow[c.cell.row].push(c);
  const nHead = headerRows(byRow, nr);
  const grid2: string[][] = Array.from({ length: nr }, () => new Array(nc).fill(''));
  const boxes: (Rect | null)[][] = Array.from({ length: nr }, () => new Array(nc).fill(null));
  const spans: Span[] = [];
  for (const c of placed) {
    grid2[c.cell.row][c.cell.col] = c.text;
    boxes[c.cell.row][c.cell.col] = union(c.words);
    if (c.cell.rowspan > 1 || c.cell.colspan > 1) {
      const inHeader = c.cell.row < nHead;
      spans.push({ row: inHeader ? c.cell.row : c.cell.row - nHead, col: c.cell.col, rowspan: c.cell.rowspan, colspan: c.cell.colspan, in: inHeader ? 'header' : 'body' });
    }
  }
  const keptCols = colKeep.map((on, k) => (on ? k : -1)).filter((k) => k >= 0);
  const bodyCells = placed.filter((c) => c.cell.row >= nHead);
  const columns: Column[] = keptCols.map((k, i) => {
    const inCol = bodyCells.filter((c) => c.cell.col === i && c.cell.colspan === 1);
    return { x0: grid.xs[k], x1: grid.xs[k + 1], numeric: inCol.filter((c) => c.numeric).length > inCol.length / 2 };
  });
  let labelColumns = 0;
  while (labelColumns < nc - 1 && !columns[labelColumns].numeric) labelColumns++;
  if (!columns.some((c) => c.numeric)) labelColumns = 1;
  return { header: grid2.slice(0, nHead), body: grid2.slice(nHead), boxes, spans, columns, labelColumns, cells: placed };
}
