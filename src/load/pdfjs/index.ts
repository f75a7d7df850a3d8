/**
 * The one entry point to pdf.js (legacy build: the modern one needs Node 22). Importing it through
 * here (a) restores the built-ins pdf.js's polyfills replace, and (b) hands pdf.js its parser
 * module up front (`globalThis.pdfjsWorker`), so the first document does not import it again and
 * its polyfills are undone too. Every module uses pdf.js through this file, never directly.
 */
import { restoreNatives } from './natives.js';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker ??= pdfjsWorker;
restoreNatives();

export const { getDocument, OPS, Util, VerbosityLevel, ImageKind, AnnotationMode } = pdfjs;
export type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
