/** Test helper: writes records to an output folder the way OUTPUT.md lays it out. */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeToString } from '@fast-csv/format';
import {
  BlockSchema,
  columnsOf,
  FootnoteSchema,
  HeadingSchema,
  ParagraphSchema,
  TableSchema,
  type Block,
  type Footnote,
  type Heading,
  type Paragraph,
  type TableRecord,
} from '../../../src/validate/schemas.js';
import type { z } from 'zod';

export interface OutputRecords {
  paragraphs: Paragraph[];
  headings: Heading[];
  footnotes: Footnote[];
  blocks: Block[];
  tables?: { record: TableRecord; grid: string[][] }[];
  report?: Record<string, unknown>;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(';');
  return String(value);
}

export async function writeCsv(path: string, schema: z.ZodObject, records: object[]): Promise<void> {
  const columns = columnsOf(schema);
  const rows = records.map((r) => columns.map((c) => cell((r as Record<string, unknown>)[c])));
  await writeFile(path, await writeToString([columns, ...rows]));
}

export async function writeOutputFolder(dir: string, records: OutputRecords): Promise<void> {
  await mkdir(dir, { recursive: true });
  await writeCsv(join(dir, 'paragraphs.csv'), ParagraphSchema, records.paragraphs);
  await writeCsv(join(dir, 'headings.csv'), HeadingSchema, records.headings);
  await writeCsv(join(dir, 'footnotes.csv'), FootnoteSchema, records.footnotes);
  await writeCsv(join(dir, 'blocks.csv'), BlockSchema, records.blocks);
  if (records.tables) {
    await mkdir(join(dir, 'tables'), { recursive: true });
    await writeCsv(join(dir, 'tables.csv'), TableSchema, records.tables.map((t) => t.record));
    for (const t of records.tables) await writeFile(join(dir, 'tables', `${t.record.table_id}.csv`), await writeToString(t.grid));
  }
  if (records.report) await writeFile(join(dir, 'report.json'), JSON.stringify(records.report));
}
