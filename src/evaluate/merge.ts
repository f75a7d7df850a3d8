/**
 * Merging several output folders (one report each, e.g. one per year) into one long CSV: every
 * row of each folder's cells.csv — and, on request, of its paragraphs.csv — prefixed with the
 * document it came from (`doc_id`, `symbol`, `year` from report.json). Cells also get a
 * `table_key` that is the same for the same table in every year (see `tableKey`), so a figure such
 * as total expenditure can be followed over the years by filtering on table_key, row_label and
 * column_label. Every row is validated with the zod schemas of validate/merged.ts before anything
 * is written; files are written to a temporary name and renamed.
 */
import { mkdir, readdir, realpath, rename, rm } from 'node:fs/promises';
import { exists } from './command-io.js';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { writeRecords } from '../export/csv.js';
import { MergedCellSchema, MergedParagraphSchema, type MergedCell, type MergedParagraph } from '../validate/merged.js';
import { CellSchema, ParagraphSchema, TableSchema, type CellRecord, type Paragraph, type TableRecord } from '../validate/schemas.js';
import { readRecords, readReport } from './read-output.js';

/**
 * The key that matches a table across years: its title lower-cased, accents, "(continued)",
 * years and all other digits removed, punctuation and spaces collapsed to `-`.
 * "IOM Total Expenditures 2004-2008 (USD millions)" → `iom-total-expenditures-usd-millions`;
 * "Table 3: Movements by service (continued)" → `table-movements-by-service`.
 * An untitled table falls back on its table id treated the same way, then on `table`.
 */
export function tableKey(title: string, tableId = ''): string {
  const slug = (text: string): string =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/\(\s*(?:continued|cont['’]?d|cont\.?)\s*\)|[-–—,.:;\s]*\bcontinued\b/g, ' ')
      .replace(/\b(?:19|20)\d{2}\b/g, ' ')
      .replace(/\d+/g, ' ')
      .replace(/[^a-z]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return slug(title) || slug(tableId) || 'table';
}

export interface MergeDocument {
  dir: string;
  doc_id: string;
  symbol: string | null;
  year: number | null;
  tables: number;
  cells: number;
  paragraphs: number;
}

export interface MergeResult {
  documents: MergeDocument[];
  cells: MergedCell[];
  /** Only with `paragraphs: true`. */
  paragraphs: MergedParagraph[];
  /** Things a user should know (no report.json, no cells.csv, documents that cannot be told apart). */
  warnings: string[];
}


const DOC_FILES = ['report.json', 'cells.csv', 'paragraphs.csv'];

async function isDocFolder(dir: string): Promise<boolean> {
  for (const file of DOC_FILES) if (await exists(join(dir, file))) return true;
  return false;
}

/**
 * Each argument is a document's output folder (`DIR/<doc-id>`) or a folder of them (`DIR`, as
 * `extract --out DIR` writes it: its document sub-folders are taken in name order).
 */
export async function resolveDocFolders(args: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const arg of args) {
    if (!(await exists(arg))) throw new Error(`output folder ${arg} does not exist`);
    if (await isDocFolder(arg)) {
      found.push(arg);
      continue;
    }
    let entries;
    try {
      entries = await readdir(arg, { withFileTypes: true });
    } catch (error) {
      throw new Error(`${arg} is not an output folder: ${(error as Error).message}`);
    }
    const subs = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(arg, e.name)).sort();
    const docs: string[] = [];
    for (const sub of subs) if (await isDocFolder(sub)) docs.push(sub);
    if (docs.length === 0) throw new Error(`${arg} is not an output folder: no report.json, cells.csv or paragraphs.csv in it or in its sub-folders`);
    found.push(...docs);
  }
  return found;
}

interface Source {
  doc: MergeDocument;
  tables: TableRecord[];
  cells: CellRecord[];
  paragraphs: Paragraph[];
}

function yearOf(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^\d{4}$/.test(value.trim())) return Number(value.trim());
  return null;
}

async function readSource(dir: string, withParagraphs: boolean, warnings: string[]): Promise<Source> {
  const report = await readReport(dir);
  if (report === null) warnings.push(`${dir}: no report.json, so no symbol or year; doc_id is the folder name`);
  const metadata = (report?.metadata ?? {}) as Record<string, unknown>;
  if (!(await exists(join(dir, 'cells.csv')))) warnings.push(`${dir}: no cells.csv (an output written before tables were extracted?)`);
  const [tables, cells, paragraphs] = await Promise.all([
    readRecords(dir, 'tables.csv', TableSchema, false),
    readRecords(dir, 'cells.csv', CellSchema, false),
    withParagraphs ? readRecords(dir, 'paragraphs.csv', ParagraphSchema, true) : Promise.resolve([]),
  ]);
  const docId = typeof report?.doc_id === 'string' && report.doc_id !== '' ? report.doc_id : basename(dir);
  const symbol = typeof metadata.symbol === 'string' && metadata.symbol.trim() !== '' ? metadata.symbol.trim() : null;
  return {
    doc: { dir, doc_id: docId, symbol, year: yearOf(metadata.year), tables: tables.length, cells: cells.length, paragraphs: paragraphs.length },
    tables,
    cells,
    paragraphs,
  };
}

function validated<S extends z.ZodObject>(schema: S, row: unknown, where: string): z.infer<S> {
  const result = schema.safeParse(row);
  if (!result.success) throw new Error(`${where} does not match the merged schema:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** The merged cell rows of one document: table keys numbered within the document. */
function documentCells(source: Source, warnings: string[]): MergedCell[] {
  const { doc } = source;
  const keys = new Map<string, string>();
  const used = new Map<string, number>();
  for (const t of source.tables) {
    const key = tableKey(t.title, t.table_id);
    const n = (used.get(key) ?? 0) + 1;
    used.set(key, n);
    keys.set(t.table_id, n === 1 ? key : `${key}#${n}`);
  }
  const titles = new Map(source.tables.map((t) => [t.table_id, t.title]));
  const unlisted = new Set<string>();
  const rows = source.cells.map((cell, i) => {
    if (!keys.has(cell.table_id)) unlisted.add(cell.table_id);
    const row = {
      doc_id: doc.doc_id,
      symbol: doc.symbol,
      year: doc.year,
      table_key: keys.get(cell.table_id) ?? tableKey('', cell.table_id),
      table_title: titles.get(cell.table_id) ?? '',
      ...cell,
    };
    return validated(MergedCellSchema, row, `${join(doc.dir, 'cells.csv')} line ${i + 2}`);
  });
  for (const id of unlisted) warnings.push(`${doc.dir}: cells of table ${id} which tables.csv does not list (keyed by its id)`);
  return rows;
}

export async function mergeFolders(args: string[], opts: { paragraphs?: boolean } = {}): Promise<MergeResult> {
  const dirs = await resolveDocFolders(args);
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  const unique: string[] = [];
  for (const dir of dirs) {
    const real = await realpath(dir);
    if (seen.has(real)) warnings.push(`${dir}: given twice (as ${seen.get(real)}), merged once`);
    else {
      seen.set(real, dir);
      unique.push(dir);
    }
  }
  const sources: Source[] = [];
  for (const dir of unique) sources.push(await readSource(dir, opts.paragraphs ?? false, warnings));

  const identities = new Map<string, string>();
  for (const { doc } of sources) {
    const id = `${doc.doc_id}|${doc.symbol ?? ''}|${doc.year ?? ''}`;
    const earlier = identities.get(id);
    if (earlier) warnings.push(`${doc.dir} and ${earlier} have the same doc_id, symbol and year (${doc.doc_id}, ${doc.symbol ?? '—'}, ${doc.year ?? '—'}): their rows cannot be told apart`);
    else identities.set(id, doc.dir);
  }

  const cells = sources.flatMap((s) => documentCells(s, warnings));
  const paragraphs = sources.flatMap(({ doc, paragraphs: list }) =>
    list.map((p, i) => validated(MergedParagraphSchema, { doc_id: doc.doc_id, symbol: doc.symbol, year: doc.year, ...p }, `${join(doc.dir, 'paragraphs.csv')} line ${i + 2}`)),
  );
  return { documents: sources.map((s) => s.doc), cells, paragraphs, warnings };
}

/** Writes records with the schema's columns to `file`, through a temporary file in the same folder. */
export async function writeMerged(file: string, schema: z.ZodObject, records: object[]): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.tmp-${process.pid}-${Date.now()}`);
  try {
    await writeRecords(tmp, schema, records);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}
