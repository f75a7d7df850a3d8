import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page, type CellSpec } from './helpers/pages.js';

/**
 * A wide statistics table over a page that turns to two columns under it: its notes, then running
 * text in the left column only, or in both columns on shared baselines (the layout joins them
 * across the gutter into lines with one wide gap). Neither kind of prose is a row of the table.
 */
const rights = [220, 300, 380, 460];
const tableRows = [
  { base: 100, cells: [{ text: 'Age', x: 60 }, ...['no.', 'Rate', 'no.', 'Rate'].map((text, i) => ({ text, right: rights[i] }))] },
  figureRow(112, '45–54', 60, ['47', '21.8', '91', '8.7'], rights),
  figureRow(124, '55–64', 60, ['116', '85.5', '224', '31.9'], rights),
  figureRow(136, '65–74', 60, ['164', '234.9', '527', '132.2'], rights),
  figureRow(148, 'total', 60, ['777', '163.8', '3,229', '130.9'], rights),
];
const LEFT = ['Rates for the majority of the southern states were', 'higher than the median, whereas all but one western', 'state had rates lower than the median in that year.'];
const RIGHT = ['these states had the lowest stroke rates of all', 'However, certain southern states with high rates', 'also had high stroke rates as the figures show.'];

function build(prose: { base: number; cells: CellSpec[] }[]) {
  const p = page({ rows: [...tableRows, { base: 162, cells: [{ text: 'Abbreviation: CI = confidence interval.', x: 60 }] }, ...prose] });
  const blocks = [block(p, 100, 148), block(p, 162, 162), block(p, 180, 204)];
  return buildTables([p], { tabular: blocks, paragraphs: [] });
}

describe('prose under a wide table', () => {
  const expected = [
    ['Age', 'no.', 'Rate', 'no.', 'Rate'],
    ['45–54', '47', '21.8', '91', '8.7'],
    ['55–64', '116', '85.5', '224', '31.9'],
    ['65–74', '164', '234.9', '527', '132.2'],
    ['total', '777', '163.8', '3,229', '130.9'],
  ];

  it('keeps the left column\'s running text under the last row out of the grid', () => {
    const { tables } = build(LEFT.map((text, i) => ({ base: 180 + 12 * i, cells: [{ text, x: 60 }] })));
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual(expected);
    expect(tables[0].notes[0]).toMatch(/^Abbreviation: CI = confidence interval\. /);
  });

  it('keeps two columns of running text joined across the gutter out of the grid', () => {
    const { tables } = build(LEFT.map((text, i) => ({ base: 180 + 12 * i, cells: [{ text, x: 60 }, { text: RIGHT[i], x: 300 }] })));
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual(expected);
    expect(tables[0].notes[0]).toMatch(/^Abbreviation: CI = confidence interval\. /);
  });
});
