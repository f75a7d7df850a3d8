/**
 * One SQLite database for many documents (better-sqlite3). Each document is replaced as a whole in
 * one transaction: a run that fails or is killed half-way leaves the database as it was.
 */
import { mkdirSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ExtractedDocument } from '../model/document.js';
import { columnsOf, DocumentRowSchema } from '../validate/schemas.js';
import { APPLICATION_ID, documentRow, q, RECORD_TABLES, rowValues, SCHEMA_SQL, SCHEMA_VERSION, storedColumns } from './sqlite-schema.js';

/** Why `file` cannot be used as the database, or null (it is ours, or empty, or not there yet). */
export function databaseProblem(file: string): string | null {
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return null;
  if (st.isDirectory()) return 'is a folder, not a database file';
  if (st.size === 0) return null;
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    return `cannot be opened: ${(e as Error).message}`;
  }
  try {
    return schemaProblem(db);
  } catch (e) {
    return (e as { code?: string }).code === 'SQLITE_NOTADB' ? 'is not a SQLite database' : `cannot be read: ${(e as Error).message}`;
  } finally {
    db.close();
  }
}

/** Whether an open database is a report-extract database of this schema (or an empty one). */
function schemaProblem(db: Database.Database, schema = 'main'): string | null {
  const app = db.pragma(`${schema}.application_id`, { simple: true }) as number;
  const version = db.pragma(`${schema}.user_version`, { simple: true }) as number;
  const objects = db.prepare(`SELECT count(*) FROM ${schema}.sqlite_master`).pluck().get() as number;
  if (app === 0 && version === 0 && objects === 0) return null;
  if (app !== APPLICATION_ID) return 'is a SQLite database of another program, not of report-extract';
  if (version !== SCHEMA_VERSION) return 'was written by another version of report-extract (its tables differ); use a new file';
  return null;
}

export class ReportDatabase {
  private readonly db: Database.Database;
  private readonly replaceTx: (doc: ExtractedDocument) => void;

  /** Open (creating it and its folder when missing) a database; throws if it is not usable. */
  constructor(readonly file: string) {
    const problem = databaseProblem(file);
    if (problem) throw new Error(`${file} ${problem}`);
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    this.db = new Database(file, { timeout: 10_000 });
    this.db.pragma('foreign_keys = ON');
    this.db.transaction(() => {
      this.db.exec(SCHEMA_SQL);
      this.db.pragma(`application_id = ${APPLICATION_ID}`);
      this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
    })();
    const deletes = this.deleteStatements();
    const insertDoc = this.db.prepare(`INSERT INTO documents (${columnsOf(DocumentRowSchema).map(q).join(', ')}) VALUES (${columnsOf(DocumentRowSchema).map(() => '?').join(', ')})`);
    const inserts = RECORD_TABLES.map((t) => {
      const cols = storedColumns(t);
      return { t, stmt: this.db.prepare(`INSERT INTO ${t.name} (${cols.map(q).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`) };
    });
    this.replaceTx = this.db.transaction((doc: ExtractedDocument) => {
      for (const d of deletes) d.run(doc.docId);
      insertDoc.run(...Object.values(documentRow(doc)));
      for (const { t, stmt } of inserts) t.rows(doc).forEach((r, seq) => stmt.run(doc.docId, seq, ...rowValues(t.schema, r)));
      pauseForTest();
    });
  }

  /** Children first (cells before tables), the document last. */
  private deleteStatements(schema = 'main') {
    return [...RECORD_TABLES.map((t) => t.name).reverse(), 'documents'].map((name) => this.db.prepare(`DELETE FROM ${schema}.${name} WHERE doc_id = ?`));
  }

  /** Replace everything of `doc.docId` by `doc`, in one transaction. */
  replace(doc: ExtractedDocument): void {
    this.replaceTx(doc);
  }

  /**
   * Copy every document of another report-extract database (a shard's) into this one, each
   * replacing the document of that id, one transaction per document. Returns the doc-ids copied.
   */
  mergeFrom(source: string): string[] {
    const problem = databaseProblem(source);
    if (problem) throw new Error(`${source} ${problem}`);
    this.db.prepare('ATTACH DATABASE ? AS src').run(source);
    try {
      const ids = this.db.prepare('SELECT doc_id FROM src.documents ORDER BY doc_id').pluck().all() as string[];
      const deletes = this.deleteStatements();
      const docCols = columnsOf(DocumentRowSchema).map(q).join(', ');
      const copies = [
        this.db.prepare(`INSERT INTO documents (${docCols}) SELECT ${docCols} FROM src.documents WHERE doc_id = ?`),
        ...RECORD_TABLES.map((t) => {
          const cols = storedColumns(t).map(q).join(', ');
          return this.db.prepare(`INSERT INTO ${t.name} (${cols}) SELECT ${cols} FROM src.${t.name} WHERE doc_id = ? ORDER BY seq`);
        }),
      ];
      const copy = this.db.transaction((id: string) => {
        for (const d of deletes) d.run(id);
        for (const c of copies) c.run(id);
      });
      for (const id of ids) copy(id);
      return ids;
    } finally {
      this.db.prepare('DETACH DATABASE src').run();
    }
  }

  close(): void {
    this.db.close();
  }
}

/**
 * Test hook: with REPORT_EXTRACT_TEST_PAUSE_IN_TRANSACTION=MS, announce on stderr and block for
 * MS milliseconds inside the transaction, so a test can kill the process mid-write.
 */
function pauseForTest(): void {
  const ms = Number(process.env.REPORT_EXTRACT_TEST_PAUSE_IN_TRANSACTION);
  if (!(ms > 0)) return;
  writeSync(2, 'sqlite: paused inside the transaction\n');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
