/**
 * The whole pipeline for one input: load → layout → structure → validate. Pages stream through
 * the per-page stages; only their laid-out lines are kept for the cross-page stages.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { layoutDocument, layoutPage, type LaidOutPage } from './layout/layout.js';
import { openPdf, readPdfPages } from './load/pdf.js';
import { textToPages } from './load/text.js';
import type { ExtractedDocument } from './model/document.js';
import type { Page } from './model/page.js';
import type { Block } from './validate/schemas.js';
import { detectProfile, loadProfile, type Profile } from './profiles/profile.js';
import { assemble } from './structure/assemble.js';
import { readMetadata } from './structure/metadata.js';
import { buildTables } from './structure/tables/index.js';
import { validateDocument } from './validate/checks.js';

export interface ExtractOptions {
  /** Built-in profile name or a profile file; detected when absent. */
  profile?: string;
  password?: string;
  onPage?: (done: number, total: number) => void;
}

export async function extractFile(file: string, opts: ExtractOptions = {}): Promise<ExtractedDocument> {
  const t0 = performance.now();
  const data = await readFile(file);
  const kind = /\.pdf$/i.test(file) || data.subarray(0, 5).toString('latin1') === '%PDF-' ? 'pdf' : 'text';
  const timings: Record<string, number> = {};
  const laid: LaidOutPage[] = [];
  const tLoad = performance.now();
  let layoutMs = 0;
  const take = (page: Page, total: number) => {
    const t = performance.now();
    laid.push(layoutPage(page));
    layoutMs += performance.now() - t;
    opts.onPage?.(laid.length, total);
  };
  if (kind === 'pdf') {
    const doc = await openPdf(new Uint8Array(data), { password: opts.password });
    try {
      for await (const { page } of readPdfPages(doc)) take(page, doc.numPages);
    } finally {
      await doc.destroy();
    }
  } else {
    const pages = textToPages(data.toString('utf8'));
    for (const p of pages) take(p, pages.length);
  }
  timings.load_and_layout_ms = performance.now() - tLoad;
  timings.layout_ms = layoutMs;

  const t1 = performance.now();
  const profile: Profile = opts.profile ? loadProfile(opts.profile) : detectProfile(laid.slice(0, 3).flatMap((p) => p.lines.map((l) => l.text)));
  layoutDocument(laid, profile);
  const s = assemble(laid, profile);
  timings.structure_ms = performance.now() - t1;
  const tTables = performance.now();
  const t = buildTables(laid, { tabular: s.tabular, paragraphs: s.paragraphs, furniture: profile.furniture });
  timings.tables_ms = performance.now() - tTables;

  const docId = path.basename(file).replace(/\.[^.]+$/, '');
  const doc: ExtractedDocument = {
    docId,
    source: {
      file: path.basename(file),
      sha256: createHash('sha256').update(data).digest('hex'),
      bytes: data.length,
      kind,
      pages: laid.length,
      pageInfo: laid.map((p) => ({ page: p.number, source: p.source, ...(p.confidence !== undefined ? { confidence: p.confidence } : {}) })),
    },
    profile: profile.spec.name,
    metadata: readMetadata(laid, s.frontMatter, profile),
    paragraphs: s.paragraphs,
    headings: s.headings,
    footnotes: s.footnotes,
    blocks: withFigures(s.blocks, t.figures),
    tables: t.tables,
    unclassified: s.unclassified,
    checks: [],
    timings,
  };
  const t2 = performance.now();
  doc.checks = [...validateDocument(doc, s), ...t.checks];
  timings.validate_ms = performance.now() - t2;
  timings.total_ms = performance.now() - t0;
  return doc;
}

/** Figure rows go after the last block of their page that precedes them (blocks are in reading order). */
function withFigures(blocks: Block[], figures: Block[]): Block[] {
  if (!figures.length) return blocks;
  const out = blocks.slice();
  for (const f of figures) {
    let at = out.length;
    while (at > 0 && (out[at - 1].page ?? 0) > (f.page ?? 0)) at--;
    out.splice(at, 0, f);
  }
  return out;
}
