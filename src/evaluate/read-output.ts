/**
 * Reads one document's output folder (`DIR/<doc-id>/`, see OUTPUT.md) back into records.
 * paragraphs/headings/footnotes/blocks are required; tables and report.json are optional.
 */
import { readFile } from 'node:fs/promises';
import { exists } from './command-io.js';
import { join } from 'node:path';
import { z } from 'zod';
import {
  BlockSchema,
  CellSchema,
  FootnoteSchema,
  HeadingSchema,
  ParagraphSchema,
  TableSchema,
  type Block,
  type CellRecord,
  type Footnote,
  type Heading,
  type Paragraph,
  type TableRecord,
} from '../validate/schemas.js';
import { readCsvRows, recordsFromRows } from './csv-records.js';

export interface OutputTable {
  record: TableRecord;
  /** Every row of `tables/<table_id>.csv`: header rows first, then body rows. */
  grid: string[][];
}

export interface OutputFolder {
  dir: string;
  paragraphs: Paragraph[];
  headings: Heading[];
  footnotes: Footnote[];
  blocks: Block[];
  tables: OutputTable[];
  report: Record<string, unknown> | null;
}


export async function readRecords<S extends z.ZodObject>(dir: string, file: string, schema: S, required: boolean): Promise<z.infer<S>[]> {
  const path = join(dir, file);
  if (!(await exists(path))) {
    if (required) throw new Error(`${file} is missing from ${dir}`);
    return [];
  }
  return recordsFromRows(path, await readCsvRows(path), schema);
}

async function readTables(dir: string): Promise<OutputTable[]> {
  const records = await readRecords(dir, 'tables.csv', TableSchema, false);
  return Promise.all(
    records.map(async (record) => {
      const path = join(dir, 'tables', `${record.table_id}.csv`);
      if (!(await exists(path))) throw new Error(`tables/${record.table_id}.csv is missing from ${dir} (listed in tables.csv)`);
      return { record, grid: await readCsvRows(path) };
    }),
  );
}

export async function readReport(dir: string): Promise<Record<string, unknown> | null> {
  const path = join(dir, 'report.json');
  if (!(await exists(path))) return null;
  try {
    const data: unknown = JSON.parse(await readFile(path, 'utf8'));
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

export async function readOutput(dir: string): Promise<OutputFolder> {
  if (!(await exists(dir))) throw new Error(`output folder ${dir} does not exist`);
  const [paragraphs, headings, footnotes, blocks, tables, report] = await Promise.all([
    readRecords(dir, 'paragraphs.csv', ParagraphSchema, true),
    readRecords(dir, 'headings.csv', HeadingSchema, true),
    readRecords(dir, 'footnotes.csv', FootnoteSchema, true),
    readRecords(dir, 'blocks.csv', BlockSchema, true),
    readTables(dir),
    readReport(dir),
  ]);
  return { dir, paragraphs, headings, footnotes, blocks, tables, report };
}

/** `cells.csv` of an output folder (optional: an empty list when the file is absent). */
export async function readCells(dir: string): Promise<CellRecord[]> {
  return readRecords(dir, 'cells.csv', CellSchema, false);
}
