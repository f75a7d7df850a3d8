/**
 * The extraction worker thread: runs the pipeline for one document at a time, reports each stage
 * (so the main thread can enforce --page-timeout and draw progress) and sends back the document or
 * a one-line failure. pdf.js runs on this thread; a page that never ends is stopped by the main
 * thread terminating the worker.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ExtractedDocument } from '../model/document.js';
import type { ExtractOptions } from '../pipeline.js';
import { toFailure, type Failure } from './errors.js';

export interface JobMessage {
  type: 'job';
  id: number;
  file: string;
  opts: Pick<ExtractOptions, 'docId' | 'profile' | 'password' | 'ocr' | 'maxPages'>;
}

export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'stage'; id: number; stage: 'open' | 'page' | 'structure'; page?: number; total?: number }
  | { type: 'done'; id: number; doc: ExtractedDocument }
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

const { extractFile } = await import('../pipeline.js');
// pdf.js loads its parser ("fake worker") on the first getDocument; worker-boot.mjs has loaded it
// already, so opening the first document is not charged for it.

port.on('message', async (msg: JobMessage) => {
  if (msg.type !== 'job') return;
  try {
    const doc = await extractFile(msg.file, {
      ...msg.opts,
      onStage: (stage, page, total) => port.postMessage({ type: 'stage', id: msg.id, stage, page, total } satisfies WorkerMessage),
    });
    port.postMessage({ type: 'done', id: msg.id, doc } satisfies WorkerMessage);
  } catch (e) {
    port.postMessage({ type: 'failed', id: msg.id, failure: toFailure(e) } satisfies WorkerMessage);
  }
});
port.postMessage({ type: 'ready' } satisfies WorkerMessage);
