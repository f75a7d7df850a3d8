/**
 * Test helper: tiny positioned pages built by hand. Cells are placed by their left edge (text) or
 * right edge (figures) at a baseline; words get widths from their length (half an em a
 * character), as a text layer would give them. Lines come from the real layout stage.
 */
import { layoutPage, type LaidOutPage } from '../../../src/layout/layout.js';
import type { Line } from '../../../src/layout/lines.js';
import type { Page, Rect, Rule, Word } from '../../../src/model/page.js';
import type { Block } from '../../../src/structure/blocks.js';

export const SIZE = 9;
const CHAR = 0.5 * SIZE;
const SPACE = 0.28 * SIZE;

export interface CellSpec {
  text: string;
  /** Left edge for left-aligned cells … */
  x?: number;
  /** … or right edge for right-aligned ones (figures). */
  right?: number;
  bold?: boolean;
  size?: number;
  /** Width of a one-word cell, when not half an em a character (a misread token keeps its ink's width). */
  width?: number;
}

export function wordsOf(c: CellSpec, base: number): Word[] {
  const size = c.size ?? SIZE;
  const char = (CHAR * size) / SIZE;
  const space = (SPACE * size) / SIZE;
  const parts = c.text.split(' ');
  const width = c.width ?? parts.reduce((n, p) => n + p.length * char, 0) + (parts.length - 1) * space;
  let x = c.right !== undefined ? c.right - width : (c.x ?? 0);
  return parts.map((p) => {
    const w: Word = { text: p, x0: x, x1: x + (c.width ?? p.length * char), y0: base - 0.8 * size, y1: base + 0.2 * size, base, size, font: 'Test', bold: !!c.bold, italic: false };
    x = w.x1 + space;
    return w;
  });
}

export interface PageSpec {
  number?: number;
  width?: number;
  height?: number;
  /** Rows of cells by baseline. */
  rows: { base: number; cells: CellSpec[] }[];
  rules?: Rule[];
  images?: Rect[];
}

export function page(spec: PageSpec): LaidOutPage {
  const p: Page = {
    number: spec.number ?? 1,
    width: spec.width ?? 595,
    height: spec.height ?? 842,
    rotation: 0,
    source: 'text-layer',
    words: spec.rows.flatMap((r) => r.cells.flatMap((c) => wordsOf(c, r.base))),
    rules: spec.rules ?? [],
    images: spec.images ?? [],
  };
  return layoutPage(p);
}

/** Horizontal rule across [x0, x1] at y. */
export const hrule = (x0: number, x1: number, y: number): Rule => ({ x0, x1, y0: y, y1: y, kind: 'h' });

/** The page's lines between two baselines (inclusive) as one tabular block. */
export function block(p: LaidOutPage, from: number, to: number, pageStart = false): Block {
  const lines: Line[] = p.lines.filter((l) => l.base >= from - 0.5 && l.base <= to + 0.5);
  return { lines, page: p.number, pageStart, spaced: true };
}

/** Rows of a figure table: label at x, figures right-aligned at the given edges. */
export function figureRow(base: number, label: string, x: number, figures: string[], rights: number[], bold = false): { base: number; cells: CellSpec[] } {
  return {
    base,
    cells: [{ text: label, x, bold }, ...figures.map((f, i) => ({ text: f, right: rights[i], bold })).filter((c) => c.text !== '')],
  };
}
