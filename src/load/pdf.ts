/**
 * PDF → positioned pages, with pdf.js (legacy build: the modern one needs browser globals).
 * One page at a time: each page's objects are released before the next is read, so memory does
 * not grow with the page count.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { AnnotationMode, getDocument, VerbosityLevel } from './pdfjs/index.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs/index.js';
import type { Page } from '../model/page.js';
import { readContent, type FontFacts, type Matrix } from './pdf-content.js';

const require = createRequire(import.meta.url);
const pdfjsDir = path.dirname(require.resolve('pdfjs-dist/package.json'));

export interface PdfOpenOptions {
  password?: string;
  /** pdf.js console verbosity (default: errors only). */
  verbosity?: number;
}

export async function openPdf(data: Uint8Array, opts: PdfOpenOptions = {}): Promise<PDFDocumentProxy> {
  return getDocument({
    data,
    password: opts.password,
    standardFontDataUrl: path.join(pdfjsDir, 'standard_fonts/'),
    cMapUrl: path.join(pdfjsDir, 'cmaps/'),
    cMapPacked: true,
    wasmUrl: path.join(pdfjsDir, 'wasm/'),
    isEvalSupported: false,
    verbosity: opts.verbosity ?? VerbosityLevel.ERRORS,
  }).promise;
}

const BOLD = /bold|black|heavy|semibold|demi/i;
const ITALIC = /italic|oblique/i;

const FONT_IDENTITY_SCALE = 0.001;

/** Facts of the fonts seen so far in a document, by pdf.js font id. */
export type FontCache = Map<string, FontFacts>;

function fontFacts(page: PDFPageProxy, id: string, cache: FontCache): FontFacts {
  let f = cache.get(id);
  if (f) return f;
  let name = id;
  let bold = false;
  let italic = false;
  let glyphScale = FONT_IDENTITY_SCALE;
  let vertical = false;
  if (page.commonObjs.has(id)) {
    const obj = page.commonObjs.get(id) as { name?: string; bold?: boolean; italic?: boolean; black?: boolean; fontMatrix?: number[]; vertical?: boolean };
    name = obj.name ?? id;
    // Embedded fonts leave .bold/.italic undefined: the font's own name is the reliable signal.
    bold = obj.bold === true || obj.black === true || BOLD.test(name);
    italic = obj.italic === true || ITALIC.test(name);
    if (obj.fontMatrix && obj.fontMatrix[0]) glyphScale = obj.fontMatrix[0];
    vertical = obj.vertical === true;
  }
  f = { name: name.replace(/^[A-Z]{6}\+/, ''), bold, italic, glyphScale, vertical };
  cache.set(id, f);
  return f;
}

/** Read one pdf.js page into the positioned-page model. */
export async function readPdfPage(page: PDFPageProxy, fonts: FontCache = new Map()): Promise<Page> {
  const viewport = page.getViewport({ scale: 1 });
  // Annotations (form fields, stamps) are not the report's text. Intent 'any' is reading's own: the
  // patched parser skips image pixels and glyph outlines for it (scripts/pdfjs-patch.mjs).
  const ops = await page.getOperatorList({ annotationMode: AnnotationMode.DISABLE, intent: 'any' });
  const { words, rules, images } = readContent(ops.fnArray, ops.argsArray, viewport.transform as Matrix, (id) => fontFacts(page, id, fonts));
  return {
    number: page.pageNumber,
    width: viewport.width,
    height: viewport.height,
    rotation: page.rotate,
    source: 'text-layer',
    words,
    rules,
    images,
  };
}
