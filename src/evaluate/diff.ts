/**
 * Record-by-record comparison of two output folders (`DIR/<doc-id>/`, see OUTPUT.md):
 *
 * - paragraphs by number, footnotes by number, blocks by (block_id, item), tables (tables.csv) by
 *   table_id, table cells by (table_id, row, col) — cells.csv fields plus the text of the grid in
 *   tables/<id>.csv at the same position;
 * - headings, which have no identifier, by aligning the two sequences on (level, label, title)
 *   (longest common subsequence); within the gaps left, a heading whose title or level-and-label
 *   survived is a change, the rest are added or removed;
 * - report.json leaf by leaf, except `timings` (different on every run), `records` (the CSV
 *   records again, already compared) and `counts` (derived from the records).
 *
 * Every compared field must be equal as written: this is about what changed between two runs,
 * not about accuracy (that is `score`).
 */
import { readOutput, readCells, type OutputFolder } from './read-output.js';
import type { Block, CellRecord, Footnote, Heading, Paragraph, TableRecord } from '../validate/schemas.js';
import { commonEnds, diffExcerpt, fold, shorten } from './text.js';

export const DIFF_KINDS = ['paragraph', 'heading', 'footnote', 'block', 'table', 'cell', 'report'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** report.json keys left out of the comparison. */
export const REPORT_IGNORED = ['timings', 'records', 'counts'] as const;

export interface FieldChange {
  field: string;
  a: unknown;
  b: unknown;
}

export interface Change {
  kind: DiffKind;
  change: 'added' | 'removed' | 'changed';
  /** The record's identity, e.g. `12` (paragraph), `box-3/2` (block), `things/2/3` (cell). */
  key: string;
  /** For `changed`: the fields that differ. Empty for added / removed. */
  fields: FieldChange[];
  /** The record in A (null when added) and in B (null when removed). */
  a: unknown;
  b: unknown;
}

export interface KindCounts {
  /** Records of this kind in A and in B. */
  a: number;
  b: number;
  added: number;
  removed: number;
  changed: number;
}

export interface DiffReport {
  a: string;
  b: string;
  equal: boolean;
  counts: Record<DiffKind, KindCounts>;
  changes: Change[];
}

/** What the comparison reads from one folder. */
export interface DiffInput {
  dir: string;
  paragraphs: Paragraph[];
  headings: Heading[];
  footnotes: Footnote[];
  blocks: Block[];
  tables: OutputFolder['tables'];
  cells: CellRecord[];
  report: Record<string, unknown> | null;
}

export async function readDiffInput(dir: string): Promise<DiffInput> {
  const [output, cells] = await Promise.all([readOutput(dir), readCells(dir)]);
  return { ...output, cells };
}

/** Canonical JSON (object keys sorted) so that equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) : v,
  );
}

const same = (x: unknown, y: unknown): boolean => x === y || canonical(x) === canonical(y);

function fieldChanges(a: Record<string, unknown>, b: Record<string, unknown>, fields: readonly string[]): FieldChange[] {
  return fields.filter((f) => !same(a[f] ?? null, b[f] ?? null)).map((f) => ({ field: f, a: a[f] ?? null, b: b[f] ?? null }));
}

/** Keys made unique by occurrence: a second paragraph 12 is `12#2`. */
function keyed<T>(records: T[], key: (r: T) => string): Map<string, T> {
  const map = new Map<string, T>();
  const seen = new Map<string, number>();
  for (const r of records) {
    const k = key(r);
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    map.set(n === 1 ? k : `${k}#${n}`, r);
  }
  return map;
}

/** Records matched on a key; fields compared. Order: A's order, B's additions after. */
function keyedDiff<T extends object>(kind: DiffKind, a: T[], b: T[], key: (r: T) => string, fields: readonly string[]): Change[] {
  const left = keyed(a, key);
  const right = keyed(b, key);
  const changes: Change[] = [];
  for (const [k, ra] of left) {
    const rb = right.get(k);
    if (rb === undefined) {
      changes.push({ kind, change: 'removed', key: k, fields: [], a: ra, b: null });
      continue;
    }
    const diff = fieldChanges(ra as Record<string, unknown>, rb as Record<string, unknown>, fields);
    if (diff.length > 0) changes.push({ kind, change: 'changed', key: k, fields: diff, a: ra, b: rb });
  }
  for (const [k, rb] of right) if (!left.has(k)) changes.push({ kind, change: 'added', key: k, fields: [], a: null, b: rb });
  return changes;
}

const PARAGRAPH_FIELDS = ['page', 'page_last', 'section', 'subsection', 'heading', 'footnotes', 'text'] as const;
const HEADING_FIELDS = ['level', 'label', 'title', 'page', 'style'] as const;
const FOOTNOTE_FIELDS = ['paragraph', 'page', 'text'] as const;
const BLOCK_FIELDS = ['kind', 'parent_paragraph', 'page', 'label', 'text', 'footnotes'] as const;
const TABLE_FIELDS = ['title', 'page_start', 'page_end', 'rows', 'cols', 'header_rows'] as const;
const CELL_FIELDS = ['text', 'value', 'unit', 'is_header', 'row_label', 'column_label', 'grid'] as const;

export function headingLabel(h: Pick<Heading, 'level' | 'label' | 'title'>): string {
  return `L${h.level} ${h.label ? `${h.label}. ` : ''}"${shorten(h.title, 80)}"`;
}

/** Above this many cells, the LCS table is not built (see `lcs`). */
const LCS_MAX_CELLS = 4_000_000;

/**
 * Longest common subsequence of two key sequences, as index pairs in order. The common prefix
 * and suffix are taken first, so two runs with a few differences cost little; a middle too large
 * for the table (millions of headings) is matched greedily in order instead.
 */
export function lcs(a: string[], b: string[]): [number, number][] {
  const { start, endA, endB } = commonEnds(a, b);
  const pairs: [number, number][] = [];
  for (let i = 0; i < start; i++) pairs.push([i, i]);
  const n = endA - start;
  const m = endB - start;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= LCS_MAX_CELLS) {
    // Suffix LCS lengths of the middle, row-major (n+1)×(m+1).
    const table = new Uint32Array((n + 1) * (m + 1));
    const at = (i: number, j: number): number => i * (m + 1) + j;
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        table[at(i, j)] = a[start + i] === b[start + j] ? table[at(i + 1, j + 1)] + 1 : Math.max(table[at(i + 1, j)], table[at(i, j + 1)]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (a[start + i] === b[start + j]) {
        pairs.push([start + i, start + j]);
        i++;
        j++;
      } else if (table[at(i + 1, j)] >= table[at(i, j + 1)]) i++;
      else j++;
    }
  } else if (n > 0 && m > 0) {
    // Greedy: each key of A matched to its next occurrence in B, keeping the order.
    const positions = new Map<string, number[]>();
    for (let j = start; j < endB; j++) {
      const list = positions.get(b[j]);
      if (list) list.push(j);
      else positions.set(b[j], [j]);
    }
    let last = start - 1;
    for (let i = start; i < endA; i++) {
      const list = positions.get(a[i]);
      const j = list?.find((x) => x > last);
      if (j === undefined) continue;
      pairs.push([i, j]);
      last = j;
    }
  }
  for (let k = 0; k < a.length - endA; k++) pairs.push([endA + k, endB + k]);
  return pairs;
}

type IndexedHeading = Heading & { index: number };

/** Headings aligned by order on (level, label, title); see the file comment. */
export function diffHeadings(a: Heading[], b: Heading[]): Change[] {
  const ia: IndexedHeading[] = a.map((h, i) => ({ ...h, index: i + 1 }));
  const ib: IndexedHeading[] = b.map((h, i) => ({ ...h, index: i + 1 }));
  const strict = (h: Heading): string => `${h.level}|${fold(h.label)}|${h.title}`;
  const anchors = lcs(ia.map(strict), ib.map(strict));
  const changes: Change[] = [];
  const compare = (x: IndexedHeading, y: IndexedHeading): void => {
    const diff = fieldChanges(x, y, HEADING_FIELDS);
    if (diff.length > 0) changes.push({ kind: 'heading', change: 'changed', key: `${x.index}→${y.index} ${headingLabel(x)}`, fields: diff, a: x, b: y });
  };
  const gap = (xs: IndexedHeading[], ys: IndexedHeading[]): void => {
    const from = changes.length;
    const left = new Set(xs);
    const right = new Set(ys);
    const pairUp = (key: (h: Heading) => string | null): void => {
      for (const x of [...left]) {
        const k = key(x);
        if (k === null) continue;
        const y = [...right].find((h) => key(h) === k);
        if (y === undefined) continue;
        left.delete(x);
        right.delete(y);
        compare(x, y);
      }
    };
    pairUp((h) => fold(h.title));
    pairUp((h) => (h.label ? `${h.level}|${fold(h.label)}` : null));
    for (const x of left) changes.push({ kind: 'heading', change: 'removed', key: `${x.index} ${headingLabel(x)}`, fields: [], a: x, b: null });
    for (const y of right) changes.push({ kind: 'heading', change: 'added', key: `${y.index} ${headingLabel(y)}`, fields: [], a: null, b: y });
    // In document order: A's headings first (changed or removed), then the added ones.
    const index = (h: unknown): number => (h as IndexedHeading | null)?.index ?? Number.POSITIVE_INFINITY;
    const inGap = changes.splice(from).sort((x, y) => index(x.a) - index(y.a) || index(x.b) - index(y.b));
    changes.push(...inGap);
  };
  let i = 0;
  let j = 0;
  for (const [ai, bj] of [...anchors, [ia.length, ib.length] as [number, number]]) {
    gap(ia.slice(i, ai), ib.slice(j, bj));
    if (ai < ia.length && bj < ib.length) compare(ia[ai], ib[bj]);
    i = ai + 1;
    j = bj + 1;
  }
  return changes;
}

interface CellView {
  table_id: string;
  row: number;
  col: number;
  text: string | null;
  value: number | null;
  unit: string | null;
  is_header: boolean | null;
  row_label: string | null;
  column_label: string | null;
  /** The text at (row, col) of tables/<table_id>.csv. */
  grid: string | null;
}

/** cells.csv records joined with the grid text at the same position; empty grid cells left out. */
function cellViews(input: DiffInput): CellView[] {
  const grids = new Map(input.tables.map((t) => [t.record.table_id, t.grid]));
  const views = new Map<string, CellView>();
  const id = (table: string, row: number, col: number): string => `${table}/${row}/${col}`;
  for (const c of input.cells) {
    const grid = grids.get(c.table_id)?.[c.row]?.[c.col] ?? null;
    views.set(id(c.table_id, c.row, c.col), { ...c, grid });
  }
  for (const [table, grid] of grids) {
    grid.forEach((cells, row) =>
      cells.forEach((text, col) => {
        if (text.trim() === '' || views.has(id(table, row, col))) return;
        views.set(id(table, row, col), { table_id: table, row, col, text: null, value: null, unit: null, is_header: null, row_label: null, column_label: null, grid: text });
      }),
    );
  }
  return [...views.values()];
}

/** Fields that identify the items of a report.json array (the first one present and distinct in all). */
const ID_FIELDS = ['name', 'id', 'page'] as const;

interface Leaf {
  path: string;
  value: unknown;
}

/**
 * The leaves of report.json. Arrays of objects that all carry a distinct `name`, `id` or `page`
 * (validation checks, page sources) are keyed by it; other arrays of objects are multisets (an
 * item is in both or it is added/removed); arrays of plain values are single values.
 */
function leaves(value: unknown, path: string, out: Leaf[]): Leaf[] {
  if (Array.isArray(value)) {
    const objects = value.every((v) => v !== null && typeof v === 'object' && !Array.isArray(v));
    if (!objects || value.length === 0) {
      out.push({ path, value });
      return out;
    }
    const idField = ID_FIELDS.find((field) => {
      const ids = value.map((v) => (v as Record<string, unknown>)[field]);
      return ids.every((id) => typeof id === 'string' || typeof id === 'number') && new Set(ids).size === ids.length;
    });
    if (idField !== undefined) {
      value.forEach((v) => leaves(v, `${path}[${idField}=${String((v as Record<string, unknown>)[idField])}]`, out));
    } else {
      const seen = new Map<string, number>();
      for (const v of value) {
        const c = canonical(v);
        const n = (seen.get(c) ?? 0) + 1;
        seen.set(c, n);
        out.push({ path: `${path}[${c}]${n > 1 ? `#${n}` : ''}`, value: v });
      }
    }
    return out;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) leaves(v, path ? `${path}.${k}` : k, out);
    return out;
  }
  out.push({ path, value });
  return out;
}

function reportLeaves(report: Record<string, unknown> | null): { path: string; value: unknown }[] {
  if (report === null) return [];
  const kept = Object.fromEntries(Object.entries(report).filter(([k]) => !(REPORT_IGNORED as readonly string[]).includes(k)));
  return leaves(kept, '', []);
}

function diffReports(a: Record<string, unknown> | null, b: Record<string, unknown> | null): Change[] {
  if (a === null && b === null) return [];
  if (a === null || b === null) {
    return [{ kind: 'report', change: a === null ? 'added' : 'removed', key: 'report.json', fields: [], a: a === null ? null : 'report.json', b: b === null ? null : 'report.json' }];
  }
  return keyedDiff('report', reportLeaves(a), reportLeaves(b), (l) => l.path, ['value']);
}

export function diffOutputs(a: DiffInput, b: DiffInput): DiffReport {
  const cellsA = cellViews(a);
  const cellsB = cellViews(b);
  const tablesA = a.tables.map((t) => t.record);
  const tablesB = b.tables.map((t) => t.record);
  const changes: Change[] = [
    ...keyedDiff('paragraph', a.paragraphs, b.paragraphs, (p) => String(p.number), PARAGRAPH_FIELDS),
    ...diffHeadings(a.headings, b.headings),
    ...keyedDiff('footnote', a.footnotes, b.footnotes, (f) => String(f.number), FOOTNOTE_FIELDS),
    ...keyedDiff('block', a.blocks, b.blocks, (x) => `${x.block_id}/${x.item}`, BLOCK_FIELDS),
    ...keyedDiff<TableRecord>('table', tablesA, tablesB, (t) => t.table_id, TABLE_FIELDS),
    ...keyedDiff('cell', cellsA, cellsB, (c) => `${c.table_id}/${c.row}/${c.col}`, CELL_FIELDS),
    ...diffReports(a.report, b.report),
  ];
  const sizes: Record<DiffKind, [number, number]> = {
    paragraph: [a.paragraphs.length, b.paragraphs.length],
    heading: [a.headings.length, b.headings.length],
    footnote: [a.footnotes.length, b.footnotes.length],
    block: [a.blocks.length, b.blocks.length],
    table: [tablesA.length, tablesB.length],
    cell: [cellsA.length, cellsB.length],
    report: [reportLeaves(a.report).length, reportLeaves(b.report).length],
  };
  const counts = Object.fromEntries(
    DIFF_KINDS.map((kind) => {
      const of = changes.filter((c) => c.kind === kind);
      const count = (change: Change['change']): number => of.filter((c) => c.change === change).length;
      return [kind, { a: sizes[kind][0], b: sizes[kind][1], added: count('added'), removed: count('removed'), changed: count('changed') }];
    }),
  ) as Record<DiffKind, KindCounts>;
  return { a: a.dir, b: b.dir, equal: changes.length === 0, counts, changes };
}

export async function diffFolders(a: string, b: string): Promise<DiffReport> {
  const [left, right] = await Promise.all([readDiffInput(a), readDiffInput(b)]);
  return diffOutputs(left, right);
}

// ---------------------------------------------------------------------------------------------
// Text summary

const PLURAL: Record<DiffKind, string> = {
  paragraph: 'paragraphs',
  heading: 'headings',
  footnote: 'footnotes',
  block: 'blocks',
  table: 'tables',
  cell: 'cells',
  report: 'report.json',
};

function show(value: unknown): string {
  if (value === null || value === undefined) return '∅';
  if (typeof value === 'string') return `"${shorten(value, 60)}"`;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object')) return `[${value.join(';')}]`;
  return shorten(typeof value === 'object' ? canonical(value) : String(value), 60);
}

/** One field change: long texts as the differing stretch, short values as a → b. */
export function describeField(f: FieldChange, named = true): string {
  const name = named ? `${f.field} ` : '';
  if (typeof f.a === 'string' && typeof f.b === 'string' && Math.max(f.a.length, f.b.length) > 40) {
    const d = diffExcerpt(f.a, f.b, 20, 70);
    return `${name}at ${d.at}: «${d.gold}» → «${d.output}»`;
  }
  return `${name}${show(f.a)} → ${show(f.b)}`;
}

function recordText(kind: DiffKind, record: unknown): string {
  const r = record as Record<string, unknown>;
  switch (kind) {
    case 'paragraph':
    case 'footnote':
    case 'block':
      return `"${shorten(String(r.text ?? ''), 70)}"`;
    case 'heading':
      return '';
    case 'table':
      return `"${shorten(String(r.title ?? ''), 60)}" ${String(r.rows)}×${String(r.cols)}`;
    case 'cell':
      return show(r.text ?? r.grid);
    case 'report':
      return show((r as { value?: unknown }).value ?? record);
  }
}

export function describeChange(c: Change): string {
  const what = `${c.kind} ${c.key}`;
  // A report.json leaf has one field, its value: the key already names it.
  if (c.change === 'changed') return `~ ${what}: ${c.fields.map((f) => describeField(f, c.kind !== 'report')).join('; ')}`;
  const record = c.change === 'added' ? c.b : c.a;
  const text = recordText(c.kind, record);
  return `${c.change === 'added' ? '+' : '-'} ${what}${text ? ` ${text}` : ''} (${c.change})`;
}

export function formatDiff(report: DiffReport, limit = 20): string {
  const lines = [`diff ${report.a} → ${report.b}`];
  if (report.equal) {
    const sizes = DIFF_KINDS.filter((k) => k !== 'report').map((k) => `${report.counts[k].a} ${PLURAL[k]}`);
    lines.push(`No differences: ${sizes.join(', ')} and report.json (timings aside) are the same.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(`${report.changes.length} change${report.changes.length === 1 ? '' : 's'}:`);
  for (const kind of DIFF_KINDS) {
    const c = report.counts[kind];
    if (c.added + c.removed + c.changed === 0) continue;
    const parts = [c.changed && `${c.changed} changed`, c.added && `${c.added} added`, c.removed && `${c.removed} removed`].filter(Boolean);
    lines.push(`  ${PLURAL[kind].padEnd(12)} ${parts.join(', ')} (${c.a} → ${c.b})`);
  }
  const shown = report.changes.slice(0, limit);
  lines.push('', shown.length < report.changes.length ? `First ${shown.length} changes (--json for all):` : 'Changes:');
  for (const c of shown) lines.push(`  ${describeChange(c)}`);
  if (shown.length < report.changes.length) lines.push(`  … ${report.changes.length - shown.length} more`);
  return `${lines.join('\n')}\n`;
}
