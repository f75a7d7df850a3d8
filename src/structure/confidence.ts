/**
 * OCR confidence of records: the mean confidence of the words a record was made of, weighted by
 * their length (a long word misread matters more than a stray mark). Records from a text layer
 * have no confidence. Those below a threshold are listed for review in report.json.
 */
import type { ExtractedDocument } from '../model/document.js';
import type { Word } from '../model/page.js';

/** Records below this mean word confidence (tesseract's 0–100 scale) are listed for review. */
export const LOW_CONFIDENCE = 75;

export function wordsConfidence(lines: readonly { words: readonly Word[] }[]): number | undefined {
  let sum = 0;
  let weight = 0;
  for (const l of lines) {
    for (const w of l.words) {
      if (w.conf === undefined) continue;
      sum += w.conf * w.text.length;
      weight += w.text.length;
    }
  }
  return weight ? Math.round((sum / weight) * 10) / 10 : undefined;
}

export interface RecordConfidence {
  kind: 'paragraph' | 'heading' | 'footnote' | 'block' | 'table';
  /** The record's key: paragraph or footnote number, block id and item, heading label or title, table id. */
  id: string;
  page: number | null;
  confidence: number;
  /** The start of the record's text, for low-confidence records. */
  text?: string;
}

export interface OcrConfidence {
  /** Mean word confidence over every OCR record, weighted as above. */
  mean: number;
  threshold: number;
  records: RecordConfidence[];
  low_confidence: RecordConfidence[];
  /** OCR words mended from the document's vocabulary (load/ocr-vocabulary.ts). */
  mended_words?: number;
}

/** The report.json summary, or null when no record came from OCR. */
export function summariseConfidence(records: (RecordConfidence & { text?: string; weight: number })[], threshold = LOW_CONFIDENCE, mended?: number): OcrConfidence | null {
  if (!records.length) return null;
  const weight = records.reduce((a, r) => a + r.weight, 0);
  const mean = weight ? records.reduce((a, r) => a + r.confidence * r.weight, 0) / weight : 0;
  const strip = ({ weight: _w, text: _t, ...r }: RecordConfidence & { weight: number }): RecordConfidence => r;
  return {
    mean: Math.round(mean * 10) / 10,
    threshold,
    records: records.map(strip),
    low_confidence: records.filter((r) => r.confidence < threshold).map((r) => ({ ...strip(r), text: (r.text ?? '').slice(0, 80) })),
    ...(mended !== undefined ? { mended_words: mended } : {}),
  };
}

/** Every record that has an OCR confidence, in document order (paragraphs, headings, blocks, footnotes, tables). */
export function recordConfidences(
  doc: Pick<ExtractedDocument, 'paragraphs' | 'headings' | 'blocks' | 'footnotes' | 'tables'>,
  sources: Map<object, readonly { words: readonly Word[] }[]>,
): (RecordConfidence & { weight: number })[] {
  const out: (RecordConfidence & { weight: number })[] = [];
  const add = (rec: object, kind: RecordConfidence['kind'], id: string, page: number | null, text: string) => {
    const lines = sources.get(rec);
    const confidence = lines ? wordsConfidence(lines) : undefined;
    if (confidence !== undefined) out.push({ kind, id, page, confidence, text, weight: text.length });
  };
  for (const p of doc.paragraphs) add(p, 'paragraph', String(p.number), p.page, p.text);
  for (const h of doc.headings) add(h, 'heading', h.label ? `${h.label}. ${h.title}` : h.title, h.page, h.title);
  for (const b of doc.blocks) add(b, 'block', b.block_id ? `${b.block_id}#${b.item}` : b.kind, b.page, b.text);
  for (const f of doc.footnotes) add(f, 'footnote', String(f.number), f.page, f.text);
  for (const t of doc.tables) {
    if (t.confidence !== undefined) out.push({ kind: 'table', id: t.record.table_id, page: t.record.page_start, confidence: t.confidence, text: t.record.title, weight: t.cells.reduce((a, c) => a + c.text.length, 0) });
  }
  return out;
}
