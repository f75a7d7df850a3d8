/**
 * Provenance: where every record was printed. Each record keeps what it was read from (lines, a
 * picture, a table cell's fragments); its boxes are the unions of those, one per piece — a record
 * that runs from one column or page into the next, or around something set between its parts,
 * has one box for each part. Boxes are in PDF points, origin top-left; on a text dump's pages
 * they are converted to the character grid.
 */
import { union } from '../layout/geometry.js';
import { toTextGrid } from '../load/text.js';
import type { ExtractedDocument } from '../model/document.js';
import type { Rect } from '../model/page.js';
import type { BoxRecord, RecordKind } from '../validate/schemas.js';

/** Something printed at a place: a line (lines satisfy this), a picture, a cell's text. */
export interface Located extends Rect {
  page: number;
  /** Text column on a page set in columns. */
  col?: number;
}

export const PROVENANCE_SETTINGS = {
  /** A vertical gap wider than this × the height of the line above starts a new piece. */
  pieceGap: 2.5,
};

export type Piece = Rect & { page: number };

/**
 * Consecutive located items (in reading order) → pieces: a new piece at a new page, a new text
 * column, a step back up the page, or a gap wide enough to hold something else.
 */
export function pieces(items: readonly Located[], s = PROVENANCE_SETTINGS): Piece[] {
  const out: Located[][] = [];
  let prev: Located | null = null;
  for (const it of items) {
    const apart =
      !prev ||
      it.page !== prev.page ||
      (it.col ?? 0) !== (prev.col ?? 0) ||
      it.y0 < prev.y0 - 0.5 * (prev.y1 - prev.y0) ||
      it.y0 - prev.y1 > s.pieceGap * (prev.y1 - prev.y0);
    if (apart) out.push([it]);
    else out[out.length - 1].push(it);
    prev = it;
  }
  return out.map((g) => ({ page: g[0].page, ...union(g) }));
}

/** One piece per page (tables: their rows are one block on each page they cover). */
export function piecesByPage(items: readonly Located[]): Piece[] {
  const byPage = new Map<number, Located[]>();
  for (const it of items) byPage.set(it.page, [...(byPage.get(it.page) ?? []), it]);
  return [...byPage].sort((a, b) => a[0] - b[0]).map(([page, g]) => ({ page, ...union(g) }));
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Every record's boxes, in the order of the record files (paragraphs, headings, footnotes, blocks,
 * tables, cells), then footnote reference marks (`mark`, keyed by the note's number) where the
 * mark was printed as a glyph of its own. `where` maps each record object to what it was read from.
 */
export function recordBoxes(
  doc: Pick<ExtractedDocument, 'paragraphs' | 'headings' | 'footnotes' | 'blocks' | 'tables' | 'source'>,
  where: Map<object, readonly Located[]>,
  markBoxes: ReadonlyMap<number, Located> = new Map(),
): BoxRecord[] {
  const dumpPages = new Set(doc.source.pageInfo.filter((p) => p.source === 'text-dump').map((p) => p.page));
  const out: BoxRecord[] = [];
  const add = (kind: RecordKind, id: string, rec: object, cut: (items: readonly Located[]) => Piece[] = pieces) => place(kind, id, where.get(rec), cut);
  const place = (kind: RecordKind, id: string, items: readonly Located[] | undefined, cut: (items: readonly Located[]) => Piece[]) => {
    if (!items?.length) return;
    cut(items).forEach((p, piece) => {
      const b = dumpPages.has(p.page) ? toTextGrid(p) : p;
      out.push({ record_kind: kind, record_id: id, piece, page: p.page, x0: round(b.x0), y0: round(b.y0), x1: round(b.x1), y1: round(b.y1) });
    });
  };
  for (const p of doc.paragraphs) add('paragraph', String(p.number), p);
  doc.headings.forEach((h, i) => add('heading', String(i + 1), h));
  for (const f of doc.footnotes) add('footnote', String(f.number), f);
  for (const b of doc.blocks) add('block', blockKey(b), b);
  for (const t of doc.tables) add('table', t.record.table_id, t.record, piecesByPage);
  for (const t of doc.tables) for (const c of t.cells) add('cell', cellKey(c), c);
  for (const f of doc.footnotes) {
    const m = markBoxes.get(f.number);
    if (m) place('mark', String(f.number), [m], pieces);
  }
  return out;
}

export const blockKey = (b: { block_id: string; item: number }): string => `${b.block_id}#${b.item}`;
export const cellKey = (c: { table_id: string; row: number; col: number }): string => `${c.table_id}:${c.row}:${c.col}`;
