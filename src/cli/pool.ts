/**
 * Documents in parallel: a fixed number of worker threads (--jobs), each extracting one document
 * at a time. The main thread is the watchdog: every stage the worker reports (opening the file,
 * each page, the structure stage) must end within its limit, or the worker is terminated — which
 * stops even a pdf.js loop that never yields — and the document fails with a message naming the
 * page. A worker that runs out of memory or dies is replaced; the batch goes on.
 */
import { Worker } from 'node:worker_threads';
import type { ExtractedDocument } from '../model/document.js';
import type { Failure } from './errors.js';
import type { JobMessage, WorkerMessage } from './worker.js';

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
}

export type Outcome = { ok: true; doc: ExtractedDocument } | { ok: false; failure: Failure };

export type StageListener = (job: PoolJob, stage: 'open' | 'page' | 'structure', page?: number, total?: number) => void;

const bootUrl = new URL('./worker-boot.mjs', import.meta.url);
const entryUrl = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url);

const secs = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

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
          w.off('error', reject);
          resolve();
        }
      };
      w.on('message', onMsg);
      w.once('error', reject);
      w.once('exit', (code) => reject(new Error(`the worker exited while starting (exit code ${code})`)));
    });
    return this.ready;
  }

  async run(job: PoolJob, onStage?: StageListener, onStart?: (job: PoolJob) => void): Promise<Outcome> {
    try {
      if (!this.worker) await this.start();
      else await this.ready;
      onStart?.(job);
    } catch (e) {
      this.kill();
      return { ok: false, failure: { code: 'internal', message: `internal error: the extraction worker did not start (${(e as Error).message})`, stack: (e as Error).stack } };
    }
    const w = this.worker!;
    return new Promise<Outcome>((resolve) => {
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
        if (dead) this.kill();
        resolve(o);
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
        if (m.type === 'stage') {
          if (m.stage === 'open') arm(limit, 'opening the PDF');
          else if (m.stage === 'page') {
            pages = m.total ?? pages;
            arm(limit, `page ${m.page} of ${m.total}`);
          } else {
            pages = m.total ?? pages;
            // Cross-page stages grow with the document: the limit scales with its length.
            arm(limit * Math.max(1, Math.ceil(pages / 20)), 'the structure stage');
          }
          onStage?.(job, m.stage, m.page, m.total);
        } else if (m.type === 'done') finish({ ok: true, doc: m.doc });
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
      w.postMessage({ type: 'job', id: job.index, file: job.file, opts: job.opts } satisfies JobMessage);
    });
  }

  kill(): void {
    const w = this.worker;
    this.worker = null;
    this.ready = null;
    if (w) void w.terminate();
  }
}

function pageOf(what: string): number | undefined {
  const m = /^page (\d+)/.exec(what);
  return m ? Number(m[1]) : undefined;
}

/**
 * Run `jobs` on `size` workers. `onOutcome` is awaited before that worker takes the next job (it
 * writes the output). Jobs start in order; outcomes arrive as documents finish.
 */
export async function runPool(
  jobs: PoolJob[],
  size: number,
  limits: PoolLimits,
  opts: {
    debug?: boolean;
    onStage?: StageListener;
    /** A worker is ready and the job is sent to it (the document's clock starts). */
    onStart?: (job: PoolJob) => void;
    onOutcome: (job: PoolJob, o: Outcome) => Promise<void> },
): Promise<void> {
  let next = 0;
  const slots = Array.from({ length: Math.max(1, Math.min(size, jobs.length)) }, () => new Slot(limits, Boolean(opts.debug)));
  activeSlots.push(...slots);
  try {
    await Promise.all(
      slots.map(async (slot) => {
        while (next < jobs.length) {
          const job = jobs[next++];
          const o = await slot.run(job, opts.onStage, opts.onStart);
          await opts.onOutcome(job, o);
        }
        slot.kill();
      }),
    );
  } finally {
    for (const s of slots) s.kill();
    activeSlots.splice(0, activeSlots.length, ...activeSlots.filter((s) => !slots.includes(s)));
  }
}

const activeSlots: Slot[] = [];

/** Stop every worker now (on SIGINT). */
export function killAllWorkers(): void {
  for (const s of activeSlots) s.kill();
}
