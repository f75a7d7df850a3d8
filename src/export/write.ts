/**
 * Write one document's output folder atomically: everything goes to a temporary sibling folder,
 * which replaces DIR/<doc-id> only once every file is complete, so a failed run never leaves half
 * a result.
 */
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument } from '../model/document.js';
import { BlockSchema, BoxSchema, CellSchema, FootnoteSchema, HeadingSchema, ParagraphSchema, TableSchema } from '../validate/schemas.js';
import { writeRecords, writeRows } from './csv.js';
import { localTemps, tempName, type TempListener } from './folders.js';
import { reportJson } from './json.js';
import { writeJsonFile } from './json-stream.js';

export type Format = 'csv' | 'json';

export { checkWritable, removeActiveTemps, removeStaleTemps } from './folders.js';

/** A doc-id must name one folder inside the output folder, never the folder itself or a parent. */
function assertSafeId(id: string): void {
  if (!id || /^\.*$/.test(id) || /[/\\\u0000]/.test(id)) throw new Error(`unsafe doc-id ${JSON.stringify(id)}`);
}

/**
 * `temps` is told about the temporary folders (by default this thread's registry; a worker thread
 * tells the main thread, which cleans up if the worker is stopped mid-write).
 */
export async function writeDocument(outDir: string, doc: ExtractedDocument, formats: Format[] = ['csv', 'json'], temps: TempListener = localTemps): Promise<string> {
  assertSafeId(doc.docId);
  await mkdir(outDir, { recursive: true });
  const final = path.join(outDir, doc.docId);
  const tmp = tempName(outDir, doc.docId, 'tmp');
  await rm(tmp, { recursive: true, force: true });
  temps.add(tmp, null);
  try {
    await mkdir(tmp, { recursive: true });
    // The files are independent: written at once, so their I/O overlaps.
    const writes: Promise<void>[] = [];
    if (formats.includes('csv')) {
      if (doc.tables.length) await mkdir(path.join(tmp, 'tables'));
      writes.push(
        writeRecords(path.join(tmp, 'paragraphs.csv'), ParagraphSchema, doc.paragraphs),
        writeRecords(path.join(tmp, 'headings.csv'), HeadingSchema, doc.headings),
        writeRecords(path.join(tmp, 'footnotes.csv'), FootnoteSchema, doc.footnotes),
        writeRecords(path.join(tmp, 'blocks.csv'), BlockSchema, doc.blocks),
        writeRecords(path.join(tmp, 'tables.csv'), TableSchema, doc.tables.map((t) => t.record)),
        writeRecords(path.join(tmp, 'cells.csv'), CellSchema, doc.tables.flatMap((t) => t.cells)),
        writeRecords(path.join(tmp, 'boxes.csv'), BoxSchema, doc.boxes),
        ...doc.tables.map((t) => writeRows(path.join(tmp, 'tables', `${t.record.table_id}.csv`), null, t.grid)),
      );
    }
    // report.json is always written: it is the run's record (source, checks, timings).
    // Streamed: at 1,000 pages it is tens of MB, never held as one string.
    writes.push(writeJsonFile(path.join(tmp, 'report.json'), reportJson(doc, formats.includes('json'))));
    // All settle before anything is cleaned up, so no write lands in a folder being removed.
    const failed = (await Promise.allSettled(writes)).find((r) => r.status === 'rejected');
    if (failed) throw (failed as PromiseRejectedResult).reason;
    // Swap: the previous result moves aside, the new one takes its name, then the old one goes.
    const old = tempName(outDir, doc.docId, 'old');
    temps.add(old, final);
    const hadOld = await rename(final, old).then(
      () => true,
      (e: { code?: string }) => {
        if (e.code === 'ENOENT') return false;
        throw e;
      },
    );
    try {
      await rename(tmp, final);
    } catch (e) {
      if (hadOld) await rename(old, final).catch(() => {});
      throw e;
    }
    await rm(old, { recursive: true, force: true });
    temps.remove(old);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    temps.remove(tmp);
  }
  return final;
}
