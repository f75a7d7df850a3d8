/**
 * `npm run bench:scale [-- --pages 1000 --jobs 1]`: memory and time at scale. Builds a PDF of
 * --pages pages by repeating the fixture's 80 pages with qpdf, extracts it with the real CLI, and
 * compares with the 80-page fixture: seconds, pages per second, peak RSS of the whole process
 * (main thread and worker). Fails (exit 1) when the peak RSS reaches 1 GiB or the time per page
 * grows by more than half (time should be linear in pages).
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    jobs: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});

const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const fixture = path.join(repo, 'fixtures/mc2278/report.pdf');
const work = mkdtempSync(path.join(tmpdir(), 'report-extract-scale-'));
const MiB = 1024 * 1024;
const LIMIT_BYTES = 1024 * MiB;

interface Run {
  label: string;
  pages: number;
  wallSeconds: number;
  pipelineSeconds: number;
  peakRssBytes: number;
  timings: Record<string, number>;
  paragraphs: number;
}

/** Peak RSS of a process from /proc (VmHWM), polled until it exits; /usr/bin/time when present. */
function runCli(args: string[]): Promise<{ code: number | null; stderr: string; wallSeconds: number; peakRssBytes: number }> {
  const useTime = existsSync('/usr/bin/time');
  const cmd = useTime ? '/usr/bin/time' : process.execPath;
  const argv = [...(useTime ? ['-f', 'PEAK_RSS_KB=%M', process.execPath] : []), 'bin/report-extract.js', ...args];
  return new Promise((resolve) => {
    const t0 = performance.now();
    const child = spawn(cmd, argv, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let polled = 0;
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
        polled = Math.max(polled, kb * 1024);
      } catch {
        // exited
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(poll);
      const wallSeconds = (performance.now() - t0) / 1000;
      const fromTime = Number(/PEAK_RSS_KB=(\d+)/.exec(stderr)?.[1] ?? 0) * 1024;
      resolve({ code, stderr: stderr.replace(/PEAK_RSS_KB=\d+\n?/, ''), wallSeconds, peakRssBytes: Math.max(fromTime, polled) });
    });
  });
}

async function extract(label: string, file: string): Promise<Run> {
  const out = path.join(work, `out-${label}`);
  const r = await runCli(['extract', file, '--out', out, '--jobs', values.jobs!, '--max-pages', '0', '-q']);
  if (r.code !== 0) throw new Error(`${label}: exit ${r.code}\n${r.stderr}`);
  const id = path.basename(file, '.pdf');
  const report = JSON.parse(readFileSync(path.join(out, id, 'report.json'), 'utf8'));
  rmSync(out, { recursive: true, force: true });
  return {
    label,
    pages: report.source.pages,
    wallSeconds: r.wallSeconds,
    pipelineSeconds: report.timings.total_ms / 1000,
    peakRssBytes: r.peakRssBytes,
    timings: report.timings,
    paragraphs: report.counts.paragraphs,
  };
}

function buildBig(pages: number): string {
  const fixturePages = Number(execFileSync('qpdf', ['--show-npages', fixture]).toString().trim());
  const args: string[] = [];
  let left = pages;
  while (left > 0) {
    const n = Math.min(left, fixturePages);
    args.push(fixture, n === fixturePages ? '1-z' : `1-${n}`);
    left -= n;
  }
  const out = path.join(work, `report-${pages}p.pdf`);
  execFileSync('qpdf', ['--empty', '--pages', ...args, '--', out]);
  return out;
}

const row = (r: Run) =>
  `${r.label.padEnd(10)} ${String(r.pages).padStart(6)} ${r.wallSeconds.toFixed(1).padStart(8)} ${r.pipelineSeconds.toFixed(1).padStart(10)} ${(r.pages / r.pipelineSeconds).toFixed(1).padStart(8)} ${(r.pages / r.wallSeconds).toFixed(1).padStart(8)} ${(r.peakRssBytes / MiB).toFixed(0).padStart(10)}  ${r.paragraphs}`;

try {
  const target = Number(values.pages);
  process.stderr.write(`building a ${target}-page PDF from ${path.relative(repo, fixture)} with qpdf…\n`);
  const big = buildBig(target);
  process.stderr.write(`extracting the 80-page fixture, then the ${target}-page PDF (--jobs ${values.jobs})…\n`);
  const small = await extract('fixture', fixture);
  const large = await extract(`${target}p`, big);
  const perPageSmall = small.pipelineSeconds / small.pages;
  const perPageLarge = large.pipelineSeconds / large.pages;
  const growth = perPageLarge / perPageSmall;
  process.stdout.write(
    [
      'run         pages   wall s  pipeline s  pages/s  (wall)  peak RSS MiB  paragraphs',
      row(small),
      row(large),
      '',
      `time per page: ${(perPageSmall * 1000).toFixed(1)} ms at ${small.pages} pages, ${(perPageLarge * 1000).toFixed(1)} ms at ${large.pages} pages (x${growth.toFixed(2)})`,
      `${large.label} stages (ms): ${Object.entries(large.timings)
        .map(([k, v]) => `${k} ${Math.round(v)}`)
        .join(', ')}`,
      `peak RSS ${(large.peakRssBytes / MiB).toFixed(0)} MiB (limit ${LIMIT_BYTES / MiB} MiB)`,
      '',
    ].join('\n'),
  );
  const problems: string[] = [];
  if (large.peakRssBytes >= LIMIT_BYTES) problems.push(`peak RSS ${(large.peakRssBytes / MiB).toFixed(0)} MiB is not under 1 GiB`);
  if (growth > 1.5) problems.push(`time per page grew x${growth.toFixed(2)} from ${small.pages} to ${large.pages} pages (not linear)`);
  if (large.pages !== target) problems.push(`extracted ${large.pages} pages, expected ${target}`);
  for (const p of problems) process.stdout.write(`FAIL: ${p}\n`);
  process.exitCode = problems.length ? 1 : 0;
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
  else process.stderr.write(`kept ${work}\n`);
}
