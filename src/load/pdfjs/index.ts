/**
 * The one entry point to pdf.js (legacy build: the modern one needs Node 22). Importing it through
 * here (a) restores the built-ins pdf.js's polyfills replace, and (b) hands pdf.js its parser
 * module up front (`globalThis.pdfjsWorker`), so the first document does not import it again and
 * its polyfills are undone too. Every module uses pdf.js through this file, never directly. In the
 * bundle pdf.js and its parser are the copies patched for reading (scripts/pdfjs-patch.mjs).
 *
 * pdf.js is imported dynamically, after natives.ts has captured the built-ins: static imports of
 * packages are hoisted above all code, and in the esbuild bundle natives.ts is inlined, so a static
 * import would evaluate pdf.js first.
 */
import { restoreNatives } from './natives.js';
import { PDFJS_DISPLAY, PDFJS_PARSER } from '../../threads/entry.js';

const pdfjs = (await import(PDFJS_DISPLAY)) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= await import(PDFJS_PARSER);
restoreNatives();

export const { getDocument, OPS, Util, VerbosityLevel, ImageKind, AnnotationMode } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
