/**
 * Where a scanned page's OCR time goes, stage by stage, in CPU milliseconds of this process
 * (worker threads included): prepare (render or take the scan's pixels, binarise, crop, PBM),
 * recognise (tesseract.js, one worker, started and warmed up beforehand), parse the hOCR, and
 * assemble (ink checks, words, rules). With `--cli`, the tesseract CLI's CPU time on the same
 * binarised, cropped images (OMP_THREAD_LIMIT=1, psm 4, /usr/bin/time).
 *
 *   npx tsx bench/ocr-profile.ts FILE.pdf [pages, e.g. 1,2,3] [--cli] [--tessdata DIR]
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { createWorker, OEM } from 'tesseract.js';
import type Tesseract from 'tesseract.js';
import { getDocument } from '../src/load/pdfjs/index.js';
import { assemblePage, preparePage } from '../src/load/ocr-page.js';
import { OCR_SETTINGS } from '../src/load/ocr-settings.js';
import { parseHocr } from '../src/load/hocr.js';
import { cropBinary } from '../src/load/raster.js';
import { encodePng } from '../src/load/render.js';

const args = process.argv.slice(2);
const flag = (name: string) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  args.splice(i, 2);
  return v;
};
const cli = args.includes('--cli');
if (cli) args.splice(args.indexOf('--cli'), 1);
const tessdata = flag('--tessdata');
const file = args[0];
const pages = (args[1] ?? '1').split(',').map(Number);

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const require = createRequire(import.meta.url);
const langPath = path.join(path.dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
const worker = await createWorker('eng', OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
const t = OCR_SETTINGS.tesseract;
await worker.setParameters({ tessedit_pageseg_mode: t.psm as Tesseract.PSM, tessedit_do_invert: t.doInvert ? '1' : '0', hocr_char_boxes: '1' });

const doc = await getDocument({ data: new Uint8Array(await readFile(file)), isEvalSupported: false }).promise;
const dir = await mkdtemp(path.join(tmpdir(), 'ocr-profile-'));
const total = { prepare: 0, recognise: 0, parse: 0, assemble: 0, cli: 0 };
let warm = false;
console.log('page   dpi   size          prepare  recognise  parse  assemble   words  cli');
for (const n of pages) {
  let c = cpu();
  const p = await preparePage(await doc.getPage(n), n, OCR_SETTINGS.render.dpi);
  const prepare = cpu() - c;
  if (!p.pbm || !p.box) continue;
  const image = Buffer.from(p.pbm.buffer, p.pbm.byteOffset, p.pbm.byteLength);
  const opts = { user_defined_dpi: String(p.dpi) } as Partial<Tesseract.RecognizeOptions>;
  if (!warm) {
    await worker.recognize(image, opts, { hocr: true, text: false });
    warm = true;
  }
  c = cpu();
  const { data } = await worker.recognize(image, opts, { hocr: true, text: false });
  const recognise = cpu() - c;
  c = cpu();
  const lines = parseHocr(data.hocr ?? '');
  const parse = cpu() - c;
  c = cpu();
  const page = assemblePage(p, lines);
  const assemble = cpu() - c;
  let cliMs = NaN;
  if (cli) {
    const png = path.join(dir, `p${n}.png`);
    await writeFile(png, await encodePng(cropBinary(p.bin, p.box), true));
    const a = [png, path.join(dir, 'out'), '-l', 'eng', '--psm', t.psm, '--dpi', String(p.dpi), ...(tessdata ? ['--tessdata-dir', tessdata] : [])];
    const run = spawnSync('/usr/bin/time', ['-f', 'cpu %U %S', 'tesseract', ...a], { env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
    const m = /cpu ([\d.]+) ([\d.]+)/.exec(run.stderr.toString());
    if (m) cliMs = (Number(m[1]) + Number(m[2])) * 1000;
  }
  Object.assign(total, {
    prepare: total.prepare + prepare,
    recognise: total.recognise + recognise,
    parse: total.parse + parse,
    assemble: total.assemble + assemble,
    cli: total.cli + cliMs,
  });
  const f = (x: number, w: number) => x.toFixed(0).padStart(w);
  console.log(`${String(n).padStart(4)}  ${String(p.dpi).padStart(4)}   ${`${p.box.x1 - p.box.x0}x${p.box.y1 - p.box.y0}`.padEnd(12)} ${f(prepare, 8)} ${f(recognise, 10)} ${f(parse, 6)} ${f(assemble, 9)} ${f(page.words.length, 7)} ${f(cliMs, 5)}`);
}
const k = pages.length;
console.log(`mean CPU ms/page: prepare ${(total.prepare / k).toFixed(0)}, recognise ${(total.recognise / k).toFixed(0)}, parse ${(total.parse / k).toFixed(0)}, assemble ${(total.assemble / k).toFixed(0)}${cli ? `; CLI ${(total.cli / k).toFixed(0)}` : ''}`);
await worker.terminate();
await doc.destroy();
await rm(dir, { recursive: true, force: true });
