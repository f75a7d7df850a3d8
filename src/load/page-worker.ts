/**
 * A page reader thread (see pdf-parallel.ts): opens its own copy of the PDF and reads the pages
 * it is asked for, in order, into the positioned-page model. pdf.js warnings are sent back with
 * their page instead of printed.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PDFDocumentProxy } from './pdfjs/index.js';
import { VerbosityLevel } from './pdfjs/index.js';
import { openPdf, readPdfPage, type FontCache } from './pdf.js';
import type { ReaderReply, ReaderRequest } from './pdf-parallel.js';

const port = parentPort!;
const { data, password } = workerData as { data: Uint8Array; password?: string };
let page: number | undefined;
const post = (m: ReaderReply) => port.postMessage(m);
console.warn = console.log = (...a: unknown[]) => post({ type: 'warning', page, line: a.map(String).join(' ') });

let doc: Promise<PDFDocumentProxy> | null = null;
const fonts: FontCache = new Map();
// Requests are read one at a time, in the order they came.
let queue = Promise.resolve();

port.on('message', (req: ReaderRequest) => {
  queue = queue.then(async () => {
    for (const n of req.pages) {
      page = n;
      try {
        doc ??= openPdf(data, { password, verbosity: VerbosityLevel.WARNINGS });
        const proxy = await (await doc).getPage(n);
        post({ type: 'page', page: n, value: await readPdfPage(proxy, fonts) });
        proxy.cleanup();
      } catch (e) {
        post({ type: 'failed', page: n, name: (e as Error)?.name, message: String((e as Error)?.message ?? e) });
      }
    }
    page = undefined;
  });
});
