/**
 * ICDAR 2013 table competition ground truth: the structure file (`*-str.xml`: table → region per
 * page → cells with start/end row and column, bounding box and content) and the region file
 * (`*-reg.xml`: table → region per page → bounding box). Boxes are in PDF points with the origin
 * at the bottom-left of the page, as the competition gives them.
 *
 * A table printed over several pages has one region per page; it is one table, its regions' rows
 * stacked in page order (each region's rows follow the last row of the one before). The files'
 * `row-increment`/`col-increment` attributes are 0 throughout the competition's data and are not
 * interpreted.
 */
import { readFile } from 'node:fs/promises';
import type { SpanCell } from './adjacency.js';
import { childrenNamed, parseXml, type XmlElement } from './xml.js';

/** x1 < x2, y1 < y2; PDF points, origin bottom-left. */
export interface IcdarBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface IcdarCell extends SpanCell {
  page: number;
  box: IcdarBox | null;
}

export interface IcdarRegion {
  page: number;
  box: IcdarBox | null;
}

export interface IcdarTable {
  id: string;
  /** Pages in order, one per region. */
  regions: IcdarRegion[];
  /** Structure files only: every cell, rows stacked over the regions. */
  cells: IcdarCell[];
}

export interface IcdarFile {
  kind: 'structure' | 'regions';
  tables: IcdarTable[];
}

/** Whether a gold file is in the ICDAR 2013 format (by its name, else by its first bytes). */
export function isIcdarGold(path: string, content?: string): boolean {
  if (/-(?:str|reg)\.xml$/i.test(path)) return true;
  const head = (content ?? '').slice(0, 2000);
  return /^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<document[\s>]/.test(head) && /<table[\s>]/.test(head);
}

function number(el: XmlElement, name: string, fallback?: number): number {
  const raw = el.attrs[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  // Lenient with a stray character after the number (the competition's files have a few).
  const value = raw === undefined ? NaN : Number.isFinite(Number(raw)) ? Number(raw) : parseFloat(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value)) throw new Error(`<${el.name}> has no numeric ${name} (got ${JSON.stringify(raw)})`);
  return value;
}

function readBox(el: XmlElement): IcdarBox | null {
  const b = childrenNamed(el, 'bounding-box')[0];
  if (!b) return null;
  const [xa, ya, xb, yb] = ['x1', 'y1', 'x2', 'y2'].map((k) => number(b, k));
  return { x1: Math.min(xa, xb), y1: Math.min(ya, yb), x2: Math.max(xa, xb), y2: Math.max(ya, yb) };
}

function readCells(region: XmlElement, page: number, rowOffset: number): IcdarCell[] {
  return childrenNamed(region, 'cell').map((c) => {
    const row = number(c, 'start-row') + rowOffset;
    const col = number(c, 'start-col');
    const rowEnd = Math.max(row, number(c, 'end-row', row - rowOffset) + rowOffset);
    const colEnd = Math.max(col, number(c, 'end-col', col));
    const content = childrenNamed(c, 'content')[0];
    return { text: content?.text ?? '', row, col, rowEnd, colEnd, page, box: readBox(c) };
  });
}

function readTable(el: XmlElement, index: number): IcdarTable {
  const regions: IcdarRegion[] = [];
  const cells: IcdarCell[] = [];
  let rowOffset = 0;
  for (const r of childrenNamed(el, 'region')) {
    const page = number(r, 'page');
    const own = readCells(r, page, rowOffset);
    cells.push(...own);
    rowOffset = Math.max(rowOffset, ...own.map((c) => c.rowEnd + 1));
    regions.push({ page, box: readBox(r) });
  }
  return { id: el.attrs.id ?? String(index + 1), regions, cells };
}

/** Parses a structure or region file; throws with the reason when it is not one. */
export function parseIcdar(xml: string): IcdarFile {
  const root = parseXml(xml);
  if (root.name !== 'document') throw new Error(`not an ICDAR 2013 file: the root element is <${root.name}>, not <document>`);
  const tables = childrenNamed(root, 'table').map(readTable);
  const kind = tables.some((t) => t.cells.length > 0) ? 'structure' : 'regions';
  return { kind, tables };
}

export async function loadIcdar(path: string): Promise<IcdarFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parseIcdar(text);
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}

/** A page as displayed (after its rotation), in points. */
export interface PageSize {
  width: number;
  height: number;
  rotation: number;
}

/** How far (share of the page height) a true box may stand beyond the page's top or bottom. */
const PAGE_SLACK = 0.02;

/**
 * Per page, the height a file's y axis is flipped with: the page's height. On a page the PDF
 * displays turned by 90° or 270°, the competition's files keep the displayed x but some flip y
 * with the unrotated height (the displayed width) instead: there the flip under which all of the
 * file's boxes on that page lie on the page is taken (the displayed height when both or neither do).
 */
export function flipHeights(file: IcdarFile, pageSizes: Map<number, PageSize>): Map<number, number> {
  const boxes = new Map<number, IcdarBox[]>();
  const add = (page: number, box: IcdarBox | null): void => {
    if (box) boxes.set(page, [...(boxes.get(page) ?? []), box]);
  };
  for (const t of file.tables) {
    for (const r of t.regions) add(r.page, r.box);
    for (const c of t.cells) add(c.page, c.box);
  }
  const out = new Map<number, number>();
  for (const [page, size] of pageSizes) {
    const fitsWith = (flip: number): boolean =>
      (boxes.get(page) ?? []).every((b) => flip - b.y2 >= -PAGE_SLACK * size.height && flip - b.y1 <= (1 + PAGE_SLACK) * size.height);
    out.set(page, size.rotation % 180 !== 0 && !fitsWith(size.height) && fitsWith(size.width) ? size.width : size.height);
  }
  return out;
}

/** Where a region or cell box lies on a page, in top-left coordinates (y grows downwards). */
export function toTopLeft(box: IcdarBox, pageHeight: number): { x0: number; y0: number; x1: number; y1: number } {
  return { x0: box.x1, y0: pageHeight - box.y2, x1: box.x2, y1: pageHeight - box.y1 };
}
