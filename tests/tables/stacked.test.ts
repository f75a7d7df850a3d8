import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, page, type CellSpec } from './helpers/pages.js';

/**
 * Two tables stacked with nothing between them, as a typewriter sets them: a group title over
 * figure column labels, a typed rule of hyphens, rows "0.90 ........ 80 88 96" (the leader dots
 * run up to the figures). The second table repeats the first one's stub and group title over
 * other column labels, at other column positions.
 */
const PITCH = 11;
function stackedPage() {
  const rows: { base: number; cells: CellSpec[] }[] = [];
  let base = 100;
  const table = (labels: string[], rights: number[], values: string[][], leaderTo: number) => {
    rows.push({ base, cells: [{ text: 'Design effect by size', x: rights[0] - 15 }] });
    base += PITCH;
    rows.push({ base, cells: [{ text: 'Proportion', x: 80 }, ...labels.map((text, i) => ({ text, right: rights[i] }))] });
    base += PITCH;
    rows.push({ base, cells: [{ text: '-'.repeat(60), x: 60 }] });
    base += PITCH;
    for (const v of values) {
      rows.push({ base, cells: [{ text: v[0], x: 60 }, { text: '.'.repeat(Math.round((leaderTo - 90) / 4.5)), x: 90 }, ...v.slice(1).map((text, i) => ({ text, right: rights[i] }))] });
      base += PITCH;
    }
  };
  table(['1.0', '1.1', '1.2'], [220, 260, 300], [['0.99', '800', '880', '960'], ['0.90', '80', '88', '96'], ['0.50', '30', '33', '36'], ['0.10', '80', '88', '96']], 195);
  table(['1.7', '1.8', '2.0'], [205, 250, 310], [['0.99', '1,360', '1,440', '1,600'], ['0.90', '136', '144', '160'], ['0.50', '51', '54', '60'], ['0.10', '136', '144', '160']], 170);
  return { p: page({ rows }), last: base - PITCH };
}

describe('stacked tables and dot leaders', () => {
  it('splits two stacked tables at the second header block and reads leader dots as the gap between label and figures', () => {
    const { p, last } = stackedPage();
    // The typed rules of hyphens left the text for the page's rules.
    expect(p.lines.some((l) => /^-+$/.test(l.text))).toBe(false);
    expect(p.rules.filter((r) => r.typed)).toHaveLength(2);
    const { tables } = buildTables([p], { tabular: [block(p, 100, last)], paragraphs: [] });
    expect(tables).toHaveLength(2);
    expect(tables[0].grid.slice(-4)).toEqual([
      ['0.99', '800', '880', '960'],
      ['0.90', '80', '88', '96'],
      ['0.50', '30', '33', '36'],
      ['0.10', '80', '88', '96'],
    ]);
    expect(tables[1].grid.slice(-4)).toEqual([
      ['0.99', '1,360', '1,440', '1,600'],
      ['0.90', '136', '144', '160'],
      ['0.50', '51', '54', '60'],
      ['0.10', '136', '144', '160'],
    ]);
    // The group title over three columns stays a row of its own; the stub's header, set over the
    // leader dots, names the label column.
    expect(tables[0].grid.slice(0, 2)).toEqual([
      ['', 'Design effect by size', '', ''],
      ['Proportion', '1.0', '1.1', '1.2'],
    ]);
    expect(tables[1].grid.slice(0, 2)).toEqual([
      ['', 'Design effect by size', '', ''],
      ['Proportion', '1.7', '1.8', '2.0'],
    ]);
  });

  it('keeps a header repeated word for word inside one table', () => {
    const rows: { base: number; cells: CellSpec[] }[] = [];
    let base = 100;
    for (let part = 0; part < 2; part++) {
      rows.push({ base, cells: [{ text: 'Region', x: 60 }, { text: 'Staff', right: 220 }, { text: 'Offices', right: 280 }] });
      base += PITCH;
      for (const [a, b, c] of [['North', '12', '3'], ['South', '40', '7'], ['East', '9', '2']]) {
        rows.push({ base, cells: [{ text: a, x: 60 }, { text: b, right: 220 }, { text: c, right: 280 }] });
        base += PITCH;
      }
    }
    const p = page({ rows });
    const { tables } = buildTables([p], { tabular: [block(p, 100, base - PITCH)], paragraphs: [] });
    expect(tables).toHaveLength(1);
  });
});
