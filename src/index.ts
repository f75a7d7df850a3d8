/**
 * The library: `import { extract, extractMany, score, diff } from 'report-extract'`.
 *
 * - `extract(input, options)` reads one PDF or text dump (a path, or its bytes) in this thread and
 *   returns the document: the same records as the CSV files, typed by the zod schemas.
 * - `extractMany(inputs, options)` reads files, folders and globs as the command line does — in
 *   parallel worker threads, each page under a time limit — and yields each document as it is done.
 * - `score` compares a document (or an output folder) with a gold file; `diff` compares two.
 *
 * Failures are ExtractError subclasses carrying the command line's codes. Nothing here writes to
 * stdout or exits the process.
 */
import { availableParallelism } from 'node:os';
import { DEFAULTS } from './cli/extract.js';
import { toFailure } from './cli/errors.js';
import { prepareInputs } from './cli/inputs.js';
import { runPool, type Outcome, type PoolJob } from './cli/pool.js';
import { parseShard } from './cli/shard.js';
import { reportJson } from './export/json.js';
import { diffOutputs, type DiffInput, type DiffReport } from './evaluate/diff.js';
import { loadGold, parseGold, type Gold } from './evaluate/gold.js';
import { readOutput } from './evaluate/read-output.js';
import { readDiffInput } from './evaluate/diff.js';
import { scoreDocument, type ScoreOptions, type ScoreReport } from './evaluate/score.js';
import type { ExtractedDocument } from './model/document.js';
import { extractData, extractFile, type PageProgress } from './pipeline.js';
import { errorFor, type ExtractError } from './library/errors.js';

export * from './library/errors.js';
export {
  BlockSchema,
  BoxSchema,
  CellSchema,
  CheckSchema,
  DocumentRowSchema,
  FootnoteSchema,
  HeadingSchema,
  ParagraphSchema,
  TableSchema,
  type Block,
  type BoxRecord,
  type CellRecord,
  type CheckRecord,
  type Footnote,
  type Heading,
  type Paragraph,
  type TableRecord,
} from './validate/schemas.js';
export type { DocumentMetadata, ExtractedTable, PageInfo, Unclassified } from './model/document.js';
export type { PageProgress } from './pipeline.js';
export type { DiffReport } from './evaluate/diff.js';
export type { ScoreReport } from './evaluate/score.js';
export type { Gold } from './evaluate/gold.js';

/** An extracted document: metadata, every record, the checks (see the README's output contract). */
export type ReportDocument = ExtractedDocument;

/** The command line's extract flags, as options. */
export interface ExtractOptions {
  /** Built-in profile name or a profile file (--profile); detected when absent. */
  profile?: string;
  /** Password of an encrypted PDF (--password). */
  password?: string;
  /** OCR of pages without a usable text layer (--ocr): auto (default), always, never. */
  ocr?: 'auto' | 'always' | 'never';
  /** Refuse documents with more pages (--max-pages); default: no limit. */
  maxPages?: number;
  /** Threads that read and OCR one document's pages (--threads); default 1. */
  threads?: number;
  /** Called as pages are read and OCR'd. */
  onProgress?: (progress: PageProgress) => void;
}

export interface ExtractOneOptions extends ExtractOptions {
  /** The document's id; default: the file name without its extension. */
  docId?: string;
  /** For bytes: a file name whose extension says what they should be ('report.pdf'); default 'input'. */
  name?: string;
}

/** Extract one document from a file path or its bytes. Throws an ExtractError subclass on failure. */
export async function extract(input: string | Uint8Array, options: ExtractOneOptions = {}): Promise<ReportDocument> {
  const { name, ...opts } = options;
  const file = typeof input === 'string' ? input : (name ?? 'input');
  try {
    return typeof input === 'string' ? await extractFile(input, opts) : await extractData(file, input, { ...opts, docId: opts.docId ?? docIdOf(file) });
  } catch (e) {
    throw errorFor(file, toFailure(e), e);
  }
}

const docIdOf = (name: string): string => name.replace(/^.*[/\\]/, '').replace(/\.[^.]+$/, '') || 'document';

export interface ExtractManyOptions extends Omit<ExtractOptions, 'onProgress'> {
  /** Documents extracted in parallel (--jobs); default: the number of CPUs. */
  jobs?: number;
  /** Give up on a document when opening it or reading a page takes longer (--page-timeout), in seconds; 0: no limit. Default 60. */
  pageTimeout?: number;
  /** Only shard K of N of the inputs (--shard), as 'K/N'. */
  shard?: string;
  /** Called as each document's pages are read and OCR'd. */
  onProgress?: (progress: PageProgress & { file: string }) => void;
}

/** One input's outcome: its document, or why it failed. */
export type ExtractResult = { file: string; docId: string; document: ReportDocument; error?: undefined } | { file: string; docId?: string; document?: undefined; error: ExtractError };

/**
 * Extract files, folders (their .pdf and .txt files) and glob patterns, in parallel worker threads,
 * yielding each input's result as it finishes (in any order); one failure never stops the others.
 * Doc-ids are those the command line gives. Leaving the loop early stops the workers.
 */
export async function* extractMany(inputs: string | string[], options: ExtractManyOptions = {}): AsyncGenerator<ExtractResult, void, undefined> {
  const { inputs: planned } = await prepareInputs(typeof inputs === 'string' ? [inputs] : inputs, options.shard ? parseShard(options.shard) : undefined);
  for (const i of planned) if (i.error) yield { file: i.file, docId: i.docId, error: errorFor(i.file, i.error) };
  const todo = planned.filter((i) => !i.error);
  if (!todo.length) return;
  const jobsWanted = options.jobs ?? availableParallelism();
  const threads = options.threads ?? Math.max(1, Math.floor(availableParallelism() / Math.min(jobsWanted, todo.length)));
  const jobs: PoolJob[] = todo.map((i, index) => ({
    index,
    file: i.file,
    opts: { docId: i.docId, profile: options.profile, password: options.password, ocr: options.ocr, maxPages: options.maxPages, threads } as PoolJob['opts'],
    out: '',
    formats: [],
    returnDocument: true,
  }));
  // Results wait in a queue until the caller asks for them.
  const queue: ExtractResult[] = [];
  let wake: (() => void) | null = null;
  const push = (r: ExtractResult) => {
    queue.push(r);
    wake?.();
  };
  const abort = new AbortController();
  const pageTimeoutMs = Math.round((options.pageTimeout ?? DEFAULTS.pageTimeoutSeconds) * 1000);
  let error: unknown = null;
  const running = runPool(jobs, jobsWanted, { pageTimeoutMs, heapMb: DEFAULTS.heapMb }, {
    signal: abort.signal,
    onProgress: options.onProgress && ((job, p) => options.onProgress!({ ...p, file: job.file })),
    onOutcome: (job: PoolJob, o: Outcome) => {
      if (abort.signal.aborted) return;
      const docId = job.opts.docId!;
      push(o.ok ? { file: job.file, docId, document: o.doc! } : { file: job.file, docId, error: errorFor(job.file, o.failure) });
    },
  }).then(
    () => push(DONE),
    (e: unknown) => {
      error = e;
      push(DONE);
    },
  );
  try {
    for (;;) {
      if (!queue.length) await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
      const r = queue.shift()!;
      if (r === DONE) break;
      yield r;
    }
    if (error) throw error;
  } finally {
    abort.abort();
    await running;
  }
}

const DONE = { file: '', error: null } as unknown as ExtractResult;

/** A document as the evaluators read an output folder. */
function asOutput(doc: ReportDocument): DiffInput {
  return {
    dir: doc.docId,
    paragraphs: doc.paragraphs,
    headings: doc.headings,
    footnotes: doc.footnotes,
    blocks: doc.blocks,
    tables: doc.tables.map((t) => ({ record: t.record, grid: t.grid })),
    cells: doc.tables.flatMap((t) => t.cells),
    // As report.json holds it (written as JSON, so undefined fields are gone).
    report: JSON.parse(JSON.stringify(reportJson(doc, false))) as Record<string, unknown>,
  };
}

/** Score a document, or an output folder, against a gold file (a path or its parsed content). */
export async function score(output: ReportDocument | string, gold: Gold | string, options: ScoreOptions = {}): Promise<ScoreReport> {
  const [out, g] = await Promise.all([typeof output === 'string' ? readOutput(output) : asOutput(output), typeof gold === 'string' ? loadGold(gold) : parseGold(gold)]);
  return scoreDocument(out, g, options, typeof gold === 'string' ? gold : '');
}

/** Compare two documents (or output folders) record by record. */
export async function diff(a: ReportDocument | string, b: ReportDocument | string): Promise<DiffReport> {
  const read = (x: ReportDocument | string) => (typeof x === 'string' ? readDiffInput(x) : asOutput(x));
  const [left, right] = await Promise.all([read(a), read(b)]);
  return diffOutputs(left, right);
}
