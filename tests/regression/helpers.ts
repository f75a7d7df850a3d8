/** Test helpers: tiny output folders with tables and cells, written as `extract` lays them out. */
import { cp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CellSchema, type CellRecord } from '../../src/validate/schemas.js';
import { tinyOutput } from '../evaluate/helpers/tiny.js';
import { writeCsv, writeOutputFolder, type OutputRecords } from '../evaluate/helpers/write-output.js';

export function tinyCells(): CellRecord[] {
  const cell = (row: number, col: number, text: string, rowLabel: string, columnLabel: string): CellRecord => ({
    table_id: 'things',
    row,
    col,
    is_header: row === 0,
    row_label: rowLabel,
    column_label: columnLabel,
    text,
    value: row > 0 && col > 0 ? Number(text) : null,
    unit: '',
  });
  return [
    cell(0, 0, 'Region', '', ''),
    cell(0, 1, '2007', '', ''),
    cell(0, 2, '2008', '', ''),
    cell(1, 0, 'Africa', 'Africa', 'Region'),
    cell(1, 1, '1', 'Africa', '2007'),
    cell(1, 2, '2', 'Africa', '2008'),
    cell(2, 0, 'Europe', 'Europe', 'Region'),
    cell(2, 1, '3', 'Europe', '2007'),
    cell(2, 2, '4', 'Europe', '2008'),
  ];
}

export interface TinyFolder extends OutputRecords {
  cells: CellRecord[];
}

/** The tiny output of tests/evaluate with cells.csv and a report.json carrying metadata and timings. */
export function tinyFolder(overrides: { symbol?: string | null; year?: number | null; docId?: string; totalMs?: number } = {}): TinyFolder {
  return {
    ...tinyOutput(),
    cells: tinyCells(),
    report: {
      doc_id: overrides.docId ?? 'tiny',
      source: { file: 'tiny.pdf', pages: 3 },
      metadata: { symbol: overrides.symbol === undefined ? 'T/1' : overrides.symbol, title: 'Tiny', year: overrides.year === undefined ? 2008 : overrides.year, language: 'English' },
      counts: { paragraphs: 3 },
      validation: { ok: true, failed: 0, checks: [{ name: 'paragraph-sequence', ok: true, severity: 'info', detail: 'fine' }] },
      unclassified: [],
      timings: { total_ms: overrides.totalMs ?? 12.5 },
    },
  };
}

export async function writeTinyFolder(dir: string, folder: TinyFolder): Promise<string> {
  await writeOutputFolder(dir, folder);
  await writeCsv(join(dir, 'cells.csv'), CellSchema, folder.cells);
  return dir;
}

export async function copyFolder(from: string, to: string): Promise<string> {
  await cp(from, to, { recursive: true });
  return to;
}

export async function writeJson(path: string, data: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(data, null, 2));
}
