/**
 * Rendering a pdf.js page (legacy build) to a greyscale raster with @napi-rs/canvas, and the raster
 * images drawn on the page (their boxes, and their native resolution so a scan is not upsampled).
 */
import { createCanvas } from '@napi-rs/canvas';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
}

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
export async function pageImages(page: PDFPageProxy): Promise<PageImage[]> {
  const { fnArray, argsArray } = await page.getOperatorList();
  const viewport = page.getViewport({ scale: 1 });
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const out: PageImage[] = [];
  const paint = (pixelWidth: number, pixelHeight: number) => {
    const corners = [[0, 0], [1, 0], [0, 1], [1, 1]].map(([u, v]) =>
      viewport.convertToViewportPoint(ctm[0] * u + ctm[2] * v + ctm[4], ctm[1] * u + ctm[3] * v + ctm[5]),
    );
    const xs = corners.map((p) => p[0]);
    const ys = corners.map((p) => p[1]);
    const rect = { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
    if (pixelWidth > 0 && pixelHeight > 0) out.push({ rect, pixelWidth, pixelHeight });
  };
  for (let i = 0; i < fnArray.length; i++) {
    const args = argsArray[i];
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
        paint(args[1], args[2]);
        break;
      case OPS.paintInlineImageXObject:
        paint(args[0]?.width ?? 0, args[0]?.height ?? 0);
        break;
    }
  }
  return out;
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
