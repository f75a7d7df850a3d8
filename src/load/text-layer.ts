/**
 * The page-level "no text layer" signal. A page whose text layer is empty is a scan, an image-only
 * page or a blank page. The pipeline records such pages; with --ocr auto|always an OCR engine
 * replaces them (`ocrWanted`), and with --ocr never (or no engine) they stay empty. When no page at
 * all has text the document cannot be extracted, which is an error rather than an empty result.
 */
import type { Page } from '../model/page.js';
import { LoadError, type LoadWarning } from './errors.js';

export type OcrMode = 'auto' | 'always' | 'never';

export function hasTextLayer(page: Page): boolean {
  return page.words.some((w) => w.text.trim() !== '');
}

/** Whether a page should go to OCR under `mode` (when an OCR engine is available). */
export function ocrWanted(page: Page, mode: OcrMode): boolean {
  return mode === 'always' || (mode === 'auto' && !hasTextLayer(page));
}

/** Compress [1,2,3,5] to "1-3, 5". */
export function pageRanges(pages: number[]): string {
  const out: string[] = [];
  for (let i = 0; i < pages.length; ) {
    let j = i;
    while (j + 1 < pages.length && pages[j + 1] === pages[j] + 1) j++;
    out.push(i === j ? `${pages[i]}` : `${pages[i]}-${pages[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

/** A page that has no text layer, and whether it shows images (a scan) or nothing (blank). */
export interface PageWithoutText {
  page: number;
  images: boolean;
}

export function withoutTextLayer(page: Page): PageWithoutText | null {
  return hasTextLayer(page) ? null : { page: page.number, images: page.images.length > 0 };
}

/**
 * After all pages are read: fail when no page has text, warn about the pages without one.
 * `missing` are the pages that still have no text layer (after OCR, if any ran).
 */
export function checkTextLayer(missing: PageWithoutText[], pages: number, mode: OcrMode, ocrAvailable: boolean, warnings: LoadWarning[]): void {
  if (!missing.length) return;
  const why = mode === 'never' ? 'OCR is disabled (--ocr never)' : ocrAvailable ? 'OCR found no text on them' : 'OCR is not available in this build';
  const scans = missing.filter((p) => p.images).length;
  const what = scans === missing.length ? 'images only' : scans ? 'images only or blank' : 'blank';
  if (missing.length === pages) {
    const kind = scans ? 'a scanned or image-only PDF' : 'its pages are blank';
    throw new LoadError('no-text-layer', `no text layer on ${pages === 1 ? 'its only page' : `any of its ${pages} pages`} (${kind}) and ${why}`);
  }
  const list = missing.map((p) => p.page);
  warnings.push({ code: 'no-text-layer', message: `${missing.length} of ${pages} pages have no text layer (${what}: ${pageRanges(list)}) and ${why}`, pages: list });
}
