import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadGold } from '../../src/evaluate/gold.js';
import { formatScore, score } from '../../src/evaluate/score.js';
import { perfectOutput } from './helpers/gold-output.js';
import { useTempDir } from './helpers/temp.js';
import { tinyGold, tinyOutput } from './helpers/tiny.js';
import { writeOutputFolder } from './helpers/write-output.js';
import { writeFile } from 'node:fs/promises';

const GOLD = 'fixtures/mc2278/gold.json';
const tempDir = useTempDir('score');

async function tinyFolder(): Promise<{ dir: string; goldPath: string }> {
  const dir = await tempDir();
  const goldPath = join(dir, 'gold.json');
  await writeFile(goldPath, JSON.stringify(tinyGold()));
  await writeOutputFolder(join(dir, 'out'), tinyOutput());
  return { dir: join(dir, 'out'), goldPath };
}

describe('score, round trip through CSV files', () => {
  it('gives the hand-worked figures for a tiny output folder', async () => {
    const { dir, goldPath } = await tinyFolder();
    const report = await score(dir, goldPath, { min: { paragraphs: 0.5, exact: 0.9 } });
    expect(report.symbol).toBe('T/1');
    expect(report.paragraphs).toMatchObject({ expected: 3, found: 2, missing: [3], extra: [4], exact: 1, pageRight: 0.5, sectionRight: 1 });
    expect(report.headings.strict).toMatchObject({ correct: 2, expected: 3, found: 4 });
    expect(report.footnotes.byNumber).toMatchObject({ correct: 1, expected: 1, found: 2 });
    expect(report.blocks.boxItems).toMatchObject({ correct: 2, expected: 3 });
    expect(report.tables).toMatchObject({ expected: 1, found: 1, adjacency: { correct: 10, expected: 10, found: 12 } });
    expect(report.thresholds).toEqual([
      { name: 'paragraphs', metric: 'paragraphs found / expected', min: 0.5, value: 2 / 3, ok: true },
      { name: 'exact', metric: 'paragraph exact-text rate', min: 0.9, value: 1 / 3, ok: false },
    ]);
    expect(report.failed).toEqual(['exact']);
  });

  it('formats a readable report', async () => {
    const { dir, goldPath } = await tinyFolder();
    const text = formatScore(await score(dir, goldPath, { min: { exact: 0.9 } }));
    expect(text).toContain('Paragraphs   2/3 found (66.7%)');
    expect(text).toContain('missing: 3');
    expect(text).toContain('missed: L1 I. "FIRST SECTION" (found as L2 I. "FIRST  SECTION")');
    expect(text).toContain('t1 ← things (by title');
    expect(text).toContain('t-image: no cells in the gold, left out');
    expect(text).toContain('FAILED: exact');
  });
});

describe('score of gold-derived perfect output', () => {
  it('is 1.0 everywhere for the fixture gold (the scorer and the gold agree)', async () => {
    const dir = await tempDir();
    const gold = await loadGold(GOLD);
    await writeOutputFolder(dir, perfectOutput(gold));
    const report = await score(dir, GOLD, { min: { paragraphs: 1, exact: 1, headings: 1, footnotes: 1, tables: 1 } });

    const p = report.paragraphs;
    expect([p.expected, p.found, p.exact]).toEqual([372, 372, 372]);
    for (const v of [p.recall, p.exactRate, p.meanSimilarity, p.pageRight, p.sectionRight, p.subsectionRight, p.footnotesRight]) expect(v).toBe(1);
    expect([p.missing, p.extra, p.duplicates, p.worst]).toEqual([[], [], [], []]);

    expect(report.headings.strict).toMatchObject({ expected: 128, precision: 1, recall: 1, f1: 1 });
    expect(report.headings.textOnly.f1).toBe(1);
    expect(report.footnotes).toMatchObject({ byNumber: { expected: 15, f1: 1 }, textRate: 1, paragraphRate: 1, errors: [] });

    const b = report.blocks;
    expect(b.boxItems).toMatchObject({ precision: 1, recall: 1, labelRight: 1, missing: [], extra: [] });
    expect(b.listItems).toMatchObject({ precision: 1, recall: 1 });
    expect(b.notes).toMatchObject({ expected: 5, recall: 1 });
    expect(b.figures).toEqual({ expected: 6, found: 6 });

    const t = report.tables;
    expect(t).toMatchObject({ expected: 18, found: 18, recall: 1, precision: 1, extra: [] });
    expect(t.adjacency).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(t.tables.every((table) => table.output === table.gold && table.adjacency.f1 === 1)).toBe(true);
    expect(t.excluded).toEqual([{ gold: 'movements-t3-service-departure-destination', output: null, matchedBy: null }]);

    expect(report.failed).toEqual([]);
  });

  it('has no page figure, and otherwise the same, for a text dump without pages', async () => {
    const dir = await tempDir();
    const gold = await loadGold(GOLD);
    await writeOutputFolder(dir, perfectOutput(gold, { withPages: false }));
    const report = await score(dir, GOLD);
    expect(report.paragraphs.pageRight).toBeNull();
    expect(report.paragraphs.exactRate).toBe(1);
    expect(report.tables.adjacency.f1).toBe(1);
  });
});
