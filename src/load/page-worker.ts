/**
 * A page reader thread (see pdf-parallel.ts), for one document: `open` hands it its own copy of
 * the file, `read` asks for pages of it (answered in order); it is terminated when the document is
 * done. pdf.js warnings are sent back with their page instead of printed.
 */
import { parentPort } from 'node:worker_threads';
import type { PDFDocumentProxy } from './pdfjs/index.js';
import { VerbosityLevel } from './pdfjs/index.js';
import { openPdf, readPdfPage, type FontCache } from './pdf.js';
import type { ReaderReply, ReaderRequest } from './pdf-parallel.js';

const port = parentPort!;
let page: number | undefined;
let docId = 0;
const post = (m: ReaderReply) => port.postMessage(m);
console.warn = console.log = (...a: unknown[]) => post({ type: 'warning', doc: docId, page, line: a.map(String).join(' ') });

interface Open {
  doc: Promise<PDFDocumentProxy>;
  fonts: FontCache;
}
const docs = new Map<number, Open>();
// Requests are handled one at a time, in the order they came.
let queue = Promise.resolve();

async function handle(req: ReaderRequest): Promise<void> {
  if (req.type === 'open') {
    const doc = openPdf(req.data, { password: req.password, verbosity: VerbosityLevel.WARNINGS });
    doc.catch(() => {}); // reported for each page asked for
    docs.set(req.doc, { doc, fonts: new Map() });
  } else {
    const d = docs.get(req.doc);
    docId = req.doc;
    for (const n of req.pages) {
      page = n;
      try {
        if (!d) throw new Error(`document ${req.doc} is not open`);
        const proxy = await (await d.doc).getPage(n);
        post({ type: 'page', doc: req.doc, page: n, value: await readPdfPage(proxy, d.fonts) });
        proxy.cleanup();
      } catch (e) {
        post({ type: 'failed', doc: req.doc, page: n, name: (e as Error)?.name, message: String((e as Error)?.message ?? e) });
      }
    }
    page = undefined;
  }
}

port.on('message', (req: ReaderRequest) => {
  queue = queue.then(() => handle(req));
});
// pdf.js is loaded (boot.mjs imports it before this module): blocks may come.
post({ type: 'ready', doc: 0 });
