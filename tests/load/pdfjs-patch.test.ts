import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writePdfPages } from '../../fixtures/lib/pdf-writer.js';
// @ts-expect-error plain JavaScript build script, no declarations
import { PATCHES, patchPdfjsDisplay, patchPdfjsWorker } from '../../scripts/pdfjs-patch.mjs';

const require = createRequire(import.meta.url);
const workerSource = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');
const displaySource = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'), 'utf8');
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** A page with a word (a standard font, so pdf.js loads its glyphs) and a 30 × 20 grey image. */
function pdfWithImage(): Buffer {
  const pixels = Buffer.alloc(30 * 20, 0x80);
  return writePdfPages(
    [
      {
        width: 200,
        height: 200,
        content: 'q 60 0 0 40 20 100 cm /Im1 Do Q\nBT /F1 12 Tf 20 50 Td (Word) Tj ET',
        images: [{ name: 'Im1', width: 30, height: 20, data: deflateSync(pixels), filter: 'FlateDecode', colorSpace: 'DeviceGray' }],
      },
    ],
    [{ name: 'F1', baseFont: 'Helvetica' }],
  );
}

/**
 * In a fresh thread (pdf.js keeps its parser module for the process), with the patched parser:
 * the page's operator list for reading (intent 'any') and for display, how many zlib outputs had
 * the image's size (its pixels decoded) and how many glyph outlines pdf.js sent after each.
 */
function readInThread(parser: string, pdf: Buffer): Promise<{ reading: number[]; display: number[]; imageInflates: number[]; outlines: number[] }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    const zlib = process.getBuiltinModule('zlib');
    const inflate = zlib.inflateSync;
    let imageInflates = 0;
    zlib.inflateSync = (b) => { const out = inflate(b); if (out.length === 600) imageInflates++; return out; };
    (async () => {
      globalThis.pdfjsWorker = await import(workerData.parser);
      const pdfjs = await import(workerData.pdfjs);
      const doc = await pdfjs.getDocument({ data: workerData.pdf, standardFontDataUrl: workerData.fonts, verbosity: 0 }).promise;
      const page = await doc.getPage(1);
      const outlines = () => Object.keys(Object.fromEntries(page.commonObjs)).filter((k) => k.includes('_path_')).length;
      const mode = { annotationMode: pdfjs.AnnotationMode.DISABLE };
      const reading = await page.getOperatorList({ ...mode, intent: 'any' });
      const after = [imageInflates, outlines()];
      const display = await page.getOperatorList(mode);
      const img = display.argsArray[display.fnArray.indexOf(pdfjs.OPS.paintImageXObject)][0];
      await new Promise((resolve) => page.objs.get(img, resolve));
      parentPort.postMessage({ reading: [...reading.fnArray], display: [...display.fnArray], imageInflates: [after[0], imageInflates], outlines: [after[1], outlines()] });
      await doc.destroy();
    })();`;
  const w = new Worker(code, {
    eval: true,
    workerData: { parser, pdf: new Uint8Array(pdf), pdfjs: pathToFileURL(path.join(pdfjsDir, 'legacy/build/pdf.mjs')).href, fonts: path.join(pdfjsDir, 'standard_fonts/') },
  });
  return new Promise((resolve, reject) => {
    w.once('message', (m) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** A page of `lines` lines of text: over a thousand operators, so pdf.js sends its list in several chunks. */
function pdfWithManyLines(lines: number): Buffer {
  const content = Array.from({ length: lines }, (_, i) => `BT /F1 8 Tf 20 ${780 - (i % 95) * 8} Td (Line ${i} of text) Tj ET`).join('\n');
  return writePdfPages([{ width: 600, height: 800, content }], [{ name: 'F1', baseFont: 'Helvetica' }]);
}

/** Run `code` (CommonJS) in a fresh thread with `workerData`: its first message. */
function inThread<T>(code: string, workerData: object): Promise<T> {
  const w = new Worker(code, { eval: true, workerData });
  return new Promise((resolve, reject) => {
    w.once('message', (m: T) => {
      resolve(m);
      void w.terminate();
    });
    w.once('error', reject);
  });
}

/** The installed parser and display modules' URLs. */
const INSTALLED = {
  parser: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs')).href,
  display: pathToFileURL(require.resolve('pdfjs-dist/legacy/build/pdf.mjs')).href,
};

/** `use` given the URLs of both modules patched, written inside the project (where pdf.mjs finds the packages it requires). */
async function withPatchedModules<T>(use: (parser: string, display: string) => Promise<T>): Promise<T> {
  const root = path.resolve(__dirname, '../../.tmp');
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(path.join(root, 'pdfjs-patch-'));
  try {
    const parser = path.join(dir, 'pdf.worker.mjs');
    const display = path.join(dir, 'pdf.mjs');
    writeFileSync(parser, patchPdfjsWorker(workerSource).source);
    writeFileSync(display, patchPdfjsDisplay(displaySource).source);
    return await use(pathToFileURL(parser).href, pathToFileURL(display).href);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** In a fresh thread, with the given parser and display modules: the reading operator list of page 1, as JSON. */
function readingList(parser: string, display: string, pdf: Buffer): Promise<string> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      globalThis.pdfjsWorker = await import(workerData.parser);
      const pdfjs = await import(workerData.display);
      const doc = await pdfjs.getDocument({ data: workerData.pdf, standardFontDataUrl: workerData.fonts, verbosity: 0 }).promise;
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE, intent: 'any' });
      parentPort.postMessage(JSON.stringify([ops.fnArray, ops.argsArray]));
      await doc.destroy();
    })();`;
  return inThread(code, { parser, display, pdf: new Uint8Array(pdf), fonts: path.join(pdfjsDir, 'standard_fonts/') });
}

/** In a fresh thread: whether loading the two modules loaded @napi-rs/canvas, and the canvas globals after a first use. */
function canvasAfterLoading(parser: string, display: string): Promise<{ canvasLoaded: boolean; matrix: number[]; path2d: string; imageData: string }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      await import(workerData.display);
      await import(workerData.parser);
      const canvasLoaded = Object.keys(require.cache).some((k) => k.includes('@napi-rs/canvas'));
      const m = new DOMMatrix([2, 0, 0, 3, 4, 5]);
      parentPort.postMessage({ canvasLoaded, matrix: [m.a, m.d, m.e, m.f], path2d: typeof Path2D, imageData: typeof ImageData });
    })();`;
  return inThread(code, { parser, display });
}

/** In a fresh thread: whether loading the two modules loaded Node's fetch (undici), and Response.prototype.bytes after a first use of Response. */
function responseAfterLoading(parser: string, display: string): Promise<{ fetchLoaded: boolean; bytes: string; read: number[] }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      await import(workerData.display);
      await import(workerData.parser);
      const fetchLoaded = process.moduleLoadList.some((m) => m.includes('undici'));
      const bytes = typeof Response.prototype.bytes;
      const read = [...(await new Response(new Uint8Array([1, 2, 3])).bytes())];
      parentPort.postMessage({ fetchLoaded, bytes, read });
    })();`;
  return inThread(code, { parser, display });
}

describe('pdf.js parser patched for reading (scripts/pdfjs-patch.mjs)', () => {
  it('applies every patch to the installed pdf.js', () => {
    const { source, missing } = patchPdfjsWorker(workerSource);
    expect(missing).toEqual([]);
    expect(source).not.toBe(workerSource);
    const display = patchPdfjsDisplay(displaySource);
    expect(display.missing).toEqual([]);
    expect(display.source).not.toBe(displaySource);
  });

  it('gives the same operator list, chunk after chunk, when chunks are passed on without a copy', async () => {
    const pdf = pdfWithManyLines(400);
    const installed = await readingList(INSTALLED.parser, INSTALLED.display, pdf);
    const patched = await withPatchedModules((parser, display) => readingList(parser, display, pdf));
    expect(JSON.parse(installed)[0].length).toBeGreaterThan(1000);
    expect(patched).toBe(installed);
  });

  it("loads without Node's fetch, and still gives Response its bytes() on first use", async () => {
    const installed = await responseAfterLoading(INSTALLED.parser, INSTALLED.display);
    const patched = await withPatchedModules(responseAfterLoading);
    expect(installed.fetchLoaded).toBe(true);
    expect(patched.fetchLoaded).toBe(false);
    expect(patched.bytes).toBe('function');
    expect(patched.read).toEqual([1, 2, 3]);
  });

  it('loads without @napi-rs/canvas, and still gives DOMMatrix, Path2D and ImageData on first use', async () => {
    const installed = await canvasAfterLoading(INSTALLED.parser, INSTALLED.display);
    const patched = await withPatchedModules(canvasAfterLoading);
    expect(installed.canvasLoaded).toBe(true);
    expect(patched.canvasLoaded).toBe(false);
    expect(patched.matrix).toEqual([2, 3, 4, 5]);
    expect([patched.path2d, patched.imageData]).toEqual(['function', 'function']);
  });

  it('names a patch whose text is not found and leaves the source as it was', () => {
    const source = `${PATCHES[0].find}only the first patch's text`;
    const r = patchPdfjsWorker(source);
    expect(r.missing).toEqual(PATCHES.slice(1).map((p: { name: string }) => p.name));
    expect(r.source).toBe(source);
  });

  it('gives reading the same operators without decoding the image or building glyph outlines', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pdfjs-patch-'));
    try {
      const parser = path.join(dir, 'pdf.worker.mjs');
      writeFileSync(parser, patchPdfjsWorker(workerSource).source);
      const r = await readInThread(pathToFileURL(parser).href, pdfWithImage());
      expect(r.reading).toEqual(r.display);
      // Reading inflated the content stream only; display then decoded the image and built outlines.
      expect(r.imageInflates).toEqual([0, 1]);
      expect(r.outlines[0]).toBe(0);
      expect(r.outlines[1]).toBeGreaterThan(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
