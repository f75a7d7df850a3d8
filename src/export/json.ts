/** report.json: the source, metadata, counts, checks and timings — and, with the json format, every record. */
import type { ExtractedDocument } from '../model/document.js';

export function reportJson(doc: ExtractedDocument, withRecords: boolean): object {
  return {
    doc_id: doc.docId,
    source: { ...doc.source, pageInfo: undefined, page_sources: doc.source.pageInfo },
    profile: doc.profile,
    warnings: doc.warnings ?? [],
    metadata: doc.metadata,
    counts: {
      paragraphs: doc.paragraphs.length,
      headings: doc.headings.length,
      footnotes: doc.footnotes.length,
      blocks: doc.blocks.length,
      tables: doc.tables.length,
      cells: doc.tables.reduce((n, t) => n + t.cells.length, 0),
      unclassified: doc.unclassified.length,
    },
    validation: {
      ok: doc.checks.every((c) => c.ok || c.severity !== 'error'),
      failed: doc.checks.filter((c) => !c.ok).length,
      checks: doc.checks,
    },
    unclassified: doc.unclassified,
    ...(doc.ocr ? { ocr_confidence: doc.ocr } : {}),
    timings: Object.fromEntries(Object.entries(doc.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    ...(withRecords
      ? {
          records: {
            paragraphs: doc.paragraphs,
            headings: doc.headings,
            footnotes: doc.footnotes,
            blocks: doc.blocks,
            tables: doc.tables.map((t) => ({ ...t.record, grid: t.grid, notes: t.notes, checks: t.checks })),
          },
        }
      : {}),
  };
}
