/**
 * The full-grid fixture is generated (fixtures/mc2278-grid/make.ts): regenerating it must give the
 * committed bytes, so the PDF, its gold and the scan's gold never drift from the generator or
 * from the MC/2278 gold they are typeset from.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGold } from '../../src/evaluate/gold.js';
import { FIXTURE_DIR, makeGridFixture, readSourceGold } from '../../fixtures/mc2278-grid/make.js';

const committed = (name: string): Buffer => readFileSync(path.join(FIXTURE_DIR, name));

describe('fixtures/mc2278-grid', () => {
  const made = makeGridFixture(readSourceGold());

  it('regenerates byte for byte', () => {
    expect(made.pdf.equals(committed('report.pdf')), 'report.pdf differs: run npx tsx fixtures/mc2278-grid/make.ts').toBe(true);
    expect(made.gold).toBe(committed('gold.json').toString('utf8'));
    expect(made.goldScan).toBe(committed('gold-scan.json').toString('utf8'));
  });

  it('writes gold files that load, with every MC/2278 table that has cells, each with its pages', () => {
    const gold = parseGold(JSON.parse(made.gold));
    const source = readSourceGold();
    const withCells = source.tables.filter((t) => [...t.header_rows, ...t.rows].flat().some((c) => c !== ''));
    expect(gold.tables.map((t) => t.id)).toEqual(withCells.map((t) => t.id));
    for (const t of gold.tables) {
      const from = withCells.find((s) => s.id === t.id)!;
      expect([...t.header_rows, ...t.rows]).toEqual([...from.header_rows, ...from.rows]);
      expect(t.page_last! >= t.page!).toBe(true);
    }
    expect(gold.tables.some((t) => t.continued)).toBe(true);
    // Both forms of ruling occur, and the wide table stands on a landscape page.
    expect(new Set(gold.tables.map((t) => t.rule_style))).toEqual(new Set(['lines', 'rects']));
    const pdf = made.pdf.toString('latin1');
    expect(pdf).toContain('/MediaBox [0 0 792 612]');
    expect(pdf).toMatch(/ re B /);
    expect(pdf).toMatch(/ re f /);
    const scan = parseGold(JSON.parse(made.goldScan));
    expect(scan.tables.length).toBeGreaterThanOrEqual(3);
    expect(scan.tables.every((t) => gold.tables.some((g) => g.id === t.id))).toBe(true);
  });
});
