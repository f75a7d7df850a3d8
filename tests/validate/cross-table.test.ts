import { describe, expect, it } from 'vitest';
import type { ExtractedTable } from '../../src/model/document.js';
import { crossTableChecks } from '../../src/validate/cross-table.js';

function table(id: string, rows: [string, number][]): ExtractedTable {
  return {
    record: { table_id: id, title: '', page_start: 1, page_end: 1, rows: rows.length, cols: 2, header_rows: 0 },
    grid: [],
    cells: rows.map(([label, value], r) => ({ table_id: id, row: r, col: 1, is_header: false, row_label: label, column_label: 'n', text: String(value), value, unit: '' })),
    notes: [],
    checks: [],
  };
}

describe('the same figure stated in two places', () => {
  const summary = table('p6', [['Africa', 478], ['Asia', 426], ['Europe', 675], ['The Middle East', 70]]);
  it('finds twin columns and says they agree', () => {
    const [c] = crossTableChecks([summary, table('annex-5', [['Africa', 478], ['Asia', 426], ['Europe', 675], ['Middle East', 70]])]);
    expect(c.ok).toBe(true);
    expect(c.detail).toContain('agree on all 4 shared rows');
  });
  it('reports the row where the twins differ, with both figures', () => {
    const [c] = crossTableChecks([summary, table('annex-5', [['Africa', 478], ['Asia', 426], ['Europe', 657], ['Middle East', 70]])]);
    expect(c.ok).toBe(false);
    expect((c.data as { differences: unknown[] }).differences).toEqual([{ row: 'europe', p6: 675, 'annex-5': 657, difference: 18 }]);
  });
  it('does not pair unrelated tables', () => {
    expect(crossTableChecks([summary, table('staff', [['Africa', 12], ['Asia', 30], ['Europe', 44]])])).toEqual([]);
  });
});
