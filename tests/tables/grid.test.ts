import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, hrule, page } from './helpers/pages.js';

/**
 * A bold header of two group titles ("Headquarters" at hqX, "Field" at fieldX) over F/M leaves
 * right-aligned at rights[0..3], the row label and "Total" (at rights[4]) between the two rows.
 */
const groupedHeader = (base: number, label: { text: string; x: number }, hqX: number, fieldX: number, rights: number[]) => [
  { base, cells: [{ text: 'Headquarters', x: hqX, bold: true }, { text: 'Field', x: fieldX, bold: true }] },
  { base: base + 6, cells: [{ ...label, bold: true }, { text: 'Total', right: rights[4], bold: true }] },
  { base: base + 12, cells: ['F', 'M', 'F', 'M'].map((text, i) => ({ text, right: rights[i], bold: true })) },
];

const build = (pages: ReturnType<typeof page>[], blocks: ReturnType<typeof block>[]) => buildTables(pages, { tabular: blocks, paragraphs: [] });

describe('tables on positioned pages', () => {
  it('rebuilds a ruled 3×3 table with its header row', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Item', x: 100, bold: true }, { text: '2007', right: 250, bold: true }, { text: '2008', right: 320, bold: true }] },
        figureRow(115, 'Staff', 100, ['12', '14'], [250, 320]),
        figureRow(127, 'Offices', 100, ['3', '5'], [250, 320]),
      ],
      rules: [hrule(95, 325, 90), hrule(95, 325, 105), hrule(95, 325, 131)],
    });
    const { tables } = build([p], [block(p, 100, 127)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual([
      ['Item', '2007', '2008'],
      ['Staff', '12', '14'],
      ['Offices', '3', '5'],
    ]);
    expect(tables[0].record.header_rows).toBe(1);
    const cell = tables[0].cells.find((c) => c.text === '14')!;
    expect(cell).toMatchObject({ row: 1, col: 2, is_header: false, row_label: 'Staff', column_label: '2008', value: 14 });
  });

  it('reads an unruled numeric table: spaced thousands, a percentage column, a Total row', () => {
    const rights = [300, 360];
    const p = page({
      rows: [
        figureRow(100, 'Africa', 100, ['478', '22%'], rights),
        figureRow(111, 'Asia and Oceania', 100, ['426', '20%'], rights),
        figureRow(122, 'Europe', 100, ['1 263', '58%'], rights),
        figureRow(133, 'Total', 100, ['2 167', ''], rights),
      ],
    });
    const { tables } = build([p], [block(p, 100, 133)]);
    expect(tables[0].grid).toEqual([
      ['Africa', '478', '22%'],
      ['Asia and Oceania', '426', '20%'],
      ['Europe', '1 263', '58%'],
      ['Total', '2 167', ''],
    ]);
    expect(tables[0].cells.find((c) => c.text === '2 167')?.value).toBe(2167);
    expect(tables[0].cells.find((c) => c.text === '22%')).toMatchObject({ value: 22, unit: '%' });
    const total = tables[0].checks.find((c) => c.name === 'table-total-row')!;
    expect(total.ok).toBe(true);
    expect(total.data).toMatchObject({ computed: 2167, printed: 2167, difference: 0 });
  });

  it('keeps two figures a space apart in tight columns when other rows confirm the edge', () => {
    // "9" ends a column that other rows confirm; "1 646" is one figure.
    const rights = [200, 230];
    const p = page({
      rows: [
        figureRow(100, 'A', 100, ['9', '1 646'], rights),
        figureRow(111, 'B', 100, ['12', '5'], rights),
        figureRow(122, 'C', 100, ['3', '20'], rights),
      ],
    });
    const { tables } = build([p], [block(p, 100, 122)]);
    expect(tables[0].grid[0]).toEqual(['A', '9', '1 646']);
  });

  it('joins a wrapped label whose figures sit on its middle', () => {
    const rights = [300, 360];
    const p = page({
      rows: [
        figureRow(100, 'Administrative Programme', 100, ['34.8', '32.0'], rights),
        figureRow(111.5, 'Operational Programmes', 100, ['978.2', '751.8'], rights),
        { base: 123, cells: [{ text: 'Total expenditure for the', x: 100 }] },
        { base: 128.2, cells: [{ text: '1 013.0', right: 300 }, { text: '783.8', right: 360 }] },
        { base: 133.4, cells: [{ text: 'year', x: 100 }] },
      ],
    });
    const { tables } = build([p], [block(p, 100, 133.4)]);
    expect(tables[0].grid).toEqual([
      ['Administrative Programme', '34.8', '32.0'],
      ['Operational Programmes', '978.2', '751.8'],
      ['Total expenditure for the year', '1 013.0', '783.8'],
    ]);
    expect(tables[0].checks.filter((c) => c.name === 'table-total-row').every((c) => c.ok)).toBe(true);
  });

  it('puts a group label centred over its rows in the block’s first row and fills it down as row label', () => {
    const p = page({
      rows: [
        figureRow(100, 'Resettlement', 200, ['10'], [400]),
        { base: 111.5, cells: [{ text: 'Africa', x: 100 }, { text: 'Repatriation', x: 200 }, { text: '20', right: 400 }] },
        figureRow(123, 'Labour', 200, ['5'], [400]),
        figureRow(134.5, 'Africa Total', 100, ['35'], [400], true),
        figureRow(146, 'Resettlement', 200, ['7'], [400]),
        { base: 151.7, cells: [{ text: 'Europe', x: 100 }] },
        figureRow(157.4, 'Labour', 200, ['1'], [400]),
        figureRow(168.9, 'Europe Total', 100, ['8'], [400], true),
      ],
    });
    const { tables } = build([p], [block(p, 100, 168.9)]);
    expect(tables[0].grid).toEqual([
      ['Africa', 'Resettlement', '10'],
      ['', 'Repatriation', '20'],
      ['', 'Labour', '5'],
      ['Africa Total', '', '35'],
      ['Europe', 'Resettlement', '7'],
      ['', 'Labour', '1'],
      ['Europe Total', '', '8'],
    ]);
    expect(tables[0].cells.find((c) => c.text === '20')?.row_label).toBe('Africa / Repatriation');
    expect(tables[0].checks.filter((c) => c.name === 'table-total-row').map((c) => c.ok)).toEqual([true, true]);
  });

  it('places group titles over the columns they head and names each column by its header path', () => {
    const rights = [240, 270, 310, 340, 380];
    const p = page({
      rows: [
        ...groupedHeader(100, { text: 'Grade', x: 100 }, 222, 313, rights),
        figureRow(124, 'D-1', 100, ['3', '8', '3', '15', '29'], rights),
        figureRow(135.5, 'P-5', 100, ['9', '16', '8', '26', '59'], rights),
      ],
    });
    const { tables } = build([p], [block(p, 100, 135.5)]);
    const t = tables[0];
    expect(t.record.header_rows).toBe(2);
    expect(t.grid.slice(0, 2)).toEqual([
      ['Grade', 'Headquarters', '', 'Field', '', 'Total'],
      ['', 'F', 'M', 'F', 'M', ''],
    ]);
    expect(t.cells.find((c) => c.text === '16')?.column_label).toBe('Headquarters / M');
    // Total = HQ F + HQ M + Field F + Field M on both rows.
    expect(t.checks.filter((c) => c.name === 'table-total-column').map((c) => c.ok)).toEqual([true, true]);
  });
});

describe('group titles over columns', () => {
  it('gives a column between two titles to the nearer one when both stay centred taking it', () => {
    // As printed: "Field" would centre a little better over HQ M + Field F + Field M, but HQ M
    // lies right under "Headquarters" and well apart from "Field".
    const rights = [340, 380, 405, 429, 454];
    const p = page({
      rows: [
        ...groupedHeader(746, { text: 'Country', x: 180 }, 318, 397, rights),
        figureRow(770, 'Afghanistan', 142, ['', '', '15', '170', '185'], rights),
        figureRow(781, 'Albania', 142, ['', '1', '11', '4', '16'], rights),
      ],
    });
    const { tables } = build([p], [block(p, 746, 781)]);
    expect(tables[0].grid[0]).toEqual(['Country', 'Headquarters', '', 'Field', '', 'Total']);
  });
});

describe('running text left to the tables stage', () => {
  const prose = [
    'World resources: although domestic resources of raw materials for the production are',
    'rather limited, adequate resources are available in the western hemisphere and more',
    'than adequate for the production of the other product.',
  ];
  it('keeps a paragraph under the rows out of the grid, as the table’s notes', () => {
    const rights = [300, 360];
    const p = page({
      rows: [
        figureRow(100, 'Africa', 100, ['478', '22%'], rights),
        figureRow(111, 'Asia', 100, ['426', '20%'], rights),
        figureRow(122, 'Europe', 100, ['1 263', '58%'], rights),
        ...prose.map((text, i) => ({ base: 140 + 11 * i, cells: [{ text, x: 100 }] })),
      ],
    });
    const { tables, notes } = build([p], [block(p, 100, 122), block(p, 140, 162)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual([
      ['Africa', '478', '22%'],
      ['Asia', '426', '20%'],
      ['Europe', '1 263', '58%'],
    ]);
    expect(tables[0].notes.join(' ')).toContain('World resources');
    expect(notes.map((n) => n.block_id)).toEqual([tables[0].record.table_id]);
  });

  it('makes no table of a paragraph alone, and keeps its text as a note', () => {
    const p = page({ rows: prose.map((text, i) => ({ base: 140 + 11 * i, cells: [{ text, x: 100 }] })) });
    const { tables, notes } = build([p], [block(p, 140, 162)]);
    expect(tables).toHaveLength(0);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'note', block_id: 'prose-1', page: 1 });
    expect(notes[0].text).toContain('World resources');
  });
});
