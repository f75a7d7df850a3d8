/**
 * The extraction worker thread: runs the pipeline for one document at a time, reports each stage
 * (so the main thread can enforce --page-timeout and draw progress), writes the document's output
 * folder, and sends back its counts or a one-line failure. pdf.js runs on this thread; a page that
 * never ends is stopped by the main thread terminating the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractedDocument } from '../model/document.js';
import type { ExtractOptions, PageProgress } from '../pipeline.js';
import { collectGarbage } from '../threads/collect.js';
import { fsProblem, toFailure, type Failure } from './errors.js';

export interface JobMessage {
  type: 'job';
  id: number;
  file: string;
  opts: Pick<ExtractOptions, 'docId' | 'profile' | 'password' | 'ocr' | 'maxPages'>;
  out: string;
  /** The output folder's formats; none: no folder is written. */
  formats: ('csv' | 'json')[];
  /** Send the document back with `done` (for the SQLite export on the main thread, the library). */
  returnDocument?: boolean;
  /** Why the doc-id differs from the file name (recorded in report.json). */
  renamed?: string;
  /** Send page progress (a bar is drawn); otherwise none is sent, sparing a message per page. */
  progress?: boolean;
}

export interface DocStats {
  pages: number;
  paragraphs: number;
  tables: number;
  failedChecks: number;
  warnings: number;
  /** Drift of the series' expected tables, one line per finding. */
  drift: string[];
}

export type Stage = 'open' | 'page' | 'structure' | 'write';

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'stage'; id: number; stage: Stage; page?: number; total?: number }
  /** A temporary folder appeared (restoreAs set for a previous result moved aside) or went away. */
  | { type: 'temp'; id: number; folder: string; restoreAs: string | null; active: boolean }
  | { type: 'progress'; id: number; progress: PageProgress }
  | { type: 'done'; id: number; stats: DocStats; doc?: ExtractedDocument }
  | { type: 'failed'; id: number; failure: Failure };

const port = parentPort!;
const debug = Boolean((workerData as { debug?: boolean } | null)?.debug);

// Libraries print to the console (pdf.js warnings, its wasm decoders). Those lines must never reach
// the user's terminal between the one-line errors: pdf.js warnings are collected per document by
// the loader; anything else is dropped unless --debug.
const drop = (...a: unknown[]): void => {
  if (debug) process.stderr.write(`[worker] ${a.map(String).join(' ')}\n`);
};
console.log = drop;
console.info = drop;
console.warn = drop;
console.error = drop;
console.debug = drop;

// pdf.js leaves some internal promises unawaited; one may reject late (after its document was
// destroyed, while the next one is read). That must not kill the worker and fail an unrelated
// document: it is reported like a pdf.js warning (kept in report.json while a PDF is being read).
// A document whose own work stalls because of it is still bounded by the main thread's watchdog.
process.on('unhandledRejection', (reason) => console.warn(`Warning: unhandled error inside pdf.js: ${String((reason as Error)?.message ?? reason).split('\n')[0]}`));

const { extractFile } = await import('../pipeline.js');
const { writeDocument } = await import('../export/write.js');

/** From this many pages a document's heap is worth collecting before it is written. */
const COLLECT_FROM_PAGES = 200;

const post = (m: WorkerMessage) => port.postMessage(m);

/** Write the document's output folder, telling the main thread about its temporary folders. */
async function writeFolder(id: number, out: string, doc: ExtractedDocument, formats: JobMessage['formats']): Promise<void> {
  try {
    await writeDocument(out, doc, formats, {
      add: (folder, restoreAs) => post({ type: 'temp', id, folder, restoreAs, active: true }),
      remove: (folder) => post({ type: 'temp', id, folder, restoreAs: null, active: false }),
    });
  } catch (e) {
    const problem = fsProblem(e) ?? String((e as Error).message).split('\n')[0];
    throw Object.assign(new Error(problem), { failure: { code: 'write-failed', message: `cannot write its output folder: ${problem}`, stack: (e as Error).stack } satisfies Failure });
  }
}

port.on('message', async (msg: JobMessage) => {
  if (msg.type !== 'job') return;
  const id = msg.id;
  try {
    const doc = await extractFile(msg.file, {
      ...msg.opts,
      onStage: (stage, page, total) => post({ type: 'stage', id, stage, page, total }),
      onProgress: msg.progress ? (progress) => post({ type: 'progress', id, progress }) : undefined,
    });
    if (msg.renamed) (doc.warnings ??= []).push({ code: 'doc-id-renamed', message: msg.renamed });
    post({ type: 'stage', id, stage: 'write', total: doc.source.pages });
    // A long document's pages are garbage now: collected before writing, their space takes the
    // writing's garbage instead of the heap growing for it (threads/collect.ts).
    if (doc.source.pages >= COLLECT_FROM_PAGES) collectGarbage();
    if (msg.formats.length) await writeFolder(id, msg.out, doc, msg.formats);
    post({
      type: 'done',
      id,
      ...(msg.returnDocument ? { doc } : {}),
      stats: {
        pages: doc.source.pages,
        paragraphs: doc.paragraphs.length,
        tables: doc.tables.length,
        failedChecks: doc.checks.filter((c) => !c.ok).length,
        warnings: doc.warnings?.length ?? 0,
        drift: doc.checks
          .filter((c) => c.name === 'expected-table' && !c.ok)
          .flatMap((c) => ((c.data as { key?: string; findings?: string[] })?.findings ?? [c.detail]).map((f) => `${(c.data as { key?: string })?.key ?? ''}: ${f}`)),
      },
    });
  } catch (e) {
    post({ type: 'failed', id, failure: (e as { failure?: Failure }).failure ?? toFailure(e) });
  }
});
post({ type: 'ready' });
