import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { writePdfPages } from '../../fixtures/lib/pdf-writer.js';
// @ts-expect-error plain JavaScript build script, no declarations
import { PATCHES, patchPdfjsWorker } from '../../scripts/pdfjs-patch.mjs';

const require = createRequire(import.meta.url);
const workerSource = readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8');

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
  const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));
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

describe('pdf.js parser patched for reading (scripts/pdfjs-patch.mjs)', () => {
  it('applies every patch to the installed pdf.js', () => {
    const { source, missing } = patchPdfjsWorker(workerSource);
    expect(missing).toEqual([]);
    expect(source).not.toBe(workerSource);
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
