/**
 * Seconds per OCR page: the OcrPool (one worker, render + recognise + assemble) next to the
 * tesseract CLI (`OMP_THREAD_LIMIT=1 tesseract page.png out -l eng --psm 4`) on the same
 * binarised, cropped page image. Runs alternate page by page so load from other processes hits
 * both sides alike.
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
const repeats = Number(process.argv[4] ?? 1);

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const hasCli = spawnSync('tesseract', ['--version']).status === 0;
const dir = await mkdtemp(path.join(tmpdir(), 'ocr-bench-'));
const data = new Uint8Array(await readFile(file));
const doc = await getDocument({ data, isEvalSupported: false }).promise;

/** The CLI on the image tesseract.js gets; best of `repeats` wall times in ms. */
async function cli(pageNumber: number): Promise<number | null> {
  if (!hasCli) return null;
  const prepared = await preparePage(await doc.getPage(pageNumber), pageNumber, OCR_SETTINGS.render.dpi);
  if (!prepared.box) return null;
  const png = path.join(dir, `page-${pageNumber}.png`);
  await writeFile(png, await encodePng(cropBinary(prepared.bin, prepared.box), true));
  let best = Infinity;
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    const run = spawnSync('tesseract', [png, path.join(dir, 'out'), '-l', 'eng', '--psm', '4', '--dpi', String(prepared.dpi)], {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    if (run.status !== 0) throw new Error(`tesseract CLI failed: ${run.stderr}`);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

let t = performance.now();
const pool = await OcrPool.create({ jobs: 1 });
const startup = performance.now() - t;
// The first recognition also pays for compiling and warming up the wasm: reported, not averaged.
t = performance.now();
await pool.recognizePage(await doc.getPage(pages[0]), pages[0]);
const cold = performance.now() - t;
console.log(`worker start-up ${seconds(startup)} s; first page (cold wasm) ${seconds(cold)} s`);
console.log('page  words  conf  js s/page  cli s/page  ratio');

let jsSum = 0;
let cliSum = 0;
let cliPages = 0;
for (const n of pages) {
  let js = Infinity;
  let words = 0;
  let conf = 0;
  for (let r = 0; r < repeats; r++) {
    t = performance.now();
    const page = await pool.recognizePage(await doc.getPage(n), n);
    js = Math.min(js, performance.now() - t);
    words = page.words.length;
    conf = page.confidence ?? 0;
  }
  const c = await cli(n);
  jsSum += js;
  if (c !== null) {
    cliSum += c;
    cliPages++;
  }
  const ratio = c ? (js / c).toFixed(2) : '-';
  console.log(`${String(n).padStart(4)}  ${String(words).padStart(5)}  ${conf.toFixed(0).padStart(4)}  ${seconds(js).padStart(9)}  ${(c ? seconds(c) : '-').padStart(10)}  ${ratio.padStart(5)}`);
}
await pool.close();
await doc.destroy();
await rm(dir, { recursive: true, force: true });

const jsMean = jsSum / pages.length;
console.log(`\ntesseract.js pool: ${seconds(jsMean)} s/page (render + OCR + layout, warm worker)`);
if (cliPages) {
  const cliMean = cliSum / cliPages;
  console.log(`tesseract CLI:     ${seconds(cliMean)} s/page (same image, OMP_THREAD_LIMIT=1, includes process start)`);
  console.log(`ratio:             ${(jsMean / cliMean).toFixed(2)}x  (target <= 2x)`);
} else {
  console.log('tesseract CLI not found: no comparison');
}
