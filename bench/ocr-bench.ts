/**
 * Seconds per OCR page: the OcrPool with one worker (render + binarise + recognise + layout of one
 * page) against the tesseract CLI (`OMP_THREAD_LIMIT=1 tesseract page.png out -l eng --psm 4`) on
 * the same binarised, cropped page image, run as pairs: for each repeat and page, the CLI on the
 * image, then the pool on the page (one page at a time, so both sides use one thread at a time).
 * The ratio is taken inside each pair and summarised by its median (min and max), so a shared
 * machine's drift hits both sides alike. CPU time is the steadier figure on a loaded machine: the
 * pool's is the whole process's (worker thread included), the CLI's comes from /usr/bin/time.
 *
 * The CLI is run twice per pair: with its own model (Debian's tesseract-ocr-eng is tessdata_fast,
 * a smaller LSTM) and with the model tesseract.js loads (@tesseract.js-data/eng 4.0.0_best_int,
 * gunzipped into a temporary tessdata directory), so the model's share of the gap shows.
 *
 *   npx tsx bench/ocr-bench.ts [scan.pdf] [pages, e.g. 1,2,6,10] [repeats]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir, availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { getDocument } from '../src/load/pdfjs/index.js';
import { OcrPool } from '../src/load/ocr.js';
import { preparePage } from '../src/load/ocr-page.js';
import { OCR_SETTINGS } from '../src/load/ocr-settings.js';
import { cropBinary } from '../src/load/raster.js';
import { encodePng } from '../src/load/render.js';
import { spread, type Spread } from './paired.js';

const file = process.argv[2] ?? 'fixtures/scan-excerpt/report-scan-excerpt.pdf';
const pages = (process.argv[3] ?? '1,2,3').split(',').map(Number);
const repeats = Number(process.argv[4] ?? 3);

const dir = await mkdtemp(path.join(tmpdir(), 'ocr-bench-'));
const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;

// The images tesseract.js reads, as PNG files for the CLI.
const images = new Map<number, { png: string; dpi: number }>();
for (const n of pages) {
  const p = await preparePage(await doc.getPage(n), n, OCR_SETTINGS.render.dpi);
  if (!p.box) continue;
  const png = path.join(dir, `page-${n}.png`);
  await writeFile(png, await encodePng(cropBinary(p.bin, p.box), true));
  images.set(n, { png, dpi: p.dpi });
}
const timed = pages.filter((n) => images.has(n));
if (!timed.length) throw new Error('no page with ink');
const hasCli = spawnSync('tesseract', ['--version']).status === 0;
if (!hasCli) console.log('tesseract CLI not found: timing tesseract.js alone');
if (hasCli && spawnSync('/usr/bin/time', ['-f', '%U', 'true']).status !== 0) throw new Error('GNU time (/usr/bin/time) is needed for the CLI CPU time');

// tesseract.js's own model, for the CLI's same-model run.
const require = createRequire(import.meta.url);
const sameModel = path.join(dir, 'tessdata');
await mkdir(sameModel);
const gz = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int', 'eng.traineddata.gz');
await writeFile(path.join(sameModel, 'eng.traineddata'), gunzipSync(await readFile(gz)));

interface Timing {
  wall: number;
  cpu: number;
}

function cli(n: number, tessdata?: string): Timing {
  const { png, dpi } = images.get(n)!;
  const args = [png, path.join(dir, 'out'), '-l', 'eng', '--psm', OCR_SETTINGS.tesseract.psm, '--dpi', String(dpi), ...(tessdata ? ['--tessdata-dir', tessdata] : [])];
  const t = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'tesseract', ...args], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  const wall = performance.now() - t;
  if (run.status !== 0) throw new Error(`tesseract CLI failed: ${run.stderr}`);
  const m = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr.toString());
  if (!m) throw new Error(`no CPU time from /usr/bin/time: ${run.stderr}`);
  return { wall, cpu: (Number(m[1]) + Number(m[2])) * 1000 };
}

async function poolPage(pool: OcrPool, n: number): Promise<Timing & { words: number; conf: number }> {
  const page = await doc.getPage(n);
  const t = performance.now();
  const c = process.cpuUsage();
  const result = await pool.recognizePage(page, n);
  const cpu = process.cpuUsage(c);
  return { wall: performance.now() - t, cpu: (cpu.user + cpu.system) / 1000, words: result.words.length, conf: result.confidence ?? 0 };
}

let t = performance.now();
const pool = await OcrPool.create({ jobs: 1 });
const startup = performance.now() - t;
// The first recognition also compiles and warms up the wasm: reported, not counted.
t = performance.now();
await poolPage(pool, timed[0]);
console.log(`worker start-up ${(startup / 1000).toFixed(2)} s; first page (cold wasm) ${((performance.now() - t) / 1000).toFixed(2)} s wall`);

const rows: { n: number; js: Timing; fast?: Timing; same?: Timing; words: number; conf: number }[] = [];
for (let r = 0; r < repeats; r++) {
  for (const n of timed) {
    const fast = hasCli ? cli(n) : undefined;
    const same = hasCli ? cli(n, sameModel) : undefined;
    const js = await poolPage(pool, n);
    rows.push({ n, js, fast, same, words: js.words, conf: js.conf });
  }
}
await pool.close();
await doc.destroy();
await rm(dir, { recursive: true, force: true });

const s = (ms: number) => (ms / 1000).toFixed(2);
const fmt = (x: Spread, unit = '') => `${x.median.toFixed(2)}${unit} (${x.min.toFixed(2)}-${x.max.toFixed(2)})`;
console.log(`\n${availableParallelism()} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}; ${timed.length} pages x ${repeats} repeats, median (min-max) of per-pair figures`);
console.log('page  words  conf   js cpu s  cli cpu s  cli same-model cpu s');
for (const n of timed) {
  const own = rows.filter((x) => x.n === n);
  const med = (f: (x: (typeof own)[number]) => number) => spread(own.map(f)).median;
  console.log(
    `${String(n).padStart(4)}  ${String(own[0].words).padStart(5)}  ${own[0].conf.toFixed(0).padStart(4)}  ${s(med((x) => x.js.cpu)).padStart(9)}  ${(hasCli ? s(med((x) => x.fast!.cpu)) : '-').padStart(9)}  ${(hasCli ? s(med((x) => x.same!.cpu)) : '-').padStart(9)}`,
  );
}
const per = (f: (x: (typeof rows)[number]) => number) => spread(rows.map(f));
console.log(`\ntesseract.js pool, s/page      wall ${fmt(per((x) => x.js.wall / 1000))}  cpu ${fmt(per((x) => x.js.cpu / 1000))}`);
if (hasCli) {
  console.log(`tesseract CLI (own model)      wall ${fmt(per((x) => x.fast!.wall / 1000))}  cpu ${fmt(per((x) => x.fast!.cpu / 1000))}`);
  console.log(`tesseract CLI (same model)     wall ${fmt(per((x) => x.same!.wall / 1000))}  cpu ${fmt(per((x) => x.same!.cpu / 1000))}`);
  console.log(`ratio to CLI (own model)       wall ${fmt(per((x) => x.js.wall / x.fast!.wall), 'x')}  cpu ${fmt(per((x) => x.js.cpu / x.fast!.cpu), 'x')}   (target <= 1.4x)`);
  console.log(`ratio to CLI (same model)      wall ${fmt(per((x) => x.js.wall / x.same!.wall), 'x')}  cpu ${fmt(per((x) => x.js.cpu / x.same!.cpu), 'x')}`);
}
