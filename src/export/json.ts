/** report.json: the source, metadata, counts, checks and timings — and, with the json format, every record. */
import type { ExtractedDocument } from '../model/document.js';
import { blockKey, cellKey } from '../structure/provenance.js';
import type { BoxRecord, RecordKind } from '../validate/schemas.js';
import { LazyArray } from './json-stream.js';

/** Each record's boxes (without its kind and id), looked up by kind and id. */
function boxesOf(boxes: BoxRecord[]): (kind: RecordKind, id: string) => Omit<BoxRecord, 'record_kind' | 'record_id'>[] {
  const by = new Map<string, Omit<BoxRecord, 'record_kind' | 'record_id'>[]>();
  for (const { record_kind, record_id, ...b } of boxes) {
    const k = `${record_kind} ${record_id}`;
    const list = by.get(k);
    if (list) list.push(b);
    else by.set(k, [b]);
  }
  return (kind, id) => by.get(`${kind} ${id}`) ?? [];
}

/**
 * The records arrays are LazyArrays: each record (with its boxes) is made as it is written
 * (writeJsonFile), or all at once by JSON.stringify (through toJSON), so the same bytes either way.
 */
export function reportJson(doc: ExtractedDocument, withRecords: boolean): object {
  const boxes = boxesOf(doc.boxes);
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
      boxes: doc.boxes.length,
    },
    validation: {
      ok: doc.checks.every((c) => c.ok || c.severity !== 'error'),
      failed: doc.checks.filter((c) => !c.ok).length,
      checks: doc.checks,
    },
    unclassified: doc.unclassified,
    ...(doc.contents?.length ? { contents: doc.contents } : {}),
    // Merged cells (the CSVs keep a merged cell's text in its top-left position only), and how
    // each grid was read and why.
    tables: doc.tables.map((t) => ({
      table_id: t.record.table_id,
      spans: t.spans ?? [],
      ...(t.method ? { method: t.method.method, method_reason: t.method.method_reason } : {}),
    })),
    ...(doc.ocr ? { ocr_confidence: doc.ocr } : {}),
    timings: Object.fromEntries(Object.entries(doc.timings).map(([k, v]) => [k, Math.round(v * 10) / 10])),
    ...(withRecords
      ? {
          records: {
            paragraphs: lazy(doc.paragraphs, (p) => ({ ...p, boxes: boxes('paragraph', String(p.number)) })),
            headings: lazy(doc.headings, (h, i) => ({ ...h, boxes: boxes('heading', String(i + 1)) })),
            footnotes: lazy(doc.footnotes, (f) => ({ ...f, boxes: boxes('footnote', String(f.number)), mark_boxes: boxes('mark', String(f.number)) })),
            blocks: lazy(doc.blocks, (b) => ({ ...b, boxes: boxes('block', blockKey(b)) })),
            tables: lazy(doc.tables, (t) => ({
              ...t.record,
              boxes: boxes('table', t.record.table_id),
              grid: t.grid,
              cells: t.cells.map((c) => ({ ...c, boxes: boxes('cell', cellKey(c)) })),
              notes: t.notes,
              checks: t.checks,
            })),
          },
        }
      : {}),
  };
}

const lazy = <T, U>(items: T[], f: (item: T, i: number) => U): LazyArray<U> => new LazyArray(items.length, (i) => f(items[i], i));
