/**
 * CSV writing: columns from the zod schemas, RFC 4180 quoting, '\n' line ends, a final newline.
 * Arrays are joined with ';', null is an empty field. The bytes are those @fast-csv/format wrote
 * (the program used it until its per-row stream events cost more than the rest of the writing).
 */
import { open, writeFile } from 'node:fs/promises';
import type { z } from 'zod';
import { columnsOf } from '../validate/schemas.js';

export function cellValue(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.join(';');
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return String(v);
}

/** Bytes gathered before each write to the file. */
const CHUNK = 1 << 16;
/** Characters that make fast-csv quote a field (its pattern `[,\n|\r|\n]` takes '|' literally). */
const NEEDS_QUOTES = /[,\n|\r]/;

/** One field, quoted exactly as @fast-csv/format 5 quotes it with its defaults. */
export function csvField(v: unknown): string {
  const s = `${v ?? ''}`.replace(/\0/g, '');
  if (s.includes('"')) return `"${s.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(s) ? `"${s}"` : s;
}

/**
 * Write rows of plain strings (first row = header when `headers` is given; each row then has the
 * header's width). The bytes are those @fast-csv/format wrote with `includeEndRowDelimiter` and
 * '\n' (tests/export/csv.test.ts checks it against that library), written a chunk at a time
 * instead of one stream event per row. `rowAt` makes row i when it is written, so a long
 * document's rows are never all in memory at once.
 */
async function writeRowsOf(file: string, headers: string[] | null, count: number, rowAt: (i: number) => unknown[]): Promise<void> {
  // fast-csv wrote nothing at all for zero rows; a reader still needs the header line.
  if (!count) return writeFile(file, headers ? headers.join(',') + '\n' : '');
  const fh = await open(file, 'w');
  try {
    let buf = headers ? headers.map(csvField).join(',') + '\n' : '';
    for (let i = 0; i < count; i++) {
      const r = rowAt(i);
      buf += (headers ? headers.map((_, j) => csvField(r[j])) : r.map(csvField)).join(',') + '\n';
      if (buf.length >= CHUNK) {
        await fh.write(buf);
        buf = '';
      }
    }
    await fh.write(buf);
  } finally {
    await fh.close();
  }
}

/** Write rows of plain strings (see writeRowsOf). */
export function writeRows(file: string, headers: string[] | null, rows: string[][]): Promise<void> {
  return writeRowsOf(file, headers, rows.length, (i) => rows[i]);
}

/** Write records with the schema's columns, in the schema's order. */
export function writeRecords(file: string, schema: z.ZodObject, records: object[]): Promise<void> {
  const cols = columnsOf(schema);
  return writeRowsOf(file, cols, records.length, (i) => cols.map((c) => cellValue((records[i] as Record<string, unknown>)[c])));
}
