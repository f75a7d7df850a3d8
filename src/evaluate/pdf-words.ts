/**
 * A PDF's words and page sizes, read with the extractor's own loader: what the region measures
 * count characters in. Text-layer words only (a page without one gives no words).
 */
import { readFile } from 'node:fs/promises';
import { readPdfSafely } from '../load/pdf-safe.js';
import type { PageSize } from './icdar.js';
import type { PageWords } from './icdar-regions.js';

export interface PdfWords {
  words: PageWords;
  pageSizes: Map<number, PageSize>;
}

export async function readPdfWords(path: string): Promise<PdfWords> {
  const data = new Uint8Array(await readFile(path));
  const words: PageWords = new Map();
  const pageSizes = new Map<number, PageSize>();
  for await (const { page } of readPdfSafely(data, { warnings: [] })) {
    words.set(page.number, page.words.map((w) => ({ text: w.text, x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 })));
    pageSizes.set(page.number, { width: page.width, height: page.height, rotation: page.rotation });
  }
  return { words, pageSizes };
}
