/**
 * Plain-text dump → positioned pages. A character column becomes an x position and a line a
 * baseline, in a fixed-pitch grid, so the layout and structure stages run unchanged on dumps.
 * What a dump cannot say (fonts, weights) is simply absent: later stages fall back on patterns.
 */
import type { Page, Rule, Word } from '../model/page.js';

export const TEXT_GRID = {
  /** Width of one character column in points (a 10 pt monospace font). */
  charWidth: 6,
  /** Distance between two lines in points. */
  lineHeight: 12,
  fontSize: 10,
  /** A whitespace-only line at least this many columns wide is a drawn rule (a footnote separator). */
  ruleColumns: 20,
};

/**
 * Page breaks in a dump: a form feed, or a line that starts with exactly one space followed by
 * text (how pdftotext-like dumps mark the first line of a new page).
 */
const PAGE_BREAK_LINE = /^ (?! )\S/;

export function textToPages(text: string, grid = TEXT_GRID): Page[] {
  const raw = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const pages: { lines: string[] }[] = [{ lines: [] }];
  for (let line of raw) {
    if (line.includes('\f')) {
      const parts = line.split('\f');
      for (let i = 0; i < parts.length; i++) {
        if (i > 0) pages.push({ lines: [] });
        if (parts[i]) pages[pages.length - 1].lines.push(parts[i]);
      }
      continue;
    }
    if (PAGE_BREAK_LINE.test(line)) {
      if (pages[pages.length - 1].lines.some((l) => l.trim())) pages.push({ lines: [] });
      line = line.slice(1);
    }
    pages[pages.length - 1].lines.push(line);
  }
  const maxCols = Math.max(80, ...raw.map((l) => l.trimEnd().length));
  return pages
    .filter((p) => p.lines.some((l) => l.trim()))
    .map((p, i) => linesToPage(p.lines, i + 1, maxCols, grid));
}

function linesToPage(lines: string[], number: number, maxCols: number, g: typeof TEXT_GRID): Page {
  const words: Word[] = [];
  const rules: Rule[] = [];
  lines.forEach((line, i) => {
    const base = (i + 1) * g.lineHeight;
    if (!line.trim()) {
      if (line.length >= g.ruleColumns) rules.push({ x0: 0, x1: line.length * g.charWidth, y0: base - g.lineHeight / 2, y1: base - g.lineHeight / 2, kind: 'h' });
      return;
    }
    const re = /\S+/g;
    for (let m = re.exec(line); m; m = re.exec(line)) {
      words.push({
        text: m[0],
        x0: m.index * g.charWidth,
        x1: (m.index + m[0].length) * g.charWidth,
        y0: base - g.fontSize * 0.8,
        y1: base + g.fontSize * 0.2,
        base,
        size: g.fontSize,
        font: 'text-dump',
        bold: false,
        italic: false,
      });
    }
  });
  return {
    number,
    width: maxCols * g.charWidth,
    height: (lines.length + 1) * g.lineHeight,
    rotation: 0,
    source: 'text-dump',
    words,
    rules,
    images: [],
  };
}

/**
 * A box on a dump's page (points, as laid out above) → the character grid: x0 the first
 * character's column and x1 the column after the last (0-based), y0 the first line's index on the
 * page and y1 the index after the last (0-based, blank lines counted).
 */
export function toTextGrid<R extends { x0: number; y0: number; x1: number; y1: number }>(r: R, g = TEXT_GRID): R {
  return {
    ...r,
    x0: Math.round(r.x0 / g.charWidth),
    x1: Math.round(r.x1 / g.charWidth),
    y0: Math.round((r.y0 + g.fontSize * 0.8) / g.lineHeight) - 1,
    y1: Math.round((r.y1 - g.fontSize * 0.2) / g.lineHeight),
  };
}
