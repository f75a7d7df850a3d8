/**
 * The tables stage's working shapes: fragments of cell text with positions, columns, and the draft
 * table (grid plus provenance) that later steps join across pages and turn into records.
 */
import type { Line } from '../../layout/lines.js';
import type { Rect } from '../../model/page.js';
import type { TableMethod } from '../../validate/schemas.js';

/** A piece of one cell's text on one line: a phrase of words, or one figure. */
export interface Frag {
  text: string;
  x0: number;
  x1: number;
  base: number;
  /** Top and bottom of the fragment's words. */
  y0: number;
  y1: number;
  size: number;
  bold: boolean;
  /** A figure: number, percentage, rank "(1)", or a nil dash. */
  numeric: boolean;
  /** Index of the line (in the table's line list) the fragment comes from. */
  line: number;
  /** The words (or figures) the fragment was made of, with their extents. */
  parts: { text: string; x0: number; x1: number }[];
}

export interface Column {
  /** Extent of the body cells (or, for a column only the header names, of its header cell). */
  x0: number;
  x1: number;
  /** Most body cells are figures (right-aligned, summable). */
  numeric: boolean;
}

/** A merged cell: text in its top-left position, the rest of the range left empty. */
export interface Span {
  row: number;
  col: number;
  rowspan: number;
  colspan: number;
  in: 'header' | 'body';
}

/** Where a cell's text was printed (the union of its fragments); null for an empty cell. */
export type CellBox = (Rect & { page: number }) | null;

/** One table as rebuilt from one page (or, after joining, several). */
export interface Draft {
  title: string;
  /** How the title was found: 'caption' (inside the table's block), 'heading' (line above), ''. */
  titleSource: string;
  pageStart: number;
  pageEnd: number;
  /** Top of the table on its first page (for ordering and the paragraph it follows). */
  top: number;
  header: string[][];
  body: string[][];
  spans: Span[];
  columns: Column[];
  /** Body rows that are group labels' members: group label text per row for column 0 fill-down. */
  notes: string[];
  /** Leading columns holding row labels (not figures). */
  labelColumns: number;
  /** Paragraph number the table follows, when known. */
  afterParagraph: number | null;
  /** Why decisions were made, for report.json (short reason codes). */
  reasons: string[];
  /** Where each header and body cell was printed, parallel to `header` and `body` (positioned pages). */
  headerBoxes?: CellBox[][];
  bodyBoxes?: CellBox[][];
  /** The lines each of `notes` was read from, parallel to it. */
  noteLines?: Line[][];
  /** How the grid was read (report.json), with why; set by the path that made the draft. */
  method?: TableMethod;
  methodReason?: string;
  /** Printed as an image: no cells could be read. */
  image?: boolean;
  /** Lines of the table's body on its pages, kept for joining continued tables. */
  lines: Line[];
  /**
   * The body rebuilt on other columns (a continued part placed on the first part's columns), with
   * how well its fragments fit them (share of fragments near their column, share of figures that
   * land in figure columns).
   */
  rebuild?: (cols: Column[]) => { body: string[][]; bodyBoxes: CellBox[][]; spans: Span[]; fit: number; figuresFit: number };
}
