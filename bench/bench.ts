/**
 * npm run bench — speed and memory of the whole pipeline (load → layout → structure → validate),
 * in-process on the bundled PDF, on a 1,000-page PDF made by repeating its pages (when qpdf is
 * installed), and the whole command's wall time next to `pdftotext -layout` (when poppler-utils
 * is installed). Numbers are measured on every run, never stored.
 *
 *   npm run bench [-- file.pdf] [--runs N] [--warmup N] [--no-big] [--threads N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../scripts/build.mjs';

// Timed from the esbuild bundle, as the bin runs it (reader threads then start from plain JavaScript).
await build();
const { extractFile } = (await import('../dist/pipeline.js' as string)) as typeof import('../src/pipeline.js');

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { runs: { type: 'string', default: '3' }, warmup: { type: 'string', default: '3' }, 'no-big': { type: 'boolean', default: false }, threads: { type: 'string' } },
});
const file = positionals[0] ?? 'fixtures/mc2278/report.pdf';
const runs = Math.max(1, Number(values.runs));
const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
/** Page threads per document, as the CLI gives a single document: every core. */
const threads = Number(values.threads ?? availableParallelism());
const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function inProcess(pdf: string, n: number): Promise<{ pages: number; ms: number }> {
  const times: number[] = [];
  let pages = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const doc = await extractFile(pdf, { threads });
    times.push(performance.now() - t0);
    pages = doc.source.pages;
  }
  return { pages, ms: median(times) };
}

function wall(cmd: string, args: string[]): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return performance.now() - t0;
}

function report(label: string, pages: number, ms: number): void {
  console.log(`${label.padEnd(34)} ${String(pages).padStart(5)} pages  ${(ms / 1000).toFixed(2).padStart(7)} s  ${((pages * 1000) / ms).toFixed(1).padStart(7)} pages/s`);
}

const tmp = mkdtempSync(path.join(tmpdir(), 'report-extract-bench-'));
try {
  // Warm-up: the first documents also pay for module loading, pdf.js start-up, starting the reader
  // threads and the JIT compiling them; the in-process figures are steady-state throughput. The
  // whole-command figure below is a cold start every time.
  const warmup = Math.max(1, Number(values.warmup));
  for (let i = 0; i < warmup; i++) await extractFile(file, { threads });
  console.log(`threads per document: ${threads} (--threads N); warm-up runs: ${warmup} (--warmup N); median of ${runs} (--runs N)`);
  const small = await inProcess(file, runs);
  report(`in-process ${path.basename(file)}`, small.pages, small.ms);

  let big: string | null = null;
  if (!values['no-big'] && has('qpdf')) {
    big = path.join(tmp, 'big1000.pdf');
    const copies = Math.ceil(1000 / small.pages);
    const spec = Array.from({ length: copies }, () => [file, '1-z']).flat();
    spawnSync('qpdf', ['--empty', '--pages', ...spec, '--', path.join(tmp, 'rep.pdf')]);
    spawnSync('qpdf', ['--empty', '--pages', path.join(tmp, 'rep.pdf'), '1-1000', '--', big]);
    const b = await inProcess(big, 1);
    report('in-process 1,000-page PDF', b.pages, b.ms);
    console.log(`time per page, 1,000 pages vs ${small.pages}: ${(b.ms / b.pages / (small.ms / small.pages)).toFixed(2)}× (1.00 = linear)`);
  } else if (!values['no-big']) console.log('qpdf not installed: 1,000-page run skipped (apt-get install qpdf)');

  const out = path.join(tmp, 'out');
  mkdirSync(out);
  // The bin as users run it (from the bundle built above).
  const cli = ['bin/report-extract.js', 'extract', file, '--out', out, '-q', '--threads', String(threads)];
  const cmdMs = median(Array.from({ length: runs }, () => wall(process.execPath, cli)));
  report('whole command (node bin/report-extract.js)', small.pages, cmdMs);
  if (has('pdftotext')) {
    const ptMs = median(Array.from({ length: runs }, () => wall('pdftotext', ['-layout', file, path.join(tmp, 'o.txt')])));
    report('pdftotext -layout', small.pages, ptMs);
    console.log(`whole command / pdftotext -layout: ${(cmdMs / ptMs).toFixed(1)}×`);
  } else console.log('pdftotext not installed: comparison skipped (apt-get install poppler-utils)');
  console.log(`peak memory (this process, RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
if (!existsSync(file)) process.exitCode = 1;
