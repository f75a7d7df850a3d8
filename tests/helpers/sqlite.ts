/** Reading a report-extract database back in tests. */
import Database from 'better-sqlite3';
import { RECORD_TABLES } from '../../src/export/sqlite-schema.js';

/** Every row of every table without the autoincrement ids, in a stable order, and an FTS query's hits. */
export function dumpDatabase(file: string, match = 'the'): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const out: Record<string, unknown[]> = { documents: db.prepare('SELECT * FROM documents ORDER BY doc_id').all() };
    for (const t of RECORD_TABLES) out[t.name] = db.prepare(`SELECT * FROM ${t.name} ORDER BY doc_id, seq`).all().map((r) => ({ ...(r as object), id: undefined }));
    out.fts = db.prepare('SELECT p.doc_id, p.seq FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid WHERE paragraphs_fts MATCH ? ORDER BY p.doc_id, p.seq').all(match);
    return out;
  } finally {
    db.close();
  }
}
