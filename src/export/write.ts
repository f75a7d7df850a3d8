/**
 * Write one document's output folder atomically: everything goes to a temporary sibling folder,
 * which replaces DIR/<doc-id> only once every file is complete, so a failed run never leaves half
 * a result.
 */
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument } from '../model/document.js';
import { BlockSchema, CellSchema, FootnoteSchema, HeadingSchema, ParagraphSchema, TableSchema } from '../validate/schemas.js';
import { writeRecords, writeRows } from './csv.js';
import { reportJson } from './json.js';

export type Format = 'csv' | 'json';

export async function writeDocument(outDir: string, doc: ExtractedDocument, formats: Format[] = ['csv', 'json']): Promise<string> {
  await mkdir(outDir, { recursive: true });
  const final = path.join(outDir, doc.docId);
  const tmp = path.join(outDir, `.${doc.docId}.tmp-${process.pid}-${Date.now()}`);
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  try {
    if (formats.includes('csv')) {
      await writeRecords(path.join(tmp, 'paragraphs.csv'), ParagraphSchema, doc.paragraphs);
      await writeRecords(path.join(tmp, 'headings.csv'), HeadingSchema, doc.headings);
      await writeRecords(path.join(tmp, 'footnotes.csv'), FootnoteSchema, doc.footnotes);
      await writeRecords(path.join(tmp, 'blocks.csv'), BlockSchema, doc.blocks);
      await writeRecords(path.join(tmp, 'tables.csv'), TableSchema, doc.tables.map((t) => t.record));
      await writeRecords(path.join(tmp, 'cells.csv'), CellSchema, doc.tables.flatMap((t) => t.cells));
      if (doc.tables.length) {
        await mkdir(path.join(tmp, 'tables'));
        for (const t of doc.tables) await writeRows(path.join(tmp, 'tables', `${t.record.table_id}.csv`), null, t.grid);
      }
    }
    // report.json is always written: it is the run's record (source, checks, timings).
    await writeFile(path.join(tmp, 'report.json'), JSON.stringify(reportJson(doc, formats.includes('json')), null, 2) + '\n');
    await rm(final, { recursive: true, force: true });
    await rename(tmp, final);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return final;
}
