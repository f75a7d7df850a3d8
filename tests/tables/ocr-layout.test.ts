/** Tables as OCR reads them: no typography (nothing bold), sizes estimated from glyph heights. */
import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, hrule, page } from './helpers/pages.js';

const build = (pages: ReturnType<typeof page>[], blocks: ReturnType<typeof block>[]) => buildTables(pages, { tabular: blocks, paragraphs: [] });
const rights = [300, 360];

describe('tables read by OCR', () => {
  /** A line set in 11 pt at `base`, then a 9 pt header at 110 and two rows. */
  const under = (base: number, text: string, second: string) =>
    page({
      rows: [
        { base, cells: [{ text, x: 100, size: 11 }] },
        { base: 110, cells: [{ text: second, x: 100 }, { text: 'F', right: 300 }, { text: 'M', right: 360 }] },
        figureRow(122, 'Albania', 100, ['1', '11'], rights),
        figureRow(134, 'Angola', 100, ['9', '27'], rights),
      ],
    });

  it('keeps a header line read larger than the body in the header when it wraps at a line pitch', () => {
    const p = under(100, 'Country', 'of birth');
    const { tables } = build([p], [block(p, 100, 100), block(p, 110, 134)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].record.title).toBe('');
    expect(tables[0].grid[0][0]).toBe('Country of birth');
  });

  it('still takes a larger line standing apart above the table as its caption', () => {
    const p = under(90, 'Staff by country', 'Country');
    const { tables } = build([p], [block(p, 90, 90), block(p, 110, 134)]);
    expect(tables[0].record.title).toBe('Staff by country');
  });

  it('without bold, takes a line of several cells below a group-heading rule into the header', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Missions', x: 250 }] },
        { base: 112, cells: [{ text: 'Gender', x: 100 }, { text: 'Staff', right: 300 }, { text: 'Total', right: 360 }] },
        figureRow(124, 'Female', 100, ['5', '11'], rights),
        figureRow(136, 'Male', 100, ['9', '27'], rights),
      ],
      rules: [hrule(95, 365, 90), hrule(95, 365, 103), hrule(95, 365, 139)],
    });
    const { tables } = build([p], [block(p, 100, 136)]);
    expect(tables[0].record.header_rows).toBe(2);
    expect(tables[0].grid[1]).toEqual(['Gender', 'Staff', 'Total']);
  });

  it('without bold, leaves a wrapped first label below the header rule in the body', () => {
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Service', x: 100 }, { text: 'Total', right: 360 }] },
        { base: 115, cells: [{ text: 'Technical cooperation on', x: 100 }] },
        { base: 125, cells: [{ text: 'migration', x: 100 }, { text: '787', right: 360 }] },
        { base: 137, cells: [{ text: 'Counter-trafficking', x: 100 }, { text: '331', right: 360 }] },
      ],
      rules: [hrule(95, 365, 90), hrule(95, 365, 105), hrule(95, 365, 140)],
    });
    const { tables } = build([p], [block(p, 100, 137)]);
    expect(tables[0].record.header_rows).toBe(1);
    expect(tables[0].grid.slice(1).map((r) => r[0])).toEqual(['Technical cooperation on migration', 'Counter-trafficking']);
  });
});

describe('spaced figures read by OCR', () => {
  it('joins digit groups whose gaps vary with the glyphs’ ink (no gap confirms a column edge)', () => {
    // Ink boxes: the space inside "39 524" measures 2.5 to 4 pt, never the same twice.
    const gaps = [2.5, 3, 3.5, 2.8, 4, 3.2];
    const rows = gaps.map((g, i) => ({
      base: 100 + 12 * i,
      cells: [
        { text: `Row ${'abcdef'[i]}`, x: 100 },
        { text: `${i + 1}${i}`, right: 300 - 13.5 - g },
        { text: `${i}24`, right: 300 },
      ],
    }));
    const p = page({ rows });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 160)], paragraphs: [] });
    expect(tables[0].grid.map((r) => r.length)).toEqual(gaps.map(() => 2));
    expect(tables[0].grid[4]).toEqual(['Row e', '54 424']);
  });
});

describe('misread digit groups', () => {
  it('does not take a figure followed by a group-wide misread token as a column edge', () => {
    // "3 317" read as "3 37": "37" is as wide as three digits, so "3" ends no cell for certain.
    const group = 3 * 4.5;
    const head = 300 - group - 0.28 * 9;
    const rows = [
      ['a', '1', '658'],
      ['b', '1', '853'],
      ['c', '3', '37'],
      ['d', '1', '037'],
    ].map(([label, h, t], i) => ({
      base: 100 + 12 * i,
      cells: [
        { text: `Row ${label}`, x: 100 },
        { text: h, right: head },
        { text: t, right: 300, width: group },
      ],
    }));
    const p = page({ rows });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 136)], paragraphs: [] });
    expect(tables[0].grid.map((r) => r[1])).toEqual(['1 658', '1 853', '3 37', '1 037']);
  });
});

describe('specks in a table (OCR)', () => {
  it('drops punctuation-only words that would bridge two columns, keeping nil dashes', () => {
    const p = page({
      rows: [
        figureRow(100, 'Africa', 100, ['478', '22%'], rights),
        { base: 112, cells: [{ text: 'Latin America and the Caribbean', x: 100 }, { text: '~~', x: 248 }, { text: '309', right: 300 }, { text: '14%', right: 360 }] },
        figureRow(124, 'Europe', 100, ['–', '32%'], rights),
        { base: 136, cells: [{ text: '•', x: 90 }, { text: 'Total', x: 100 }, { text: '2 167', right: 300 }] },
      ],
    });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 136)], paragraphs: [] });
    expect(tables[0].grid).toEqual([
      ['Africa', '478', '22%'],
      ['Latin America and the Caribbean', '309', '14%'],
      ['Europe', '–', '32%'],
      ['Total', '2 167', ''],
    ]);
  });
});

describe('header rows read by OCR', () => {
  it('puts a header cell that lost its second line into the row it is set against, not a row of its own', () => {
    const rights3 = [250, 300, 360];
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Category', x: 200 }] },
        { base: 118, cells: [{ text: 'P-', right: 300 }] }, // "P-" over a lost "1"
        { base: 123, cells: [{ text: 'Country', x: 100 }, { text: 'D-1', right: 250 }, { text: 'Total', right: 360 }] },
        figureRow(135, 'Chad', 100, ['1', '2', '3'], rights3),
        figureRow(147, 'Chile', 100, ['4', '5', '9'], rights3),
      ],
    });
    const { tables } = buildTables([p], { tabular: [block(p, 100, 147)], paragraphs: [] });
    expect(tables[0].record.header_rows).toBe(2);
    expect(tables[0].grid[1]).toEqual(['Country', 'D-1', 'P-', 'Total']);
  });
});
