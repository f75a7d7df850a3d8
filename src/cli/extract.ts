/**
 * `report-extract extract <input...>`: expand the inputs, extract them in parallel worker threads
 * (each page under a time limit), write each document's folder atomically, print one line per
 * failure and a summary table. One bad input never stops the others.
 */
import { writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkWritable, removeStaleTemps } from '../export/folders.js';
import { EXIT, failureLine, fsProblem, OutputError, UsageError, type Failure } from './errors.js';
import { prepareInputs } from './inputs.js';
import { runPool, type Outcome, type PoolJob } from './pool.js';
import { Progress } from './progress.js';
import { parseShard, type Shard } from './shard.js';
import { formatSummary, type SummaryRow } from './summary.js';

export const DEFAULTS = {
  out: 'output',
  pageTimeoutSeconds: 60,
  maxPages: 5000,
  /**
   * Heap limit of a document's worker. Below 2 GiB, V8 lets a heap grow to about twice what it
   * held after its last full collection before it collects again; from 2 GiB, to four times
   * (heap-controller.cc, MaxGrowingFactor). Just below, a 1,000-page document peaks some 25 MB
   * lower for the same CPU time; its live heap is ~150 MB, so 5,000 pages (--max-pages) still fit.
   */
  heapMb: 2047,
};

export const EXTRACT_USAGE = `Usage: report-extract extract <input...> [options]

Extracts numbered paragraphs, headings, footnotes, boxes, lists and tables from reports.
Inputs are .pdf files or .txt text dumps, folders (searched recursively for .pdf and .txt files)
and glob patterns (quote them: 'reports/**/*.pdf'). Each document is written to DIR/<doc-id>/,
where <doc-id> is the file name without its extension; when two inputs share one, the later gets
the extension appended (report.txt after report.pdf -> report-txt).

Options:
  -o, --out DIR           output folder (default: ${DEFAULTS.out})
  --format LIST           csv,json (default), sqlite, or any of them (csv,json,sqlite); a
                          document's folder (with report.json) is written for csv or json
  --db FILE               the SQLite database of --format sqlite (default: DIR/reports.sqlite;
                          implies sqlite): every document in one database, each replaced as a
                          whole in one transaction
  --ocr MODE              auto (default): OCR pages without a text layer; always; never
  --password PW           password for encrypted PDFs (an empty user password needs none)
  --profile NAME|FILE     report-family profile (default: detected)
  -j, --jobs N            documents extracted in parallel (default: the number of CPUs, ${availableParallelism()})
  --threads N             threads each document uses to read and OCR its pages (default: the
                          CPUs left per document, at least 1)
  --page-timeout S        give up on a document when opening it or reading one page takes longer
                          than S seconds (default: ${DEFAULTS.pageTimeoutSeconds}; 0: no limit)
  --max-pages N           refuse documents with more than N pages (default: ${DEFAULTS.maxPages}; 0: no limit)
  --summary FILE          also write the summary as JSON to FILE (one entry per input)
  --shard K/N             extract only shard K of N (1 <= K <= N): the inputs whose path, relative
                          to the folder or pattern given, hashes to K; N machines running shards
                          1/N ... N/N together extract every input once, with the same doc-ids
  -q, --quiet             print failures only: no progress bar, notes or summary table
  --debug                 print stack traces and library messages
  -h, --help              show this help

Output: on stderr, when it is a terminal, a progress bar per document (pages, then OCR pages with
the time left); one line per failed input
("error: <file>: <problem>"), and a summary table at the end. Nothing goes to stdout.

Exit codes:
  0  every input was extracted (validation warnings included)
  1  at least one input failed; every other input was still extracted
  2  usage error (unknown option, bad value, no input); nothing was read
  3  the output folder cannot be written; nothing was read
  130  interrupted; unfinished output folders were removed`;

type Format = 'csv' | 'json' | 'sqlite';

interface ExtractSettings {
  out: string;
  formats: Format[];
  /** The database of the sqlite format. */
  db?: string;
  ocr: 'auto' | 'always' | 'never';
  password?: string;
  profile?: string;
  jobs: number;
  /** Page threads per document; default: the cores left per document. */
  threads?: number;
  pageTimeoutMs: number;
  maxPages: number;
  quiet: boolean;
  debug: boolean;
  summary?: string;
  shard?: Shard;
}

function positiveInt(name: string, v: string | undefined, def: number, allowZero: boolean): number {
  if (v === undefined) return def;
  if (!/^\d+$/.test(v.trim()) || (!allowZero && Number(v) === 0)) throw new UsageError(`extract: --${name} must be a whole number${allowZero ? ' (0: no limit)' : ' of at least 1'}, not "${v}"`);
  return Number(v);
}

function parseSettings(argv: string[]): { settings: ExtractSettings; inputs: string[]; help: boolean } {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', short: 'o', default: DEFAULTS.out },
      format: { type: 'string', default: 'csv,json' },
      db: { type: 'string' },
      profile: { type: 'string' },
      password: { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      jobs: { type: 'string', short: 'j' },
      threads: { type: 'string' },
      'page-timeout': { type: 'string' },
      'max-pages': { type: 'string' },
      summary: { type: 'string' },
      shard: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const formats = values.format.split(',').map((f) => f.trim()) as Format[];
  if (values.db !== undefined && !formats.includes('sqlite')) formats.push('sqlite');
  if (!values.help) {
    if (formats.some((f) => !['csv', 'json', 'sqlite'].includes(f))) throw new UsageError(`extract: unknown format in --format ${values.format} (use csv, json, sqlite or a list such as csv,json)`);
    if (values.db !== undefined && !values.db.trim()) throw new UsageError('extract: --db must name a file');
    if (!['auto', 'always', 'never'].includes(values.ocr)) throw new UsageError(`extract: --ocr must be auto, always or never, not "${values.ocr}"`);
    if (!values.out.trim()) throw new UsageError('extract: --out must name a folder');
  }
  const timeout = values['page-timeout'];
  if (timeout !== undefined && !(/^\d+(\.\d+)?$/.test(timeout.trim()) && Number(timeout) >= 0)) {
    throw new UsageError(`extract: --page-timeout must be a number of seconds (0: no limit), not "${timeout}"`);
  }
  return {
    help: values.help,
    inputs: positionals,
    settings: {
      out: values.out,
      formats,
      db: formats.includes('sqlite') ? (values.db ?? path.join(values.out, 'reports.sqlite')) : undefined,
      ocr: values.ocr as ExtractSettings['ocr'],
      password: values.password,
      profile: values.profile,
      jobs: positiveInt('jobs', values.jobs, availableParallelism(), false),
      threads: values.threads === undefined ? undefined : positiveInt('threads', values.threads, 1, false),
      pageTimeoutMs: timeout === undefined ? DEFAULTS.pageTimeoutSeconds * 1000 : Math.round(Number(timeout) * 1000),
      maxPages: positiveInt('max-pages', values['max-pages'], DEFAULTS.maxPages, true),
      quiet: values.quiet,
      debug: values.debug,
      summary: values.summary,
      shard: values.shard === undefined || values.help ? undefined : parseShard(values.shard),
    },
  };
}

export async function extractCommand(argv: string[]): Promise<number> {
  const { settings: s, inputs: args, help } = parseSettings(argv);
  if (help) {
    process.stdout.write(EXTRACT_USAGE + '\n');
    return EXIT.ok;
  }
  if (!args.length) throw new UsageError('extract: no input given');
  const t0 = performance.now();
  const folderFormats = s.formats.filter((f): f is 'csv' | 'json' => f !== 'sqlite');
  // The SQLite module (a native binding) loads only for runs that write a database.
  const sqlite = s.db ? await import('../export/sqlite.js') : null;
  const dbProblem = s.db && sqlite!.databaseProblem(s.db);
  if (dbProblem) throw new UsageError(`extract: --db ${s.db} ${dbProblem}`, { showUsage: false });

  if (folderFormats.length) {
    try {
      await checkWritable(s.out);
    } catch (e) {
      throw new OutputError(`cannot write to the output folder ${s.out}: ${fsProblem(e) ?? (e as Error).message}`);
    }
    await removeStaleTemps(s.out);
  }

  const { inputs, total } = await prepareInputs(args, s.shard);
  let db: InstanceType<NonNullable<typeof sqlite>['ReportDatabase']> | null = null;
  try {
    if (s.db) db = new sqlite!.ReportDatabase(s.db);
  } catch (e) {
    throw new OutputError(`cannot write the database ${s.db}: ${fsProblem(e) ?? (e as Error).message}`);
  }
  const progress = new Progress(inputs.filter((i) => !i.error).length, s.quiet);
  const say = (line: string) => (s.quiet ? undefined : progress.log(line));
  const rows: SummaryRow[] = inputs.map((i) => ({ file: i.file, docId: i.docId, status: 'pending', ok: false }));
  let failed = 0;

  const failures = new Map<number, Failure>();
  const fail = (index: number, f: Failure) => {
    failed++;
    failures.set(index, f);
    rows[index].status = `FAILED (${f.code})`;
    rows[index].ok = false;
    progress.log(failureLine(inputs[index].file, f));
    if (s.debug && f.stack) progress.log(f.stack);
  };
  inputs.forEach((i, n) => i.error && fail(n, i.error));
  inputs.forEach((i) => i.renamed && say(`note: ${i.file}: ${i.renamed}`));
  if (s.shard) say(`shard ${s.shard.k}/${s.shard.n}: ${inputs.length} of ${total} inputs`);

  // Cores are shared: documents run in parallel first, and each uses what is left for its pages.
  const parallelDocs = Math.max(1, Math.min(s.jobs, inputs.filter((i) => !i.error).length));
  const threads = s.threads ?? Math.max(1, Math.floor(availableParallelism() / parallelDocs));
  const jobs: PoolJob[] = inputs.flatMap((i, index) =>
    i.error
      ? []
      : [
          {
            index,
            file: i.file,
            opts: { docId: i.docId, profile: s.profile, password: s.password, ocr: s.ocr, maxPages: s.maxPages || undefined, threads },
            out: s.out,
            formats: folderFormats,
            returnDocument: Boolean(db),
            renamed: i.renamed,
          },
        ],
  );
  const started = new Map<number, number>();
  const onOutcome = (job: PoolJob, o: Outcome) => {
    const row = rows[job.index];
    row.seconds = (performance.now() - (started.get(job.index) ?? t0)) / 1000;
    if (o.ok && o.doc && db) {
      try {
        db.replace(o.doc);
      } catch (e) {
        o = { ok: false, failure: { code: 'write-failed', message: `cannot write it to the database ${s.db}: ${fsProblem(e) ?? (e as Error).message}`, stack: (e as Error).stack } };
      }
    }
    if (!o.ok) fail(job.index, o.failure);
    else {
      const { pages, paragraphs, tables, failedChecks, warnings, drift } = o.stats;
      // Drift of the series' expected tables: on stderr as well as in report.json.
      if (!s.quiet) for (const d of drift) progress.log(`drift: ${job.file}: ${d}`);
      Object.assign(row, { pages, paragraphs, tables, failedChecks, status: warnings ? `ok, ${warnings} warning${warnings === 1 ? '' : 's'}` : 'ok', ok: true });
    }
    progress.fileDone(job.index);
  };

  await runPool(jobs, s.jobs, { pageTimeoutMs: s.pageTimeoutMs, heapMb: DEFAULTS.heapMb }, {
    debug: s.debug,
    onStart: (job) => {
      started.set(job.index, performance.now());
      progress.start(job.index, job.file);
    },
    onProgress: progress.drawn ? (job, p) => progress.update(job.index, p) : undefined,
    onOutcome,
  });
  db?.close();
  progress.clear();
  const wall = (performance.now() - t0) / 1000;
  if (!s.quiet) process.stderr.write(formatSummary(rows, wall));
  const code = failed ? EXIT.inputFailed : EXIT.ok;
  if (s.summary) {
    const json = {
      exit_code: code,
      seconds: Math.round(wall * 1000) / 1000,
      inputs: rows.map((r, i) => ({
        file: r.file,
        doc_id: r.docId ?? null,
        ok: r.ok,
        status: r.status,
        pages: r.pages ?? null,
        paragraphs: r.paragraphs ?? null,
        tables: r.tables ?? null,
        failed_checks: r.failedChecks ?? null,
        seconds: r.seconds === undefined ? null : Math.round(r.seconds * 1000) / 1000,
        error: failures.has(i) ? { code: failures.get(i)!.code, message: failures.get(i)!.message, page: failures.get(i)!.page ?? null } : null,
      })),
    };
    try {
      await writeFile(s.summary, JSON.stringify(json, null, 2) + '\n');
    } catch (e) {
      progress.log(`error: cannot write the summary ${s.summary}: ${fsProblem(e) ?? (e as Error).message}`);
    }
  }
  return code;
}
