/**
 * The whole pipeline for one input: load → layout → structure → validate. Pages stream through
 * the per-page stages; only their laid-out lines are kept for the cross-page stages, with their
 * words in compact form (layout/kept-page.ts): a long document's peak memory is mostly what is kept.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { keepPage, WordStore } from './layout/kept-page.js';
import { layoutDocument, layoutPage, type LaidOutPage } from './layout/layout.js';
import type { LoadWarning } from './load/errors.js';
import { identifyInput } from './load/input.js';
import { pdfFacts, readPdfSafely } from './load/pdf-safe.js';
import { textToPages } from './load/text.js';
import type { OcrPool } from './load/ocr.js';
import { checkTextLayer, withoutTextLayer, type OcrMode, type PageWithoutText } from './load/text-layer.js';
import { textLayerUsable } from './load/text-quality.js';
import { mendOcrPages } from './load/ocr-vocabulary.js';
import type { ExtractedDocument } from './model/document.js';
import type { Page } from './model/page.js';
import type { Block } from './validate/schemas.js';
import { detectProfile, loadProfile, type Profile } from './profiles/profile.js';
import { assemble } from './structure/assemble.js';
import { readMetadata } from './structure/metadata.js';
import { buildTables } from './structure/tables/index.js';
import { recordConfidences, summariseConfidence } from './structure/confidence.js';
import { recordBoxes } from './structure/provenance.js';
import { validateDocument } from './validate/checks.js';
import { crossTableChecks } from './validate/cross-table.js';
import { checkExpectedTables } from './validate/expected-tables.js';

export interface ExtractOptions {
  /** Built-in profile name or a profile file; detected when absent. */
  profile?: string;
  password?: string;
  onPage?: (done: number, total: number) => void;
  /** Each page as read (words, rules, images), before layout: for a caller that measures on them. */
  onPageRead?: (page: Page) => void;
  /** The output folder name; default: the file name without its extension. */
  docId?: string;
  /** auto (default): OCR pages without a text layer; never: leave them empty. */
  ocr?: OcrMode;
  /** Render resolution for OCR of pages that are not scans (a scan is read at its own resolution). */
  dpi?: number;
  /** Refuse a PDF with more pages than this (default: no limit). */
  maxPages?: number;
  /** Threads this document may use to read pages and OCR them (default 1; the CLI gives each
   * document its share of the cores). */
  threads?: number;
  /** Called as each stage starts, so a caller can bound its time: opening, each page, structure. */
  onStage?: (stage: 'open' | 'page' | 'structure', page?: number, total?: number) => void;
  /** Called as pages are read and OCR'd, for a progress bar. */
  onProgress?: (p: PageProgress) => void;
}

/** How far a document is: pages read from the file, then pages through OCR. */
export interface PageProgress {
  /** Pages in the document (0 until it is open). */
  pages: number;
  /** Pages read from the file (each either laid out at once or sent to OCR). */
  read: number;
  /** Pages sent to OCR so far, and how many of them are recognised. */
  ocr: number;
  ocrDone: number;
}

const imagesArea = (p: Page): number => p.images.reduce((a, r) => a + Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0), 0);

export async function extractFile(file: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const t0 = performance.now();
  return extractData(file, await readFile(file), opts, t0);
}

/** The pipeline on bytes in memory; `file` names them (its extension says what is expected). */
export async function extractData(file: string, data: Uint8Array, opts: ExtractOptions = {}, t0 = performance.now()): Promise<ExtractedDocument> {
  const input = identifyInput(file, data);
  const facts = input.kind === 'pdf' ? pdfFacts(data) : undefined;
  const kind = input.kind;
  const warnings: LoadWarning[] = [];
  const ocr = opts.ocr ?? 'auto';
  /** Pages without a text layer: the page-level signal OCR plugs into. */
  const withoutText: PageWithoutText[] = [];
  /** Pages read by OCR, and why their text layer was not used. */
  const ocrPages: { page: number; reason: string }[] = [];
  const timings: Record<string, number> = {};
  const laid: LaidOutPage[] = [];
  const store = new WordStore();
  const tLoad = performance.now();
  let layoutMs = 0;
  /** Pages the PDF displays rotated (coordinates are already turned; report.json says so). */
  const rotations = new Map<number, number>();
  const take = (page: Page, total: number) => {
    opts.onPageRead?.(page);
    if (page.rotation) rotations.set(page.number, page.rotation);
    const t = performance.now();
    laid.push(keepPage(layoutPage(page), store));
    layoutMs += performance.now() - t;
    opts.onPage?.(laid.length, total);
  };
  if (input.kind === 'pdf') {
    const pdf = readPdfSafely(new Uint8Array(data), { password: opts.password, maxPages: opts.maxPages, onStage: opts.onStage, warnings, facts, threads: opts.threads });
    let pool: OcrPool | null = null;
    const threads = Math.max(1, opts.threads ?? 1);
    // Pages in page order; an OCR page is a promise while its recognition runs in the pool, so
    // several pages are recognised at once. At most two pages per worker are in flight.
    const pending: { page: Promise<Page>; ocr: boolean }[] = [];
    let total = 0;
    const progress: PageProgress = { pages: 0, read: 0, ocr: 0, ocrDone: 0 };
    const drain = async (keep: number) => {
      while (pending.length > keep) {
        const next = pending.shift()!;
        const read = await next.page;
        const missing = withoutTextLayer(read);
        if (missing) withoutText.push(missing);
        take(read, total);
        if (next.ocr) {
          progress.ocrDone++;
          opts.onProgress?.({ ...progress });
        }
      }
    };
    try {
      for await (const { page, proxy, total: n } of pdf) {
        total = n;
        let read: Promise<Page> = Promise.resolve(page);
        // OCR a page whose text layer is missing or garbage (or every page with --ocr always);
        // a blank page (no text, no image) costs no OCR.
        // Only a page with an image has anything to OCR, so only there is the text layer judged.
        if (ocr === 'always' || (ocr === 'auto' && page.images.length)) {
          const verdict = textLayerUsable(page.words, page, imagesArea(page));
          if (ocr === 'always' || !verdict.usable) {
            // The OCR modules (tesseract.js, rendering) load only for a document that needs them.
            pool ??= await (await import('./load/ocr.js')).OcrPool.create({ jobs: threads, dpi: opts.dpi });
            // Rendered here, while the PDF is open; recognised in the pool while later pages load.
            read = (await pool.renderThenRecognize(await proxy(), page.number)).page;
            read.catch(() => {}); // awaited in order by drain
            ocrPages.push({ page: page.number, reason: ocr === 'always' ? '--ocr always' : verdict.reason });
          }
        }
        const toOcr = ocrPages.at(-1)?.page === page.number;
        Object.assign(progress, { pages: n, read: progress.read + 1, ocr: progress.ocr + (toOcr ? 1 : 0) });
        opts.onProgress?.({ ...progress });
        pending.push({ page: read, ocr: toOcr });
        await drain(pool ? 2 * threads : 0);
      }
      await drain(0);
    } finally {
      await pool?.close();
    }
    checkTextLayer(withoutText, laid.length, ocr, true, warnings);
  } else {
    const pages = textToPages(input.decoded.text);
    for (const p of pages) take(p, pages.length);
    opts.onProgress?.({ pages: pages.length, read: pages.length, ocr: 0, ocrDone: 0 });
    if (input.decoded.assumed) warnings.push({ code: 'encoding-assumed', message: `text encoding ${input.decoded.encoding} assumed: ${input.decoded.detected}` });
  }
  timings.load_and_layout_ms = performance.now() - tLoad;
  timings.layout_ms = layoutMs;
  // OCR misreadings the document's own vocabulary mends ("10M" where it reads "IOM" throughout).
  const mended = mendOcrPages(laid);

  const t1 = performance.now();
  opts.onStage?.('structure', undefined, laid.length);
  const profile: Profile = opts.profile ? loadProfile(opts.profile) : detectProfile(laid.slice(0, 3).flatMap((p) => p.lines.map((l) => l.text)));
  layoutDocument(laid, profile);
  const s = assemble(laid, profile);
  timings.structure_ms = performance.now() - t1;
  const tTables = performance.now();
  const t = buildTables(laid, { tabular: s.tabular, paragraphs: s.paragraphs, furniture: profile.furniture });
  timings.tables_ms = performance.now() - tTables;

  const docId = opts.docId ?? (path.basename(file).replace(/\.[^.]+$/, '') || 'document');
  const doc: ExtractedDocument = {
    docId,
    source: {
      file: path.basename(file),
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.length,
      kind,
      pages: laid.length,
      pageInfo: laid.map((p) => ({
        page: p.number,
        source: p.source,
        width: Math.round(p.width * 100) / 100,
        height: Math.round(p.height * 100) / 100,
        ...(rotations.has(p.number) ? { rotation: rotations.get(p.number) } : {}),
        ...(p.confidence !== undefined ? { confidence: Math.round(p.confidence * 10) / 10 } : {}),
        ...(ocrPages.find((o) => o.page === p.number) ? { ocr_reason: ocrPages.find((o) => o.page === p.number)!.reason } : {}),
      })),
      ...(input.kind === 'text' ? { encoding: { name: input.decoded.encoding, detected: input.decoded.detected, assumed: input.decoded.assumed } } : { encrypted: facts!.encrypted }),
    },
    profile: profile.spec.name,
    metadata: readMetadata(laid, s.frontMatter, profile),
    paragraphs: s.paragraphs,
    headings: s.headings,
    footnotes: s.footnotes,
    blocks: withTableBlocks(s.blocks, [...t.figures, ...t.notes]),
    tables: t.tables,
    boxes: [],
    unclassified: s.unclassified,
    ...(s.outline.length ? { contents: s.outline } : {}),
    checks: [],
    warnings,
    timings,
  };
  doc.boxes = recordBoxes(doc, new Map([...s.sources, ...t.where]), s.markBoxes);
  if (ocrPages.length) doc.ocr = summariseConfidence(recordConfidences(doc, s.sources), undefined, mended);
  const t2 = performance.now();
  doc.checks = [...validateDocument(doc, s), ...t.checks, ...crossTableChecks(doc.tables), ...checkExpectedTables(profile.spec.tables, doc.tables)];
  timings.validate_ms = performance.now() - t2;
  timings.total_ms = performance.now() - t0;
  return doc;
}

/**
 * Figure and table-note rows go after the last block of their page (blocks are in reading order);
 * each insertion steps back over later pages, so the rows may come in any page order.
 */
function withTableBlocks(blocks: Block[], figures: Block[]): Block[] {
  if (!figures.length) return blocks;
  const out = blocks.slice();
  for (const f of figures) {
    let at = out.length;
    while (at > 0 && (out[at - 1].page ?? 0) > (f.page ?? 0)) at--;
    out.splice(at, 0, f);
  }
  return out;
}
