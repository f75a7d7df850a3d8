/**
 * End to end on the fixture report: extract, write the output folder, read it back as a user's CI
 * would, and score the tables against the gold with the ICDAR 2013 cell adjacency.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGold, type Gold } from '../../src/evaluate/gold.js';
import { readOutput } from '../../src/evaluate/read-output.js';
import { scoreTables, type TableScore } from '../../src/evaluate/score-tables.js';
import { writeDocument } from '../../src/export/write.js';
import { extractFile } from '../../src/pipeline.js';
import { useTempDir } from '../evaluate/helpers/temp.js';

const FIXTURE = 'fixtures/mc2278';
const tempDir = useTempDir('tables-e2e');

async function run(file: string): Promise<{ score: TableScore; figures: number; failed: string[]; tableNotes: { table: string; text: string }[] }> {
  const doc = await extractFile(join(FIXTURE, file));
  const dir = await writeDocument(await tempDir(), doc);
  const out = await readOutput(dir);
  const failed = doc.tables.flatMap((t) => t.checks.filter((c) => !c.ok).map((c) => `${t.record.table_id}: ${c.detail}`));
  const ids = new Set(doc.tables.map((t) => t.record.table_id));
  const tableNotes = out.blocks.filter((b) => b.kind === 'note' && ids.has(b.block_id)).map((b) => ({ table: b.block_id, text: b.text }));
  return { score: scoreTables(gold, out.tables), figures: out.blocks.filter((b) => b.kind === 'figure').length, failed, tableNotes };
}

let gold: Gold;
beforeAll(async () => {
  gold = await loadGold(join(FIXTURE, 'gold.json'));
});

describe('tables of report.pdf', () => {
  it('finds every gold table, with cell adjacency F1 ≥ 0.99 overall and ≥ 0.95 for each table', { timeout: 240_000 }, async () => {
    const { score, figures, failed, tableNotes } = await run('report.pdf');
    expect(score.found).toBe(score.expected);
    expect(score.extra).toEqual([]);
    expect(score.adjacency.f1).toBeGreaterThanOrEqual(0.99);
    for (const t of score.tables) expect.soft(t.adjacency.f1 ?? 0, t.gold).toBeGreaterThanOrEqual(0.95);
    // The charts are figures, not tables.
    expect(figures).toBe(6);
    // The arithmetic failures are the report's own inconsistencies: two shares and two totals off by one.
    expect(failed).toHaveLength(4);
    expect(failed.join('\n')).toMatch(/675 \/ 2167 = 31\.15%, printed 32%/);
    expect(failed.join('\n')).toMatch(/806 \/ 2167 = 37\.19%, printed 36%/);
    expect(failed.filter((f) => /computed 978194370, printed 978194369/.test(f))).toHaveLength(2);
    // Sources under the annex tables are in blocks.csv too, linked to their table by its id.
    const sources = tableNotes.filter((n) => /^\W*Source/.test(n.text));
    expect(sources.length).toBeGreaterThanOrEqual(3);
    expect(new Set(sources.map((n) => n.table)).size).toBe(sources.length);
  });
});

describe('tables of report.txt', () => {
  it('reaches cell adjacency F1 ≥ 0.93 overall on the text dump', { timeout: 120_000 }, async () => {
    const { score } = await run('report.txt');
    expect(score.found).toBeGreaterThanOrEqual(16);
    expect(score.adjacency.f1).toBeGreaterThanOrEqual(0.93);
  });
});
