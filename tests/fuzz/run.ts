/**
 * The fuzz harness shared by the CI test (tests/robust/fuzz.test.ts, a few hundred cases) and
 * `npm run fuzz` (thousands): write mutated PDFs into a folder, run the real CLI over the folder in
 * batches, and classify every case from the --summary JSON, the stderr lines and the output folder.
 *
 * A case passes when it is extracted (a complete output folder) or fails with exactly one
 * `error: <file>: <problem>` line naming a known problem, leaving no output folder. Anything else is
 * counted: a crash (the process died or exited with a code other than 0/1), a hang (a case over
 * the time bound, or a batch that had to be killed), an internal error (a bug surfaced as a
 * one-line error), a bad line on stderr, or partial output.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { mutate } from './mutate.js';

export interface FuzzOptions {
  /** Seed inputs (PDF bytes), used in turn. */
  inputs: Buffer[];
  seed: number;
  cases: number;
  /** First case index (to re-run a range that found a problem). */
  from?: number;
  /** Cases per CLI call. */
  batch: number;
  jobs: number;
  pageTimeout: number;
  maxPages: number;
  workDir: string;
  /** Called after each batch. */
  onBatch?: (done: number, report: FuzzReport) => void;
}

export interface FuzzReport {
  cases: number;
  extracted: number;
  failed: number;
  /** Failures by error code (not-pdf, truncated, damaged, timeout, …). */
  byCode: Record<string, number>;
  /** Failures by the message with numbers and quoted parts removed. */
  byMessage: Record<string, number>;
  crashes: string[];
  hangs: string[];
  internal: string[];
  badLines: string[];
  partialOutput: string[];
  maxCaseSeconds: number;
  wallSeconds: number;
}

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Problems a failed case may report (the start of the message after the file name). */
const KNOWN = /^(empty file|not a PDF|not a text file|neither a PDF|holds no text|truncated PDF|damaged PDF|encrypted PDF|no text layer|has \d+ pages, more than|opening the PDF took longer|page \d+ of \d+ took longer|reading the file took longer|the structure stage took longer|ran out of memory)/;

export function emptyReport(): FuzzReport {
  return { cases: 0, extracted: 0, failed: 0, byCode: {}, byMessage: {}, crashes: [], hangs: [], internal: [], badLines: [], partialOutput: [], maxCaseSeconds: 0, wallSeconds: 0 };
}

function runCli(args: string[], killAfterMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let killed = false;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, killAfterMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stderr, killed });
    });
  });
}

/** Run one batch of cases [from, to) and add its results to `r`. */
async function runBatch(o: FuzzOptions, from: number, to: number, r: FuzzReport): Promise<void> {
  const dir = path.join(o.workDir, `batch-${from}`);
  const inDir = path.join(dir, 'in');
  const outDir = path.join(dir, 'out');
  await rm(dir, { recursive: true, force: true });
  await mkdir(inDir, { recursive: true });
  const names: string[] = [];
  for (let i = from; i < to; i++) {
    const { data } = mutate(o.inputs[i % o.inputs.length], o.seed, i);
    const name = `case-${String(i).padStart(6, '0')}.pdf`;
    names.push(name);
    await writeFile(path.join(inDir, name), data);
  }
  const summaryFile = path.join(dir, 'summary.json');
  // Bound for the whole batch: every case at its worst (each page and the opening at the limit),
  // spread over the jobs, plus start-up. Reaching it means a hang the watchdog did not stop.
  const perCase = o.pageTimeout * (o.maxPages + 3);
  const bound = 60_000 + ((names.length * perCase * 1000) / o.jobs) * 0.25 + perCase * 1000;
  const run = await runCli(['extract', inDir, '--out', outDir, '--jobs', String(o.jobs), '--page-timeout', String(o.pageTimeout), '--max-pages', String(o.maxPages), '--summary', summaryFile], bound);
  if (run.killed) r.hangs.push(`batch ${from}-${to - 1}: killed after ${Math.round(bound / 1000)} s`);
  if (run.signal || (run.code !== 0 && run.code !== 1)) r.crashes.push(`batch ${from}-${to - 1}: exit ${run.code} signal ${run.signal}\n${run.stderr.split('\n').slice(-20).join('\n')}`);
  if (!existsSync(summaryFile)) {
    r.cases += names.length;
    return;
  }
  const summary = JSON.parse(await readFile(summaryFile, 'utf8')) as {
    inputs: { file: string; doc_id: string; ok: boolean; seconds: number | null; error: { code: string; message: string } | null }[];
  };
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
  const errorLines = new Map<string, string[]>();
  for (const l of lines) {
    const m = /^error: (.*?\.pdf): (.*)$/.exec(l);
    if (!m) {
      r.badLines.push(l);
      continue;
    }
    errorLines.set(m[1], [...(errorLines.get(m[1]) ?? []), m[2]]);
  }
  const outputs = new Set(existsSync(outDir) ? readdirSync(outDir) : []);
  for (const name of outputs) if (name.startsWith('.')) r.partialOutput.push(`${name}: temporary folder left behind`);
  for (const e of summary.inputs) {
    r.cases++;
    r.maxCaseSeconds = Math.max(r.maxCaseSeconds, e.seconds ?? 0);
    if ((e.seconds ?? 0) > perCase) r.hangs.push(`${e.file}: ${e.seconds} s`);
    const own = errorLines.get(e.file) ?? [];
    if (e.ok) {
      r.extracted++;
      if (own.length) r.badLines.push(`${e.file}: extracted but also reported: ${own.join(' | ')}`);
      const folder = path.join(outDir, e.doc_id);
      if (!existsSync(path.join(folder, 'report.json')) || !existsSync(path.join(folder, 'paragraphs.csv'))) r.partialOutput.push(`${e.file}: output folder incomplete`);
      continue;
    }
    r.failed++;
    const code = e.error?.code ?? '?';
    r.byCode[code] = (r.byCode[code] ?? 0) + 1;
    const msg = e.error?.message ?? '';
    const shape = msg
      .replace(/\(.*\)/g, '(…)')
      .replace(/\d+(\.\d+)?/g, 'N')
      .slice(0, 90);
    r.byMessage[shape] = (r.byMessage[shape] ?? 0) + 1;
    if (code === 'internal') r.internal.push(`${e.file}: ${msg}`);
    else if (!KNOWN.test(msg)) r.badLines.push(`${e.file}: unexpected message: ${msg}`);
    if (own.length !== 1) r.badLines.push(`${e.file}: ${own.length} error lines`);
    else if (own[0] !== msg || own[0].includes('\n')) r.badLines.push(`${e.file}: stderr line differs from the summary: ${own[0]}`);
    if (outputs.has(e.doc_id)) r.partialOutput.push(`${e.file}: failed but left ${e.doc_id}/`);
  }
  if (summary.inputs.length !== names.length) r.crashes.push(`batch ${from}: ${summary.inputs.length} of ${names.length} cases in the summary`);
  await rm(dir, { recursive: true, force: true });
}

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const r = emptyReport();
  const t0 = performance.now();
  const first = o.from ?? 0;
  const end = first + o.cases;
  for (let from = first; from < end; from += o.batch) {
    await runBatch(o, from, Math.min(end, from + o.batch), r);
    r.wallSeconds = (performance.now() - t0) / 1000;
    o.onBatch?.(Math.min(end, from + o.batch) - first, r);
  }
  r.wallSeconds = (performance.now() - t0) / 1000;
  return r;
}

export function formatReport(r: FuzzReport): string {
  const top = (o: Record<string, number>, n = 12) =>
    Object.entries(o)
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `    ${String(v).padStart(6)}  ${k}`)
      .join('\n');
  return [
    `cases ${r.cases}: ${r.extracted} extracted, ${r.failed} failed with a one-line error`,
    `crashes ${r.crashes.length}, hangs ${r.hangs.length}, internal errors ${r.internal.length}, bad stderr lines ${r.badLines.length}, partial outputs ${r.partialOutput.length}`,
    `slowest case ${r.maxCaseSeconds.toFixed(2)} s; wall ${r.wallSeconds.toFixed(1)} s (${(r.cases / Math.max(r.wallSeconds, 0.001)).toFixed(1)} cases/s)`,
    `failures by code:\n${top(r.byCode)}`,
    `failures by message:\n${top(r.byMessage)}`,
    ...[...r.crashes, ...r.hangs, ...r.internal, ...r.badLines, ...r.partialOutput].slice(0, 20).map((l) => `  ! ${l}`),
  ].join('\n');
}
