/**
 * Seconds per OCR page: the OcrPool with one worker (render + recognise + layout, the next page
 * rendering while the current one is recognised) next to the tesseract CLI
 * (`OMP_THREAD_LIMIT=1 tesseract page.png out -l eng --psm 4`) on the same binarised, cropped page
 * images. Both sides run `repeats` times, alternately, and the best run of each counts, so load
 * from other processes does not decide the ratio.
 *
 *   npx tsx bench/ocr-bench.ts [scan.pdf] [pages, e.g. 1,2,6,10] [repeats]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
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

/** One pass of the CLI over every page image: wall ms per page. */
function cliPass(): number[] {
  return images.map(({ png, dpi }) => {
    const t = performance.now();
    const run = spawnSync('tesseract', [png, path.join(dir, 'out'), '-l', 'eng', '--psm', '4', '--dpi', String(dpi)], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    if (run.status !== 0) throw new Error(`tesseract CLI failed: ${run.stderr}`);
    return performance.now() - t;
  });
}

/** One pass of the pool over every page, all queued at once: ms between completions, and results. */
async function poolPass(pool: OcrPool) {
  const start = performance.now();
  const done: number[] = [];
  const results = await Promise.all(
    pages.map(async (n) => {
      const page = await pool.recognizePage(await doc.getPage(n), n);
      done.push(performance.now());
      return page;
    }),
  );
  done.sort((a, b) => a - b);
  return { total: done[done.length - 1] - start, results };
}

let t = performance.now();
const pool = await OcrPool.create({ jobs: 1 });
const startup = performance.now() - t;
// The first recognition also compiles and warms up the wasm: reported, not counted.
t = performance.now();
await pool.recognizePage(await doc.getPage(pages[0]), pages[0]);
console.log(`worker start-up ${seconds(startup)} s; first page (cold wasm) ${seconds(performance.now() - t)} s`);

let best = { total: Infinity, results: [] as Awaited<ReturnType<typeof poolPass>>['results'] };
let bestCli: number[] | null = null;
for (let r = 0; r < repeats; r++) {
  const run = await poolPass(pool);
  if (run.total < best.total) best = run;
  if (hasCli) {
    const c = cliPass();
    if (!bestCli || c.reduce((a, b) => a + b) < bestCli.reduce((a, b) => a + b)) bestCli = c;
  }
}
await pool.close();
await doc.destroy();
await rm(dir, { recursive: true, force: true });

console.log('page  words  conf  cli s');
best.results.forEach((p) => {
  const c = bestCli?.[images.findIndex((im) => im.page === p.number)];
  console.log(`${String(p.number).padStart(4)}  ${String(p.words.length).padStart(5)}  ${(p.confidence ?? 0).toFixed(0).padStart(4)}  ${(c ? seconds(c) : '-').padStart(5)}`);
});
const js = best.total / pages.length;
console.log(`\ntesseract.js pool: ${seconds(js)} s/page (1 worker; render + OCR + layout; best of ${repeats})`);
if (bestCli) {
  const cli = bestCli.reduce((a, b) => a + b) / bestCli.length;
  console.log(`tesseract CLI:     ${seconds(cli)} s/page (same images, OMP_THREAD_LIMIT=1, incl. process start; best of ${repeats})`);
  console.log(`ratio:             ${(js / cli).toFixed(2)}x (target <= 2x)`);
} else {
  console.log('tesseract CLI not found: no comparison');
}
