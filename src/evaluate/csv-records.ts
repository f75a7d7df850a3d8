/**
 * CSV → typed records. Cells are strings; each is converted to the type its column has in the
 * record schema (numbers, `;`-joined number lists, booleans, empty → null) and the record is then
 * validated by that same schema, so the scorer reads exactly what the contract says.
 */
import { readFile } from 'node:fs/promises';
import { parseString } from '@fast-csv/parse';
import { z } from 'zod';

/**
 * All rows of a CSV file, header included, as arrays of strings. Blank lines are skipped, but a
 * row of empty fields (`,,`) is kept: in a table grid it is a real, blank row.
 */
export async function readCsvRows(path: string): Promise<string[][]> {
  const text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    parseString<string[], string[]>(text, { headers: false })
      .on('error', (error: Error) => reject(new Error(`${path}: ${error.message}`)))
      .on('data', (row: string[]) => {
        if (row.length > 0) rows.push(row);
      })
      .on('end', () => resolve(rows));
  });
}

/** The zod type name under nullable/optional wrappers, and whether empty means null. */
function columnType(type: z.ZodType): { base: z.ZodType; nullable: boolean } {
  let base = type;
  let nullable = false;
  while (base instanceof z.ZodNullable || base instanceof z.ZodOptional) {
    nullable ||= base instanceof z.ZodNullable;
    base = base.unwrap() as z.ZodType;
  }
  return { base, nullable };
}

function convertNumber(cell: string): number | string {
  const trimmed = cell.trim();
  const value = Number(trimmed);
  // Leave unreadable cells as strings so that the schema reports them.
  return trimmed !== '' && Number.isFinite(value) ? value : cell;
}

function convertCell(cell: string, type: z.ZodType): unknown {
  const { base, nullable } = columnType(type);
  if (cell.trim() === '' && nullable) return null;
  if (base instanceof z.ZodNumber) return convertNumber(cell);
  if (base instanceof z.ZodBoolean) {
    const lower = cell.trim().toLowerCase();
    if (lower === 'true' || lower === '1') return true;
    if (lower === 'false' || lower === '0' || lower === '') return false;
    return cell;
  }
  if (base instanceof z.ZodArray) {
    const parts = cell.split(';').map((part) => part.trim()).filter((part) => part !== '');
    return base.element instanceof z.ZodNumber ? parts.map(convertNumber) : parts;
  }
  return cell;
}

/**
 * Turns header + data rows into records of `schema`. Columns missing from the header read as
 * empty cells (older outputs lack the newest columns); a record the schema rejects is an error
 * naming the file and line.
 */
export function recordsFromRows<S extends z.ZodObject>(file: string, rows: string[][], schema: S): z.infer<S>[] {
  if (rows.length === 0) throw new Error(`${file}: empty file (expected a header row)`);
  const header = rows[0].map((name) => name.trim());
  const shape = schema.shape as Record<string, z.ZodType>;
  const columns = Object.keys(shape);
  const missing = columns.filter((name) => !header.includes(name));
  const index = new Map(columns.map((name) => [name, header.indexOf(name)]));
  return rows.slice(1).map((row, i) => {
    const raw: Record<string, unknown> = {};
    for (const name of columns) {
      const at = index.get(name) ?? -1;
      raw[name] = convertCell(at >= 0 ? (row[at] ?? '') : '', shape[name]);
    }
    const result = schema.safeParse(raw);
    if (!result.success) {
      const hint = missing.length > 0 ? ` (columns missing from the header: ${missing.join(', ')})` : '';
      throw new Error(`${file} line ${i + 2}${hint}:\n${z.prettifyError(result.error)}`);
    }
    return result.data;
  });
}
