/**
 * An output folder → what the review page shows: every record with its boxes, and the list of what
 * needs a human look (failed arithmetic with the cells it involves, drift and other failed checks,
 * unclassified text, OCR records below the confidence threshold). Read from the folder's files
 * only, so any run's output can be reviewed.
 */
import { readCells, readRecords, readReport } from '../evaluate/read-output.js';
import { blockKey, cellKey } from '../structure/provenance.js';
import { BlockSchema, BoxSchema, FootnoteSchema, HeadingSchema, ParagraphSchema, TableSchema, type RecordKind } from '../validate/schemas.js';

/** A box as the page draws it: [page, x0, y0, x1, y1]. */
export type DrawnBox = [number, number, number, number, number];

export interface ReviewRecord {
  kind: RecordKind;
  id: string;
  /** What the side list shows: a label and the start of the text. */
  label: string;
  text: string;
  boxes: DrawnBox[];
  /** Footnotes the record links to: a mark's own note, or the notes a record's text refers to whose marks have no box. */
  notes?: string[];
  /** A footnote: the record carrying its mark (paragraph number). */
  markIn?: string;
}

export interface ReviewItem {
  /** arithmetic | drift | check | unclassified | ocr */
  type: string;
  text: string;
  page: number | null;
  /** Records concerned, as kind + ' ' + id. */
  records: string[];
}

export interface ReviewData {
  docId: string;
  title: string;
  /** 'pt' (PDF points) or 'grid' (a text dump's characters and lines). */
  unit: 'pt' | 'grid';
  records: ReviewRecord[];
  review: ReviewItem[];
}

interface Check {
  name: string;
  ok: boolean;
  detail: string;
  data?: Record<string, unknown>;
}

const clip = (s: string, n = 140) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export async function reviewData(dir: string): Promise<ReviewData> {
  const [paragraphs, headings, footnotes, blocks, tables, cells, boxes, report] = await Promise.all([
    readRecords(dir, 'paragraphs.csv', ParagraphSchema, true),
    readRecords(dir, 'headings.csv', HeadingSchema, true),
    readRecords(dir, 'footnotes.csv', FootnoteSchema, true),
    readRecords(dir, 'blocks.csv', BlockSchema, true),
    readRecords(dir, 'tables.csv', TableSchema, false),
    readCells(dir),
    readRecords(dir, 'boxes.csv', BoxSchema, true),
    readReport(dir),
  ]);
  const byKey = new Map<string, DrawnBox[]>();
  for (const b of boxes) {
    const k = `${b.record_kind} ${b.record_id}`;
    byKey.set(k, [...(byKey.get(k) ?? []), [b.page, b.x0, b.y0, b.x1, b.y1]]);
  }
  const records: ReviewRecord[] = [];
  const add = (kind: RecordKind, id: string, label: string, text: string, extra: Partial<ReviewRecord> = {}) =>
    records.push({ kind, id, label, text: clip(text), boxes: byKey.get(`${kind} ${id}`) ?? [], ...extra });
  // A note whose mark has a box of its own is linked from the mark; the others from their record's first box.
  const marked = new Set(boxes.filter((b) => b.record_kind === 'mark').map((b) => b.record_id));
  const notes = (ns: number[]) => {
    const unmarked = ns.map(String).filter((n) => !marked.has(n));
    return unmarked.length ? { notes: unmarked } : {};
  };
  headings.forEach((h, i) => add('heading', String(i + 1), h.label ? `${h.label}.` : `h${h.level}`, h.title));
  for (const p of paragraphs) add('paragraph', String(p.number), `¶${p.number}`, p.text, notes(p.footnotes));
  for (const f of footnotes) add('footnote', String(f.number), `note ${f.number}`, f.text, f.paragraph === null ? {} : { markIn: String(f.paragraph) });
  for (const f of footnotes) if (marked.has(String(f.number))) add('mark', String(f.number), `mark ${f.number}`, f.text, { notes: [String(f.number)] });
  for (const b of blocks) add('block', blockKey(b), `${b.kind}${b.label ? ` ${b.label}` : ''}`, b.text || b.block_id, notes(b.footnotes));
  for (const t of tables) add('table', t.table_id, 'table', t.title || t.table_id);
  for (const c of cells) add('cell', cellKey(c), `${c.table_id} r${c.row} c${c.col}`, c.text);
  const cellsOf = new Map<string, ReviewRecord[]>();
  for (const r of records) {
    if (r.kind !== 'cell') continue;
    const table = r.id.slice(0, r.id.indexOf(':'));
    const list = cellsOf.get(table);
    if (list) list.push(r);
    else cellsOf.set(table, [r]);
  }
  const placed = sortByPlace(records.filter((r) => r.kind !== 'cell'));
  // Each table's cells follow it in the list, in grid order.
  const ordered = placed.flatMap((r) => (r.kind === 'table' ? [r, ...(cellsOf.get(r.id) ?? [])] : [r]));
  // OCR confidence names a heading by its label and title; the review names it by its order.
  const headingIds = new Map(headings.map((h, i) => [h.label ? `${h.label}. ${h.title}` : h.title, String(i + 1)]));
  const source = (report?.source ?? {}) as { kind?: string };
  const meta = (report?.metadata ?? {}) as { title?: string | null; symbol?: string | null };
  return {
    docId: String(report?.doc_id ?? ''),
    title: [meta.symbol, meta.title].filter(Boolean).join(' — '),
    unit: source.kind === 'text' ? 'grid' : 'pt',
    records: ordered,
    review: reviewItems(report, (id) => headingIds.get(id) ?? id),
  };
}

/** What needs a human look, from report.json. */
export function reviewItems(report: Record<string, unknown> | null, headingId: (ocrId: string) => string = (id) => id): ReviewItem[] {
  const validation = (report?.validation ?? {}) as { checks?: Check[] };
  const out: ReviewItem[] = [];
  for (const c of validation.checks ?? []) {
    if (c.ok) continue;
    if (c.name === 'table-arithmetic') {
      for (const f of (c.data?.failed ?? []) as { table_id: string; detail: string; terms?: [number, number][]; target?: [number, number] }[]) {
        const at = [...(f.terms ?? []), ...(f.target ? [f.target] : [])];
        out.push({ type: 'arithmetic', text: f.detail, page: null, records: at.map(([r, col]) => `cell ${f.table_id}:${r}:${col}`) });
      }
      continue;
    }
    const tables = [c.data?.table_id, ...((c.data?.tables as unknown[]) ?? [])].filter((t): t is string => typeof t === 'string');
    out.push({ type: c.name === 'expected-table' ? 'drift' : 'check', text: c.detail, page: null, records: tables.map((t) => `table ${t}`) });
  }
  for (const u of (report?.unclassified ?? []) as { page: number | null; text: string; reason: string }[]) {
    out.push({ type: 'unclassified', text: `${u.reason}: ${clip(u.text)}`, page: u.page, records: [] });
  }
  const ocr = report?.ocr_confidence as { threshold: number; low_confidence: { kind: string; id: string; page: number | null; confidence: number; text?: string }[] } | undefined;
  for (const r of ocr?.low_confidence ?? []) {
    out.push({ type: 'ocr', text: `${r.kind} ${r.id}: confidence ${r.confidence} < ${ocr!.threshold}: ${r.text ?? ''}`, page: r.page, records: [`${r.kind} ${r.kind === 'heading' ? headingId(r.id) : r.id}`] });
  }
  return out;
}

/**
 * The side list in reading order: by page, then text column (a box starting right of the middle of
 * what is printed on its page is in the right-hand column), then height. Records without a box last.
 */
export function sortByPlace(records: ReviewRecord[]): ReviewRecord[] {
  const middle = new Map<number, number>();
  const extent = new Map<number, [number, number]>();
  for (const r of records) {
    for (const [page, x0, , x1] of r.boxes) {
      const e = extent.get(page) ?? [Infinity, -Infinity];
      extent.set(page, [Math.min(e[0], x0), Math.max(e[1], x1)]);
    }
  }
  for (const [page, [lo, hi]] of extent) middle.set(page, (lo + hi) / 2);
  const key = (r: ReviewRecord): [number, number, number, number] => {
    const b = r.boxes[0];
    if (!b) return [Infinity, 0, 0, 0];
    return [b[0], b[1] >= middle.get(b[0])! ? 1 : 0, b[2], b[1]];
  };
  const keys = new Map(records.map((r) => [r, key(r)]));
  return records.slice().sort((a, b) => {
    const ka = keys.get(a)!;
    const kb = keys.get(b)!;
    return ka[0] - kb[0] || ka[1] - kb[1] || ka[2] - kb[2] || ka[3] - kb[3];
  });
}
