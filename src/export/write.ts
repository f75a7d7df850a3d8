/**
 * Write one document's output folder atomically: everything goes to a temporary sibling folder,
 * which replaces DIR/<doc-id> only once every file is complete, so a failed run never leaves half
 * a result.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ExtractedDocument } from '../model/document.js';
import { BlockSchema, CellSchema, FootnoteSchema, HeadingSchema, ParagraphSchema, TableSchema } from '../validate/schemas.js';
import { writeRecords, writeRows } from './csv.js';
import { reportJson } from './json.js';

export type Format = 'csv' | 'json';

/**
 * Temporary folders being written right now, removed by removeActiveTemps() on an interrupt; a
 * previous result moved aside during the swap maps to its real name, to be put back.
 */
const activeTemps = new Map<string, string | null>();

/** Remove every unfinished temporary folder at once (synchronous: for signal handlers). */
export function removeActiveTemps(): void {
  for (const [t, restoreAs] of activeTemps) {
    try {
      if (restoreAs && existsSync(t) && !existsSync(restoreAs)) renameSync(t, restoreAs);
      else rmSync(t, { recursive: true, force: true });
    } catch {
      // best effort: the next run removes what is left (removeStaleTemps)
    }
  }
  activeTemps.clear();
}

const TEMP = /^\..+\.(?:tmp|old)-(\d+)-\d+$/;

/**
 * Remove temporary folders left in `outDir` by runs that were killed (their process is gone).
 * Folders of a run still going on (another process writing to the same folder) are kept.
 */
export async function removeStaleTemps(outDir: string): Promise<string[]> {
  const removed: string[] = [];
  const names = await readdir(outDir).catch(() => [] as string[]);
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || Number(m[1]) === process.pid || isAlive(Number(m[1]))) continue;
    await rm(path.join(outDir, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === 'EPERM';
  }
}

/** Create `outDir` if needed and prove a folder can be made in it (throws the fs error if not). */
export async function checkWritable(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const probe = await mkdtemp(path.join(outDir, '.write-check-'));
  await rm(probe, { recursive: true, force: true });
}

/** A doc-id must name one folder inside the output folder, never the folder itself or a parent. */
function assertSafeId(id: string): void {
  if (!id || /^\.*$/.test(id) || /[/\\\u0000]/.test(id)) throw new Error(`unsafe doc-id ${JSON.stringify(id)}`);
}

export async function writeDocument(outDir: string, doc: ExtractedDocument, formats: Format[] = ['csv', 'json']): Promise<string> {
  assertSafeId(doc.docId);
  await mkdir(outDir, { recursive: true });
  const final = path.join(outDir, doc.docId);
  const tmp = path.join(outDir, `.${doc.docId}.tmp-${process.pid}-${Date.now()}`);
  await rm(tmp, { recursive: true, force: true });
  activeTemps.set(tmp, null);
  try {
    await mkdir(tmp, { recursive: true });
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
    // Swap: the previous result moves aside, the new one takes its name, then the old one goes.
    const old = path.join(outDir, `.${doc.docId}.old-${process.pid}-${Date.now()}`);
    activeTemps.set(old, final);
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
    activeTemps.delete(old);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  } finally {
    activeTemps.delete(tmp);
  }
  return final;
}
