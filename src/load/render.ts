/**
 * Rendering a pdf.js page (legacy build) to a greyscale raster with @napi-rs/canvas, and the raster
 * images drawn on the page (their boxes, and their native resolution so a scan is not upsampled).
 */
import { createCanvas } from '@napi-rs/canvas';
import { ImageKind, OPS } from './pdfjs/index.js';
import type { PDFPageProxy } from 'pdfjs-dist/types/src/display/api.js';
import type { Rect } from '../model/page.js';
import { OCR_SETTINGS } from './ocr-settings.js';
import { rgbaToGrey, type BinaryImage, type GreyImage } from './raster.js';

export interface PageImage {
  /** Box on the page in points, top-left origin (page rotation applied). */
  rect: Rect;
  /** Size of the image's own pixel grid. */
  pixelWidth: number;
  pixelHeight: number;
  /** pdf.js object id of an image XObject (its decoded pixels are in page.objs after the operator list). */
  objId?: string;
  /** Drawn unrotated and unmirrored: its pixel rows are page rows. */
  upright: boolean;
}

export interface PageGraphics {
  images: PageImage[];
  /** The page paints nothing but its images (a plain scan). */
  imagesOnly: boolean;
}

// Operators that paint nothing themselves.
const NEUTRAL = new Set([OPS.dependency, OPS.save, OPS.restore, OPS.transform, OPS.setGState, OPS.beginMarkedContent, OPS.beginMarkedContentProps, OPS.endMarkedContent]);

export interface RenderedPage {
  image: GreyImage;
  dpi: number;
  /** Page size in points, rotation applied. */
  width: number;
  height: number;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Raster images painted on the page, from its operator list (tracking the CTM through forms). */
export async function pageGraphics(page: PDFPageProxy): Promise<PageGraphics> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const viewport = page.getViewport({ scale: 1 });
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const out: PageImage[] = [];
  let imagesOnly = true;
  const paint = (pixelWidth: number, pixelHeight: number, objId?: string) => {
    const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) =>
      viewport.convertToViewportPoint(ctm[0] * u + ctm[2] * v + ctm[4], ctm[1] * u + ctm[3] * v + ctm[5]),
    );
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    const rect = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    const upright = ctm[0] > 0 && ctm[3] > 0 && ctm[1] === 0 && ctm[2] === 0;
    if (pixelWidth > 0 && pixelHeight > 0) out.push({ rect, pixelWidth, pixelHeight, objId, upright });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i];
    if (!NEUTRAL.has(fnArray[i]) && fnArray[i] !== OPS.paintImageXObject) imagesOnly = false;
    switch (fnArray[i]) {
      case OPS.save:
        stack.push(ctm);
        break;
      case OPS.restore:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.transform:
        ctm = multiply(ctm, args as Matrix);
        break;
      case OPS.paintFormXObjectBegin:
        stack.push(ctm);
        if (Array.isArray(args[0]) && args[0].length === 6) ctm = multiply(ctm, args[0] as Matrix);
        break;
      case OPS.paintFormXObjectEnd:
        ctm = stack.pop() ?? ctm;
        break;
      case OPS.paintImageXObject:
        paint(args[1], args[2], args[0]);
        break;
      case OPS.paintInlineImageXObject:
        paint(args[0]?.width ?? 0, args[0]?.height ?? 0);
        break;
    }
  }
  return { images: out, imagesOnly };
}

/**
 * The dpi worth rendering at: a page that is one scanned image is rendered at the image's own
 * resolution (clamped to [minScanDpi, requested]); any other page at the requested dpi.
 */
export function renderDpi(
  page: { width: number; height: number },
  images: PageImage[],
  requested: number,
  s = OCR_SETTINGS.render,
): number {
  const pageArea = page.width * page.height;
  const scan = images.find((im) => ((im.rect.x1 - im.rect.x0) * (im.rect.y1 - im.rect.y0)) / pageArea >= s.scanCoverage);
  if (!scan) return requested;
  const areaIn2 = ((scan.rect.x1 - scan.rect.x0) * (scan.rect.y1 - scan.rect.y0)) / (72 * 72);
  const native = Math.sqrt((scan.pixelWidth * scan.pixelHeight) / areaIn2);
  return Math.round(Math.min(requested, Math.max(native, s.minScanDpi)));
}

/**
 * The raster of a plain scan without drawing it: when the page paints one upright image covering
 * it exactly and `dpi` is the image's own resolution, its decoded pixels (already in page.objs
 * from the operator list) are the page. Saves a canvas draw and read-back of the whole page.
 */
export function scanRaster(page: PDFPageProxy, g: PageGraphics, dpi: number): RenderedPage | null {
  const { width, height } = page.getViewport({ scale: 1 });
  const im = g.images[0];
  if (g.images.length !== 1 || !g.imagesOnly || page.rotate % 360 !== 0 || !im.upright || !im.objId) return null;
  const r = im.rect;
  if (Math.max(Math.abs(r.x0), Math.abs(r.y0), Math.abs(r.x1 - width), Math.abs(r.y1 - height)) > 1) return null;
  if (Math.abs((im.pixelWidth * 72) / width - dpi) > 0.01 * dpi) return null;
  const objs = im.objId.startsWith('g_') ? page.commonObjs : page.objs;
  if (!objs.has(im.objId)) return null;
  const img = objs.get(im.objId) as { width: number; height: number; kind?: number; data?: Uint8Array | Uint8ClampedArray };
  const { width: w, height: h, kind, data: src } = img;
  if (!src || w !== im.pixelWidth || h !== im.pixelHeight) return null;
  const data = new Uint8Array(w * h);
  if (kind === ImageKind.RGB_24BPP || kind === ImageKind.RGBA_32BPP) {
    const step = kind === ImageKind.RGB_24BPP ? 3 : 4;
    for (let i = 0, j = 0; i < data.length; i++, j += step) data[i] = (src[j] * 77 + src[j + 1] * 150 + src[j + 2] * 29) >> 8;
  } else return null; // 1-bit images carry their decode polarity elsewhere: let the canvas draw them.
  return { image: { width: w, height: h, data }, dpi, width, height };
}

/** Renders the page at `dpi` and returns its greyscale raster. */
export async function renderPage(page: PDFPageProxy, dpi: number): Promise<RenderedPage> {
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: dpi / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  // pdf.js types its canvas as a DOM canvas; @napi-rs/canvas implements the part it uses.
  await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
  const rgba = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
  return { image: rgbaToGrey(rgba, canvas.width, canvas.height), dpi, width: base.width, height: base.height };
}

/** PNG of a grey or binary raster (for the benchmark's tesseract CLI run and for debugging). */
export async function encodePng(img: GreyImage | BinaryImage, binary = false): Promise<Buffer> {
  const canvas = createCanvas(img.width, img.height);
  const ctx = canvas.getContext('2d');
  const out = ctx.createImageData(img.width, img.height);
  for (let i = 0, j = 0; i < img.data.length; i++, j += 4) {
    const g = binary ? (img.data[i] ? 0 : 255) : img.data[i];
    out.data[j] = out.data[j + 1] = out.data[j + 2] = g;
    out.data[j + 3] = 255;
  }
  ctx.putImageData(out, 0, 0);
  return canvas.encode('png');
}
