/**
 * The same figure stated in two places: a summary table in the text and its twin in an annex.
 * Two tables are twins on a pair of columns when they share several row labels and those columns
 * agree on most shared rows; the rows where they then disagree are reported with both figures.
 * Nothing is changed: the report says which copy differs, a reader decides which is right.
 */
import type { Check, ExtractedTable } from '../model/document.js';

export const CROSS_TABLE_SETTINGS = {
  /** Row labels two tables must share before their columns are compared. */
  minSharedRows: 3,
  /** Share of the shared rows on which two columns must agree to be the same figures. */
  minAgreement: 0.6,
};

const norm = (s: string): string => s.toLowerCase().replace(/^the\s+/, '').replace(/[^a-z0-9]+/g, '');

type Column = Map<string, number>;

/** Each table's data columns as label → value maps (row labels normalised). */
function columnsOf(t: ExtractedTable): { col: number; label: string; values: Column }[] {
  const out = new Map<number, { col: number; label: string; values: Column }>();
  for (const c of t.cells) {
    if (c.is_header || c.value === null || !c.row_label || c.unit === '%') continue;
    let e = out.get(c.col);
    if (!e) out.set(c.col, (e = { col: c.col, label: c.column_label, values: new Map() }));
    if (!e.values.has(norm(c.row_label))) e.values.set(norm(c.row_label), c.value);
  }
  return [...out.values()];
}

export function crossTableChecks(tables: ExtractedTable[], s = CROSS_TABLE_SETTINGS): Check[] {
  const cols = tables.map(columnsOf);
  const out: Check[] = [];
  for (let i = 0; i < tables.length; i++) {
    for (let j = i + 1; j < tables.length; j++) {
      for (const a of cols[i]) {
        for (const b of cols[j]) {
          const shared = [...a.values.keys()].filter((k) => b.values.has(k));
          if (shared.length < s.minSharedRows) continue;
          const agree = shared.filter((k) => a.values.get(k) === b.values.get(k));
          if (agree.length < s.minAgreement * shared.length) continue;
          const differ = shared.filter((k) => a.values.get(k) !== b.values.get(k));
          const ta = tables[i].record.table_id;
          const tb = tables[j].record.table_id;
          out.push({
            name: 'same-figure-twice',
            ok: differ.length === 0,
            severity: differ.length ? 'warning' : 'info',
            detail: differ.length
              ? `${ta} column "${a.label}" and ${tb} column "${b.label}" state the same figures but differ on ${differ.length} of ${shared.length} rows`
              : `${ta} column "${a.label}" and ${tb} column "${b.label}" agree on all ${shared.length} shared rows`,
            data: {
              tables: [ta, tb],
              columns: [a.col, b.col],
              rows: shared.length,
              differences: differ.map((k) => ({ row: k, [ta]: a.values.get(k), [tb]: b.values.get(k), difference: (a.values.get(k) ?? 0) - (b.values.get(k) ?? 0) })),
            },
          });
        }
      }
    }
  }
  return out;
}
