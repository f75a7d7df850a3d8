/**
 * Ruled tables found from a page's rules, whether or not the text-based tabular detector flagged
 * their lines: a grid (lattice.ts) whose cells hold text in at least two rows and two columns,
 * and is not a frame around prose. The structure stage asks `inRuledTable` so such lines are never
 * paragraphs; the tables stage turns each grid into a draft (`latticeDrafts`), taking its title
 * and notes from the text regions around it and leaving those regions' other rows to the stream
 * path.
 */
import type { LaidOutPage } from '../../layout/layout.js';
import type { Line } from '../../layout/lines.js';
import { upperMedian as median } from '../../layout/geometry.js';
import { fillCells, gridWords, latticeTable, refineGrid, type CellText } from './lattice-cells.js';
import { findGrids, LATTICE_SETTINGS, type Grid } from './lattice.js';
import type { Rect } from '../../model/page.js';
import type { CellBox, Draft } from './model.js';
import { noteGroups } from './grid.js';
import { titleAbove, type Region } from './regions.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';
import { joinTexts } from './text-join.js';

export interface RuledTable {
  grid: Grid;
  cells: CellText[];
  /** Lines with a word inside the grid, top to bottom. */
  lines: Line[];
}

export const RULED_SETTINGS = {
  /** A cell holding more words than this is running text. */
  proseCellWords: 40,
  /** A grid is a frame around prose when this share of its filled cells is running text. */
  maxProseCells: 0.34,
  /** A line of this many words in a cell spanning columns is running text… */
  proseLineWords: 8,
  /** …and a grid with this share of its words in such lines is running text laid over rules. */
  maxProseShare: 0.5,
  /** Filled cells cover at least this share of a table's grid (a chart's gridlines hold a label or two). */
  minFilled: 0.3,
};

const cache = new WeakMap<LaidOutPage, RuledTable[]>();

const wordInside = (l: Line, g: Grid) => l.words.some((w) => (w.x0 + w.x1) / 2 >= g.x0 && (w.x0 + w.x1) / 2 <= g.x1 && w.base - 0.3 * w.size >= g.y0 && w.base - 0.3 * w.size <= g.y1);

/**
 * Whether a grid's filled cells make a table: text in two rows and two columns, a fair share of
 * the grid filled (a chart's gridlines hold a label or two), and not running text (a frame
 * around prose, or prose laid over decorative rules).
 */
function isTable(grid: Grid, cells: CellText[], r = RULED_SETTINGS): boolean {
  const filled = cells.filter((c) => c.text);
  const rows = new Set(filled.map((c) => c.cell.row)).size;
  const cols = new Set(filled.map((c) => c.cell.col)).size;
  if (rows < 2 || cols < 2) return false;
  const area = filled.reduce((n, c) => n + c.cell.rowspan * c.cell.colspan, 0);
  if (area < r.minFilled * (grid.xs.length - 1) * (grid.ys.length - 1)) return false;
  const proseCells = filled.filter((c) => c.words.length > r.proseCellWords).length;
  if (proseCells > r.maxProseCells * filled.length) return false;
  // Running text set across the grid's columns (a page laid out over decorative rules): most
  // words in long lines of cells that span columns. A table's text keeps to its columns.
  let words = 0;
  let prose = 0;
  for (const c of filled) {
    words += c.words.length;
    if (c.cell.colspan < 2) continue;
    const byBase = new Map<number, number>();
    for (const w of c.words) byBase.set(Math.round(w.base), (byBase.get(Math.round(w.base)) ?? 0) + 1);
    for (const n of byBase.values()) if (n >= r.proseLineWords) prose += n;
  }
  return prose < r.maxProseShare * words;
}

/** The ruled tables of a positioned page (computed once per page). */
export function ruledTables(page: LaidOutPage): RuledTable[] {
  const known = cache.get(page);
  if (known) return known;
  const out: RuledTable[] = [];
  // OCR pages too: their rules come from the image (load/rules.ts, shaded bands from
  // load/shading.ts), and rules tesseract read as glyphs are out of their words (load/rule-glyphs.ts).
  if (page.source !== 'text-dump' && page.rules.length >= 4) {
    const em = page.bodySize || 10;
    for (const grid of findGrids(page.rules, page, em, LATTICE_SETTINGS)) {
      const lines = page.lines.filter((l) => l.zone !== 'footnote' && wordInside(l, grid));
      const size = median(lines.map((l) => l.size)) || em;
      const words = gridWords(grid, lines);
      const refined = refineGrid(grid, words, size);
      const cells = fillCells(refined, words, size);
      if (isTable(refined, cells)) out.push({ grid: refined, cells, lines: lines.sort((a, b) => a.base - b.base) });
    }
  }
  cache.set(page, out);
  return out;
}

/** Whether a line lies in a ruled table of its page. */
export function inRuledTable(page: LaidOutPage, line: Line): boolean {
  return ruledTables(page).some((t) => t.lines.includes(line));
}

/**
 * Drafts for the ruled tables of `pages`, and the text regions left for the stream path: a region
 * overlapping a grid gives it its caption, title and notes; its rows outside the grid stay a
 * region of their own when there are enough of them to be a table.
 */
export function latticeDrafts(pages: LaidOutPage[], regions: Region[], s: TableSettings = TABLE_SETTINGS): { drafts: Draft[]; regions: Region[] } {
  const drafts: Draft[] = [];
  let rest = regions;
  for (const page of pages) {
    for (const t of ruledTables(page)) {
      const g = t.grid;
      const inGrid = new Set(t.lines);
      const touching = rest.filter((r) => r.page === page.number && [...r.caption, ...r.rows, ...r.notes].some((l) => inGrid.has(l)));
      const em = t.lines[0]?.size ?? page.bodySize;
      // Rows of a touching region outside the grid: a few lines next to it are its caption or
      // notes; more are another table, left to the stream path.
      const leftover: Region[] = [];
      const caption: Line[] = [];
      const notes: Line[] = [];
      for (const r of touching) {
        const up = r.rows.filter((l) => !inGrid.has(l) && l.y1 <= g.y0 + 1);
        const down = r.rows.filter((l) => !inGrid.has(l) && l.y0 >= g.y1 - 1);
        const near = (ls: Line[], edge: number) => ls.length <= 3 && ls.every((l) => Math.min(Math.abs(l.y1 - edge), Math.abs(l.y0 - edge)) <= s.titleGap * 2 * em);
        if (near(up, g.y0)) caption.push(...r.caption.filter((l) => !inGrid.has(l)), ...up);
        else leftover.push({ ...r, rows: up, notes: [] });
        if (near(down, g.y1)) notes.push(...down, ...r.notes.filter((l) => !inGrid.has(l)));
        else leftover.push({ ...r, caption: [], above: [], rows: down });
      }
      const headingAbove = touching.flatMap((r) => r.above);
      caption.sort((a, b) => a.base - b.base);
      const titleLines = caption.length ? caption : headingAbove.length ? headingAbove : titleAbove(page.lines.filter((l) => l.zone === 'body' && !inGrid.has(l)), t.lines[0], s, page.source !== 'text-layer');
      const table = latticeTable(g, t.cells);
      const noteList = noteGroups(notes.sort((a, b) => a.base - b.base));
      const onPage = (row: (Rect | null)[]): CellBox[] => row.map((r) => (r ? { page: page.number, ...r } : null));
      drafts.push({
        title: joinTexts(titleLines.map((l) => l.text)),
        titleSource: caption.length ? 'caption' : titleLines.length ? 'heading' : '',
        pageStart: page.number,
        pageEnd: page.number,
        top: Math.min(g.y0, ...titleLines.map((l) => l.y0)),
        header: table.header,
        body: table.body,
        spans: table.spans,
        columns: table.columns,
        headerBoxes: table.boxes.slice(0, table.header.length).map(onPage),
        bodyBoxes: table.boxes.slice(table.header.length).map(onPage),
        notes: noteList.map((ls) => joinTexts(ls.map((l) => l.text.trim()))),
        noteLines: noteList,
        labelColumns: table.labelColumns,
        afterParagraph: null,
        reasons: [`header:${table.header.length}`, `grid:${g.ys.length - 1}x${g.xs.length - 1}`],
        lines: t.lines,
        method: 'lattice',
        methodReason: `ruled grid: ${g.ys.length - 1} rows × ${g.xs.length - 1} columns of rules, ${table.spans.length} spanning cell(s)`,
      });
      rest = [...rest.filter((r) => !touching.includes(r)), ...leftover.filter((r) => r.rows.length >= 2)];
    }
  }
  return { drafts, regions: rest };
}
