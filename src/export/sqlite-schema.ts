/**
 * The database's tables, derived from the zod record schemas (the single source of truth): one
 * table per CSV file with the same columns, plus `doc_id` (the document, a foreign key) and `seq`
 * (the record's place in its document), a `documents` table, a `checks` table and an FTS5 index
 * over paragraph text. The schema's hash is the database's user_version, so a database written by
 * a version with other columns is recognised instead of being half-filled.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ExtractedDocument } from '../model/document.js';
import { BlockSchema, BoxSchema, CellSchema, CheckSchema, columnsOf, DocumentRowSchema, FootnoteSchema, HeadingSchema, ParagraphSchema, TableSchema, type DocumentRow } from '../validate/schemas.js';
import { cellValue } from './csv.js';

/** PRAGMA application_id of report-extract databases ('REXT'). */
export const APPLICATION_ID = 0x52455854;

export interface RecordTable {
  name: string;
  schema: z.ZodObject;
  rows: (doc: ExtractedDocument) => object[];
  /** Extra indexes (columns after doc_id). */
  indexes?: string[][];
  /** Columns unique within a document (after doc_id). */
  unique?: string[];
  /** Columns (after doc_id) that reference another table's unique columns. */
  references?: { columns: string[]; table: string };
}

/** In dependency order: a table comes after the tables it references. */
export const RECORD_TABLES: RecordTable[] = [
  { name: 'paragraphs', schema: ParagraphSchema, rows: (d) => d.paragraphs, indexes: [['number']] },
  { name: 'headings', schema: HeadingSchema, rows: (d) => d.headings },
  { name: 'footnotes', schema: FootnoteSchema, rows: (d) => d.footnotes, indexes: [['number']] },
  { name: 'blocks', schema: BlockSchema, rows: (d) => d.blocks, indexes: [['block_id', 'item']] },
  { name: 'tables', schema: TableSchema, rows: (d) => d.tables.map((t) => t.record), unique: ['table_id'] },
  { name: 'cells', schema: CellSchema, rows: (d) => d.tables.flatMap((t) => t.cells), indexes: [['table_id', 'row', 'col'], ['row_label'], ['column_label']], references: { columns: ['table_id'], table: 'tables' } },
  { name: 'checks', schema: CheckSchema, rows: (d) => d.checks, indexes: [['name'], ['ok']] },
  { name: 'boxes', schema: BoxSchema, rows: (d) => d.boxes, indexes: [['record_kind', 'record_id'], ['page']] },
];

type ColumnKind = 'integer' | 'real' | 'boolean' | 'text' | 'list' | 'json';

interface ZodIntrospect {
  _zod: { def: { type: string; innerType?: ZodIntrospect } };
  isInt?: boolean;
}

/** The SQL storage of a zod field, and whether it may be null. */
export function columnKind(field: unknown): { kind: ColumnKind; nullable: boolean } {
  let f = field as ZodIntrospect;
  let nullable = false;
  while (['nullable', 'optional', 'default'].includes(f._zod.def.type) && f._zod.def.innerType) {
    nullable = true;
    f = f._zod.def.innerType;
  }
  switch (f._zod.def.type) {
    case 'number':
      return { kind: f.isInt ? 'integer' : 'real', nullable };
    case 'boolean':
      return { kind: 'boolean', nullable };
    case 'string':
    case 'enum':
      return { kind: 'text', nullable };
    case 'array':
      return { kind: 'list', nullable };
    default:
      return { kind: 'json', nullable: true };
  }
}

const SQL_TYPE: Record<ColumnKind, string> = { integer: 'INTEGER', real: 'REAL', boolean: 'INTEGER', text: 'TEXT', list: 'TEXT', json: 'TEXT' };

/** An SQL identifier, quoted. */
export const q = (name: string): string => `"${name.replace(/"/g, '""')}"`;

function columnDefs(schema: z.ZodObject): string[] {
  return columnsOf(schema).map((c) => {
    const { kind, nullable } = columnKind(schema.shape[c]);
    return `${q(c)} ${SQL_TYPE[kind]}${nullable ? '' : ' NOT NULL'}`;
  });
}

/** A record's value as stored: booleans 0/1, lists ';'-joined as in the CSVs, anything else JSON. */
export function sqlValue(v: unknown, kind: ColumnKind): unknown {
  if (v === undefined || v === null) return null;
  if (kind === 'boolean') return v ? 1 : 0;
  if (kind === 'list') return cellValue(v);
  if (kind === 'json') return JSON.stringify(v);
  return v;
}

/** The row of `schema`'s columns for one record. */
export function rowValues(schema: z.ZodObject, record: object): unknown[] {
  return columnsOf(schema).map((c) => sqlValue((record as Record<string, unknown>)[c], columnKind(schema.shape[c]).kind));
}

export function documentRow(doc: ExtractedDocument): DocumentRow {
  return DocumentRowSchema.parse({
    doc_id: doc.docId,
    symbol: doc.metadata.symbol,
    title: doc.metadata.title,
    year: doc.metadata.year,
    language: doc.metadata.language,
    source_file: doc.source.file,
    sha256: doc.source.sha256,
    pages: doc.source.pages,
    profile: doc.profile,
  });
}

function recordTableDdl(t: RecordTable): string[] {
  const lines = [
    // An explicit integer key: the FTS index refers to paragraphs by it, and VACUUM keeps it.
    'id INTEGER PRIMARY KEY',
    'doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE',
    'seq INTEGER NOT NULL',
    ...columnDefs(t.schema),
    'UNIQUE (doc_id, seq)',
    ...(t.unique ? [`UNIQUE (doc_id, ${t.unique.map(q).join(', ')})`] : []),
    ...(t.references ? [`FOREIGN KEY (doc_id, ${t.references.columns.map(q).join(', ')}) REFERENCES ${t.references.table} (doc_id, ${t.references.columns.map(q).join(', ')}) ON DELETE CASCADE`] : []),
  ];
  return [
    `CREATE TABLE IF NOT EXISTS ${t.name} (\n  ${lines.join(',\n  ')}\n);`,
    ...(t.indexes ?? []).map((cols) => `CREATE INDEX IF NOT EXISTS ${t.name}_${cols.join('_')} ON ${t.name} (doc_id, ${cols.map(q).join(', ')});`),
    ...(t.references ? [`CREATE INDEX IF NOT EXISTS ${t.name}_${t.references.table}_ref ON ${t.name} (doc_id, ${t.references.columns.map(q).join(', ')});`] : []),
  ];
}

/** Every statement that creates the schema (idempotent). */
export const SCHEMA_SQL: string = [
  `CREATE TABLE IF NOT EXISTS documents (\n  ${columnDefs(DocumentRowSchema)
    .map((d) => (d.startsWith('"doc_id"') ? `${d} PRIMARY KEY` : d))
    .join(',\n  ')}\n);`,
  'CREATE INDEX IF NOT EXISTS documents_symbol_year ON documents (symbol, year);',
  ...RECORD_TABLES.flatMap(recordTableDdl),
  // Full-text search over paragraph text, kept in step with the paragraphs table by triggers.
  "CREATE VIRTUAL TABLE IF NOT EXISTS paragraphs_fts USING fts5(text, content='paragraphs', content_rowid='id', tokenize='unicode61 remove_diacritics 2');",
  'CREATE TRIGGER IF NOT EXISTS paragraphs_fts_insert AFTER INSERT ON paragraphs BEGIN INSERT INTO paragraphs_fts (rowid, text) VALUES (new.id, new.text); END;',
  "CREATE TRIGGER IF NOT EXISTS paragraphs_fts_delete AFTER DELETE ON paragraphs BEGIN INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text); END;",
  "CREATE TRIGGER IF NOT EXISTS paragraphs_fts_update AFTER UPDATE ON paragraphs BEGIN INSERT INTO paragraphs_fts (paragraphs_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO paragraphs_fts (rowid, text) VALUES (new.id, new.text); END;",
].join('\n');

/** user_version of databases with this schema: 31 bits of its hash. */
export const SCHEMA_VERSION: number = parseInt(createHash('sha256').update(SCHEMA_SQL).digest('hex').slice(0, 8), 16) & 0x7fffffff;

/** Column names of a record table after id: doc_id, seq, then the schema's. */
export const storedColumns = (t: RecordTable): string[] => ['doc_id', 'seq', ...columnsOf(t.schema)];
