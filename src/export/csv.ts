/**
 * CSV writing with @fast-csv/format: columns from the zod schemas, RFC 4180 quoting, '\n' line
 * ends, a final newline. Arrays are joined with ';', null is an empty field.
 */
import { createWriteStream } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { format } from '@fast-csv/format';
import type { z } from 'zod';
import { columnsOf } from '../validate/schemas.js';

export function cellValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** Write rows of plain strings (first row = header when `headers` is given). */
export function writeRows(file: string, headers: string[] | null, rows: string[][]): Promise<void> {
  // fast-csv writes nothing at all for zero rows; a reader still needs the header line.
  if (!rows.length) return writeFile(file, headers ? headers.join(',') + '\n' : '');
  return new Promise((resolve, reject) => {
    const out = createWriteStream(file);
    const csv = format({ headers: headers ?? false, includeEndRowDelimiter: true, rowDelimiter: '\n' });
    csv.on('error', reject);
    out.on('error', reject);
    out.on('finish', resolve);
    csv.pipe(out);
    for (const r of rows) csv.write(r);
    csv.end();
  });
}

/** Write records with the schema's columns, in the schema's order. */
export function writeRecords(file: string, schema: z.ZodObject, records: object[]): Promise<void> {
  const cols = columnsOf(schema);
  return writeRows(
    file,
    cols,
    records.map((r) => cols.map((c) => cellValue((r as Record<string, unknown>)[c]))),
  );
}
