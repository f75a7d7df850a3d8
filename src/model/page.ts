/**
 * The positioned-page model: the one shape every loader (pdf.js, OCR, text dump) produces and
 * every later stage reads. Coordinates are in points with the origin at the page's top-left
 * corner and y growing downwards, whatever the source, so layout code never has to care where a
 * page came from.
 */

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface Word extends Rect {
  text: string;
  /** Baseline y (top-left origin). */
  base: number;
  /** Font size in points (for OCR: estimated from the word's height). */
  size: number;
  font: string;
  bold: boolean;
  italic: boolean;
  /** OCR confidence 0–100; undefined for a text layer. */
  conf?: number;
}

/**
 * The text of a raised reference mark whose characters OCR could not read: it is known to be a
 * mark (small, raised after a word or before a note), and its number follows from the notes' order.
 */
export const UNREAD_MARK = '\uFFFD';

/**
 * A section label OCR could not read: glyphs and a full stop before a heading's title, where OCR
 * read nothing or garbage. Its value follows from the sequence of labels (next roman numeral or
 * letter).
 */
export const UNREAD_LABEL = '\uFFFC';

/** A stroked or filled vector segment or rectangle (table rules, box borders, footnote separators). */
export interface Rule extends Rect {
  /** 'h' horizontal line, 'v' vertical line, 'rect' anything thicker in both directions. */
  kind: 'h' | 'v' | 'rect';
  /** Typed as a row of underscores (a typewriter's rule) rather than drawn. */
  typed?: boolean;
  /** A filled area drawn without a stroke (a cell's shading, a tinted band): its edges are rules, it frames nothing. */
  filled?: boolean;
  /** A filled area's colour ("#rrggbb") where the PDF gives one. */
  fill?: string;
}

export type PageSource = 'text-layer' | 'ocr' | 'text-dump';

export interface Page {
  /** 1-based physical page index. */
  number: number;
  width: number;
  height: number;
  /** Rotation in degrees as declared by the PDF (0, 90, 180, 270); coordinates are already rotated. */
  rotation: number;
  source: PageSource;
  words: Word[];
  rules: Rule[];
  /** Bounding boxes of raster images drawn on the page (charts, logos, scanned content). */
  images: Rect[];
  /** Mean OCR word confidence when source is 'ocr'. */
  confidence?: number;
}

/**
 * A plain copy of a word with some fields changed. Copy words with this, not by spreading them: a
 * word kept between pages (layout/kept-page.ts) has its coordinates as accessors, which a spread drops.
 */
export function copyWord(w: Word, change: Partial<Word>): Word {
  const { text, x0, y0, x1, y1, base, size, font, bold, italic, conf } = w;
  return { text, x0, y0, x1, y1, base, size, font, bold, italic, ...(conf !== undefined ? { conf } : {}), ...change };
}

export const width = (r: Rect): number => r.x1 - r.x0;
export const height = (r: Rect): number => r.y1 - r.y0;
