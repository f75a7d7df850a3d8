/**
 * Documents in parallel: a fixed number of worker threads (--jobs), each extracting and writing
 * one document at a time. The main thread is the watchdog: every stage a worker reports (opening
 * the file, each page, the structure stage, writing) must end within its limit, or the worker is
 * terminated — which stops even a pdf.js loop that never yields — its half-written folders are
 * removed, and the document fails with a message naming the page. A worker that runs out of
 * memory or dies is replaced; the batch goes on.
 */
import { BOOT_URL, workerEntry } from '../threads/entry.js';
import { Worker } from 'node:worker_threads';
import { TempRegistry } from '../export/folders.js';
import type { ExtractedDocument } from '../model/document.js';
import type { PageProgress } from '../pipeline.js';
import type { Failure } from './errors.js';
import type { DocStats, JobMessage, Stage, WorkerMessage } from './worker.js';

export interface PoolLimits {
  /** Time limit for opening a document and for each page, in ms (0: none). */
  pageTimeoutMs: number;
  /** V8 heap limit per worker, in MB. */
  heapMb: number;
}

export interface PoolJob {
  index: number;
  file: string;
  opts: JobMessage['opts'];
  out: string;
  formats: JobMessage['formats'];
  returnDocument?: boolean;
  renamed?: string;
}

/** `doc`: the document itself, when the job asked for it (returnDocument). */
export type Outcome = { ok: true; stats: DocStats; doc?: ExtractedDocument } | { ok: false; failure: Failure };

export type StageListener = (job: PoolJob, stage: Stage, page?: number, total?: number) => void;
export type ProgressListener = (job: PoolJob, progress: PageProgress) => void;

const bootUrl = BOOT_URL;
const entryUrl = workerEntry('cli/worker');

const secs = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** Temporary folders of writes in progress in any worker, with the job that owns each. */
const temps = new TempRegistry();
const tempOwner = new Map<string, number>();

/** One worker thread, started lazily and replaced after a timeout or a crash. */
class Slot {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;

  constructor(
    private readonly limits: PoolLimits,
    private readonly debug: boolean,
  ) {}

  private start(): Promise<void> {
    const w = new Worker(bootUrl, {
      // Its page readers start once a document's page count shows they will pay (load/pdf-parallel.ts).
      workerData: { entry: entryUrl.href, debug: this.debug },
      resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb },
      stdout: false,
      stderr: false,
    });
    this.worker = w;
    // Errors are handled per job (run); this keeps a late one from crashing the process.
    w.on('error', () => {});
    this.ready = new Promise<void>((resolve, reject) => {
      const onMsg = (m: WorkerMessage) => {
        if (m.type === 'ready') {
          w.off('message', onMsg);
          resolve();
        }
      };
      w.on('message', onMsg);
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`the worker exited while starting (exit code ${code})`)));
    });
    return this.ready;
  }

  async run(job: PoolJob, listen: Listeners): Promise<Outcome> {
    const { onStage, onStart, onProgress } = listen;
    try {
      if (!this.worker) await this.start();
      else await this.ready;
      onStart?.(job);
    } catch (e) {
      await this.kill();
      return { ok: false, failure: { code: 'internal', message: `internal error: the extraction worker did not start (${(e as Error).message})`, stack: (e as Error).stack } };
    }
    const w = this.worker!;
    const outcome = await new Promise<{ o: Outcome; dead: boolean }>((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      let where = 'reading the file';
      let settled = false;
      const finish = (o: Outcome, dead = false) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        w.off('message', onMsg);
        w.off('error', onError);
        w.off('exit', onExit);
        resolve({ o, dead });
      };
      const arm = (ms: number, what: string) => {
        clearTimeout(timer);
        where = what;
        if (ms > 0) {
          timer = setTimeout(() => {
            finish({ ok: false, failure: { code: 'timeout', message: `${what} took longer than ${secs(ms)} (--page-timeout); gave up`, page: pageOf(what) } }, true);
          }, ms);
        }
      };
      const limit = this.limits.pageTimeoutMs;
      let pages = 0;
      const onMsg = (m: WorkerMessage) => {
        if (m.type === 'ready' || m.id !== job.index) return;
        if (m.type === 'temp') {
          if (m.active) {
            temps.add(m.folder, m.restoreAs);
            tempOwner.set(m.folder, job.index);
          } else {
            temps.remove(m.folder);
            tempOwner.delete(m.folder);
          }
        } else if (m.type === 'stage') {
          pages = m.total ?? pages;
          if (m.stage === 'open') arm(limit, 'opening the PDF');
          else if (m.stage === 'page') arm(limit, `page ${m.page} of ${m.total}`);
          // Whole-document stages grow with the document: their limit scales with its length.
          else arm(limit * Math.max(1, Math.ceil(pages / 20)), m.stage === 'write' ? 'writing the output' : 'the structure stage');
          onStage?.(job, m.stage, m.page, m.total);
        } else if (m.type === 'progress') onProgress?.(job, m.progress);
        else if (m.type === 'done') finish({ ok: true, stats: m.stats, doc: m.doc });
        else if (m.type === 'failed') finish({ ok: false, failure: m.failure });
      };
      const onError = (e: Error & { code?: string }) => {
        if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          finish({ ok: false, failure: { code: 'out-of-memory', message: `ran out of memory while ${where} (limit ${this.limits.heapMb} MB per document)`, stack: e.stack } }, true);
        } else finish({ ok: false, failure: { code: 'internal', message: `internal error while ${where}: ${String(e.message).split('\n')[0]}`, stack: e.stack } }, true);
      };
      const onExit = (code: number) => {
        finish({ ok: false, failure: { code: 'internal', message: `internal error: the extraction worker stopped while ${where} (exit code ${code})` } }, true);
      };
      w.on('message', onMsg);
      w.on('error', onError);
      w.on('exit', onExit);
      arm(limit, 'reading the file');
      const progress = Boolean(onProgress);
      w.postMessage({ type: 'job', id: job.index, file: job.file, opts: job.opts, out: job.out, formats: job.formats, returnDocument: job.returnDocument, renamed: job.renamed, progress } satisfies JobMessage);
    });
    if (outcome.dead) {
      // Stopped mid-job: undo whatever it was writing.
      await this.kill();
      removeTemps((owner) => owner === job.index);
    }
    return outcome.o;
  }

  async kill(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) await w.terminate().catch(() => {});
  }
}

function removeTemps(owned: (job: number) => boolean): void {
  temps.removeAll((folder) => {
    const owner = tempOwner.get(folder);
    if (owner === undefined || !owned(owner)) return false;
    tempOwner.delete(folder);
    return true;
  });
}

function pageOf(what: string): number | undefined {
  const m = /^page (\d+)/.exec(what);
  return m ? Number(m[1]) : undefined;
}

const activeSlots = new Set<Slot>();

interface Listeners {
  onStage?: StageListener;
  onProgress?: ProgressListener;
  /** A worker is ready and the job is sent to it (the document's clock starts). */
  onStart?: (job: PoolJob) => void;
}

/**
 * Run `jobs` on `size` workers. `onOutcome` is called as each document finishes (in any order);
 * jobs start in input order.
 */
export async function runPool(
  jobs: PoolJob[],
  size: number,
  limits: PoolLimits,
  opts: Listeners & {
    debug?: boolean;
    /** Stop: no further job starts, and the running ones are stopped (their outcome: a failure). */
    signal?: AbortSignal;
    onOutcome: (job: PoolJob, o: Outcome) => void | Promise<void>;
  },
): Promise<void> {
  let next = 0;
  const slots = Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, () => new Slot(limits, Boolean(opts.debug)));
  for (const s of slots) activeSlots.add(s);
  const stop = () => void Promise.all(slots.map((s) => s.kill()));
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    await Promise.all(
      slots.map(async (slot) => {
        while (next < jobs.length && !opts.signal?.aborted) {
          const job = jobs[next++];
          await opts.onOutcome(job, await slot.run(job, opts));
        }
        await slot.kill();
      }),
    );
  } finally {
    opts.signal?.removeEventListener('abort', stop);
    await Promise.all(slots.map((s) => s.kill()));
    for (const s of slots) activeSlots.delete(s);
  }
}

/** Stop every worker and undo their unfinished writes (on SIGINT / SIGTERM). */
export async function stopAll(): Promise<void> {
  await Promise.all([...activeSlots].map((s) => s.kill()));
  removeTemps(() => true);
}
