/**
 * A document's pages read by several threads at once (pdf.js is single-threaded and is most of a
 * run's time). Blocks of pages take turns between this thread and the reader threads, so all
 * read at once; a block is sent to its reader once the reader is ready and holds fewer than two,
 * and a block still unsent when the consumer reaches it (its reader is starting up) is read here,
 * so a slow start costs nothing. Pages come back in page order; no block is sent further than a
 * few blocks ahead of the consumer, so memory stays flat however long the document. With one
 * thread, or a document too short to repay starting a reader (MIN_PAGES_PER_NEW_THREAD), no
 * thread is started; readers are started once the page count is known, and end with the document.
 */
import { Worker } from 'node:worker_threads';
import type { Page } from '../model/page.js';
import { BOOT_URL, workerEntry } from '../threads/entry.js';
import { readPdfPage, type FontCache } from './pdf.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs/index.js';

/** Pages per request: small enough to balance readers, large enough to keep messages few. */
const BLOCK = 4;
/** Blocks a reader holds at once, and blocks per thread handed out ahead of the consumer. */
const IN_HAND = 2;
const AHEAD = 2;
/** Fewer pages than this per thread do not repay handing them over to a reader already running. */
const MIN_PAGES_PER_THREAD = 16;
/**
 * A reader started for a document loads pdf.js first (about 0.65 s of CPU, half a second before
 * it reads a page) while this thread reads about 200 pages a second: below this many pages per
 * new reader, the wall time it saves is small next to the CPU it costs (on a busy machine, a
 * loss), so a short document is read here alone.
 */
export const MIN_PAGES_PER_NEW_THREAD = 300;

export type ReaderRequest =
  | { type: 'open'; doc: number; data: Uint8Array; password?: string }
  | { type: 'read'; doc: number; pages: number[] };

export type ReaderReply =
  | { type: 'ready'; doc: 0 }
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
  /** Pages each reader that has to be started for this document must have (default MIN_PAGES_PER_NEW_THREAD). */
  minPagesPerNewThread?: number;
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
  /** A page of the document was answered (read or failed). */
  onAnswer?: (n: number) => void;
  onWarning?: ReadPagesOptions['onWarning'];
  /** Pages asked for and not answered yet. */
  owed: Set<number>;
}

let nextDoc = 1;

/**
 * One reader thread, for one document. Readers started ahead (prepareReaders) wait in `idle`,
 * compiled and warm, and unreferenced, so they never keep the process alive; a reader that dies
 * fails the pages it owes.
 */
class Reader {
  private readonly worker: Worker;
  private readonly listeners = new Map<number, Listener>();
  dead = false;
  /** Started up (pdf.js loaded): blocks handed to it are read at once. */
  ready = false;
  onReady?: () => void;

  constructor() {
    this.worker = new Worker(BOOT_URL, { workerData: { entry: workerEntry('load/page-worker').href }, stdout: false, stderr: false });
    this.worker.on('message', (m: ReaderReply) => {
      if (m.type === 'ready') {
        this.ready = true;
        this.onReady?.();
        return;
      }
      const l = this.listeners.get(m.doc);
      if (!l) return;
      if (m.type === 'warning') l.onWarning?.(m.line, m.page);
      else {
        l.owed.delete(m.page);
        if (m.type === 'page') l.slot(m.page).resolve(m.value);
        else l.slot(m.page).reject(Object.assign(new Error(m.message), { name: m.name ?? 'Error' }));
        l.onAnswer?.(m.page);
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

  /** Pages asked for and not answered yet, over all documents. */
  get busy(): number {
    let n = 0;
    for (const l of this.listeners.values()) n += l.owed.size;
    return n;
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

  /** Ends the thread; pages still owed are dropped (nobody waits for them once their document is done). */
  stop(): void {
    this.listeners.clear();
    this.onReady = undefined;
    this.dead = true;
    void this.worker.terminate();
  }
}

const idle: Reader[] = [];

/**
 * Start reader threads ahead of use (a long-lived process about to read documents), resolved
 * when `count` idle readers have loaded pdf.js.
 */
export async function prepareReaders(count: number): Promise<void> {
  const live = idle.filter((r) => !r.dead);
  while (live.length < count) {
    const r = new Reader();
    idle.push(r);
    live.push(r);
  }
  await Promise.all(
    live.map((r) =>
      r.ready
        ? undefined
        : new Promise<void>((resolve) => {
            r.onReady = resolve;
          }),
    ),
  );
  for (const r of live) r.onReady = undefined;
}

/** Readers already started (idle, alive): they cost nothing more to use. */
const started = (): number => idle.filter((r) => !r.dead).length;

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
  const wanted = Math.max(1, Math.min(o.threads ?? 1, blocks, Math.floor(total / MIN_PAGES_PER_THREAD)));
  // Readers already running are used; new ones only for a document long enough to repay them.
  const warm = Math.min(wanted - 1, started());
  const fresh = Math.max(0, Math.min(wanted - 1 - warm, Math.floor(total / (o.minPagesPerNewThread ?? MIN_PAGES_PER_NEW_THREAD)) - warm));
  const threads = 1 + warm + fresh;
  const slots = new Map<number, Pending>();
  const slot = (n: number): Pending => {
    let p = slots.get(n);
    if (!p) slots.set(n, (p = pending()));
    return p;
  };
  const pagesOf = (b: number) => Array.from({ length: Math.min(BLOCK, total - b * BLOCK) }, (_, i) => b * BLOCK + i + 1);
  // Block b is meant for participant b % threads (0: this thread), so all threads read in step;
  // a block still unsent when the consumer reaches it (its reader is starting up) is read here.
  const sent = new Uint8Array(blocks); // 0 unsent, 1 read here, 2 sent to its reader
  let consumer = 0; // the block the consumer is in
  type Slot = { reader: Reader; doc: number; index: number };
  /** Send `r` its blocks in the window ahead of the consumer, while it holds fewer than IN_HAND. */
  const feed = (r: Slot): void => {
    if (!r.reader.ready || r.reader.dead) return;
    const end = Math.min(blocks, consumer + AHEAD * threads);
    for (let b = consumer; b < end && r.reader.busy < IN_HAND * BLOCK; b++) {
      if (b % threads !== r.index || sent[b]) continue;
      sent[b] = 2;
      r.reader.read(r.doc, pagesOf(b));
    }
  };
  const readers: Slot[] = takeReaders(threads - 1).map((reader, i) => {
    const r: Slot = { reader, doc: 0, index: i + 1 };
    r.doc = reader.open(data, o.password, { slot, onWarning: o.onWarning, onAnswer: () => feed(r) });
    reader.onReady = () => feed(r);
    return r;
  });
  readers.forEach(feed);
  const fonts: FontCache = new Map();
  try {
    for (let n = 1; n <= total; n++) {
      o.onStart?.(n);
      const b = Math.floor((n - 1) / BLOCK);
      if (!sent[b]) sent[b] = 1;
      let proxy: Promise<PDFPageProxy> | null = null;
      let page: Page;
      if (sent[b] === 1) {
        proxy = doc.getPage(n);
        page = await readPdfPage(await proxy, fonts);
      } else {
        page = await slot(n).promise;
        slots.delete(n);
      }
      if (n % BLOCK === 0 || n === total) {
        // pdf.js on this thread works in microtasks only, which keep the readers' messages out
        // (ready, pages read): let them in, or a reader that gets ready while this thread reads
        // is never fed, and one that has read its blocks waits until the consumer reaches them.
        if (readers.length) await new Promise<void>((resolve) => setImmediate(resolve));
        consumer = b + 1;
        readers.forEach(feed);
      }
      yield { page, proxy: () => (proxy ??= doc.getPage(n)) };
      if (proxy) (await proxy).cleanup();
    }
  } finally {
    // A reader's heap (tens of MB once it has read a long document's pages) would stay with the
    // process through the structure and writing stages, where its peak memory is reached: it goes.
    for (const r of readers) r.reader.stop();
  }
}
