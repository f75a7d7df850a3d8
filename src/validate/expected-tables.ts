/**
 * Expected tables of a report series. A profile may declare the tables a series always carries
 * (title pattern or row labels to find them; expected columns, rows, value type and unit). Each
 * declaration becomes a zod schema over the table as extracted; every issue it raises is a drift
 * finding: a renamed or missing column, a missing or new row, a non-numeric value where figures
 * are expected, a total that no longer adds up. Findings report; they never change the data.
 */
import { z } from 'zod';
import type { Check, ExtractedTable } from '../model/document.js';

export const ExpectedTableSpecSchema = z.object({
  /** Stable name of the table across years. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  /** Regular expression for the table's title (case-insensitive); untitled tables are found by their rows. */
  title: z.string().optional(),
  /** Expected column labels, left to right, without the row-label column; omit to leave columns unchecked. */
  columns: z.array(z.string()).optional(),
  /** Expected row labels (the body rows' labels, group labels joined with " / "). */
  rows: z.array(z.string()).default([]),
  /** What the data cells hold. */
  values: z.enum(['number', 'text']).default('number'),
  /** Unit of the figures when the series states one ("%", "USD", "USD million"). */
  unit: z.string().optional(),
  /** A printed total may differ from its sum by this much before it counts as drift (a series that rounds). */
  totalTolerance: z.number().nonnegative().default(0),
});
export type ExpectedTableSpec = z.infer<typeof ExpectedTableSpecSchema>;

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9%]+/g, '');

/** What a table shows once extracted: its column labels, row labels and data cells. */
export interface TableView {
  columns: string[];
  rows: string[];
  values: { row: string; column: string; text: string; value: number | null; unit: string }[];
  /** Totals (rows or columns) that do not add up, with their difference. */
  failedTotals: { detail: string; difference: number }[];
}

const TOTAL_CHECKS = new Set(['table-total-row', 'table-total-column']);

/** Views are read once per declaration per table: kept while the table lives. */
const views = new WeakMap<ExtractedTable, TableView>();

export function viewOf(t: ExtractedTable): TableView {
  let v = views.get(t);
  if (!v) views.set(t, (v = buildView(t)));
  return v;
}

function buildView(t: ExtractedTable): TableView {
  const body = t.cells.filter((c) => !c.is_header);
  // The row-label column is the one whose cells are labels (no values) on most rows.
  const byCol = new Map<number, typeof body>();
  for (const c of body) {
    const list = byCol.get(c.col);
    if (list) list.push(c);
    else byCol.set(c.col, [c]);
  }
  const dataCols = [...byCol.keys()].sort((a, b) => a - b).filter((col) => byCol.get(col)!.some((c) => c.value !== null));
  const columns = dataCols.map((col) => byCol.get(col)![0].column_label);
  const rows = [...new Set(body.map((c) => c.row_label).filter(Boolean))];
  const values = body.filter((c) => dataCols.includes(c.col)).map((c) => ({ row: c.row_label, column: c.column_label, text: c.text, value: c.value, unit: c.unit }));
  const failedTotals = t.checks
    .filter((c) => !c.ok && TOTAL_CHECKS.has(c.name))
    .map((c) => ({ detail: c.detail, difference: Number((c.data as { difference?: number })?.difference ?? NaN) }));
  return { columns, rows, values, failedTotals };
}

/** The zod schema a declaration stands for; its issues are the drift findings. */
export function schemaFor(spec: ExpectedTableSpec): z.ZodType<TableView> {
  return z
    .object({
      columns: z.array(z.string()),
      rows: z.array(z.string()),
      values: z.array(z.object({ row: z.string(), column: z.string(), text: z.string(), value: z.number().nullable(), unit: z.string() })),
      failedTotals: z.array(z.object({ detail: z.string(), difference: z.number() })),
    })
    .superRefine((t, ctx) => {
      const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
      if (spec.columns) {
        const have = t.columns.map(norm);
        const want = spec.columns.map(norm);
        const missing = spec.columns.filter((c) => !have.includes(norm(c)));
        const added = t.columns.filter((c) => !want.includes(norm(c)));
        // One out, one in at the same place: a rename.
        if (missing.length === 1 && added.length === 1) issue(`column "${missing[0]}" renamed to "${added[0]}"`);
        else {
          for (const c of missing) issue(`column "${c}" missing`);
          for (const c of added) issue(`new column "${c}"`);
        }
      }
      if (spec.rows.length) {
        const have = new Set(t.rows.map(norm));
        const want = new Set(spec.rows.map(norm));
        for (const r of spec.rows) if (!have.has(norm(r))) issue(`row "${r}" missing`);
        for (const r of t.rows) if (!want.has(norm(r))) issue(`new row "${r}"`);
      }
      if (spec.values === 'number') {
        for (const v of t.values) {
          // A rank "(1)" or a dash is printed on purpose; anything else without a value is not a figure.
          if (v.text && v.value === null && !/^\(\d+\)$|^[-–—]$/.test(v.text.trim())) issue(`non-numeric value "${v.text}" at row "${v.row}", column "${v.column}"`);
        }
      }
      if (spec.unit !== undefined) {
        const wrong = t.values.filter((v) => v.value !== null && v.unit && v.unit !== spec.unit);
        if (wrong.length) issue(`${wrong.length} value(s) in "${wrong[0].unit}" where the series states "${spec.unit}"`);
      }
      for (const c of t.failedTotals) if (!(Math.abs(c.difference) <= spec.totalTolerance)) issue(`total no longer adds up: ${c.detail}`);
    }) as z.ZodType<TableView>;
}

/**
 * The extracted table a declaration refers to: by title, else by its rows — the table whose row
 * labels agree best with the declared ones (Jaccard), so two tables sharing most labels (a summary
 * in the text and its annex twin) are told apart.
 */
export function findTable(spec: ExpectedTableSpec, tables: ExtractedTable[], minRowShare = 0.6): ExtractedTable | null {
  if (spec.title) {
    const re = new RegExp(spec.title, 'i');
    return tables.find((t) => re.test(t.record.title)) ?? null;
  }
  if (!spec.rows.length) return null;
  const want = new Set(spec.rows.map(norm));
  let best: ExtractedTable | null = null;
  let bestScore = 0;
  for (const t of tables) {
    const view = viewOf(t);
    const share = jaccard(want, new Set(view.rows.map(norm)));
    // Declared columns break ties between tables with the same rows (a summary and its annex twin).
    const score = share + (spec.columns ? 0.5 * jaccard(new Set(spec.columns.map(norm)), new Set(view.columns.map(norm))) : 0);
    if (share < minRowShare || score <= bestScore) continue;
    [best, bestScore] = [t, score];
  }
  return best;
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return a.size + b.size - n ? n / (a.size + b.size - n) : 0;
}

/** One check per declared table: ok, or the drift findings. */
export function checkExpectedTables(specs: ExpectedTableSpec[], tables: ExtractedTable[]): Check[] {
  return specs.map((spec) => {
    const table = findTable(spec, tables);
    if (!table) {
      return { name: 'expected-table', ok: false, severity: 'warning', detail: `expected table ${spec.key} not found`, data: { key: spec.key, findings: ['table not found'] } };
    }
    const res = schemaFor(spec).safeParse(viewOf(table));
    const findings = res.success ? [] : res.error.issues.map((i) => i.message);
    return {
      name: 'expected-table',
      ok: findings.length === 0,
      severity: findings.length ? 'warning' : 'info',
      detail: findings.length ? `${spec.key} (${table.record.table_id}): ${findings.length} drift finding(s): ${findings.slice(0, 3).join('; ')}${findings.length > 3 ? '; …' : ''}` : `${spec.key} (${table.record.table_id}) matches its expected schema`,
      data: { key: spec.key, table_id: table.record.table_id, findings },
    };
  });
}
