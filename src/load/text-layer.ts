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

/**
 * After all pages are read: fail when no page has text, warn about the pages without one.
 * `withoutText` are the pages that still have no text layer (after OCR, if any ran).
 */
export function checkTextLayer(withoutText: number[], pages: number, mode: OcrMode, ocrAvailable: boolean, warnings: LoadWarning[]): void {
  if (!withoutText.length) return;
  const why = mode === 'never' ? 'OCR is disabled (--ocr never)' : ocrAvailable ? 'OCR found no text on them' : 'OCR is not available in this build';
  if (withoutText.length === pages) {
    throw new LoadError('no-text-layer', `no text layer on ${pages === 1 ? 'its only page' : `any of its ${pages} pages`} (a scanned or image-only PDF) and ${why}`);
  }
  warnings.push({ code: 'no-text-layer', message: `${withoutText.length} of ${pages} pages have no text layer (images only or blank: ${pageRanges(withoutText)}) and ${why}`, pages: withoutText });
}
