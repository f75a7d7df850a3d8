/**
 * Charts are not tables. A raster image of chart size in the body of a page is a figure (its title:
 * the heading just above it); text that sits on such an image is the chart's data labels, not a
 * table. An image captioned "Table n" is a table printed as a picture: it is reported, without
 * cells. (Text dumps have no images: the dump reader tells a chart's scattered labels from a table.)
 */
import { isBackdrop } from '../../layout/geometry.js';
import type { LaidOutPage } from '../../layout/layout.js';
import type { Line } from '../../layout/lines.js';
import type { Rect, Rule, Word } from '../../model/page.js';
import { parseNumber } from '../../numbers/parse.js';
import type { Located } from '../provenance.js';
import type { Region } from './regions.js';
import { TABLE_CAPTION } from './regions.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';
import { joinTexts } from './text-join.js';

export interface FigureFound {
  page: number;
  top: number;
  title: string;
  /** Captioned as a table: a table printed as an image. */
  table: boolean;
  /** What it was read from: the picture and its title lines, or a dump's chart lines. */
  where: Located[];
}

function overlaps(a: Rect, b: Rect): boolean {
  return Math.min(a.x1, b.x1) > Math.max(a.x0, b.x0) && Math.min(a.y1, b.y1) > Math.max(a.y0, b.y0);
}

/** Heading-like lines just above y (bold, larger than body text, or "Table n"), top to bottom. */
function titleOver(page: LaidOutPage, y: number, s: TableSettings): Line[] {
  const above = page.lines.filter((l) => l.zone === 'body' && l.base < y).sort((a, b) => b.base - a.base);
  const out: Line[] = [];
  let edge = y;
  for (const l of above) {
    if (edge - l.y1 > s.titleGap * 1.5 * l.size) break;
    const t = l.text.trim();
    const titleLike = TABLE_CAPTION.test(t) || l.bold || l.size > page.bodySize + 0.75;
    if (!titleLike || out.length >= 3 || /[.;,]$/.test(t)) break;
    out.unshift(l);
    edge = l.y0;
  }
  return out;
}

/** A tick mark or gridline drawn level with a word's middle, starting just right of it. */
function ticked(w: Word, hs: Rule[], s: TableSettings): boolean {
  const cy = (w.y0 + w.y1) / 2;
  return hs.some((r) => Math.abs(r.y0 - cy) <= s.axisTickAlign * w.size && r.x0 >= w.x1 - s.edgeTolerance * w.size && r.x0 - w.x1 <= s.axisReach * w.size);
}

/**
 * The labels of a chart's value axis drawn with vector strokes: figures set one under another,
 * right-aligned, each level with a tick mark or gridline just right of it, whose values step evenly
 * down the page (0.35, 0.30, … 0) at an even pitch. A table's figures sit between its rules, not on
 * them, and do not step by one amount row after row. Returns the longest such run's length.
 */
export function axisLabels(lines: Line[], rules: Rule[], s: TableSettings = TABLE_SETTINGS): number {
  const hs = rules.filter((r) => r.kind === 'h');
  if (hs.length < s.axisTicks) return 0;
  const labels: { w: Word; v: number }[] = [];
  for (const l of lines) {
    for (const w of l.words) {
      const n = parseNumber(w.text);
      if (n.kind === 'number' && n.value !== null && ticked(w, hs, s)) labels.push({ w, v: n.value });
    }
  }
  // Columns of right-aligned labels.
  const columns: { w: Word; v: number }[][] = [];
  for (const x of labels.sort((a, b) => a.w.x1 - b.w.x1)) {
    const c = columns.find((col) => Math.abs(col[0].w.x1 - x.w.x1) <= s.edgeTolerance * x.w.size);
    if (c) c.push(x);
    else columns.push([x]);
  }
  let best = 0;
  for (const c of columns) {
    c.sort((a, b) => a.w.y0 - b.w.y0);
    let run = 1;
    for (let i = 1; i < c.length; i++) {
      const dv = c[i].v - c[i - 1].v;
      const dy = c[i].w.y0 - c[i - 1].w.y0;
      const even = (j: number) => {
        const dv0 = c[j].v - c[j - 1].v;
        const dy0 = c[j].w.y0 - c[j - 1].w.y0;
        return Math.abs(dv - dv0) <= 1e-6 * Math.max(1, Math.abs(dv0)) && Math.abs(dy - dy0) <= s.axisPitch * dy0;
      };
      run = dv !== 0 && dy > 0 && (run === 1 || even(i - 1)) ? run + 1 : dv !== 0 && dy > 0 ? 2 : 1;
      best = Math.max(best, run);
    }
  }
  return best;
}

/**
 * Figures from the images of positioned pages. Regions lying on a chart image are removed from
 * `regions` (they are its labels).
 */
export function findFigures(pages: LaidOutPage[], regions: Region[], s: TableSettings = TABLE_SETTINGS): { figures: FigureFound[]; regions: Region[] } {
  const figures: FigureFound[] = [];
  let kept = regions;
  for (const p of pages) {
    if (p.source === 'text-dump') continue;
    const charts: Rect[] = [];
    for (const img of p.images) {
      if (img.x1 - img.x0 < s.figureMinWidth * p.width) continue;
      if (isBackdrop(img, p)) continue;
      const titleLines = titleOver(p, img.y0, s);
      const title = joinTexts(titleLines.map((l) => l.text));
      const table = TABLE_CAPTION.test(title);
      if (!table) charts.push(img);
      figures.push({ page: p.number, top: titleLines[0]?.y0 ?? img.y0, title, table, where: [...titleLines, { page: p.number, ...img }] });
    }
    // Rows lying on charts, one or several (two charts side by side read as one run of rows), are their labels.
    kept = kept.filter((r) => {
      if (r.page !== p.number) return true;
      const onCharts = r.rows.filter((l) => charts.some((c) => overlaps(l, c))).length;
      return onCharts < Math.max(1, 0.5 * r.rows.length);
    });
  }
  // Charts drawn with strokes: a region holding a value axis is the chart's labels.
  kept = kept.filter((r) => {
    const p = pages.find((x) => x.number === r.page);
    if (!p || !r.positional || axisLabels(r.rows, p.rules, s) < s.axisTicks) return true;
    const titleLines = r.caption.length ? r.caption : r.above;
    const lines = [...r.caption, ...r.rows, ...r.notes];
    figures.push({ page: r.page, top: Math.min(...lines.map((l) => l.y0)), title: joinTexts(titleLines.map((l) => l.text)), table: false, where: lines });
    return false;
  });
  return { figures, regions: kept };
}
