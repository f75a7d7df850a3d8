/**
 * A scanned excerpt (pages 1, 2 and 6 of the MC/2278 scan, no text layer) through the whole
 * pipeline with OCR, offline: the same kinds of records come out as from the digital PDF.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';

const EXCERPT = 'fixtures/scan-excerpt/report-scan-excerpt.pdf';

describe('OCR through the pipeline', () => {
  it('reads paragraphs, headings, a box and a footnote from a scan', { timeout: 180_000 }, async () => {
    const doc = await extractFile(EXCERPT);
    expect(doc.source.pageInfo.map((p) => p.source)).toEqual(['ocr', 'ocr', 'ocr']);
    expect(doc.source.pageInfo.every((p) => (p.confidence ?? 0) > 80)).toBe(true);
    // Pages 1–2 hold paragraphs 1–10; page 6 opens with 35: the sequence bridges the missing pages.
    const numbers = doc.paragraphs.map((p) => p.number);
    expect(numbers.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(numbers).toContain(35);
    expect(doc.paragraphs[0].text.startsWith('This is the first Report of the Director General')).toBe(true);
    expect(doc.headings.map((h) => [h.level, h.label, h.title])).toEqual(
      expect.arrayContaining([
        [1, '', 'INTRODUCTION'],
        [2, 'A', 'Technical Cooperation on Migration'],
      ]),
    );
    expect(doc.blocks.filter((b) => b.kind === 'box' && b.item > 0).map((b) => b.label)).toEqual(['2', '3', '4']);
    // tesseract reads the raised "1" as a quote or "!"; the mark is found in the ink and linked.
    expect(doc.footnotes.map((f) => [f.number, f.paragraph])).toEqual([[1, 10]]);
    expect(doc.paragraphs.find((p) => p.number === 10)!.footnotes).toEqual([1]);
    // Every paragraph and heading has its OCR confidence; the summary lists those to review.
    const ocr = doc.ocr!;
    const paras = ocr.records.filter((r) => r.kind === 'paragraph').map((r) => r.id);
    expect(paras).toEqual(doc.paragraphs.map((p) => String(p.number)));
    expect(ocr.records.filter((r) => r.kind === 'heading')).toHaveLength(doc.headings.length);
    expect(ocr.records.filter((r) => r.kind === 'footnote').map((r) => r.id)).toEqual(['1']);
    expect(ocr.records.every((r) => r.confidence > 0 && r.confidence <= 100)).toBe(true);
    expect(ocr.mean).toBeGreaterThan(80);
    expect(ocr.low_confidence.every((r) => r.confidence < ocr.threshold)).toBe(true);
  });

  it('fails clearly with --ocr never', async () => {
    await expect(extractFile(EXCERPT, { ocr: 'never' })).rejects.toThrow(/no text layer .* OCR is disabled/);
  });
});
