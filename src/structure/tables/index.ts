/**
 * The tables stage: tabular blocks from the structure stage → tables (grid, cells, notes, checks)
 * and figure blocks. Regions of tabular lines are rebuilt one page at a time (positioned pages from
 * geometry, text dumps from token counts and arithmetic), joined across pages, named and checked.
 *
 *   regions → drafts (grid.ts | dump.ts) → figures → continued tables joined → ids → cells → checks
 */
import { wordsConfidence } from '../confidence.js';
import { normaliseFurniture } from '../../layout/furniture.js';
import type { LaidOutPage } from '../../layout/layout.js';
import type { Line } from '../../layout/lines.js';
import type { Check, ExtractedTable } from '../../model/document.js';
import type { Block as BlockRecord, CellRecord, Paragraph, TableMethod } from '../../validate/schemas.js';
import { checkTable } from '../../validate/table-checks.js';
import type { Block } from '../blocks.js';
import type { Located } from '../provenance.js';
import { buildCells } from './cells.js';
import { joinContinued, type PagePosition } from './continue.js';
import { dumpDrafts } from './dump.js';
import { findFigures } from './figures.js';
import { noteGroups, noteText, regionToDraft } from './grid.js';
import { tableIds } from './ids.js';
import type { Draft } from './model.js';
import { findRegions, type Region } from './regions.js';
import { notATable } from './not-tables.js';
import { latticeDrafts } from './ruled-regions.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

export { TABLE_SETTINGS } from './settings.js';

export interface TablesInput {
  /** Tabular blocks in reading order (StructureResult.tabular). */
  tabular: Block[];
  /** Numbered paragraphs: each table is placed after the paragraph it follows. */
  paragraphs: Paragraph[];
  /**
   * Running header/footer patterns (the profile's). A text dump's page breaks are unreliable, so
   * its running heads can sit inside a table; lines matching these are dropped there.
   */
  furniture?: RegExp[];
}

export interface TablesResult {
  tables: ExtractedTable[];
  /** `figure` rows for blocks.csv (one per chart, text = its title), in document order. */
  figures: BlockRecord[];
  /** A table's notes and sources as `note` rows for blocks.csv, `block_id` = the table's id. */
  notes: BlockRecord[];
  /** One summary check over every table's arithmetic (details are in each table's checks). */
  checks: Check[];
  /** What each table, cell, note and figure record was read from (for its boxes). */
  where: Map<object, Located[]>;
}

/** Page and y of each numbered paragraph's first line. */
function paragraphPositions(pages: LaidOutPage[], paragraphs: Paragraph[]): { page: number; y: number; n: number }[] {
  const byPage = new Map<number, number[]>();
  for (const p of paragraphs) if (p.page !== null) byPage.set(p.page, [...(byPage.get(p.page) ?? []), p.number]);
  const out: { page: number; y: number; n: number }[] = [];
  for (const page of pages) {
    const nums = byPage.get(page.number);
    if (!nums) continue;
    const firstLine = new Map<number, number>();
    for (const l of page.lines) {
      if (l.zone !== 'body') continue;
      const m = /^(\d{1,4})\.(?:\s|$)/.exec(l.text);
      if (m && !firstLine.has(Number(m[1]))) firstLine.set(Number(m[1]), l.y0);
    }
    for (const n of nums) out.push({ page: page.number, y: firstLine.get(n) ?? 0, n });
  }
  return out.sort((a, b) => a.page - b.page || a.y - b.y);
}

function paragraphBefore(pos: { page: number; y: number; n: number }[], page: number, y: number): number | null {
  let found: number | null = null;
  for (const p of pos) {
    if (p.page < page || (p.page === page && p.y < y)) found = p.n;
    else break;
  }
  return found;
}

/** Non-tabular body lines between the end of region a and the start of region b. */
function betweenRegions(pages: LaidOutPage[], tabular: Block[]): (a: Region, b: Region) => Line[] {
  const tab = new Set<Line>();
  for (const b of tabular) for (const l of b.lines) tab.add(l);
  return (a, b) => {
    const aEnd = Math.max(...[...a.rows, ...a.notes].map((l) => l.base));
    const bStart = Math.min(...[...b.caption, ...b.rows].map((l) => l.base));
    const out: Line[] = [];
    for (const p of pages) {
      if (p.number < a.page || p.number > b.page) continue;
      for (const l of p.lines) {
        if (l.zone !== 'body' || tab.has(l)) continue;
        if (p.number === a.page && l.base <= aEnd) continue;
        if (p.number === b.page && l.base >= bStart) continue;
        out.push(l);
      }
    }
    return out;
  };
}

function pagePosition(pages: LaidOutPage[], tabular: Block[]): PagePosition {
  const tab = new Set<Line>();
  for (const b of tabular) for (const l of b.lines) tab.add(l);
  const prose = new Map<number, Line[]>();
  for (const p of pages) prose.set(p.number, p.lines.filter((l) => l.zone === 'body' && !tab.has(l)));
  return {
    textAbove: (page, y) => (prose.get(page) ?? []).some((l) => l.base < y),
    textBelow: (page, y) => (prose.get(page) ?? []).some((l) => l.y0 > y),
  };
}

export function buildTables(pages: LaidOutPage[], input: TablesInput, s: TableSettings = TABLE_SETTINGS): TablesResult {
  const regionsAll = findRegions(pages, input.tabular, s);
  const { figures: found, regions: kept } = findFigures(pages, regionsAll, s);
  const figures = [...found];
  // Ruled grids first: the text regions they overlap give them titles and notes.
  const ruled = latticeDrafts(pages, kept, s);
  const drafts: Draft[] = ruled.drafts;
  const regionOf = new Map<Draft, Region>();
  for (const r of ruled.regions) {
    if (!r.positional) continue;
    const d = regionToDraft(r, s);
    if (d && (d.body.length || d.header.length)) drafts.push(withMethod(d, 'stream', streamReason(r)));
    if (d) regionOf.set(d, r);
  }
  const dumpRegions = ruled.regions.filter((r) => !r.positional);
  if (dumpRegions.length) {
    // Running headers a dump kept inside a table: the texts marked as furniture elsewhere.
    const furniture = new Set<string>();
    const edgeCount = new Map<string, number>();
    for (const p of pages) {
      for (const l of p.lines) if (l.zone === 'header' || l.zone === 'footer') furniture.add(normaliseFurniture(l.text));
      // Short lines opening or closing several pages are running heads too.
      const ls = p.lines.filter((l) => l.zone !== 'footnote');
      const seen = new Set<string>();
      for (const l of [...ls.slice(0, 4), ...ls.slice(-4)]) {
        const k = normaliseFurniture(l.text);
        if (!seen.has(k) && l.words.length <= 4) edgeCount.set(k, (edgeCount.get(k) ?? 0) + 1);
        seen.add(k);
      }
    }
    for (const [k, n] of edgeCount) if (n >= 3) furniture.add(k);
    const patterns = input.furniture ?? [];
    const dump = dumpDrafts(dumpRegions, { between: betweenRegions(pages, input.tabular), isFurniture: (t) => furniture.has(normaliseFurniture(t)) || patterns.some((re) => re.test(t.trim())) });
    drafts.push(...dump.drafts.map((d) => withMethod(d, 'text-dump', 'plain-text dump: columns from spacing and arithmetic')));
    figures.push(...dump.figures);
  }
  // Tables printed as images: reported without cells.
  const pictures = new Map<Draft, Located[]>();
  for (const f of figures) {
    if (!f.table) continue;
    const d: Draft = {
      title: f.title, titleSource: 'caption', pageStart: f.page, pageEnd: f.page, top: f.top, header: [], body: [], spans: [], columns: [],
      notes: [], labelColumns: 0, afterParagraph: null, reasons: ['image'], image: true, lines: [],
      method: 'image', methodReason: 'captioned as a table and printed as an image: no cells to read',
    };
    drafts.push(d);
    // The table is the picture (the last of what the figure was read from, after its title).
    pictures.set(d, f.where.slice(-1));
  }
  drafts.sort((a, b) => a.pageStart - b.pageStart || a.top - b.top);
  const positions = paragraphPositions(pages, input.paragraphs);
  for (const d of drafts) d.afterParagraph = paragraphBefore(positions, d.pageStart, d.top);
  // Read from text alignment but no table (a masthead's line of fields): its lines are prose.
  const unread = new Set<Region>();
  const joined = joinContinued(drafts, pagePosition(pages, input.tabular), s).filter((d) => {
    const r = regionOf.get(d);
    if (!r || !notATable(d)) return true;
    unread.add(r);
    return false;
  });
  const ids = tableIds(joined, s);
  const where = new Map<object, Located[]>();
  const tables: ExtractedTable[] = joined.map((d, i) => {
    const id = ids[i];
    const grid = [...d.header, ...d.body];
    const cols = Math.max(0, ...grid.map((r) => r.length));
    const cells = buildCells({ id, title: d.title, header: d.header, body: d.body, spans: d.spans, labelColumns: d.labelColumns });
    const table: ExtractedTable = {
      record: { table_id: id, title: d.title, page_start: d.pageStart, page_end: d.pageEnd, rows: grid.length, cols, header_rows: d.header.length },
      grid: grid.map((r) => (r.length < cols ? [...r, ...new Array(cols - r.length).fill('')] : r)),
      cells,
      notes: d.notes,
      checks: [],
      spans: d.spans.map((sp) => ({ row: sp.in === 'body' ? sp.row + d.header.length : sp.row, col: sp.col, rowspan: sp.rowspan, colspan: sp.colspan })),
      method: { table_id: id, method: d.method ?? 'stream', method_reason: d.methodReason ?? '' },
    };
    where.set(table.record, pictures.get(d) ?? d.lines);
    locateCells(cells, d, where);
    const confidence = wordsConfidence(d.lines);
    if (confidence !== undefined) table.confidence = confidence;
    table.checks = checkTable(table, { labelColumns: d.labelColumns, spans: d.spans });
    return table;
  });
  const figureBlocks: BlockRecord[] = figures
    .filter((f) => !f.table)
    .sort((a, b) => a.page - b.page || a.top - b.top)
    .map((f, i) => {
      const rec: BlockRecord = {
        kind: 'figure',
        parent_paragraph: paragraphBefore(positions, f.page, f.top),
        page: f.page,
        item: 0,
        label: '',
        text: f.title,
        block_id: `figure-${i + 1}`,
        footnotes: [],
      };
      where.set(rec, f.where);
      return rec;
    });
  // Notes and sources under a table ("Source: …", "Excluding …") are text of the report too: they
  // go to blocks.csv as notes linked to their table by its id, as well as with the table.
  const noteBlocks: BlockRecord[] = joined.flatMap((d, i) =>
    d.notes.map((text, k) => {
      const rec: BlockRecord = { kind: 'note', parent_paragraph: d.afterParagraph, page: d.pageEnd, item: k + 1, label: '', text, block_id: ids[i], footnotes: [] };
      if (d.noteLines?.[k]) where.set(rec, d.noteLines[k]);
      return rec;
    }),
  );
  // Running text left to this stage that holds no table: notes of no table, so nothing is lost.
  // Each such run gets its own block id, so its records keep distinct keys (boxes.csv, review).
  let proseRuns = 0;
  const proseRegions = [...kept.filter((r) => !r.rows.length && !r.caption.length && r.positional), ...unread].sort((a, b) => a.page - b.page);
  for (const r of proseRegions) {
    const prose = unread.has(r) ? [...r.caption, ...r.rows, ...r.notes] : r.notes;
    const top = Math.min(...prose.map((l) => l.y0));
    const blockId = `prose-${++proseRuns}`;
    noteGroups(prose).forEach((lines, k) => {
      const rec: BlockRecord = { kind: 'note', parent_paragraph: paragraphBefore(positions, r.page, top), page: r.page, item: k + 1, label: '', text: noteText(lines), block_id: blockId, footnotes: [] };
      where.set(rec, lines);
      noteBlocks.push(rec);
    });
  }
  return { tables, figures: figureBlocks, notes: noteBlocks, checks: summaryChecks(tables), where };
}

/** Each cell record → where its text was printed (grid rows: the header's, then the body's). */
function locateCells(cells: CellRecord[], d: Draft, where: Map<object, Located[]>): void {
  for (const c of cells) {
    const box = c.row < d.header.length ? d.headerBoxes?.[c.row]?.[c.col] : d.bodyBoxes?.[c.row - d.header.length]?.[c.col];
    if (box) where.set(c, [box]);
  }
}

function withMethod(d: Draft, method: TableMethod, reason: string): Draft {
  d.method ??= method;
  d.methodReason ??= reason;
  return d;
}

/** Why a region without a ruled grid is read from its text, in terms of the rules it has. */
function streamReason(r: Region): string {
  if (!r.rules.length) return 'no rules: columns from text alignment, rows from baselines';
  return `${r.rules.length} horizontal rule(s), no grid: rules separate header and body, columns and rows from text`;
}

function summaryChecks(tables: ExtractedTable[]): Check[] {
  const all = tables.flatMap((t) => t.checks.map((c) => ({ table: t.record.table_id, c })));
  const failed = all.filter((x) => !x.c.ok);
  const images = tables.filter((t) => t.record.rows === 0);
  return [
    {
      name: 'table-arithmetic',
      ok: failed.length === 0,
      severity: failed.length ? 'warning' : 'info',
      detail: `${all.length} arithmetic check(s) on ${tables.length} table(s): ${all.length - failed.length} hold, ${failed.length} do not (printed figures are reported, never changed)`,
      data: { failed: failed.map((x) => ({ table_id: x.table, name: x.c.name, detail: x.c.detail, ...(x.c.data as object) })) },
    },
    {
      name: 'tables-without-cells',
      ok: images.length === 0,
      severity: images.length ? 'warning' : 'info',
      detail: images.length ? `${images.length} table(s) printed as images: no cells read` : 'every table has cells',
      data: { tables: images.map((t) => t.record.table_id) },
    },
  ];
}
