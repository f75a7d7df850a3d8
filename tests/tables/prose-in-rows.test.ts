/**
 * Text set in one block with a table's rows that is not a row: running text before or after the
 * cells, and figures inside a row label's phrase.
 */
import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page } from './helpers/pages.js';

const build = (pages: ReturnType<typeof page>[], blocks: ReturnType<typeof block>[]) => buildTables(pages, { tabular: blocks, paragraphs: [] });
const RIGHTS = [220, 290, 360];

describe('running text inside a block of rows', () => {
  it('keeps a description under the caption and a source under the rows out of the grid', () => {
    const p = page({
      rows: [
        { base: 80, cells: [{ text: 'Table 2: Financial literacy', x: 150, size: 11 }] },
        { base: 95, cells: [{ text: 'This table contains the frequency and the share of respondents who answered zero', x: 100 }] },
        { base: 106, cells: [{ text: 'to three questions correctly.', x: 100 }] },
        { base: 120, cells: [{ text: 'Answers', x: 100 }, { text: 'Freq.', right: RIGHTS[0] }, { text: 'Percent', right: RIGHTS[1] }, { text: 'Cum.', right: RIGHTS[2] }] },
        figureRow(132, '0', 100, ['138', '6.9', '6.9'], RIGHTS),
        figureRow(144, '1', 100, ['178', '8.8', '15.7'], RIGHTS),
        figureRow(156, '2', 100, ['626', '31.1', '46.8'], RIGHTS),
        { base: 170, cells: [{ text: 'Source: SAVE 2007, data weighted by sample weights 2009, N= 2012.', x: 100 }] },
      ],
    });
    const { tables, notes } = build([p], [block(p, 80, 80), block(p, 95, 170)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual([
      ['Answers', 'Freq.', 'Percent', 'Cum.'],
      ['0', '138', '6.9', '6.9'],
      ['1', '178', '8.8', '15.7'],
      ['2', '626', '31.1', '46.8'],
    ]);
    expect(tables[0].record.title).toMatch(/^Table 2: Financial literacy This table contains/);
    expect(notes.map((n) => n.text)).toEqual(['Source: SAVE 2007, data weighted by sample weights 2009, N= 2012.']);
  });
});

describe('two columns of running text read across their gutter', () => {
  const left = ['Groups with high disability rates,', 'like older populations, are likely', 'to be underrepresented in surveys', 'like the survey. For individuals with', 'greater assistance needs, their'];
  const right = ['distributions. One way to account', 'for age differences is to adjust', 'estimates to a standard age distri-', 'bution using a common methodol-', 'ogy in the presentation of health'];

  it('makes no table of lines of two cells of several words each', () => {
    const p = page({ rows: left.map((t, i) => ({ base: 100 + 12 * i, cells: [{ text: t, x: 53 }, { text: right[i], x: 227 }] })) });
    const { tables, notes } = build([p], [block(p, 100, 148)]);
    expect(tables).toHaveLength(0);
    expect(notes.map((n) => n.text).join(' ')).toMatch(/Groups with high disability rates/);
  });

  it('still reads a table of short text cells, or of text cells with figures, as a table', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Country', x: 53 }, { text: 'Capital city', x: 227 }] },
        { base: 112, cells: [{ text: 'France', x: 53 }, { text: 'Paris', x: 227 }] },
        { base: 124, cells: [{ text: 'Italy', x: 53 }, { text: 'Rome', x: 227 }] },
        { base: 136, cells: [{ text: 'United Kingdom', x: 53 }, { text: 'London', x: 227 }] },
      ],
    });
    const { tables } = build([p], [block(p, 100, 136)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].grid.at(-1)).toEqual(['United Kingdom', 'London']);
  });
});

describe('a long row label is no running text', () => {
  it('keeps a label of many words wrapped over two lines, its figure beside them, in the grid', () => {
    // A table's last row carried over to the next page (on page 1, before any paragraph, a lone row is a masthead's).
    const p = page({
      number: 2,
      rows: [
        { base: 100, cells: [{ text: 'Total projects recorded in the database as of 31', x: 100, bold: true }] },
        { base: 105, cells: [{ text: '5,540', x: 330, bold: true }, { text: '(4,803 in 2007)', x: 360, bold: true }] },
        { base: 110, cells: [{ text: 'December 2008', x: 100, bold: true }] },
      ],
    });
    const { tables } = build([p], [block(p, 100, 110)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].record.title).toBe('');
    expect(tables[0].grid.flat().join(' ')).toMatch(/^Total projects recorded/);
  });
});

describe('figures inside a row label', () => {
  it('reads a label with years and a dash between its words ("Q2 2006 – Q1 2010") as one cell', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Period', x: 100 }, { text: 'Portugal', right: RIGHTS[0] }, { text: 'Greece', right: RIGHTS[1] }, { text: 'Spain', right: RIGHTS[2] }] },
        figureRow(115, 'Q2 2006 – Q1 2010', 100, ['0.33', '0.51', '0.31'], RIGHTS),
        figureRow(127, 'Q1 2009 – Q4 2009', 100, ['-0.01', '0.45', '0.21'], RIGHTS),
        figureRow(139, 'Q4 2009', 100, ['0.17', '0.70', '0.26'], RIGHTS),
      ],
    });
    const { tables } = build([p], [block(p, 100, 139)]);
    expect(tables[0].grid).toEqual([
      ['Period', 'Portugal', 'Greece', 'Spain'],
      ['Q2 2006 – Q1 2010', '0.33', '0.51', '0.31'],
      ['Q1 2009 – Q4 2009', '-0.01', '0.45', '0.21'],
      ['Q4 2009', '0.17', '0.70', '0.26'],
    ]);
  });

  it('keeps a figure set a little more than a space after a tightly set label apart from it', () => {
    const rights = [174, 225, 275];
    const p = page({
      rows: [
        { base: 100, cells: [{ text: '2004', right: rights[0], bold: true }, { text: '2005', right: rights[1], bold: true }, { text: '2006', right: rights[2], bold: true }] },
        figureRow(112, 'Total', 100, ['607 927 098', '922 019 824', '703 195 932'], rights),
      ],
    });
    const { tables } = build([p], [block(p, 100, 112)]);
    expect(tables[0].grid).toEqual([
      ['', '2004', '2005', '2006'],
      ['Total', '607 927 098', '922 019 824', '703 195 932'],
    ]);
  });
});
