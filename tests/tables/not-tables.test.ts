import { describe, expect, it } from 'vitest';
import { buildTables } from '../../src/structure/tables/index.js';
import { block, figureRow, page } from './helpers/pages.js';

const build = (pages: ReturnType<typeof page>[], blocks: ReturnType<typeof block>[]) => buildTables(pages, { tabular: blocks, paragraphs: [] });

describe('drafts that are no table', () => {
  it('makes no table of a masthead’s line of fields set apart on page 1, and keeps its text as a note', () => {
    const p = page({ rows: [{ base: 60, cells: [{ text: 'United Nations', x: 60, bold: true }, { text: 'General Assembly', x: 250 }, { text: 'A/64/312', x: 470, bold: true }] }] });
    const { tables, notes } = build([p], [block(p, 60, 60)]);
    expect(tables).toHaveLength(0);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'note', block_id: 'prose-1', page: 1, text: 'United Nations General Assembly A/64/312' });
  });

  it('keeps a lone row on a later page (a table’s last row carried over)', () => {
    const p = page({ number: 3, rows: [{ base: 60, cells: [{ text: 'United Nations', x: 60, bold: true }, { text: 'General Assembly', x: 250 }, { text: 'A/64/312', x: 470, bold: true }] }] });
    expect(build([p], [block(p, 60, 60)]).tables).toHaveLength(1);
  });

  it('keeps a table of two rows', () => {
    const rights = [300, 400];
    const p = page({ rows: [figureRow(100, 'Africa', 60, ['478', '22'], rights), figureRow(112, 'Asia', 60, ['426', '20'], rights)] });
    const { tables } = build([p], [block(p, 100, 112)]);
    expect(tables).toHaveLength(1);
    expect(tables[0].grid).toEqual([['Africa', '478', '22'], ['Asia', '426', '20']]);
  });
});
