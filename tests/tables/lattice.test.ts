import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Page, Rule, Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { buildTables } from '../../src/structure/tables/index.js';
import { findGrids } from '../../src/structure/tables/lattice.js';
import { fillCells } from '../../src/structure/tables/lattice-cells.js';
import { hrule, lineWords, page, vrule, word } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;

/** The whole structure and tables stages on hand-made pages, as the pipeline runs them. */
function extract(pages: Page[]) {
  const laid = pages.map(layoutPage);
  layoutDocument(laid, generic);
  const s = assemble(laid, generic);
  return { s, t: buildTables(laid, { tabular: s.tabular, paragraphs: s.paragraphs }) };
}

const rect = (x0: number, y0: number, x1: number, y1: number): Rule => ({ x0, y0, x1, y1, kind: 'rect' });

/** Words of a cell's text placed in the cell whose top-left corner is (x, y), one line each. */
const cellText = (lines: string[], x: number, y: number, opts: { bold?: boolean; size?: number } = {}): Word[] =>
  lines.flatMap((t, i) => lineWords(t, x + 4, y + 13 + i * 12, { size: 10, ...opts }));

/** A figure right-aligned in the cell ending at x1. */
const figure = (text: string, x1: number, y: number): Word => word({ text, x: x1 - 4 - text.length * 5, base: y + 13, size: 10 });

describe('ruled grids (lattice)', () => {
  it('reads a fully ruled 3×3 table whose header cell spans two columns', () => {
    const xs = [100, 200, 300, 400];
    const ys = [100, 120, 140, 160];
    const rules = [
      ...ys.map((y) => hrule(100, 400, y)),
      vrule(100, 100, 160),
      vrule(200, 100, 160),
      // No rule between the last two columns in the header row: one spanning cell.
      vrule(300, 120, 160),
      vrule(400, 100, 160),
    ];
    const words = [
      ...cellText(['Region'], xs[0], ys[0], { bold: true }),
      ...cellText(['Staff employed'], xs[1] + 20, ys[0], { bold: true }),
      ...cellText(['Africa'], xs[0], ys[1]),
      figure('12', xs[2], ys[1]),
      figure('1 400', xs[3], ys[1]),
      ...cellText(['Asia'], xs[0], ys[2]),
      figure('3', xs[2], ys[2]),
      figure('5', xs[3], ys[2]),
    ];
    const { t } = extract([page(words, rules)]);
    expect(t.tables).toHaveLength(1);
    const table = t.tables[0];
    expect(table.grid).toEqual([
      ['Region', 'Staff employed', ''],
      ['Africa', '12', '1 400'],
      ['Asia', '3', '5'],
    ]);
    expect(table.record.header_rows).toBe(1);
    expect(table.method).toMatchObject({ method: 'lattice' });
    // The spanning header names both columns below it.
    expect(table.cells.find((c) => c.text === '1 400')).toMatchObject({ column_label: 'Staff employed', row_label: 'Africa', value: 1400 });
  });

  it('reads a scan\'s grid the same way: rules from the image and a shaded header band on an OCR page', () => {
    // What the OCR loader gives a scanned full grid: slightly uneven rules (found in the image),
    // the header's shading as a filled rectangle, and words with OCR's sizes and no bold.
    const xs = [100, 220, 300, 380];
    const ys = [100, 124, 142, 160];
    const rules: Rule[] = [
      ...ys.map((y, i) => hrule(100.4 - i * 0.2, 380.3, y + i * 0.15)),
      ...xs.map((x, i) => vrule(x + i * 0.1, 99.8, 160.4)),
      { ...rect(100.5, 100.6, 379.6, 123.4), filled: true },
    ];
    const words = [
      ...cellText(['2007'], xs[1], ys[0]),
      ...cellText(['2008'], xs[2], ys[0]),
      ...cellText(['Movement'], xs[0], ys[1]),
      figure('406 377', xs[2], ys[1]),
      figure('538 884', xs[3], ys[1]),
      ...cellText(['Migration health'], xs[0], ys[2]),
      figure('44 404', xs[2], ys[2]),
      figure('51 306', xs[3], ys[2]),
    ];
    const { t } = extract([{ ...page(words, rules), source: 'ocr' }]);
    expect(t.tables).toHaveLength(1);
    expect(t.tables[0].grid).toEqual([
      ['', '2007', '2008'],
      ['Movement', '406 377', '538 884'],
      ['Migration health', '44 404', '51 306'],
    ]);
    expect(t.tables[0].method?.method).toBe('lattice');
  });

  it('on a page without typography, takes a numbered title wrapped over two lines above a grid as a heading and the table\'s title', () => {
    const xs = [100, 220, 300, 380];
    const ys = [120, 138, 156, 174];
    const rules: Rule[] = [...ys.map((y) => hrule(100, 380, y)), ...xs.map((x) => vrule(x, 120, 174))];
    const words = [
      ...lineWords('95. The Organization reports its projects by region every year, as below.', 72, 60, { size: 10 }),
      ...lineWords('4. Projects and expenditure of the Organization by region of the world and', 100, 92, { size: 10 }),
      ...lineWords('year', 100, 104, { size: 10 }),
      ...cellText(['Region'], xs[0], ys[0]),
      ...cellText(['2007'], xs[1], ys[0]),
      ...cellText(['2008'], xs[2], ys[0]),
      ...cellText(['Africa'], xs[0], ys[1]),
      figure('406', xs[2], ys[1]),
      figure('538', xs[3], ys[1]),
      ...cellText(['Europe'], xs[0], ys[2]),
      figure('44', xs[2], ys[2]),
      figure('51', xs[3], ys[2]),
      ...lineWords('96. The figures above are the expenditure of each region in the two years.', 72, 200, { size: 10 }),
    ];
    const { s, t } = extract([{ ...page(words, rules), source: 'ocr' }]);
    expect(t.tables).toHaveLength(1);
    expect(t.tables[0].record.title).toBe('4. Projects and expenditure of the Organization by region of the world and year');
    expect(s.headings.map((h) => [h.label, h.title])).toContainEqual(['4', 'Projects and expenditure of the Organization by region of the world and year']);
  });

  it('drops a speck read as a stop far from the words of its cell, and keeps a stop alone in its cell', () => {
    const xs = [100, 220, 300];
    const ys = [100, 120, 140];
    const rules = [...ys.map((y) => hrule(100, 300, y)), ...xs.map((x) => vrule(x, 100, 140))];
    const grid = findGrids(rules, { width: 595, height: 842 }, 10)[0];
    const words = [
      ...cellText(['Migration health'], xs[0], ys[0]),
      word({ text: '.', x: 200, base: ys[0] + 13, size: 10, w: 1 }),
      figure('162', xs[2], ys[0]),
      ...cellText(['Europe.'], xs[0], ys[1]),
      word({ text: '.', x: 280, base: ys[1] + 13, size: 10, w: 1 }),
    ];
    expect(fillCells(grid, words, 10).map((c) => c.text)).toEqual(['Migration health', '162', 'Europe.', '.']);
  });

  it('keeps a shaded header band over an unruled body as the table\'s header (the band is no box)', () => {
    const words = [
      ...lineWords('Region', 104, 118, { size: 10, bold: true }),
      ...lineWords('2007', 250, 118, { size: 10, bold: true }),
      ...lineWords('2008', 330, 118, { size: 10, bold: true }),
      ...[['Africa', '410', '422'], ['Asia', '77', '81'], ['Europe', '12', '15'], ['Americas', '5', '7']].flatMap((r, i) => [
        ...lineWords(r[0], 104, 140 + i * 14, { size: 10 }),
        ...lineWords(r[1], 255, 140 + i * 14, { size: 10 }),
        ...lineWords(r[2], 335, 140 + i * 14, { size: 10 }),
      ]),
    ];
    const { t } = extract([page(words, [{ ...rect(100, 104, 380, 124), filled: true }])]);
    expect(t.tables).toHaveLength(1);
    expect(t.tables[0].grid[0]).toEqual(['Region', '2007', '2008']);
    expect(t.tables[0].record.header_rows).toBe(1);
    expect(t.tables[0].grid).toHaveLength(5);
  });

  it('reads a grid of shaded cells drawn without a single stroke', () => {
    // Cell backgrounds with a hairline of white between them: their edges are the rules.
    const xs = [80, 220, 300, 380];
    const ys = [200, 218, 236, 254];
    const rules: Rule[] = [];
    for (let r = 0; r < 3; r++) for (let c = 0; c < 3; c++) rules.push(rect(xs[c] + 0.6, ys[r] + 0.6, xs[c + 1] - 0.6, ys[r + 1] - 0.6));
    const words = [
      ...cellText(['Category'], xs[0], ys[0] - 2),
      ...cellText(['2007'], xs[1], ys[0] - 2),
      ...cellText(['2008'], xs[2], ys[0] - 2),
      ...cellText(['Movement'], xs[0], ys[1] - 2),
      figure('410', xs[2], ys[1] - 2),
      figure('422', xs[3], ys[1] - 2),
      ...cellText(['Migration health'], xs[0], ys[2] - 2),
      figure('77', xs[2], ys[2] - 2),
      figure('81', xs[3], ys[2] - 2),
    ];
    const grids = findGrids(rules, { width: 595, height: 842 }, 10);
    expect(grids).toHaveLength(1);
    expect(grids[0].cells).toHaveLength(9);
    const { t } = extract([page(words, rules)]);
    expect(t.tables.map((x) => x.grid)).toEqual([
      [
        ['Category', '2007', '2008'],
        ['Movement', '410', '422'],
        ['Migration health', '77', '81'],
      ],
    ]);
    expect(t.tables[0].method?.method).toBe('lattice');
  });

  it('sees no edge where a cell’s lines are shaded again in the cell’s own colour', () => {
    // Shaded cells, and inside the label cell one shading per wrapped line, of the same colour.
    const xs = [80, 220, 300];
    const ys = [200, 218, 254];
    const fill = (x0: number, y0: number, x1: number, y1: number, colour: string): Rule => ({ ...rect(x0, y0, x1, y1), filled: true, fill: colour });
    const cells: Rule[] = [];
    for (let r = 0; r < 2; r++) for (let c = 0; c < 2; c++) cells.push(fill(xs[c] + 0.6, ys[r] + 0.6, xs[c + 1] - 0.6, ys[r + 1] - 0.6, '#17365d'));
    const lines = (colour: string) => [fill(85, 218.6, 215, 236, colour), fill(85, 236, 215, 253.4, colour)];
    const grid = (colour: string) => findGrids([...cells, ...lines(colour)], { width: 595, height: 842 }, 10)[0];
    expect(grid('#17365d').ys).toHaveLength(3);
    // A fill of another colour is seen: its edges are rules.
    expect(grid('#c6d9f1').ys.length).toBeGreaterThan(3);
    const words = [
      ...cellText(['Category'], xs[0], ys[0] - 2),
      ...cellText(['2008'], xs[1], ys[0] - 2),
      ...cellText(['Applications and', 'mashups'], xs[0], ys[1] - 1),
      figure('237', xs[2], ys[1] + 6),
    ];
    const { t } = extract([page(words, [...cells, ...lines('#17365d')])]);
    expect(t.tables.map((x) => x.grid)).toEqual([
      [
        ['Category', '2008'],
        ['Applications and mashups', '237'],
      ],
    ]);
  });

  it('keeps the three lines of a ruled cell as one cell’s text', () => {
    const xs = [100, 190, 260, 330];
    const ys = [100, 142, 160, 178];
    const rules = [...ys.map((y) => hrule(100, 330, y)), ...xs.map((x) => vrule(x, 100, 178))];
    const words = [
      ...cellText(['Operational', 'expenditure', '(USD)'], xs[0], ys[0]),
      ...cellText(['2007'], xs[1], ys[0] + 12, { bold: true }),
      ...cellText(['2008'], xs[2], ys[0] + 12, { bold: true }),
      ...cellText(['Africa'], xs[0], ys[1]),
      figure('1 200', xs[2], ys[1]),
      figure('1 350', xs[3], ys[1]),
      ...cellText(['Europe'], xs[0], ys[2]),
      figure('800', xs[2], ys[2]),
      figure('950', xs[3], ys[2]),
    ];
    const { t, s } = extract([page(words, rules)]);
    expect(t.tables).toHaveLength(1);
    expect(t.tables[0].grid[0]).toEqual(['Operational expenditure (USD)', '2007', '2008']);
    expect(t.tables[0].grid).toHaveLength(3);
    expect(t.tables[0].record.table_id).not.toMatch(/operational-operational/);
    // Nothing of the grid became a paragraph or a block of prose.
    expect(s.blocks.filter((b) => /Operational|Africa/.test(b.text))).toEqual([]);
  });

  it('parts a ruled band of text rows at its blank lines (rules only around each group)', () => {
    // One band holds a group label, then two rows of wrapped text, each block a blank line apart.
    const xs = [100, 200, 330, 460];
    const ys = [100, 120, 230];
    const rules = [...ys.map((y) => hrule(100, 460, y)), ...xs.map((x) => vrule(x, 100, 230))];
    const words = [
      ...cellText(['Source'], xs[0], ys[0], { bold: true }),
      ...cellText(['Definition'], xs[1], ys[0], { bold: true }),
      ...cellText(['Examples'], xs[2], ys[0], { bold: true }),
      ...cellText(['Stationary:'], xs[0], ys[1]),
      ...cellText(['Major'], xs[0], ys[1] + 24),
      ...cellText(['Emissions of ten', 'tons or more'], xs[1], ys[1] + 24),
      ...cellText(['Refineries and', 'power plants'], xs[2], ys[1] + 24),
      ...cellText(['Area'], xs[0], ys[1] + 60),
      ...cellText(['Emissions of less', 'than ten tons'], xs[1], ys[1] + 60),
      ...cellText(['Dry cleaners'], xs[2], ys[1] + 60),
    ];
    const { t } = extract([page(words, rules)]);
    expect(t.tables.map((x) => x.grid)).toEqual([
      [
        ['Source', 'Definition', 'Examples'],
        ['Stationary:', '', ''],
        ['Major', 'Emissions of ten tons or more', 'Refineries and power plants'],
        ['Area', 'Emissions of less than ten tons', 'Dry cleaners'],
      ],
    ]);
  });

  it('keeps cells of two paragraphs whole when the label column is blank beside the second', () => {
    const xs = [100, 200, 330, 460];
    const ys = [100, 120, 190];
    const rules = [...ys.map((y) => hrule(100, 460, y)), ...xs.map((x) => vrule(x, 100, 190))];
    const words = [
      ...cellText(['Groups'], xs[0], ys[0], { bold: true }),
      ...cellText(['Butter'], xs[1], ys[0], { bold: true }),
      ...cellText(['Margarine'], xs[2], ys[0], { bold: true }),
      ...cellText(['Astra'], xs[0], ys[1]),
      ...cellText(['Total: 0%'], xs[1], ys[1]),
      ...cellText(['Total: 47%'], xs[2], ys[1]),
      ...cellText(['(Fruit d’or,', 'Plantafin)'], xs[1], ys[1] + 24),
      ...cellText(['Effi (10.5%)', 'Prima (3.3%)'], xs[2], ys[1] + 24),
    ];
    const { t } = extract([page(words, rules)]);
    expect(t.tables.map((x) => x.grid)).toEqual([
      [
        ['Groups', 'Butter', 'Margarine'],
        ['Astra', 'Total: 0% (Fruit d’or, Plantafin)', 'Total: 47% Effi (10.5%) Prima (3.3%)'],
      ],
    ]);
  });

  it('keeps a cell of two paragraphs whole when the other columns do not part with it', () => {
    const xs = [100, 200, 330];
    const ys = [100, 120, 190];
    const rules = [...ys.map((y) => hrule(100, 330, y)), ...xs.map((x) => vrule(x, 100, 190))];
    const words = [
      ...cellText(['Source'], xs[0], ys[0], { bold: true }),
      ...cellText(['Definition'], xs[1], ys[0], { bold: true }),
      ...cellText(['Major'], xs[0], ys[1]),
      ...cellText(['Emissions of ten', 'tons or more'], xs[1], ys[1]),
      ...cellText(['Or of any', 'combination'], xs[1], ys[1] + 36),
    ];
    const { t } = extract([page(words, rules)]);
    expect(t.tables.map((x) => x.grid)).toEqual([
      [
        ['Source', 'Definition'],
        ['Major', 'Emissions of ten tons or more Or of any combination'],
      ],
    ]);
  });

  it('leaves a frame around prose alone', () => {
    const prose = 'The Organization continued to assist migrants and governments in all regions of the world with many programmes';
    const words = [...lineWords(prose, 104, 115, { size: 10 }), ...lineWords(prose, 104, 127, { size: 10 }), ...lineWords(prose, 104, 139, { size: 10 })];
    const rules = [hrule(100, 560, 100), hrule(100, 560, 150), vrule(100, 100, 150), vrule(560, 100, 150)];
    const { t } = extract([page(words, rules)]);
    expect(t.tables).toEqual([]);
  });
});
