import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { scoreDocument } from '../../src/evaluate/score.js';
import { checkFigures, checkTableMinima, formatFigureFailures, measureFigures, parseThresholds, type FigureMinima } from '../../src/evaluate/thresholds.js';
import { tinyGold, tinyOutput } from '../evaluate/helpers/tiny.js';

const ALL_ONE: FigureMinima = {
  paragraphs_found: 1,
  paragraphs_exact: 1,
  paragraphs_similarity: 1,
  paragraphs_page: 1,
  paragraphs_section: 1,
  headings_f1: 1,
  footnotes_right: 1,
  box_items_recall: 1,
  list_items_recall: 1,
  tables_adjacency_f1: 1,
};

function tinyContext() {
  const gold = tinyGold();
  const records = tinyOutput();
  const output = { dir: 'tiny', ...records, tables: records.tables ?? [], report: null };
  return { gold, output, report: scoreDocument(output, gold, { worst: 100 }) };
}

describe('thresholds file', () => {
  it('parses the mc2278 thresholds', () => {
    const t = parseThresholds(JSON.parse(readFileSync('fixtures/mc2278/thresholds.json', 'utf8')));
    expect(t.gold).toBe('gold.json');
    expect(t.inputs.pdf?.file).toBe('report.pdf');
    expect(t.inputs.txt?.min.paragraphs_page).toBeUndefined();
    expect(t.note).toMatch(/ratchet/);
  });

  it('rejects unknown figures, shares above 1, a missing note and no inputs', () => {
    const input = { file: 'report.pdf', min: { ...ALL_ONE } };
    expect(() => parseThresholds({ note: 'n', inputs: { pdf: { ...input, min: { ...ALL_ONE, heading_f1: 0.9 } } } })).toThrow(/heading_f1/);
    expect(() => parseThresholds({ note: 'n', inputs: { pdf: { ...input, min: { ...ALL_ONE, headings_f1: 1.2 } } } })).toThrow(/headings_f1/);
    expect(() => parseThresholds({ inputs: { pdf: input } })).toThrow(/note/);
    expect(() => parseThresholds({ note: 'n', inputs: {} })).toThrow(/at least one input/);
    expect(() => parseThresholds({ note: 'n', inputs: { pdf: { ...input, min: { headings_f1: 1 } } } })).toThrow(/paragraphs_found/);
    expect(parseThresholds({ note: 'n', inputs: { txt: input } }).inputs.txt?.file).toBe('report.pdf');
  });
});

describe('checkTableMinima', () => {
  it('checks each table against its own minimum and names the tables below it', () => {
    const minima: Record<string, number>[] = [{ t1: 0.5 }, { t1: 1 }, { nope: 0 }];
    const [pass, fail, unknown] = minima.map((min) => checkTableMinima(tinyContext(), min)[0]);
    expect(pass).toMatchObject({ name: 'table t1', ok: true, records: [] });
    expect(pass.value).toBeGreaterThan(0.9);
    expect(fail.ok).toBe(false);
    expect(fail.records[0]).toMatch(/^table t1: output things \(\d+×\d+ vs gold \d+×\d+\), P /);
    expect(formatFigureFailures('tiny', [fail])).toMatch(/table t1 \(cell-adjacency F1\) = 0\.9\d+ < min 1/);
    expect(unknown).toMatchObject({ ok: false, records: ['table nope: no such table with cells in the gold'] });
  });

  it('parses per-table minimums, a gold file of its own and targets for a scan input', () => {
    const t = parseThresholds(JSON.parse(readFileSync('fixtures/mc2278-grid/thresholds.json', 'utf8')));
    expect(Object.keys(t.inputs.pdf?.tables_min ?? {})).toContain('movements-t2-departure-destination');
    expect(t.inputs.pdf?.target?.tables_adjacency_f1).toBe(0.97);
    expect(() => parseThresholds({ note: 'n', inputs: { scan: { file: 's.pdf', min: ALL_ONE, tables_min: { t: 2 } } } })).toThrow(/tables_min/);
  });
});

describe('checkFigures', () => {
  it('passes figures at or above their minimum and names nothing', () => {
    const results = checkFigures(tinyContext(), { ...ALL_ONE, paragraphs_found: 0.6, headings_f1: 0.5 });
    const found = results.find((r) => r.name === 'paragraphs_found')!;
    expect(found).toMatchObject({ ok: true, value: 2 / 3, records: [] });
  });

  it('measures every figure', () => {
    const m = measureFigures(tinyContext());
    expect(m.paragraphs_found).toBeCloseTo(2 / 3);
    expect(m.footnotes_right).toBe(0); // footnote 1 has the right text but the wrong paragraph
    expect(m.list_items_recall).toBe(0.5);
  });

  it('fails naming the figure, its value against its minimum and the records behind it', () => {
    const results = checkFigures(tinyContext(), ALL_ONE);
    const message = formatFigureFailures('tiny', results);
    expect(message).toContain('paragraphs_found (paragraphs found / expected) = 0.6667 < min 1');
    expect(message).toContain('paragraph 3: missing');
    expect(message).toContain('paragraph 4: not in the gold');
    expect(message).toMatch(/paragraph 2: text differs .*gold «.*officials.*» output «.*oficials.*»/);
    expect(message).toContain('paragraph 2: page 2 (gold 1)');
    expect(message).toContain('heading missed: L1 I. "FIRST SECTION" (found as L2 I. "FIRST SECTION")');
    expect(message).toContain('heading false positive: L3 "Bogus"');
    expect(message).toContain('footnote 1: paragraph: expected 2; found 3');
    expect(message).toContain('box item missing: "To offer expert advice."');
    expect(message).toContain('list item differs (list-1 item 2, similarity 0.533) at 0: gold «Second bullet.» output «Another bullet.»');
    expect(message).toMatch(/table t1: output things, adjacency F1 0\.9\d\d/);
  });

  it('does not check a figure without a minimum and passes a figure that does not apply', () => {
    const { tables_adjacency_f1: _, paragraphs_page: __, ...min } = ALL_ONE;
    const context = tinyContext();
    const names = checkFigures(context, min).map((r) => r.name);
    expect(names).not.toContain('tables_adjacency_f1');
    expect(names).not.toContain('paragraphs_page');
    const noFootnotes = { ...context, gold: { ...context.gold, footnotes: [] } };
    expect(checkFigures(noFootnotes, min).find((r) => r.name === 'footnotes_right')).toMatchObject({ value: null, ok: true });
  });
});
