import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvRows, recordsFromRows } from '../../src/evaluate/csv-records.js';
import { mergeCommand } from '../../src/evaluate/merge-command.js';
import { mergeFolders, tableKey } from '../../src/evaluate/merge.js';
import { MergedCellSchema, MergedParagraphSchema } from '../../src/validate/merged.js';
import { columnsOf, CellSchema } from '../../src/validate/schemas.js';
import { useTempDir } from '../evaluate/helpers/temp.js';
import { tinyFolder, writeTinyFolder } from './helpers.js';

const tempDir = useTempDir('merge');

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await mergeCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Two years of a tiny report: the same table under a title that carries the year. */
async function twoYears(): Promise<{ dir: string; y2008: string; y2009: string }> {
  const dir = await tempDir();
  const first = tinyFolder({ symbol: 'T/1', year: 2008, docId: 'report' });
  first.tables![0].record.title = 'Table 1: Things in 2008';
  const second = tinyFolder({ symbol: 'T/2', year: 2009, docId: 'report' });
  second.tables![0].record = { ...second.tables![0].record, table_id: 'things-2009', title: 'Table 3: Things in 2009 (continued)' };
  second.cells = second.cells.map((c) => ({ ...c, table_id: 'things-2009', text: c.value === null ? c.text : String(c.value * 10), value: c.value === null ? null : c.value * 10 }));
  second.tables![0].grid = second.tables![0].grid.map((row, r) => row.map((t, c) => (r > 0 && c > 0 && t !== '' ? String(Number(t) * 10) : t)));
  const y2008 = await writeTinyFolder(join(dir, 'out2008', 'report'), first);
  const y2009 = await writeTinyFolder(join(dir, 'out2009', 'report'), second);
  return { dir, y2008, y2009 };
}

describe('tableKey', () => {
  it('strips years, digits, "(continued)" and punctuation', () => {
    expect(tableKey('IOM Total Expenditures 2004-2008 (USD millions)')).toBe('iom-total-expenditures-usd-millions');
    expect(tableKey('IOM Total Expenditures 2005-2009 (USD millions)')).toBe('iom-total-expenditures-usd-millions');
    expect(tableKey('Table 3: Movements by service (continued)')).toBe('table-movements-by-service');
    expect(tableKey('Table 3: Movements by service – continued')).toBe('table-movements-by-service');
    expect(tableKey('Breakdown by Région in 2008')).toBe('breakdown-by-region-in');
    expect(tableKey('', 'p6-projects-by-region')).toBe('p-projects-by-region');
    expect(tableKey('2008', '17')).toBe('table');
  });
});

describe('report-extract merge', () => {
  it('merges the cells of two years into rows that validate, with one table_key for the same table', async () => {
    const { dir, y2008, y2009 } = await twoYears();
    const out = join(dir, 'merged', 'cells.csv');
    const result = await run([y2008, y2009, '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('merged 18 cells of 1 table keys from 2 documents');

    const rows = await readCsvRows(out);
    expect(rows[0]).toEqual(columnsOf(MergedCellSchema));
    expect(rows[0].slice(0, 5)).toEqual(['doc_id', 'symbol', 'year', 'table_key', 'table_title']);
    expect(rows[0].slice(5)).toEqual(columnsOf(CellSchema));
    const records = recordsFromRows(out, rows, MergedCellSchema);
    expect(records).toHaveLength(18);
    expect(new Set(records.map((r) => r.table_key))).toEqual(new Set(['table-things-in']));
    // Follow one figure over the years.
    const europe2008 = records.filter((r) => r.row_label === 'Europe' && r.column_label === '2008');
    expect(europe2008.map((r) => [r.symbol, r.year, r.table_id, r.value])).toEqual([
      ['T/1', 2008, 'things', 4],
      ['T/2', 2009, 'things-2009', 40],
    ]);
    expect(records[0]).toMatchObject({ doc_id: 'report', table_title: 'Table 1: Things in 2008', is_header: true, value: null });
  });

  it('merges paragraphs with --paragraphs, and takes a folder of document folders', async () => {
    const { dir } = await twoYears();
    const cells = join(dir, 'cells.csv');
    const paragraphs = join(dir, 'paragraphs.csv');
    const result = await run([join(dir, 'out2008'), join(dir, 'out2009'), '--out', cells, '--paragraphs', paragraphs, '-q']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    const records = recordsFromRows(paragraphs, await readCsvRows(paragraphs), MergedParagraphSchema);
    expect(records.map((r) => [r.year, r.number])).toEqual([
      [2008, 1],
      [2008, 2],
      [2008, 4],
      [2009, 1],
      [2009, 2],
      [2009, 4],
    ]);
    expect(recordsFromRows(cells, await readCsvRows(cells), MergedCellSchema)).toHaveLength(18);
  });

  it('numbers tables of one document with the same key, and warns where metadata is missing', async () => {
    const dir = await tempDir();
    const folder = tinyFolder();
    folder.tables!.push({ record: { ...folder.tables![0].record, table_id: 'things-2' }, grid: folder.tables![0].grid });
    folder.cells.push(...folder.cells.map((c) => ({ ...c, table_id: 'things-2' })));
    delete folder.report;
    const doc = await writeTinyFolder(join(dir, 'nometa'), folder);
    const result = await mergeFolders([doc, doc]);
    expect(result.documents).toEqual([{ dir: doc, doc_id: 'nometa', symbol: null, year: null, tables: 2, cells: 18, paragraphs: 0 }]);
    expect(new Set(result.cells.map((c) => c.table_key))).toEqual(new Set(['table-things', 'table-things#2']));
    expect(result.warnings.join('\n')).toMatch(/no report.json/);
    expect(result.warnings.join('\n')).toMatch(/given twice/);
    for (const row of result.cells) expect(MergedCellSchema.safeParse(row).success).toBe(true);
  });

  it('writes a header-only CSV for folders without tables', async () => {
    const dir = await tempDir();
    const folder = tinyFolder();
    folder.tables = [];
    folder.cells = [];
    const doc = await writeTinyFolder(join(dir, 'plain'), folder);
    const out = join(dir, 'cells.csv');
    expect((await run([doc, '--out', out, '-q'])).code).toBe(0);
    expect(await readFile(out, 'utf8')).toBe(`${columnsOf(MergedCellSchema).join(',')}\n`);
  });

  it('exits 2 on usage errors and unreadable folders, writing nothing', async () => {
    const { dir, y2008 } = await twoYears();
    const out = join(dir, 'never.csv');
    for (const argv of [[], [y2008], ['--out', out], [y2008, '--out', out, '--bogus'], [y2008, '--out', out, '--paragraphs', out]]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: report-extract merge');
    }
    const missing = await run([y2008, join(dir, 'nope'), '--out', out]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    const empty = join(dir, 'empty');
    await mkdir(empty);
    expect((await run([empty, '--out', out])).stderr).toContain('is not an output folder');
    await rm(join(y2008, 'paragraphs.csv'));
    const noParagraphs = await run([y2008, '--out', out, '--paragraphs', join(dir, 'p.csv')]);
    expect(noParagraphs.code).toBe(2);
    expect(noParagraphs.stderr).toContain('paragraphs.csv is missing');
    await expect(readFile(out)).rejects.toThrow();
    expect((await run(['--help'])).code).toBe(0);
  });
});
