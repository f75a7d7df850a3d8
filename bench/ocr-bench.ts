/**
 * Seconds per OCR page: the OcrPool with one worker (render + recognise + layout, the next page
 * rendering while the current one is recognised) next to the tesseract CLI
 * (`OMP_THREAD_LIMIT=1 tesseract page.png out -l eng --psm 4`) on the same binarised, cropped page
 * images. Both sides run `repeats` times, alternately, and the best run of each counts. Wall time
 * and CPU time are both reported: on a shared machine CPU time is the steadier comparison (the
 * pool's CPU time is the whole process's, worker threads included; the CLI's comes from
 * /usr/bin/time when installed).
 *
 *   npx tsx bench/ocr-bench.ts [scan.pdf] [pages, e.g. 1,2,6,10] [repeats]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from '../src/load/pdfjs/index.js';
import { OcrPool } from '../src/load/ocr.js';
import { preparePage } from '../src/load/ocr-page.js';
import { OCR_SETTINGS } from '../src/load/ocr-settings.js';
import { cropBinary } from '../src/load/raster.js';
import { encodePng } from '../src/load/render.js';

const file = process.argv[2] ?? '../shared/fixtures/mc2278/report-scan.pdf';
const pages = (process.argv[3] ?? '1,2,6,10').split(',').map(Number);
const repeats = Number(process.argv[4] ?? 2);

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const dir = await mkdtemp(path.join(tmpdir(), 'ocr-bench-'));
const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;

// The images tesseract.js reads, as PNG files for the CLI.
const images: { page: number; png: string; dpi: number }[] = [];
for (const n of pages) {
  const p = await preparePage(await doc.getPage(n), n, OCR_SETTINGS.render.dpi);
  if (!p.box) continue;
  const png = path.join(dir, `page-${n}.png`);
  await writeFile(png, await encodePng(cropBinary(p.bin, p.box), true));
  images.push({ page: n, png, dpi: p.dpi });
}
const hasCli = spawnSync('tesseract', ['--version']).status === 0;
const hasTime = spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status === 0;

interface Timing {
  wall: number;
  cpu: number;
}

/** One pass of the CLI over every page image: wall and CPU ms per page. */
function cliPass(): Timing[] {
  return images.map(({ png, dpi }) => {
    const args = [png, path.join(dir, 'out'), '-l', 'eng', '--psm', '4', '--dpi', String(dpi)];
    const t = performance.now();
    const run = hasTime
      ? spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'tesseract', ...args], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } })
      : spawnSync('tesseract', args, { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    const wall = performance.now() - t;
    if (run.status !== 0) throw new Error(`tesseract CLI failed: ${run.stderr}`);
    const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr.toString());
    return { wall, cpu: cpu ? (Number(cpu[1]) + Number(cpu[2])) * 1000 : NaN };
  });
}

/** One pass of the pool over every page, all queued at once: total wall and CPU ms, and results. */
async function poolPass(pool: OcrPool) {
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const done: number[] = [];
  const results = await Promise.all(
    pages.map(async (n) => {
      const page = await pool.recognizePage(await doc.getPage(n), n);
      done.push(performance.now());
      return page;
    }),
  );
  done.sort((a, b) => a - b);
  const cpu = process.cpuUsage(cpu0);
  return { total: done[done.length - 1] - start, cpu: (cpu.user + cpu.system) / 1000, results };
}

let t = performance.now();
const pool = await OcrPool.create({ jobs: 1 });
const startup = performance.now() - t;
// The first recognition also compiles and warms up the wasm: reported, not counted.
t = performance.now();
await pool.recognizePage(await doc.getPage(pages[0]), pages[0]);
console.log(`worker start-up ${seconds(startup)} s; first page (cold wasm) ${seconds(performance.now() - t)} s`);

let best: Awaited<ReturnType<typeof poolPass>> | null = null;
let bestCpu = Infinity;
let bestCli: Timing[] | null = null;
let bestCliCpu = Infinity;
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
for (let r = 0; r < repeats; r++) {
  const run = await poolPass(pool);
  if (!best || run.total < best.total) best = run;
  bestCpu = Math.min(bestCpu, run.cpu);
  if (hasCli) {
    const c = cliPass();
    if (!bestCli || sum(c.map((x) => x.wall)) < sum(bestCli.map((x) => x.wall))) bestCli = c;
    bestCliCpu = Math.min(bestCliCpu, sum(c.map((x) => x.cpu)));
  }
}
if (!best) throw new Error('no pages');
await pool.close();
await doc.destroy();
await rm(dir, { recursive: true, force: true });

console.log('page  words  conf  cli wall s');
for (const p of best.results) {
  const c = bestCli?.[images.findIndex((im) => im.page === p.number)];
  console.log(`${String(p.number).padStart(4)}  ${String(p.words.length).padStart(5)}  ${(p.confidence ?? 0).toFixed(0).padStart(4)}  ${(c ? seconds(c.wall) : '-').padStart(10)}`);
}
const n = pages.length;
console.log(`\n                   wall s/page  cpu s/page   (best of ${repeats})`);
console.log(`tesseract.js pool  ${seconds(best.total / n).padStart(11)}  ${seconds(bestCpu / n).padStart(10)}   1 worker; render + OCR + layout`);
if (bestCli) {
  const wall = sum(bestCli.map((x) => x.wall)) / n;
  const cpu = bestCliCpu / n;
  console.log(`tesseract CLI      ${seconds(wall).padStart(11)}  ${seconds(cpu).padStart(10)}   same images, OMP_THREAD_LIMIT=1, incl. process start`);
  console.log(`ratio              ${(best.total / n / wall).toFixed(2).padStart(10)}x  ${(bestCpu / n / cpu).toFixed(2).padStart(9)}x   (target <= 2x)`);
} else {
  console.log('tesseract CLI not found: no comparison');
}
