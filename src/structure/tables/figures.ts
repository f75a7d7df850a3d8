/**
 * Charts are not tables. A raster image of chart size in the body of a page is a figure (its title:
 * the heading just above it); text that sits on such an image is the chart's data labels, not a
 * table. An image captioned "Table n" is a table printed as a picture: it is reported, without
 * cells. (Text dumps have no images: the dump reader tells a chart's scattered labels from a table.)
 */
import type { LaidOutPage } from '../../layout/layout.js';
import type { Line } from '../../layout/lines.js';
import type { Rect } from '../../model/page.js';
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

/**
 * Figures from the images of positioned pages. Regions lying on a chart image are removed from
 * `regions` (they are its labels).
 */
export function findFigures(pages: LaidOutPage[], regions: Region[], s: TableSettings = TABLE_SETTINGS): { figures: FigureFound[]; regions: Region[] } {
  const figures: FigureFound[] = [];
  let kept = regions;
  for (const p of pages) {
    if (p.source === 'text-dump') continue;
    for (const img of p.images) {
      if (img.x1 - img.x0 < s.figureMinWidth * p.width) continue;
      // A picture of the whole page is a scan's backdrop, not a chart on it.
      if ((img.x1 - img.x0) * (img.y1 - img.y0) > 0.8 * p.width * p.height) continue;
      const titleLines = titleOver(p, img.y0, s);
      const title = joinTexts(titleLines.map((l) => l.text));
      const table = TABLE_CAPTION.test(title);
      kept = kept.filter((r) => {
        if (r.page !== p.number) return true;
        const lines = r.rows;
        const onImage = lines.filter((l) => overlaps(l, img)).length;
        return table || onImage < Math.max(1, 0.5 * lines.length);
      });
      figures.push({ page: p.number, top: titleLines[0]?.y0 ?? img.y0, title, table, where: [...titleLines, { page: p.number, ...img }] });
    }
  }
  return { figures, regions: kept };
}
