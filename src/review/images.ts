/**
 * Page images for the review page: a PDF's pages rendered with pdf.js onto @napi-rs/canvas (a
 * scanned page is its scan, rendered the same way); a text dump's pages drawn as their text in a
 * fixed-pitch font. Modest resolution, JPEG: the page opens fast and the images load lazily.
 */
import { createCanvas } from '@napi-rs/canvas';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { identifyInput } from '../load/input.js';
import { openPdf } from '../load/pdf.js';
import { TEXT_GRID, textToPages } from '../load/text.js';

export interface PageImageFile {
  /** 1-based page number. */
  n: number;
  /** Page size in the unit of the boxes (points, or a dump's columns and lines). */
  w: number;
  h: number;
  /** Height / width of the page as printed (a dump's columns and lines differ in size). */
  ratio: number;
  /** File name beside index.html. */
  img: string;
}

export const IMAGE_SETTINGS = {
  /** Pixels per point of a PDF page (1.5: body text stays legible at a small file size). */
  scale: 1.5,
  /** Pixels per character column of a dump page. */
  dumpColumn: 8,
  jpegQuality: 78,
};

const fileName = (n: number) => `page-${String(n).padStart(3, '0')}.jpg`;

/** Render every page of `source` into `outDir`; returns the pages in order. */
export async function writePageImages(source: string, data: Uint8Array, outDir: string, s = IMAGE_SETTINGS): Promise<PageImageFile[]> {
  const input = identifyInput(source, data);
  return input.kind === 'pdf' ? pdfImages(data, outDir, s) : dumpImages(input.decoded.text, outDir, s);
}

async function pdfImages(data: Uint8Array, outDir: string, s: typeof IMAGE_SETTINGS): Promise<PageImageFile[]> {
  const doc = await openPdf(data.slice());
  const out: PageImageFile[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const viewport = page.getViewport({ scale: s.scale });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      // pdf.js types its canvas as a DOM canvas; @napi-rs/canvas implements the part it uses.
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
      await writeFile(path.join(outDir, fileName(n)), await canvas.encode('jpeg', s.jpegQuality));
      page.cleanup();
      out.push({ n, w: base.width, h: base.height, ratio: base.height / base.width, img: fileName(n) });
    }
  } finally {
    await doc.destroy();
  }
  return out;
}

/** A dump's pages as the loader reads them, drawn word by word on the character grid. */
async function dumpImages(text: string, outDir: string, s: typeof IMAGE_SETTINGS): Promise<PageImageFile[]> {
  const g = TEXT_GRID;
  const px = s.dumpColumn / g.charWidth;
  const out: PageImageFile[] = [];
  for (const page of textToPages(text)) {
    const canvas = createCanvas(Math.ceil(page.width * px), Math.ceil(page.height * px));
    const ctx = canvas.getContext('2d');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.fillStyle = '#000';
    ctx.font = `${Math.round(g.fontSize * px)}px monospace`;
    // Line i of the page fills grid rows [i, i + 1): its baseline four fifths down that row.
    const baseline = (base: number) => (base / g.lineHeight - 0.2) * g.lineHeight * px;
    for (const w of page.words) ctx.fillText(w.text, w.x0 * px, baseline(w.base));
    await writeFile(path.join(outDir, fileName(page.number)), await canvas.encode('jpeg', s.jpegQuality));
    out.push({ n: page.number, w: page.width / g.charWidth, h: page.height / g.lineHeight, ratio: page.height / page.width, img: fileName(page.number) });
  }
  return out;
}
