/**
 * The layout stage: positioned pages → lines with zones (body, header, footer, footnote) and the
 * bordered boxes they sit in. Per-page work happens as pages stream in; only furniture detection
 * needs all pages, and it reads lines only.
 */
import type { Page, Rect, Rule } from '../model/page.js';
import type { Profile } from '../profiles/profile.js';
import { findBoxes } from './boxes.js';
import { drawnCharts, withLabels } from './charts.js';
import { markFootnoteZone } from './footnote-zone.js';
import { markFurniture } from './furniture.js';
import { buildLines, dominantSize, type Line } from './lines.js';

export interface LaidOutPage {
  number: number;
  width: number;
  height: number;
  source: Page['source'];
  confidence?: number;
  lines: Line[];
  rules: Rule[];
  /** Pictures: raster images, and charts drawn as bars (charts.ts). */
  images: Rect[];
  boxes: Rect[];
  /** Dominant body font size on the page. */
  bodySize: number;
}

/** Per-page layout that needs no other page. */
export function layoutPage(page: Page): LaidOutPage {
  const boxes = findBoxes(page.rules, undefined, page.words);
  const typed = typedRules(buildLines(page, undefined, boxes));
  const lines = typed.lines;
  const rules = typed.rules.length ? [...page.rules, ...typed.rules] : page.rules;
  const bodySize = dominantSize(lines);
  boxes.forEach((b, i) => {
    for (const l of lines) {
      const cx = (l.x0 + l.x1) / 2;
      const cy = (l.y0 + l.y1) / 2;
      if (cx > b.x0 && cx < b.x1 && cy > b.y0 && cy < b.y1) l.box = i;
    }
  });
  markUnderlines(lines, page.rules);
  markFootnoteZone(lines, rules, { width: page.width, height: page.height, positional: page.source !== 'text-dump' }, bodySize);
  return {
    number: page.number,
    width: page.width,
    height: page.height,
    source: page.source,
    confidence: page.confidence,
    lines,
    rules,
    // Charts drawn with bars are pictures too, with their labels: those are not tables.
    images: [...page.images, ...drawnCharts(page.rules).map((c) => withLabels(c, lines, page.rules))],
    boxes,
    bodySize,
  };
}


/**
 * A typewriter's rule: a line of nothing but underscores, hyphens or equals signs (at least this
 * many; a monospaced table's rule under its header is typed as a row of hyphens).
 */
const TYPED_RULE = /^(?:_{5,}|-{5,}|={5,})$/;

/**
 * Lines typed as a row of underscores (or hyphens, equals signs) are drawn rules (the footnote separator of typewritten
 * documents): they leave the text and join the page's rules, along their baseline.
 */
export function typedRules(lines: Line[]): { lines: Line[]; rules: Rule[] } {
  if (!lines.some((l) => TYPED_RULE.test(l.text))) return { lines, rules: [] };
  const rules: Rule[] = [];
  const kept: Line[] = [];
  for (const l of lines) {
    if (TYPED_RULE.test(l.text)) rules.push({ x0: l.x0, x1: l.x1, y0: l.base, y1: l.base + 0.5, kind: 'h', typed: true });
    else kept.push(l);
  }
  return { lines: kept, rules };
}

/** A horizontal rule just under a line and about as wide as it: the line is underlined. */
function markUnderlines(lines: Line[], rules: Rule[]): void {
  const hs = rules.filter((r) => r.kind === 'h');
  if (!hs.length) return;
  for (const l of lines) {
    const w = l.x1 - l.x0;
    l.underlined = hs.some(
      (r) => r.y0 >= l.base - 1 && r.y0 <= l.base + 0.4 * l.size && r.x0 <= l.x0 + 0.1 * w && r.x1 >= l.x1 - 0.1 * w && r.x1 - r.x0 <= w * 1.3 + 4,
    );
  }
}

/** Cross-page layout: running headers and footers. */
export function layoutDocument(pages: LaidOutPage[], profile: Profile): void {
  markFurniture(
    pages.map((p) => ({ page: p.number, height: p.height, positional: p.source !== 'text-dump', lines: p.lines })),
    profile.furniture,
  );
}
