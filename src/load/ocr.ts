/**
 * OCR of PDF pages with a pool of tesseract.js workers, fully offline: the LSTM model comes from
 * @tesseract.js-data/eng in node_modules (never the CDN), nothing is cached to disk, and the wasm
 * core is required from node_modules. Pages render on the main thread while workers recognise,
 * so rendering overlaps OCR. A worker that errors, times out or is aborted is killed and replaced;
 * its page rejects, and nothing ever waits forever.
 */
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { createWorker, OEM } from 'tesseract.js';
import type Tesseract from 'tesseract.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Page } from '../model/page.js';
import { parseHocr, type OcrLine } from './hocr.js';
import { assemblePage, preparePage, type PreparedPage } from './ocr-page.js';
import { OCR_SETTINGS, type OcrSettings } from './ocr-settings.js';
import { rereadLabelled } from './label-reread.js';
import { toPbm } from './raster.js';

export { textLayerUsable, type TextLayerVerdict } from './text-quality.js';

export interface OcrPoolOptions {
  /** Parallel workers (each about 160 MB); default the number of cores. Started only as pages queue up. */
  jobs?: number;
  /** Render resolution for non-scan pages; a scanned page is OCR'd at its own resolution. */
  dpi?: number;
  /** Aborting rejects queued and running pages and kills the workers. */
  signal?: AbortSignal;
  /** Per-page recognition timeout in ms. */
  pageTimeoutMs?: number;
  /** Called when a page is queued or settles. `total` counts the pages queued so far. */
  onProgress?: (done: number, total: number) => void;
  /** tesseract.js worker script, e.g. a wrapper that sandboxes it; default the package's own. */
  workerPath?: string;
  settings?: OcrSettings;
}

interface Slot {
  worker: Tesseract.Worker;
  /** Rejects when the worker reports an error, exits or is killed. */
  failed: Promise<never>;
  fail: (e: Error) => void;
}

interface Job {
  /** The page to render, unless it came rendered. */
  page?: PDFPageProxy;
  number: number;
  /** Rendering started ahead, while a worker was busy recognising the previous page. */
  prepared?: Promise<PreparedPage>;
  resolve: (p: Page) => void;
  reject: (e: unknown) => void;
}

const require = createRequire(import.meta.url);
/** The LSTM-only model (2.9 MB); the package's default export points at the 11 MB legacy one. */
const LANG_PATH = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');

/**
 * Development aid: with REPORT_EXTRACT_HOCR_CACHE=<dir>, recognised hOCR is kept per page image
 * (named by the hash of the exact image and tesseract settings tesseract would read), so re-runs
 * that only change later stages skip recognition. A changed image or setting misses the cache.
 */
const HOCR_CACHE = process.env.REPORT_EXTRACT_HOCR_CACHE;

function hocrKey(pbm: Uint8Array, dpi: number, s: OcrSettings): string {
  return createHash('sha256').update(pbm).update(JSON.stringify([dpi, s.tesseract.psm, s.tesseract.doInvert])).digest('hex').slice(0, 32);
}

async function cachedHocr(key: string): Promise<string | null> {
  if (!HOCR_CACHE) return null;
  return readFile(path.join(HOCR_CACHE, `${key}.hocr`), 'utf8').catch(() => null);
}

async function storeHocr(key: string, hocr: string): Promise<void> {
  if (!HOCR_CACHE) return;
  await mkdir(HOCR_CACHE, { recursive: true });
  const tmp = path.join(HOCR_CACHE, `${key}.${process.pid}.tmp`);
  await writeFile(tmp, hocr);
  await rename(tmp, path.join(HOCR_CACHE, `${key}.hocr`));
}

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));

function timeout(ms: number, what: string): { promise: Promise<never>; clear: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return { promise, clear: () => clearTimeout(timer) };
}

export class OcrPool {
  private readonly queue: Job[] = [];
  private readonly idle: Slot[] = [];
  private readonly busy = new Set<Slot>();
  private live = 0;
  private starting = 0;
  private done = 0;
  private total = 0;
  private closed: Error | null = null;

  private constructor(
    private readonly jobs: number,
    private readonly dpi: number,
    private readonly pageTimeoutMs: number,
    private readonly settings: OcrSettings,
    private readonly workerPath: string | undefined,
    private readonly onProgress: ((done: number, total: number) => void) | undefined,
  ) {}

  /** Starts one worker right away, so a broken installation fails here rather than on page 1. */
  static async create(o: OcrPoolOptions = {}): Promise<OcrPool> {
    const s = o.settings ?? OCR_SETTINGS;
    await access(path.join(LANG_PATH, 'eng.traineddata.gz')).catch(() => {
      throw new Error(`OCR model not found in ${LANG_PATH}: is @tesseract.js-data/eng installed?`);
    });
    const pool = new OcrPool(
      Math.max(1, o.jobs ?? availableParallelism()),
      o.dpi ?? s.render.dpi,
      o.pageTimeoutMs ?? s.tesseract.pageTimeoutMs,
      s,
      o.workerPath,
      o.onProgress,
    );
    if (o.signal) {
      if (o.signal.aborted) throw asError(o.signal.reason ?? new Error('aborted'));
      o.signal.addEventListener('abort', () => pool.shutdown(asError(o.signal?.reason ?? new Error('aborted'))), { once: true });
    }
    pool.live++;
    pool.idle.push(await pool.spawn());
    return pool;
  }

  /**
   * OCR of one page (1-based `pageNumber` is copied into the result). Queued if all workers are
   * busy. The page's decoded resources are released (page.cleanup()) once it is rendered.
   */
  recognizePage(pdfPage: PDFPageProxy, pageNumber: number): Promise<Page> {
    return this.enqueue({ page: pdfPage, number: pageNumber });
  }

  /**
   * Render `pdfPage` now, on the caller's thread, and return the page's recognition as a second
   * promise: the caller may release or close the PDF as soon as the first one settles, while
   * several pages are recognised at once.
   */
  async renderThenRecognize(pdfPage: PDFPageProxy, pageNumber: number): Promise<{ page: Promise<Page> }> {
    const prepared = await preparePage(pdfPage, pageNumber, this.dpi, this.settings);
    return { page: this.enqueue({ number: pageNumber, prepared: Promise.resolve(prepared) }) };
  }

  private enqueue(job: Omit<Job, 'resolve' | 'reject'>): Promise<Page> {
    if (this.closed) return Promise.reject(this.closed);
    this.total++;
    this.onProgress?.(this.done, this.total);
    return new Promise<Page>((resolve, reject) => {
      this.queue.push({ ...job, resolve, reject });
      this.pump();
    });
  }

  /** Rejects pages still queued or running and terminates every worker. */
  async close(): Promise<void> {
    this.shutdown(new Error('OCR pool closed'));
    await Promise.all([...this.idle, ...this.busy].map((s) => s.worker.terminate().catch(() => {})));
    this.idle.length = 0;
  }

  private shutdown(reason: Error): void {
    if (this.closed) return;
    this.closed = reason;
    for (const job of this.queue.splice(0)) job.reject(reason);
    for (const slot of this.busy) slot.fail(reason);
  }

  private async spawn(): Promise<Slot> {
    let fail!: (e: Error) => void;
    const failed = new Promise<never>((_, reject) => {
      fail = reject;
    });
    failed.catch(() => {});
    const t = this.settings.tesseract;
    // createWorker never settles when loading fails; errorHandler is what hears about it.
    const created = createWorker('eng', OEM.LSTM_ONLY, {
      langPath: LANG_PATH,
      gzip: true,
      cacheMethod: 'none',
      errorHandler: (e: unknown) => fail(asError(e)),
      ...(this.workerPath ? { workerPath: this.workerPath } : {}),
    });
    const limit = timeout(t.initTimeoutMs, 'tesseract worker start-up');
    try {
      const worker = await Promise.race([created, failed, limit.promise]);
      // The thread itself dying (uncaught error, killed) must fail the page it was working on.
      const thread = (worker as unknown as { worker?: import('node:worker_threads').Worker }).worker;
      thread?.on('error', (e) => fail(asError(e)));
      thread?.on('exit', (code) => fail(new Error(`tesseract worker exited (code ${code})`)));
      await Promise.race([
        worker.setParameters({
          tessedit_pageseg_mode: t.psm as Tesseract.PSM,
          tessedit_do_invert: t.doInvert ? '1' : '0',
          hocr_char_boxes: '1',
        }),
        failed,
      ]);
      return { worker, failed, fail };
    } finally {
      limit.clear();
    }
  }

  private pump(): void {
    while (this.queue.length && this.idle.length) this.run(this.idle.pop()!, this.queue.shift()!);
    const want = Math.min(this.jobs - this.live, this.queue.length - this.starting);
    for (let i = 0; i < want; i++) this.grow();
  }

  private grow(): void {
    this.live++;
    this.starting++;
    this.spawn().then(
      (slot) => {
        this.starting--;
        if (this.closed) {
          this.live--;
          void slot.worker.terminate().catch(() => {});
          return;
        }
        this.idle.push(slot);
        this.pump();
      },
      (e) => {
        this.starting--;
        this.live--;
        // With no worker left, nothing else will ever take the queued pages.
        if (this.live === 0) for (const job of this.queue.splice(0)) job.reject(asError(e));
      },
    );
  }

  private prepare(job: Job): Promise<PreparedPage> {
    const p = job.page ? preparePage(job.page, job.number, this.dpi, this.settings) : Promise.reject(new Error(`page ${job.number} has nothing to render`));
    p.catch(() => {}); // reported when the job is run
    return p;
  }

  /** Renders the next queued page while workers recognise: at most one page ahead per busy worker. */
  private prefetch(): void {
    const ahead = this.queue.filter((j) => j.prepared).length;
    const next = this.queue.find((j) => !j.prepared);
    if (next && ahead < this.busy.size) next.prepared = this.prepare(next);
  }

  /** tesseract's lines for one PBM image (the hOCR cache first, in development). */
  private async read(slot: Slot, pbm: Uint8Array, dpi: number, page: number): Promise<OcrLine[]> {
    const key = HOCR_CACHE ? hocrKey(pbm, dpi, this.settings) : '';
    const hit = HOCR_CACHE ? await cachedHocr(key) : null;
    if (hit !== null) return parseHocr(hit);
    const image = Buffer.from(pbm.buffer, pbm.byteOffset, pbm.byteLength);
    const limit = timeout(this.pageTimeoutMs, `OCR of page ${page}`);
    try {
      const recognised = slot.worker.recognize(image, { user_defined_dpi: String(dpi) } as Partial<Tesseract.RecognizeOptions>, { hocr: true, text: false });
      this.prefetch();
      const { data } = await Promise.race([recognised, slot.failed, limit.promise]);
      if (HOCR_CACHE) await storeHocr(key, data.hocr ?? '');
      return parseHocr(data.hocr ?? '');
    } finally {
      limit.clear();
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    this.busy.add(slot);
    let healthy = true;
    try {
      const prepared = await (job.prepared ??= this.prepare(job));
      let lines: OcrLine[] = [];
      if (prepared.pbm && prepared.box) {
        healthy = false;
        const reading = this.read(slot, prepared.pbm, prepared.dpi, job.number);
        reading.catch(() => {}); // awaited below
        // While the worker reads: the pixel work only the layout needs (the image is posted first).
        await new Promise(setImmediate);
        prepared.shading();
        lines = await reading;
        const origin = { x: prepared.box.x0, y: prepared.box.y0 };
        lines = await rereadLabelled(lines, prepared.bin, origin, (image) => this.read(slot, toPbm(image), prepared.dpi, job.number), this.settings);
        healthy = true;
      }
      job.resolve(assemblePage(prepared, lines, this.settings));
    } catch (e) {
      job.reject(asError(e));
    } finally {
      this.busy.delete(slot);
      this.done++;
      this.onProgress?.(this.done, this.total);
      if (healthy && !this.closed) this.idle.push(slot);
      else {
        this.live--;
        void slot.worker.terminate().catch(() => {});
      }
      this.pump();
    }
  }
}
