/**
 * PDF → positioned pages, with pdf.js (legacy build: the modern one needs browser globals).
 * One page at a time: each page's objects are released before the next is read, so memory does
 * not grow with the page count.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { getDocument, OPS, Util, VerbosityLevel } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page, Rect, Rule, Word } from '../model/page.js';
import { splitRun } from './words.js';

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

type Matrix = [number, number, number, number, number, number];

interface FontInfo {
  name: string;
  bold: boolean;
  italic: boolean;
}

function fontInfo(page: PDFPageProxy, id: string, cache: Map<string, FontInfo>): FontInfo {
  let f = cache.get(id);
  if (f) return f;
  let name = id;
  let bold = false;
  let italic = false;
  if (page.commonObjs.has(id)) {
    const obj = page.commonObjs.get(id) as { name?: string; bold?: boolean; italic?: boolean; black?: boolean };
    name = obj.name ?? id;
    // Embedded fonts leave .bold/.italic undefined: the font's own name is the reliable signal.
    bold = obj.bold === true || obj.black === true || BOLD.test(name);
    italic = obj.italic === true || ITALIC.test(name);
  }
  f = { name: name.replace(/^[A-Z]{6}\+/, ''), bold, italic };
  cache.set(id, f);
  return f;
}

/** Apply matrix m to point (x, y). */
function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

function bboxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const pts = [apply(m, x0, y0), apply(m, x1, y0), apply(m, x0, y1), apply(m, x1, y1)];
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** A rule is thin in one direction; anything else is a rectangle (box border, cell shading). */
function toRule(r: Rect, thin = 2.5): Rule | null {
  const w = r.x1 - r.x0;
  const h = r.y1 - r.y0;
  if (w < 0.5 && h < 0.5) return null;
  if (h <= thin && w > h) return { ...r, kind: 'h' };
  if (w <= thin && h > w) return { ...r, kind: 'v' };
  return { ...r, kind: 'rect' };
}

const DRAW_MOVE = 0;
const DRAW_LINE = 1;
const DRAW_CURVE = 2;
const DRAW_QUAD = 3;
const DRAW_CLOSE = 4;

/**
 * Segments of one pdf.js 5.x path (DrawOPS codes). Straight segments become rules; a closed
 * 4-corner axis-aligned subpath is kept whole as a rectangle so box borders and filled cells keep
 * their extent. Curves only contribute to a bounding box (rounded boxes, chart shapes).
 */
function pathRects(path: ArrayLike<number>): Rect[] {
  const out: Rect[] = [];
  let sub: number[] = [];
  let curved = false;
  const flush = () => {
    if (sub.length >= 4) {
      const xs = sub.filter((_, i) => i % 2 === 0);
      const ys = sub.filter((_, i) => i % 2 === 1);
      const box = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
      const axisAligned = !curved && sub.length <= 10;
      if (axisAligned && sub.length >= 8) out.push(box);
      else if (!curved && sub.length === 4) out.push(box);
      else if (!curved) {
        for (let i = 0; i + 3 < sub.length; i += 2) {
          out.push({
            x0: Math.min(sub[i], sub[i + 2]),
            y0: Math.min(sub[i + 1], sub[i + 3]),
            x1: Math.max(sub[i], sub[i + 2]),
            y1: Math.max(sub[i + 1], sub[i + 3]),
          });
        }
      } else out.push(box);
    }
    sub = [];
    curved = false;
  };
  for (let i = 0; i < path.length; ) {
    const op = path[i++];
    if (op === DRAW_MOVE) {
      flush();
      sub.push(path[i++], path[i++]);
    } else if (op === DRAW_LINE) {
      sub.push(path[i++], path[i++]);
    } else if (op === DRAW_CURVE) {
      curved = true;
      sub.push(path[i + 4], path[i + 5]);
      i += 6;
    } else if (op === DRAW_QUAD) {
      curved = true;
      sub.push(path[i + 2], path[i + 3]);
      i += 4;
    } else if (op === DRAW_CLOSE) {
      // closing a subpath adds no new point
    } else break;
  }
  flush();
  return out;
}

const PAINT_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);

/** Rules and images from the operator list, in viewport coordinates (top-left origin). */
function graphics(fnArray: number[], argsArray: unknown[][], viewport: Matrix): { rules: Rule[]; images: Rect[] } {
  const rules: Rule[] = [];
  const images: Rect[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = Util.transform(ctm, argsArray[i] as Matrix) as Matrix;
    else if (fn === OPS.constructPath) {
      const [paintOp, paths] = argsArray[i] as [number, ArrayLike<number>[] | null, unknown];
      if (!PAINT_OPS.has(paintOp) || !paths) continue;
      const m = Util.transform(viewport, ctm) as Matrix;
      for (const p of paths) {
        if (!p) continue;
        for (const r of pathRects(p)) {
          const rule = toRule(bboxOf(m, r.x0, r.y0, r.x1, r.y1));
          if (rule) rules.push(rule);
        }
      }
    } else if (IMAGE_OPS.has(fn)) {
      const m = Util.transform(viewport, ctm) as Matrix;
      images.push(bboxOf(m, 0, 0, 1, 1));
    }
  }
  return { rules, images };
}

interface TextItemLike {
  str: string;
  width: number;
  height: number;
  transform: number[];
  fontName: string;
}

/** Read one pdf.js page into the positioned-page model. */
export async function readPdfPage(page: PDFPageProxy, fonts = new Map<string, FontInfo>()): Promise<Page> {
  const viewport = page.getViewport({ scale: 1 });
  const vt = viewport.transform as Matrix;
  // The operator list must come first: it is what loads the fonts into commonObjs.
  const ops = await page.getOperatorList();
  // No Unicode normalisation pass: the text is kept as printed, and it saves time per page.
  const tc = await page.getTextContent({ disableNormalization: true });
  const words: Word[] = [];
  for (const raw of tc.items as TextItemLike[]) {
    if (!raw.str || !raw.str.trim()) continue;
    const m = Util.transform(vt, raw.transform as Matrix) as Matrix;
    const size = Math.hypot(m[2], m[3]);
    const scaleX = Math.hypot(m[0], m[1]);
    if (size <= 0 || scaleX <= 0) continue;
    // Advance direction on the page; text that is not left-to-right horizontal after rotation
    // (vertical axis labels) is kept but laid out along its own bounding box.
    const dx = m[0] / scaleX;
    const dy = m[1] / scaleX;
    const [ox, oy] = [m[4], m[5]];
    const f = fontInfo(page, raw.fontName, fonts);
    const width = raw.width * (scaleX / Math.hypot(raw.transform[0], raw.transform[1]) || 1);
    for (const piece of splitRun(raw.str, width)) {
      const sx = ox + dx * piece.start;
      const sy = oy + dy * piece.start;
      const ex = ox + dx * piece.end;
      const ey = oy + dy * piece.end;
      const horizontal = Math.abs(dx) >= Math.abs(dy);
      const x0 = horizontal ? Math.min(sx, ex) : Math.min(sx, ex) - size * 0.8;
      const x1 = horizontal ? Math.max(sx, ex) : Math.max(sx, ex) + size * 0.2;
      words.push({
        text: piece.text,
        x0,
        x1,
        y0: horizontal ? Math.min(sy, ey) - size * 0.8 : Math.min(sy, ey),
        y1: horizontal ? Math.max(sy, ey) + size * 0.2 : Math.max(sy, ey),
        base: horizontal ? sy : Math.min(sy, ey),
        size,
        font: f.name,
        bold: f.bold,
        italic: f.italic,
      });
    }
  }
  const { rules, images } = graphics(ops.fnArray, ops.argsArray as unknown[][], vt);
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

/** Stream the pages of an open document, releasing each page's resources once read. */
export async function* readPdfPages(doc: PDFDocumentProxy, first = 1, last = doc.numPages, onStart?: (n: number) => void): AsyncGenerator<{ page: Page; proxy: PDFPageProxy }> {
  const fonts = new Map<string, FontInfo>();
  for (let n = first; n <= last; n++) {
    onStart?.(n);
    const proxy = await doc.getPage(n);
    const page = await readPdfPage(proxy, fonts);
    yield { page, proxy };
    proxy.cleanup();
  }
}
