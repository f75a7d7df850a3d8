/**
 * A document's pages read by several threads at once (pdf.js is single-threaded and is most of a
 * run's time). This thread reads one share of the pages itself; each extra reader thread opens
 * its own copy of the file. Pages go out in blocks, round robin, and come back in page order. At
 * most two blocks per reader are requested ahead of the page being consumed, so memory stays flat
 * however long the document. With one thread (or a short document) no thread is started.
 */
import { Worker } from 'node:worker_threads';
import type { Page } from '../model/page.js';
import { BOOT_URL, workerEntry } from '../threads/entry.js';
import { readPdfPage, type FontCache } from './pdf.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs/index.js';

/** Pages per request: small enough to balance readers, large enough to keep messages few. */
const BLOCK = 4;
/** Blocks requested per reader thread ahead of the page being consumed. */
const AHEAD = 2;
/** Fewer pages than this per thread do not repay a thread's start-up (about 0.3 s). */
const MIN_PAGES_PER_THREAD = 16;

export type ReaderRequest =
  | { type: 'open'; doc: number; data: Uint8Array; password?: string }
  | { type: 'read'; doc: number; pages: number[] }
  | { type: 'close'; doc: number };

export type ReaderReply =
  | { type: 'page'; doc: number; page: number; value: Page }
  | { type: 'failed'; doc: number; page: number; name?: string; message: string }
  | { type: 'warning'; doc: number; page?: number; line: string };

export interface ReadPagesOptions {
  /** Threads in all, this one included (default 1). */
  threads?: number;
  /** The password the document opened with, if any. */
  password?: string;
  /** A pdf.js console line printed by a reader thread while reading `page`. */
  onWarning?: (line: string, page: number | undefined) => void;
  /** Called as the consumer starts waiting for page `n` (watchdogs, progress). */
  onStart?: (n: number) => void;
}

export interface PageRead {
  page: Page;
  /** The pdf.js page on this thread's document, opened on demand (to render it for OCR). */
  proxy: () => Promise<PDFPageProxy>;
}

interface Pending {
  promise: Promise<Page>;
  resolve: (p: Page) => void;
  reject: (e: Error) => void;
}

function pending(): Pending {
  let resolve!: (v: Page) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Page>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => {}); // a rejection surfaces when the page is awaited
  return { promise, resolve, reject };
}

/** Where a reader thread's replies for one document go. */
interface Listener {
  slot: (n: number) => Pending;
  onWarning?: ReadPagesOptions['onWarning'];
  /** Pages asked for and not answered yet. */
  owed: Set<number>;
}

let nextDoc = 1;

/**
 * One reader thread. Idle readers wait in `idle` for the next document (kept compiled and warm,
 * and unreferenced, so they never keep the process alive); a reader that dies fails the pages it
 * owes and is not reused.
 */
class Reader {
  private readonly worker: Worker;
  private readonly listeners = new Map<number, Listener>();
  dead = false;

  constructor() {
    this.worker = new Worker(BOOT_URL, { workerData: { entry: workerEntry('load/page-worker').href }, stdout: false, stderr: false });
    this.worker.on('message', (m: ReaderReply) => {
      const l = this.listeners.get(m.doc);
      if (!l) return;
      if (m.type === 'warning') l.onWarning?.(m.line, m.page);
      else {
        l.owed.delete(m.page);
        if (m.type === 'page') l.slot(m.page).resolve(m.value);
        else l.slot(m.page).reject(Object.assign(new Error(m.message), { name: m.name ?? 'Error' }));
      }
    });
    const fail = (e: Error) => {
      this.dead = true;
      for (const l of this.listeners.values()) for (const n of l.owed) l.slot(n).reject(e);
      this.listeners.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`page reader thread stopped (exit code ${code})`)));
  }

  open(data: Uint8Array, password: string | undefined, l: Omit<Listener, 'owed'>): number {
    const doc = nextDoc++;
    this.listeners.set(doc, { ...l, owed: new Set() });
    this.worker.ref();
    const copy = data.slice();
    this.worker.postMessage({ type: 'open', doc, data: copy, password } satisfies ReaderRequest, [copy.buffer]);
    return doc;
  }

  read(doc: number, pages: number[]): void {
    for (const n of pages) this.listeners.get(doc)?.owed.add(n);
    this.worker.postMessage({ type: 'read', doc, pages } satisfies ReaderRequest);
  }

  /** Done with `doc`: pages still being read for it are dropped. */
  close(doc: number): void {
    this.listeners.delete(doc);
    if (this.dead) return;
    this.worker.postMessage({ type: 'close', doc } satisfies ReaderRequest);
    if (!this.listeners.size) this.worker.unref();
  }
}

const idle: Reader[] = [];

function takeReaders(n: number): Reader[] {
  const out: Reader[] = [];
  while (out.length < n) {
    const r = idle.pop();
    if (!r) out.push(new Reader());
    else if (!r.dead) out.push(r);
  }
  return out;
}

/**
 * Pages 1..total of `doc` (opened from `data`), yielded in page order. Each page's pdf.js proxy
 * is released when the consumer takes the next one.
 */
export async function* readPages(doc: PDFDocumentProxy, data: Uint8Array, total: number, o: ReadPagesOptions = {}): AsyncGenerator<PageRead> {
  const blocks = Math.ceil(total / BLOCK);
  const threads = Math.max(1, Math.min(o.threads ?? 1, blocks, Math.floor(total / MIN_PAGES_PER_THREAD)));
  const slots = new Map<number, Pending>();
  const slot = (n: number): Pending => {
    let p = slots.get(n);
    if (!p) slots.set(n, (p = pending()));
    return p;
  };
  // Participant 0 is this thread: its blocks are read when the consumer reaches them.
  const readers = takeReaders(threads - 1).map((reader) => ({ reader, doc: reader.open(data, o.password, { slot, onWarning: o.onWarning }) }));
  const owner = (b: number) => b % threads;
  const request = (b: number) => {
    if (b >= blocks || owner(b) === 0) return;
    const r = readers[owner(b) - 1];
    r.reader.read(r.doc, Array.from({ length: Math.min(BLOCK, total - b * BLOCK) }, (_, i) => b * BLOCK + i + 1));
  };
  for (let b = 0; b < AHEAD * threads; b++) request(b);
  const fonts: FontCache = new Map();
  try {
    for (let n = 1; n <= total; n++) {
      o.onStart?.(n);
      const b = Math.floor((n - 1) / BLOCK);
      let proxy: Promise<PDFPageProxy> | null = null;
      let page: Page;
      if (owner(b) === 0) {
        proxy = doc.getPage(n);
        page = await readPdfPage(await proxy, fonts);
      } else {
        page = await slot(n).promise;
        slots.delete(n);
      }
      if (n % BLOCK === 0 || n === total) request(b + AHEAD * threads);
      yield { page, proxy: () => (proxy ??= doc.getPage(n)) };
      if (proxy) (await proxy).cleanup();
    }
  } finally {
    for (const r of readers) {
      r.reader.close(r.doc);
      if (!r.reader.dead) idle.push(r.reader);
    }
  }
}
