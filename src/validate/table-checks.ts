/**
 * Arithmetic checks of a table's printed figures: Total / Grand Total / TOTAL rows against the rows
 * they close (group subtotals first), Total columns against the columns of their header group (or,
 * for a top-level total, the group totals or every figure column before it), a "Total" column group
 * against the same-named columns of the other groups, percentage columns summing to about 100 and
 * each percentage against its share of the total. Every check records what was summed, what was
 * printed and the difference. Checks report; they never change a figure.
 */
import type { Check, ExtractedTable } from '../model/document.js';
import { parseNumber, type ParsedNumber } from '../numbers/parse.js';
import { headerPaths } from '../structure/tables/cells.js';
import type { Span } from '../structure/tables/model.js';

export interface TableCheckInfo {
  labelColumns: number;
  spans: Span[];
}

const TOTAL_ROW = /\b(?:grand\s+total|sub-?total|total)\b/i;
const MAX_TOTAL_LABEL_WORDS = 6;

interface Ctx {
  id: string;
  body: string[][];
  nums: (ParsedNumber | null)[][];
  head: number;
  labelColumns: number;
  paths: string[];
  labels: string[];
}

const val = (p: ParsedNumber | null | undefined): number | null => (p && (p.kind === 'number' || p.kind === 'percent') ? p.value : null);

function fmt(x: number): string {
  return String(Math.round(x * 1e6) / 1e6);
}

function sumCheck(ctx: Ctx, name: string, what: string, terms: [number, number][], target: [number, number]): Check | null {
  const t = ctx.nums[target[0]][target[1]];
  const printed = val(t);
  if (printed === null) return null;
  let computed = 0;
  let any = false;
  let decimals = t!.decimals;
  for (const [r, c] of terms) {
    const p = ctx.nums[r][c];
    const v = val(p);
    if (v === null) continue;
    any = true;
    computed += v;
    decimals = Math.max(decimals, p!.decimals);
  }
  if (!any) return null;
  const unit = 10 ** -decimals;
  const tol = decimals === 0 ? 0 : 0.5 * unit * terms.length;
  const diff = computed - printed;
  const ok = Math.abs(diff) <= tol + 1e-9;
  const g = (rc: [number, number]) => [rc[0] + ctx.head, rc[1]];
  return {
    name,
    ok,
    severity: ok ? 'info' : 'warning',
    detail: `${ctx.id}: ${what}: computed ${fmt(computed)}, printed ${fmt(printed)}${ok ? '' : `, difference ${fmt(diff)}`}`,
    data: { table_id: ctx.id, what, terms: terms.map(g), target: g(target), computed: Number(fmt(computed)), printed, difference: Number(fmt(diff)), tolerance: tol },
  };
}

function rowLabel(row: string[], labelColumns: number): string {
  return row.slice(0, Math.max(1, labelColumns)).map((x) => x.trim()).filter(Boolean).join(' / ');
}

function isTotalRow(label: string): boolean {
  return TOTAL_ROW.test(label) && label.split(/\s+/).length <= MAX_TOTAL_LABEL_WORDS;
}

/** Columns where most filled cells are of one kind (figures, or percentages). */
function columnsOfKind(ctx: Ctx, kind: 'number' | 'percent'): number[] {
  const cols: number[] = [];
  const width = Math.max(0, ...ctx.body.map((r) => r.length));
  for (let c = ctx.labelColumns; c < width; c++) {
    let n = 0;
    let filled = 0;
    for (const row of ctx.nums) {
      const p = row[c];
      if (!p || p.kind === 'empty') continue;
      filled++;
      if (p.kind === kind) n++;
    }
    if (filled && n >= 0.6 * filled) cols.push(c);
  }
  return cols;
}

const figureColumns = (ctx: Ctx): number[] => columnsOfKind(ctx, 'number');
const percentColumns = (ctx: Ctx): number[] => columnsOfKind(ctx, 'percent');

function rowChecks(ctx: Ctx, cols: number[]): Check[] {
  const out: Check[] = [];
  let members: number[] = [];
  let subtotals: number[] = [];
  let all: number[] = [];
  ctx.body.forEach((_, r) => {
    const label = ctx.labels[r];
    if (!isTotalRow(label)) {
      members.push(r);
      all.push(r);
      return;
    }
    const grand = /grand\s+total/i.test(label) || /^total$/i.test(label.trim());
    const sub = !grand && !(subtotals.length === 0 && r === ctx.body.length - 1);
    let terms: number[];
    let kind: string;
    if (sub) {
      terms = members;
      kind = 'subtotal';
    } else if (subtotals.length) {
      terms = subtotals;
      kind = 'subtotals';
    } else {
      terms = all;
      kind = 'rows';
    }
    if (terms.length) {
      for (const c of cols) {
        const what = `column ${c} (${ctx.paths[c] || '-'}): ${kind === 'subtotals' ? 'subtotal rows' : 'rows'} ${terms.map((t) => t + ctx.head).join(',')} sum to row ${r + ctx.head} (${label})`;
        const chk = sumCheck(ctx, 'table-total-row', what, terms.map((t) => [t, c]), [r, c]);
        if (chk) out.push(chk);
      }
    }
    if (sub) {
      subtotals.push(r);
      members = [];
    } else {
      subtotals = [];
      all = [];
      members = [];
    }
  });
  return out;
}

function leaf(path: string): string {
  const parts = path.split(' / ');
  return parts[parts.length - 1] ?? '';
}

/** The header group (a spanning header cell) a column sits under, as [first, last] columns. */
function groupOf(spans: Span[], head: number, c: number): [number, number] | null {
  let best: Span | null = null;
  for (const sp of spans) {
    if (sp.in !== 'header' || sp.colspan < 2 || sp.row >= head) continue;
    if (c < sp.col || c >= sp.col + sp.colspan) continue;
    if (!best || sp.row > best.row) best = sp;
  }
  return best ? [best.col, best.col + best.colspan - 1] : null;
}

function columnChecks(ctx: Ctx, cols: number[], spans: Span[]): Check[] {
  const out: Check[] = [];
  const isTotal = (c: number) => /^total\b|\btotal$/i.test(leaf(ctx.paths[c]).trim());
  const totals = cols.filter(isTotal);
  const groupTotals = totals.filter((c) => {
    const g = groupOf(spans, ctx.head, c);
    return g !== null && g[1] > g[0];
  });
  const plan: { target: number; terms: number[]; what: string }[] = [];
  for (const t of totals) {
    const g = groupOf(spans, ctx.head, t);
    let terms: number[];
    if (g) terms = cols.filter((c) => c >= g[0] && c <= g[1] && c !== t && !isTotal(c));
    else if (groupTotals.length) terms = groupTotals.filter((c) => c < t);
    else terms = cols.filter((c) => c < t && !isTotal(c));
    if (terms.length >= 2 || (terms.length === 1 && g)) plan.push({ target: t, terms, what: `columns ${terms.join(',')} sum to column ${t} (${ctx.paths[t]})` });
    // A "Total …" group: each of its columns sums the same-named columns of the other groups.
    if (g && /^total\b/i.test(ctx.paths[t].split(' / ')[0] ?? '')) {
      for (let c = g[0]; c <= g[1]; c++) {
        if (c === t || !cols.includes(c)) continue;
        const name = leaf(ctx.paths[c]);
        const same = cols.filter((x) => (x < g[0] || x > g[1]) && leaf(ctx.paths[x]) === name);
        if (same.length >= 2) plan.push({ target: c, terms: same, what: `columns ${same.join(',')} (${name}) sum to column ${c} (${ctx.paths[c]})` });
      }
    }
  }
  for (const p of plan) {
    ctx.body.forEach((_, r) => {
      const chk = sumCheck(ctx, 'table-total-column', `row ${r + ctx.head} (${ctx.labels[r] || '-'}): ${p.what}`, p.terms.map((c) => [r, c]), [r, p.target]);
      if (chk) out.push(chk);
    });
  }
  return out;
}

function percentChecks(ctx: Ctx, pcts: number[], figs: number[]): Check[] {
  const out: Check[] = [];
  const totalRow = ctx.body.findIndex((_, r) => isTotalRow(ctx.labels[r]) && /^(grand\s+)?total$/i.test(ctx.labels[r].trim()));
  const rows = ctx.body.map((_, r) => r).filter((r) => !isTotalRow(ctx.labels[r]));
  if (totalRow < 0) return out;
  for (const c of pcts) {
    const vals = rows.map((r) => ({ r, p: ctx.nums[r][c] })).filter((x) => val(x.p) !== null);
    if (vals.length < 2) continue;
    const sum = vals.reduce((n, x) => n + val(x.p)!, 0);
    const printedTotal = val(ctx.nums[totalRow][c]);
    const target = printedTotal ?? 100;
    const ok = Math.abs(sum - target) <= 0.5 + 1e-9;
    out.push({
      name: 'table-percent-sum',
      ok,
      severity: ok ? 'info' : 'warning',
      detail: `${ctx.id}: column ${c} (${ctx.paths[c] || '-'}): percentages sum to ${fmt(sum)}, expected ${fmt(target)} (±0.5 for rounding)`,
      data: { table_id: ctx.id, terms: vals.map((x) => [x.r + ctx.head, c]), computed: Number(fmt(sum)), printed: target, difference: Number(fmt(sum - target)), tolerance: 0.5 },
    });
    // Each percentage against its figure's share of the total (the figure column just before it).
    const base = figs.filter((f) => f < c).pop();
    if (base === undefined) continue;
    const total = val(ctx.nums[totalRow][base]);
    if (!total) continue;
    for (const { r, p } of vals) {
      const v = val(ctx.nums[r][base]);
      if (v === null) continue;
      const share = (100 * v) / total;
      const tol = 0.5 * 10 ** -p!.decimals;
      const printed = val(p)!;
      const good = Math.abs(share - printed) <= tol + 1e-9;
      out.push({
        name: 'table-percent-share',
        ok: good,
        severity: good ? 'info' : 'warning',
        detail: `${ctx.id}: row ${r + ctx.head} (${ctx.labels[r]}): ${fmt(v)} / ${fmt(total)} = ${share.toFixed(2)}%, printed ${ctx.body[r][c].trim()}`,
        data: { table_id: ctx.id, terms: [[r + ctx.head, base]], target: [r + ctx.head, c], computed: Number(share.toFixed(4)), printed, difference: Number((share - printed).toFixed(4)), tolerance: tol },
      });
    }
  }
  return out;
}

export function checkTable(table: ExtractedTable, info: TableCheckInfo): Check[] {
  const head = table.record.header_rows;
  const body = table.grid.slice(head);
  if (!body.length) return [];
  const width = Math.max(0, ...table.grid.map((r) => r.length));
  const ctx: Ctx = {
    id: table.record.table_id,
    body,
    nums: body.map((row) => row.map((t, c) => (c < info.labelColumns ? null : parseNumber(t)))),
    head,
    labelColumns: info.labelColumns,
    paths: headerPaths(table.grid.slice(0, head), info.spans, width),
    labels: body.map((row) => rowLabel(row, info.labelColumns)),
  };
  const figs = figureColumns(ctx);
  const pcts = percentColumns(ctx);
  return [...rowChecks(ctx, figs), ...columnChecks(ctx, figs, info.spans), ...percentChecks(ctx, pcts, figs)];
}
