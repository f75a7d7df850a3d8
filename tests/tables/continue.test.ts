import { describe, expect, it } from 'vitest';
import { joinContinued, type PagePosition } from '../../src/structure/tables/continue.js';
import { buildTables } from '../../src/structure/tables/index.js';
import type { Column, Draft } from '../../src/structure/tables/model.js';
import { block, figureRow, page } from './helpers/pages.js';

const rights = [300, 360];
const header = (base: number) => ({
  base,
  cells: [
    { text: 'Country', x: 100, bold: true },
    { text: 'F', right: 300, bold: true },
    { text: 'M', right: 360, bold: true },
  ],
});

describe('tables continued over pages', () => {
  it('joins a table whose next page repeats the header, dropping the repeated header', () => {
    const p1 = page({
      number: 1,
      rows: [
        { base: 700, cells: [{ text: 'Table 5: Staff by nationality', x: 100, bold: true, size: 11 }] },
        header(720),
        figureRow(732, 'Albania', 100, ['1', '11'], rights),
        figureRow(744, 'Angola', 100, ['9', '27'], rights),
        figureRow(756, 'Argentina', 100, ['23', '6'], rights),
      ],
    });
    const p2 = page({
      number: 2,
      rows: [header(100), figureRow(112, 'Armenia', 100, ['3', '6'], rights), figureRow(124, 'Total', 100, ['36', '50'], rights)],
    });
    const { tables } = buildTables([p1, p2], { tabular: [block(p1, 700, 700), block(p1, 720, 756), block(p2, 100, 124, true)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    const t = tables[0];
    expect(t.record).toMatchObject({ title: 'Table 5: Staff by nationality', page_start: 1, page_end: 2, header_rows: 1, rows: 6 });
    expect(t.record.table_id).toBe('table-5-staff-by-nationality');
    expect(t.grid.map((r) => r[0])).toEqual(['Country', 'Albania', 'Angola', 'Argentina', 'Armenia', 'Total']);
    expect(t.checks.filter((c) => c.name === 'table-total-row').every((c) => c.ok)).toBe(true);
  });

  it('keeps two tables apart when the second has a title of its own', () => {
    const p1 = page({ number: 1, rows: [header(720), figureRow(732, 'Albania', 100, ['1', '11'], rights), figureRow(744, 'Angola', 100, ['9', '27'], rights)] });
    const p2 = page({
      number: 2,
      rows: [
        { base: 90, cells: [{ text: 'Table 6: Another table', x: 100, bold: true, size: 11 }] },
        header(110),
        figureRow(122, 'Chad', 100, ['3', '6'], rights),
        figureRow(134, 'Chile', 100, ['1', '2'], rights),
      ],
    });
    const { tables } = buildTables([p1, p2], { tabular: [block(p1, 720, 744), block(p2, 90, 90, true), block(p2, 110, 134)], paragraphs: [] });
    expect(tables.map((t) => t.record.title)).toEqual(['', 'Table 6: Another table']);
  });
});

describe('tables continued over pages, read by OCR', () => {
  it('joins a continuation whose repeated header was misread', () => {
    const head = (base: number, country: string, f: string) => ({
      base,
      cells: [
        { text: country, x: 100 },
        { text: f, right: 300 },
        { text: 'M', right: 360 },
      ],
    });
    const p1 = page({
      number: 1,
      rows: [
        { base: 700, cells: [{ text: 'Table 5: Staff by nationality', x: 100, size: 11 }] },
        head(720, 'Country of nationality', 'F'),
        figureRow(732, 'Albania', 100, ['1', '11'], rights),
        figureRow(744, 'Angola', 100, ['9', '27'], rights),
      ],
    });
    const p2 = page({ number: 2, rows: [head(100, 'Countrv of natlonality', 'F'), figureRow(112, 'Armenia', 100, ['3', '6'], rights)] });
    const { tables } = buildTables([p1, p2], { tabular: [block(p1, 700, 700), block(p1, 720, 744), block(p2, 100, 112, true)], paragraphs: [] });
    expect(tables).toHaveLength(1);
    expect(tables[0].grid.map((r) => r[0])).toEqual(['Country of nationality', 'Albania', 'Angola', 'Armenia']);
  });

  it('keeps a table with a misread repeat of the header apart when its columns stand elsewhere', () => {
    const p1 = page({ number: 1, rows: [header(720), figureRow(732, 'Albania', 100, ['1', '11'], rights), figureRow(744, 'Angola', 100, ['9', '27'], rights)] });
    const elsewhere = [200, 250];
    const misread = { base: 100, cells: [{ text: 'Countrv', x: 100 }, { text: 'F', right: 200 }, { text: 'M', right: 250 }] };
    const p2 = page({ number: 2, rows: [misread, figureRow(112, 'Chad', 100, ['3', '6'], elsewhere), figureRow(124, 'Chile', 100, ['1', '2'], elsewhere)] });
    const { tables } = buildTables([p1, p2], { tabular: [block(p1, 720, 744), block(p2, 100, 124, true)], paragraphs: [] });
    expect(tables).toHaveLength(2);
  });

  it('keeps a continuation apart when its header names other things', () => {
    const p1 = page({ number: 1, rows: [header(720), figureRow(732, 'Albania', 100, ['1', '11'], rights), figureRow(744, 'Angola', 100, ['9', '27'], rights)] });
    const other = { base: 100, cells: [{ text: 'Region', x: 100 }, { text: '2007', right: 300 }, { text: '2008', right: 360 }] };
    const p2 = page({ number: 2, rows: [other, figureRow(112, 'Africa', 100, ['3', '6'], rights)] });
    const { tables } = buildTables([p1, p2], { tabular: [block(p1, 720, 744), block(p2, 100, 112, true)], paragraphs: [] });
    expect(tables).toHaveLength(2);
  });
});

describe('joining drafts whose repeated header differs', () => {
  const draft = (page: number, header: string[][], columns: Column[]): Draft => ({
    title: '', titleSource: '', pageStart: page, pageEnd: page, top: 100, header, body: [['Chad', '3', '6']], spans: [], columns,
    notes: [], labelColumns: 1, afterParagraph: null, reasons: [], lines: [],
  });
  const nowhere: PagePosition = { textAbove: () => false, textBelow: () => false };
  const cols: Column[] = [{ x0: 100, x1: 150, numeric: false }, { x0: 290, x1: 300, numeric: true }, { x0: 350, x1: 360, numeric: true }];
  const first = [['', '2004', '2005', '2006']];
  const near = [['USD', '2004 2005', '2006']];

  it('joins a near repeat on the same columns (a misread header)', () => {
    expect(joinContinued([draft(1, first, cols), draft(2, near, cols)], nowhere)).toHaveLength(1);
  });

  it('never takes a text dump’s near repeat for a continuation: a dump reads headers exactly', () => {
    expect(joinContinued([draft(1, first, []), draft(2, near, [])], nowhere)).toHaveLength(2);
  });
});
