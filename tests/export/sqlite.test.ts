/**
 * The SQLite export: tables and columns derived from the zod schemas, foreign keys and indexes, the
 * FTS5 index kept in step, a document replaced as a whole in one transaction (a failure or a kill
 * mid-write leaves the database as it was), a file that is not a database refused, shards merged.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../src/model/document.js';
import { databaseProblem, ReportDatabase } from '../../src/export/sqlite.js';
import { RECORD_TABLES } from '../../src/export/sqlite-schema.js';
import { dumpDatabase } from '../helpers/sqlite.js';
import { mergeCommand } from '../../src/evaluate/merge-command.js';
import { columnsOf, DocumentRowSchema } from '../../src/validate/schemas.js';
import { bad, cli, entries, tempDir } from '../robust/helpers/cli.js';

/** A small document with one record of every kind. */
function tinyDoc(docId: string, word: string, year = 2008): ExtractedDocument {
  return {
    docId,
    source: { file: `${docId}.pdf`, sha256: 'a'.repeat(64), bytes: 10, kind: 'pdf', pages: 2, pageInfo: [] },
    profile: 'generic',
    metadata: { symbol: `T/${year}`, title: 'Tiny report', year, language: 'en' },
    paragraphs: [
      { number: 1, page: 1, section: 'I', subsection: '', heading: 'Intro', footnotes: [1], text: `The ${word} programme grew.`, page_last: 1 },
      { number: 2, page: 2, section: 'I', subsection: '', heading: 'Intro', footnotes: [], text: 'Expenditure rose by 5 per cent.', page_last: 2 },
    ],
    headings: [{ level: 1, label: 'I', title: 'Intro', page: 1, style: '' }],
    footnotes: [{ number: 1, paragraph: 1, page: 1, text: 'See annex.' }],
    blocks: [{ kind: 'box', parent_paragraph: 1, page: 1, item: 0, label: '', text: 'A box.', block_id: 'box-1', footnotes: [] }],
    tables: [
      {
        record: { table_id: 'spend', title: 'Total expenditure', page_start: 2, page_end: 2, rows: 2, cols: 2, header_rows: 1 },
        grid: [['', String(year)], ['Total', '12']],
        cells: [
          { table_id: 'spend', row: 0, col: 1, is_header: true, row_label: '', column_label: '', text: String(year), value: null, unit: '' },
          { table_id: 'spend', row: 1, col: 1, is_header: false, row_label: 'Total', column_label: String(year), text: '12', value: 12 + (year - 2008), unit: 'USD' },
        ],
        notes: [],
        checks: [],
      },
    ],
    unclassified: [],
    checks: [
      { name: 'table-total', ok: false, severity: 'warning', detail: 'column 1 does not add up', data: { table: 'spend', difference: 1 } },
      { name: 'paragraph-sequence', ok: true, severity: 'info', detail: 'fine' },
    ],
    boxes: [{ record_kind: 'paragraph', record_id: '1', piece: 0, page: 1, x0: 72, y0: 100, x1: 520, y1: 130 }],
    timings: {},
  };
}

const dump = (file: string) => dumpDatabase(file);

describe('the database schema', () => {
  const dir = tempDir('rx-sqlite-');

  it('has one table per CSV with its columns, doc_id foreign keys, indexes and an FTS index', () => {
    const file = path.join(dir, 'schema.sqlite');
    const rdb = new ReportDatabase(file);
    rdb.replace(tinyDoc('a', 'migration'));
    rdb.close();
    const db = new Database(file, { readonly: true });
    const cols = (t: string) => (db.prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name);
    expect(cols('documents')).toEqual(columnsOf(DocumentRowSchema));
    for (const t of RECORD_TABLES) {
      expect(cols(t.name), t.name).toEqual(['id', 'doc_id', 'seq', ...columnsOf(t.schema)]);
      const fks = db.prepare(`PRAGMA foreign_key_list(${t.name})`).all() as { table: string; from: string }[];
      expect(fks.some((f) => f.table === 'documents' && f.from === 'doc_id'), t.name).toBe(true);
      expect((db.prepare(`PRAGMA index_list(${t.name})`).all() as object[]).length, t.name).toBeGreaterThan(0);
      expect(db.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get(), t.name).toBe(t.rows(tinyDoc('a', 'migration')).length);
    }
    expect((db.prepare('PRAGMA foreign_key_list(cells)').all() as { table: string }[]).some((f) => f.table === 'tables')).toBe(true);
    expect(db.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    // Types as the schemas say: booleans 0/1, lists ';'-joined, free data as JSON.
    expect(db.prepare("SELECT is_header, value FROM cells WHERE row = 1").get()).toEqual({ is_header: 0, value: 12 });
    expect(db.prepare("SELECT footnotes FROM paragraphs WHERE number = 1").pluck().get()).toBe('1');
    expect(JSON.parse(db.prepare("SELECT data FROM checks WHERE name = 'table-total'").pluck().get() as string)).toEqual({ table: 'spend', difference: 1 });
    expect(db.prepare("SELECT x0, y1 FROM boxes").get()).toEqual({ x0: 72, y1: 130 });
    db.close();
  });

  it('re-extracting a document replaces its rows and its full-text entries, and nothing else', () => {
    const file = path.join(dir, 'replace.sqlite');
    const db = new ReportDatabase(file);
    db.replace(tinyDoc('a', 'migration'));
    db.replace(tinyDoc('b', 'resettlement', 2009));
    db.replace(tinyDoc('a', 'health'));
    db.close();
    const d = dump(file);
    expect(d.documents).toHaveLength(2);
    expect(d.paragraphs).toHaveLength(4);
    const raw = new Database(file, { readonly: true });
    const search = (q: string) => raw.prepare('SELECT p.doc_id FROM paragraphs_fts JOIN paragraphs p ON p.id = paragraphs_fts.rowid WHERE paragraphs_fts MATCH ? ORDER BY p.doc_id').pluck().all(q);
    expect(search('health')).toEqual(['a']);
    expect(search('migration')).toEqual([]);
    expect(search('resettlement')).toEqual(['b']);
    // A figure across years, through the documents table.
    expect(raw.prepare("SELECT d.year, c.value FROM cells c JOIN documents d USING (doc_id) WHERE c.row_label = 'Total' ORDER BY d.year").all()).toEqual([
      { year: 2008, value: 12 },
      { year: 2009, value: 13 },
    ]);
    raw.close();
  });

  it('a document that fails half-way leaves the database as it was', () => {
    const file = path.join(dir, 'atomic.sqlite');
    const db = new ReportDatabase(file);
    db.replace(tinyDoc('a', 'migration'));
    const before = dump(file);
    const broken = tinyDoc('a', 'health');
    broken.tables.push(broken.tables[0]); // a second table with the same id: the insert fails
    expect(() => db.replace(broken)).toThrow(/UNIQUE/);
    db.close();
    expect(dump(file)).toEqual(before);
  });

  it('refuses files that are not its databases', () => {
    const text = path.join(dir, 'notes.txt');
    writeFileSync(text, 'just some text, long enough to fill a SQLite header of one hundred bytes and more, and then some more.\n');
    expect(databaseProblem(text)).toBe('is not a SQLite database');
    const other = path.join(dir, 'other.sqlite');
    const o = new Database(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(databaseProblem(other)).toBe('is a SQLite database of another program, not of report-extract');
    expect(databaseProblem(dir)).toBe('is a folder, not a database file');
    expect(databaseProblem(path.join(dir, 'new.sqlite'))).toBeNull();
  });
});

describe('extract --format sqlite', () => {
  const dir = tempDir('rx-sqlite-cli-');

  it('a --db that is not a SQLite file: one line, exit 2, nothing written', async () => {
    const notDb = path.join(dir, 'notes.txt');
    writeFileSync(notDb, 'These are notes, not a database. '.repeat(10));
    const out = path.join(dir, 'refused');
    const r = await cli(['extract', bad('utf8.txt'), '--out', out, '--format', 'sqlite', '--db', notDb]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`report-extract: extract: --db ${notDb} is not a SQLite database\n`);
    expect(readFileSync(notDb, 'utf8')).toBe('These are notes, not a database. '.repeat(10));
    expect(entries(out)).toEqual([]);
    expect(entries(dir)).toEqual(['notes.txt']);
  });

  it('a run killed inside the transaction leaves the database unchanged', async () => {
    const db = path.join(dir, 'kill', 'reports.sqlite');
    // The same doc-id from two files of different text: the second run would replace the first's rows.
    const text = readFileSync(bad('utf8.txt'), 'utf8');
    expect(text).toContain('Organization');
    for (const [sub, body] of [['one', text], ['two', text.replaceAll('Organization', 'Secretariat')]]) {
      mkdirSync(path.join(dir, sub), { recursive: true });
      writeFileSync(path.join(dir, sub, 'report.txt'), body);
    }
    const first = await cli(['extract', path.join(dir, 'one', 'report.txt'), '--format', 'sqlite', '--db', db, '-q']);
    expect(first.code, first.stderr).toBe(0);
    const before = dump(db);
    expect(before.documents).toHaveLength(1);

    let killed = false;
    const second = await cli(['extract', path.join(dir, 'two', 'report.txt'), '--format', 'sqlite', '--db', db, '-q'], {
      env: { REPORT_EXTRACT_TEST_PAUSE_IN_TRANSACTION: '60000' },
      onSpawn: (child) =>
        child.stderr!.on('data', (d: Buffer) => {
          if (!killed && d.toString().includes('paused inside the transaction')) {
            killed = true;
            child.kill('SIGKILL');
          }
        }),
    });
    expect(killed).toBe(true);
    expect(second.signal).toBe('SIGKILL');
    expect(existsSync(`${db}-journal`)).toBe(true); // the write was under way
    expect(dump(db)).toEqual(before);
    const check = new Database(db);
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();

    // Without the kill the same run does replace the document.
    const third = await cli(['extract', path.join(dir, 'two', 'report.txt'), '--format', 'sqlite', '--db', db, '-q']);
    expect(third.code, third.stderr).toBe(0);
    const after = dump(db);
    expect(after.documents).toHaveLength(1);
    expect(after.paragraphs).not.toEqual(before.paragraphs);
    expect(JSON.stringify(after.paragraphs)).toContain('Secretariat');
  });

  it('merge --db combines databases, each document replacing the one of its id', async () => {
    const a = path.join(dir, 'a.sqlite');
    const b = path.join(dir, 'b.sqlite');
    const whole = path.join(dir, 'whole.sqlite');
    for (const [file, docs] of [[a, [tinyDoc('x', 'one')]], [b, [tinyDoc('y', 'two', 2009), tinyDoc('z', 'three', 2010)]], [whole, [tinyDoc('x', 'one'), tinyDoc('y', 'two', 2009), tinyDoc('z', 'three', 2010)]]] as const) {
      const db = new ReportDatabase(file);
      for (const d of docs) db.replace(d);
      db.close();
    }
    const merged = path.join(dir, 'merged.sqlite');
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t) };
    expect(await mergeCommand([a, b, '--db', merged], io), stderr).toBe(0);
    expect(stderr).toContain('merged 3 documents from 2 databases');
    expect(dump(merged)).toEqual(dump(whole));
    // Again: nothing doubles.
    expect(await mergeCommand([b, '--db', merged, '-q'], io)).toBe(0);
    expect(dump(merged)).toEqual(dump(whole));
    stderr = '';
    expect(await mergeCommand([bad('utf8.txt'), '--db', merged], io)).toBe(2);
    expect(stderr).toBe(`report-extract merge: ${bad('utf8.txt')} is not a SQLite database\n`);
  });
});
