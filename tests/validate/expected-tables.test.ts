import { describe, expect, it } from 'vitest';
import type { ExtractedTable } from '../../src/model/document.js';
import { checkExpectedTables, ExpectedTableSpecSchema } from '../../src/validate/expected-tables.js';

/** A small table: header years, body rows with figures. */
function table(title: string, years: string[], rows: [string, ...string[]][], failed: string[] = []): ExtractedTable {
  const cells: ExtractedTable['cells'] = [];
  years.forEach((y, i) => cells.push({ table_id: 't', row: 0, col: i + 1, is_header: true, row_label: '', column_label: y, text: y, value: null, unit: '' }));
  rows.forEach(([label, ...vals], r) => {
    cells.push({ table_id: 't', row: r + 1, col: 0, is_header: false, row_label: label, column_label: '', text: label, value: null, unit: '' });
    vals.forEach((v, i) => {
      const n = Number(v.replace(/\s/g, ''));
      cells.push({ table_id: 't', row: r + 1, col: i + 1, is_header: false, row_label: label, column_label: years[i], text: v, value: Number.isFinite(n) ? n : null, unit: 'USD million' });
    });
  });
  return {
    record: { table_id: 't', title, page_start: 1, page_end: 1, rows: rows.length + 1, cols: years.length + 1, header_rows: 1 },
    grid: [],
    cells,
    notes: [],
    checks: failed.map((detail) => ({ name: 'table-total-row', ok: false, severity: 'warning', detail, data: { difference: 1 } })),
  };
}

const spec = ExpectedTableSpecSchema.parse({
  key: 'total-expenditures',
  title: 'Total Expenditures',
  columns: ['2006', '2007', '2008'],
  rows: ['Administrative Programme', 'Operational Programmes', 'Total'],
  values: 'number',
  unit: 'USD million',
});
const good = () => table('1. IOM Total Expenditures 2006-2008', ['2006', '2007', '2008'], [['Administrative Programme', '30.1', '32', '34.8'], ['Operational Programmes', '703.2', '751.8', '978.2'], ['Total', '733.3', '783.8', '1 013']]);

describe('expected tables of a series', () => {
  it('finds nothing to say about a table that matches', () => {
    const [c] = checkExpectedTables([spec], [good()]);
    expect(c.ok).toBe(true);
  });

  it('reports a renamed column', () => {
    const t = table('1. IOM Total Expenditures', ['2006', '2007', '2009'], [['Administrative Programme', '1', '2', '3'], ['Operational Programmes', '1', '2', '3'], ['Total', '2', '4', '6']]);
    const [c] = checkExpectedTables([spec], [t]);
    expect((c.data as { findings: string[] }).findings).toEqual(['column "2008" renamed to "2009"']);
  });

  it('reports a missing row, a new row and a value that is not a figure', () => {
    const t = table('Total Expenditures', ['2006', '2007', '2008'], [['Administrative Programme', '1', 'n.a.', '3'], ['Staff security', '1', '2', '3'], ['Total', '2', '4', '6']]);
    const [c] = checkExpectedTables([spec], [t]);
    expect((c.data as { findings: string[] }).findings).toEqual([
      'row "Operational Programmes" missing',
      'new row "Staff security"',
      'non-numeric value "n.a." at row "Administrative Programme", column "2007"',
    ]);
  });

  it('reports a total that no longer adds up, and a table that is gone', () => {
    const [c] = checkExpectedTables([spec], [table('Total Expenditures', ['2006', '2007', '2008'], good().cells.length ? [['Administrative Programme', '1', '2', '3'], ['Operational Programmes', '1', '2', '3'], ['Total', '2', '4', '7']] : [], ['column 2008: Total 7 ≠ 6 (sum of 2 rows), difference 1'])]);
    expect((c.data as { findings: string[] }).findings).toEqual(['total no longer adds up: column 2008: Total 7 ≠ 6 (sum of 2 rows), difference 1']);
    // A series that rounds its totals may declare a tolerance.
    const tolerant = ExpectedTableSpecSchema.parse({ ...spec, totalTolerance: 1 });
    expect(checkExpectedTables([tolerant], [table('Total Expenditures', ['2006', '2007', '2008'], [['Administrative Programme', '1', '2', '3'], ['Operational Programmes', '1', '2', '3'], ['Total', '2', '4', '7']], ['x'])])[0].ok).toBe(true);
    const [gone] = checkExpectedTables([spec], []);
    expect(gone.detail).toBe('expected table total-expenditures not found');
  });

  it('finds an untitled table by its row labels', () => {
    const rowsOnly = ExpectedTableSpecSchema.parse({ key: 'by-region', rows: ['Africa', 'Europe', 'Total'] });
    const t = table('', ['n'], [['Africa', '478'], ['Europe', '675'], ['Total', '1 153']]);
    const [c] = checkExpectedTables([rowsOnly], [t]);
    expect(c.ok).toBe(true);
  });
});
