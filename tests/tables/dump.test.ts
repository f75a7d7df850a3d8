import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../src/layout/layout.js';
import { textToPages } from '../../src/load/text.js';
import type { Block } from '../../src/structure/blocks.js';
import { buildTables } from '../../src/structure/tables/index.js';

/** A dump's lines as tabular blocks: the caption apart, the rest together. */
function dump(lines: string[]) {
  const pages = textToPages(lines.join('\n')).map(layoutPage);
  const all = pages[0].lines;
  const blocks: Block[] = [
    { lines: all.slice(0, 1), page: 1, pageStart: true, spaced: true },
    { lines: all.slice(1), page: 1, pageStart: false, spaced: true },
  ];
  return buildTables(pages, { tabular: blocks, paragraphs: [] });
}

describe('text-dump tables', () => {
  it('reads blank cells from the spaces between figures and joins wrapped, indented labels', () => {
    const { tables } = dump([
      'Table 7: Officials by grade',
      'Grade D-1 P-5 P-4 Total',
      'Austria  1  1',
      'Belgium 2  4 6',
      'Bosnia and',
      '   Herzegovina  1 3 4',
      'Chad   1 1',
      'Total 2 2 8 12',
    ]);
    expect(tables).toHaveLength(1);
    expect(tables[0].record.title).toBe('Table 7: Officials by grade');
    expect(tables[0].grid).toEqual([
      ['Grade', 'D-1', 'P-5', 'P-4', 'Total'],
      ['Austria', '', '1', '', '1'],
      ['Belgium', '2', '', '4', '6'],
      ['Bosnia and Herzegovina', '', '1', '3', '4'],
      ['Chad', '', '', '1', '1'],
      ['Total', '2', '2', '8', '12'],
    ]);
    expect(tables[0].checks.every((c) => c.ok)).toBe(true);
  });

  it('decides which digit groups make one figure from the column count and the totals', () => {
    const { tables } = dump([
      'Table 8: Projects and expenditure',
      'Region Projects USD',
      'Africa 478 139 156 879',
      'Europe 675 194 469 198',
      'Asia 1 014 644 568 292',
      'Total 2 167 978 194 369',
    ]);
    expect(tables[0].grid.slice(1)).toEqual([
      ['Africa', '478', '139 156 879'],
      ['Europe', '675', '194 469 198'],
      ['Asia', '1 014', '644 568 292'],
      ['Total', '2 167', '978 194 369'],
    ]);
    expect(tables[0].cells.find((c) => c.text === '978 194 369')).toMatchObject({ value: 978194369, unit: 'USD', column_label: 'USD' });
  });
});
