/**
 * End to end on the bundled report: extract the PDF and the text dump, write the output folders,
 * score them against the gold file with the same code as `report-extract score`, and hold the
 * accuracy the structure stage promises (issue thresholds, see README).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { score, type ScoreReport } from '../../src/evaluate/score.js';
import { writeDocument } from '../../src/export/write.js';
import { extractFile } from '../../src/pipeline.js';

const GOLD = 'fixtures/mc2278/gold.json';
let dir = '';
const reports: Record<string, ScoreReport> = {};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'report-extract-e2e-'));
  for (const kind of ['pdf', 'txt']) {
    const doc = await extractFile(`fixtures/mc2278/report.${kind}`);
    doc.docId = kind;
    await writeDocument(dir, doc);
    reports[kind] = await score(path.join(dir, kind), GOLD);
  }
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('report.pdf against gold', () => {
  it('finds all 372 paragraphs with their exact text, page and section', () => {
    const p = reports.pdf.paragraphs;
    expect(p.found).toBe(372);
    expect(p.expected).toBe(372);
    expect(p.exactRate!).toBeGreaterThanOrEqual(0.99);
    expect(p.meanSimilarity!).toBeGreaterThanOrEqual(0.999);
    expect(p.pageRight!).toBeGreaterThanOrEqual(0.99);
    expect(p.sectionRight!).toBeGreaterThanOrEqual(0.99);
  });
  it('finds the headings (F1 ≥ 0.98)', () => {
    expect(reports.pdf.headings.strict.f1!).toBeGreaterThanOrEqual(0.98);
  });
  it('finds 15 of 15 footnotes with the right text and paragraph', () => {
    const f = reports.pdf.footnotes;
    expect(f.byNumber.correct).toBe(15);
    expect(f.textRight).toBe(15);
    expect(f.paragraphRight).toBe(15);
  });
  it('recovers box and list items (recall ≥ 0.98)', () => {
    expect(reports.pdf.blocks.boxItems.recall!).toBeGreaterThanOrEqual(0.98);
    expect(reports.pdf.blocks.listItems.recall!).toBeGreaterThanOrEqual(0.98);
  });
});

describe('report.txt against gold', () => {
  it('finds all 372 paragraphs, exact text ≥ 98 %', () => {
    expect(reports.txt.paragraphs.found).toBe(372);
    expect(reports.txt.paragraphs.exactRate!).toBeGreaterThanOrEqual(0.98);
  });
  it('finds the headings (F1 ≥ 0.95)', () => {
    expect(reports.txt.headings.strict.f1!).toBeGreaterThanOrEqual(0.95);
  });
  it('finds 15 of 15 footnotes', () => {
    expect(reports.txt.footnotes.byNumber.correct).toBe(15);
    expect(reports.txt.footnotes.textRight).toBe(15);
  });
});
