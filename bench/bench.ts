/**
 * npm run bench — the whole command as users run it, against `pdftotext -layout` on the same input,
 * both as separate processes run alternately (A B A B …) after one warm-up pair. Each pair gives a
 * ratio; the median of the ratios (with min and max) is the figure, since a shared or throttled
 * machine drifts less within a pair than across the run. CPU time (user + sys) and peak RSS of each
 * child come from GNU time (`/usr/bin/time`, Debian package `time`), which reads them from the
 * child's rusage as wait4 returns it. Three inputs: the bundled 80-page report, a 1,000-page PDF
 * made by repeating its pages (qpdf), and a folder of 20 copies of the report in one command.
 *
 *   npm run bench [-- file.pdf] [--pairs N] [--no-big] [--no-batch]
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from '../scripts/build.mjs';
import { parseTimeLine, runPairs, summarisePairs, TIME_FORMAT, type PairSummary, type Spread, type Usage } from './paired.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pairs: { type: 'string', default: '5' }, 'no-big': { type: 'boolean', default: false }, 'no-batch': { type: 'boolean', default: false } },
});
const file = positionals[0] ?? 'fixtures/mc2278/report.pdf';
const pairs = Math.max(1, Number(values.pairs));
const BATCH_COPIES = 20;
const BIG_PAGES = 1000;
const MiB = 1024 * 1024;

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const missing: string[] = [];
if (!has('/usr/bin/time')) missing.push('GNU time (/usr/bin/time): apt-get install time');
if (!has('pdftotext')) missing.push('pdftotext: apt-get install poppler-utils');
if (missing.length) {
  console.error(`npm run bench needs:\n  ${missing.join('\n  ')}`);
  process.exit(1);
}

/** One child through GNU time; the command's own output is discarded, its failure is fatal. */
function measured(cmd: string, args: string[]): Usage {
  const r = spawnSync('/usr/bin/time', ['-f', TIME_FORMAT, cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return parseTimeLine(r.stderr);
}

function pageCount(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout ?? '';
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? NaN);
}

const s = (x: number) => x.toFixed(2);
const range = (r: Spread, unit = '') => `${s(r.median)}${unit} (min ${s(r.min)}, max ${s(r.max)})`;

function print(label: string, pages: number, sum: PairSummary): void {
  console.log(`\n${label}: ${pages} pages, ${pairs} pairs after one warm-up pair`);
  for (const [name, side] of [['report-extract', sum.a], ['pdftotext -layout', sum.b]] as const) {
    console.log(
      `  ${name.padEnd(18)} wall ${range(side.wall, ' s')}  CPU ${range(side.cpu, ' s')}  peak RSS ${(side.peakRssBytes / MiB).toFixed(0)} MiB  ${(pages / side.wall.median).toFixed(1)} pages/s`,
    );
  }
  console.log(`  ratio per pair     wall ${range(sum.wallRatio, '×')}  CPU ${range(sum.cpuRatio, '×')}`);
}

await build(); // the bin runs the bundle; build it now so no timed run pays for it
const tmp = mkdtempSync(path.join(tmpdir(), 'report-extract-bench-'));
const out = path.join(tmp, 'out');
const txt = path.join(tmp, 'o.txt');
const extract = (input: string) => () => measured(process.execPath, ['bin/report-extract.js', 'extract', input, '--out', out, '-q']);
const pdftotext = (pdf: string) => () => measured('pdftotext', ['-layout', pdf, txt]);
try {
  console.log(`${new Date().toISOString()}  ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), node ${process.version}`);
  const pages = pageCount(file);
  print(`whole command on ${file}`, pages, summarisePairs(runPairs(pairs, extract(file), pdftotext(file))));

  if (values['no-big']) {
    // skipped on request
  } else if (!has('qpdf')) console.log('\nqpdf not installed: 1,000-page run skipped (apt-get install qpdf)');
  else {
    const big = path.join(tmp, 'big.pdf');
    const copies = Math.ceil(BIG_PAGES / pages);
    const rep = path.join(tmp, 'rep.pdf');
    spawnSync('qpdf', ['--empty', '--pages', ...Array.from({ length: copies }, () => [file, '1-z']).flat(), '--', rep]);
    spawnSync('qpdf', ['--empty', '--pages', rep, `1-${BIG_PAGES}`, '--', big]);
    print(`whole command on a ${BIG_PAGES}-page PDF (${path.basename(file)} repeated)`, pageCount(big), summarisePairs(runPairs(pairs, extract(big), pdftotext(big))));
  }

  if (!values['no-batch']) {
    const dir = path.join(tmp, 'batch');
    mkdirSync(dir);
    const names = Array.from({ length: BATCH_COPIES }, (_, i) => path.join(dir, `report-${String(i + 1).padStart(2, '0')}.pdf`));
    for (const n of names) copyFileSync(file, n);
    // pdftotext takes one file: the batch side is a shell loop over the same 20 files.
    const loop = () => measured('sh', ['-c', `for f in "$0"/*.pdf; do pdftotext -layout "$f" "${txt}"; done`, dir]);
    print(`batch: a folder of ${BATCH_COPIES} copies in one command (pdftotext: a shell loop)`, pages * BATCH_COPIES, summarisePairs(runPairs(pairs, extract(dir), loop)));
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
