/**
 * `report-extract merge <DIR...> --out <FILE> [--paragraphs <FILE>] [--quiet]`, and
 * `report-extract merge <DB...> --db <FILE>` (SQLite databases, e.g. of shards, into one).
 * Exit codes: 0 written, 1 a merged row failed its schema (nothing written), 2 usage error or
 * unreadable input (nothing written).
 */
import { MergedCellSchema, MergedParagraphSchema } from '../validate/merged.js';
import { mergeFolders, writeMerged } from './merge.js';
import { type CommandIo, exists, parseCommand, processIo, usageError as usageErrorFor } from './command-io.js';

export const MERGE_USAGE = `Usage: report-extract merge <DIR...> --out <FILE> [options]
       report-extract merge <DB...> --db <FILE>

Combines the cells.csv of several output folders (e.g. one report per year) into one long CSV:
doc_id, symbol and year (from each folder's report.json), table_key (the table's title without
years, digits and "(continued)", so that the same table matches across years), table_title, then
the columns of cells.csv. Each DIR is a document's output folder (DIR/<doc-id>) or a folder of them.

Options:
  --out FILE              the merged cells CSV (required)
  --paragraphs FILE       also merge paragraphs.csv into FILE (doc_id, symbol, year + paragraph columns)
  --db FILE               combine the SQLite databases given (of extract --format sqlite, e.g. one
                          per shard) into FILE: each document replaces the one of its doc-id, in one
                          transaction
  -q, --quiet             no summary on stderr
  -h, --help              show this help

Exit codes: 0 written, 1 a row failed the merged schema, 2 usage error or unreadable input.
`;


/** `argv` is what follows the word `merge` on the command line. */
export async function mergeCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  const usageError = usageErrorFor(io, 'merge', MERGE_USAGE);
  const parsed = parseCommand(
    argv,
    {
      out: { type: 'string' },
      paragraphs: { type: 'string' },
      db: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
    },
    io,
    'merge',
    MERGE_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (values.db !== undefined) return mergeDatabases(values.db, positionals, values.quiet, io, usageError);
  if (positionals.length === 0) return usageError('no output folder given');
  if (typeof values.out !== 'string' || values.out === '') return usageError('--out <FILE> is required');
  if (values.paragraphs === '') return usageError('--paragraphs takes a file name');
  if (values.paragraphs !== undefined && values.paragraphs === values.out) return usageError('--paragraphs and --out must be different files');

  let result;
  try {
    result = await mergeFolders(positionals, { paragraphs: values.paragraphs !== undefined });
  } catch (error) {
    const message = (error as Error).message;
    io.stderr(`report-extract merge: ${message}\n`);
    return message.includes('does not match the merged schema') ? 1 : 2;
  }
  try {
    await writeMerged(values.out, MergedCellSchema, result.cells);
    if (values.paragraphs !== undefined) await writeMerged(values.paragraphs, MergedParagraphSchema, result.paragraphs);
  } catch (error) {
    io.stderr(`report-extract merge: cannot write: ${(error as Error).message}\n`);
    return 2;
  }
  for (const warning of result.warnings) io.stderr(`warning: ${warning}\n`);
  if (!values.quiet) {
    const keys = new Set(result.cells.map((c) => c.table_key)).size;
    const lines = result.documents.map((d) => `  ${d.doc_id} (${d.symbol ?? 'no symbol'}, ${d.year ?? 'no year'}): ${d.tables} tables, ${d.cells} cells${values.paragraphs !== undefined ? `, ${d.paragraphs} paragraphs` : ''}  ← ${d.dir}`);
    io.stderr(
      `${lines.join('\n')}\nmerged ${result.cells.length} cells of ${keys} table keys from ${result.documents.length} documents → ${values.out}` +
        `${values.paragraphs !== undefined ? `; ${result.paragraphs.length} paragraphs → ${values.paragraphs}` : ''}\n`,
    );
  }
  return 0;
}

/** `merge <DB...> --db FILE`: copy every document of each database into FILE. */
async function mergeDatabases(target: string, sources: string[], quiet: boolean, io: CommandIo, usageError: (m: string) => number): Promise<number> {
  if (!target) return usageError('--db takes a file name');
  if (sources.length === 0) return usageError('no database given to merge');
  const { databaseProblem, ReportDatabase } = await import('../export/sqlite.js');
  // Every database is checked before anything is written.
  for (const file of [target, ...sources]) {
    const problem = databaseProblem(file);
    if (problem) {
      io.stderr(`report-extract merge: ${file} ${problem}\n`);
      return 2;
    }
    if (file !== target && !(await exists(file))) {
      io.stderr(`report-extract merge: ${file} does not exist\n`);
      return 2;
    }
  }
  let db;
  try {
    db = new ReportDatabase(target);
  } catch (error) {
    io.stderr(`report-extract merge: cannot write ${target}: ${(error as Error).message}\n`);
    return 2;
  }
  try {
    const seen = new Map<string, string>();
    for (const file of sources) {
      const ids = db.mergeFrom(file);
      for (const id of ids) {
        if (seen.has(id)) io.stderr(`warning: ${id} is in ${seen.get(id)} and ${file}; the one of ${file} is kept\n`);
        seen.set(id, file);
      }
      if (!quiet) io.stderr(`  ${ids.length} documents  ← ${file}\n`);
    }
    if (!quiet) io.stderr(`merged ${seen.size} documents from ${sources.length} databases → ${target}\n`);
    return 0;
  } catch (error) {
    io.stderr(`report-extract merge: ${(error as Error).message}\n`);
    return 2;
  } finally {
    db.close();
  }
}
