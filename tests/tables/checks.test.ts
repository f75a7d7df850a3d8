import { describe, expect, it } from 'vitest';
import type { ExtractedTable } from '../../src/model/document.js';
import type { Span } from '../../src/structure/tables/model.js';
import { checkTable } from '../../src/validate/table-checks.js';

function table(grid: string[][], headerRows: number): ExtractedTable {
  return {
    record: { table_id: 't', title: '', page_start: 1, page_end: 1, rows: grid.length, cols: grid[0].length, header_rows: headerRows },
    grid,
    cells: [],
    notes: [],
    checks: [],
  };
}

describe('table checks', () => {
  it('reports a Total row that does not add up, with what was summed and the difference', () => {
    const t = table(
      [
        ['Region', 'Projects', 'Expenditure'],
        ['Africa', '478', '139 156 879'],
        ['Europe', '675', '194 469 198'],
        ['Total', '1 153', '333 626 078'],
      ],
      1,
    );
    const checks = checkTable(t, { labelColumns: 1, spans: [] });
    const rows = checks.filter((c) => c.name === 'table-total-row');
    expect(rows.map((c) => c.ok)).toEqual([true, false]);
    expect(rows[1].data).toMatchObject({ terms: [[1, 2], [2, 2]], target: [3, 2], computed: 333626077, printed: 333626078, difference: -1 });
    expect(rows[1].severity).toBe('warning');
  });

  it('checks subtotals, then the grand total against the subtotals', () => {
    const t = table(
      [
        ['A', 'x', '1'],
        ['', 'y', '2'],
        ['A Total', '', '3'],
        ['B', 'z', '4'],
        ['B Total', '', '4'],
        ['Grand Total', '', '7'],
      ],
      0,
    );
    const checks = checkTable(t, { labelColumns: 2, spans: [] }).filter((c) => c.name === 'table-total-row');
    expect(checks.map((c) => [(c.data as { terms: number[][] }).terms.map((x) => x[0]), c.ok])).toEqual([
      [[0, 1], true],
      [[3], true],
      [[2, 4], true],
    ]);
  });

  it('checks Total columns within their header group and percentage columns', () => {
    const spans: Span[] = [{ row: 0, col: 1, rowspan: 1, colspan: 3, in: 'header' }];
    const t = table(
      [
        ['', 'Gender', '', ''],
        ['Age', 'Female', 'Male', 'Total'],
        ['0-9', '10', '12', '22'],
        ['10-17', '5', '4', '10'],
      ],
      2,
    );
    const cols = checkTable(t, { labelColumns: 1, spans }).filter((c) => c.name === 'table-total-column');
    expect(cols.map((c) => c.ok)).toEqual([true, false]);

    const p = table(
      [
        ['Africa', '478', '22%'],
        ['Europe', '675', '32%'],
        ['Other', '1 014', '47%'],
        ['Total', '2 167', ''],
      ],
      0,
    );
    const pc = checkTable(p, { labelColumns: 1, spans: [] });
    // 675 / 2 167 is 31.1 %, printed 32 %: the share fails and the column sums to 101.
    expect(pc.find((c) => c.name === 'table-percent-sum')).toMatchObject({ ok: false, data: { computed: 101, printed: 100 } });
    const shares = pc.filter((c) => c.name === 'table-percent-share');
    expect(shares.map((c) => c.ok)).toEqual([true, false, true]);
  });
});
