/**
 * Glyph columns from ink components, and the few shapes that can be told without OCR: the dots
 * and commas of . , : ; (which tesseract swallows into a neighbouring misread glyph, as in
 * "2009%" for "2009²;").
 */
import type { Component } from './components.js';
import { OCR_SETTINGS } from './ocr-settings.js';

/** Components overlapping in x: one glyph, even when binarisation broke it or it has a dot. */
export interface Column {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Its components, top first. */
  parts: Component[];
}

export function columns(comps: Component[]): Column[] {
  const out: Column[] = [];
  for (const c of [...comps].sort((a, b) => a.x0 - b.x0)) {
    const last = out[out.length - 1];
    if (last && c.x0 < last.x1) {
      last.parts.push(c);
      last.x1 = Math.max(last.x1, c.x1);
      last.y0 = Math.min(last.y0, c.y0);
      last.y1 = Math.max(last.y1, c.y1);
    } else out.push({ x0: c.x0, y0: c.y0, x1: c.x1, y1: c.y1, parts: [c] });
  }
  for (const col of out) col.parts.sort((a, b) => a.y0 - b.y0);
  return out;
}

/**
 * The punctuation a column shows, or null: a dot on the baseline is ".", a small stroke hanging
 * below it ",", either under a dot at about x-height ":" or ";". `base` is the baseline's y and
 * `em` the line's size, in pixels.
 */
export function punctuation(col: Column, base: number, em: number, s = OCR_SETTINGS.marks): string | null {
  const dot = s.dot * em;
  const narrow = (c: Component) => c.x1 - c.x0 <= dot;
  const low = col.parts[col.parts.length - 1];
  const h = low.y1 - low.y0;
  // A comma is a stroke, taller than wide, hanging below the baseline; a full stop a round dot on it.
  const comma = narrow(low) && h >= s.commaShape * (low.x1 - low.x0) && h <= 2 * dot && low.y0 >= base - dot && low.y1 - base >= s.commaDrop * em;
  let mark: '.' | ',' | null = null;
  if (comma) mark = ',';
  else if (narrow(low) && h <= dot && Math.abs(low.y1 - base) <= s.baseTolerance * em) mark = '.';
  if (!mark || col.parts.length > 2) return null;
  if (col.parts.length === 1) return mark;
  const up = col.parts[0];
  const upperDot = narrow(up) && up.y1 - up.y0 <= dot && up.y1 <= base - s.minRaise * em && up.y0 >= base - s.above * em;
  return upperDot ? (mark === '.' ? ':' : ';') : null;
}
