/**
 * Small tables set inside one text column, the other column's prose beside them: one region for
 * the whole table whatever runs beside it, and a bold total under a long label kept in its column.
 */
import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../src/layout/layout.js';
import type { Word } from '../../src/model/page.js';
import type { Block } from '../../src/structure/blocks.js';
import { regionToDraft } from '../../src/structure/tables/grid.js';
import { findRegions } from '../../src/structure/tables/regions.js';
import { lineWords } from '../helpers/make.js';
import { block, figureRow, hrule, page, wordsOf } from './helpers/pages.js';

const PROSE = ['the report reviews the work of the year', 'and the work goes on in the field now', 'with partners in many places of the world'];
const LEFT = 60;
const RIGHT = 310;

describe('a table inside one column', () => {
  it('is one region: header, rows and total, although prose in the other column runs between its blocks', () => {
    const words: Word[] = [];
    for (let i = 0; i < 18; i++) words.push(...lineWords(`L${i} ${PROSE[i % 3]}`, LEFT, 140 + i * 12, { size: 9 }));
    const rows = [
      { base: 200, cells: [{ text: 'Group', right: 460, bold: true }] },
      { base: 211, cells: [{ text: 'Age', x: RIGHT, bold: true }, { text: 'Female', right: 460, bold: true }, { text: 'Male', right: 500, bold: true }, { text: 'Total', right: 540, bold: true }] },
      figureRow(230, '0-9', RIGHT, ['21 816', '22 796', '44 612'], [460, 500, 540]),
      figureRow(241, '10-17', RIGHT, ['14 216', '15 743', '29 959'], [460, 500, 540]),
      figureRow(252, '18-29', RIGHT, ['21 485', '25 692', '47 177'], [460, 500, 540]),
      figureRow(270, 'Total', RIGHT, ['57 517', '64 231', '121 748'], [460, 500, 540], true),
    ];
    for (const r of rows) for (const c of r.cells) words.push(...wordsOf(c, r.base));
    for (let i = 0; i < 4; i++) words.push(...lineWords(`R${i} ${PROSE[i % 3]}`, RIGHT, 140 + i * 12, { size: 9 }));
    for (let i = 0; i < 4; i++) words.push(...lineWords(`S${i} ${PROSE[i % 3]}`, RIGHT, 296 + i * 12, { size: 9 }));
    const p = layoutPage({ number: 1, width: 595, height: 842, rotation: 0, source: 'text-layer', words, rules: [hrule(RIGHT, 540, 190), hrule(RIGHT, 540, 218), hrule(RIGHT, 540, 275)], images: [] });
    // The structure stage hands the table over in three blocks (header, rows, total).
    const right = (from: number, to: number): Block => ({ ...block(p, from, to), lines: block(p, from, to).lines.filter((l) => l.x0 >= RIGHT - 1) });
    const blocks: Block[] = [right(200, 211), right(230, 252), right(270, 270)];
    expect(blocks.map((b) => b.lines.length)).toEqual([2, 3, 1]);
    const regions = findRegions([p], blocks);
    expect(regions).toHaveLength(1);
    expect(regions[0].rows.map((l) => l.text)).toEqual(['Group', 'Age Female Male Total', '0-9 21 816 22 796 44 612', '10-17 14 216 15 743 29 959', '18-29 21 485 25 692 47 177', 'Total 57 517 64 231 121 748']);
  });

  it('still parts two tables of one column with prose of the same column between them', () => {
    const words: Word[] = [];
    const rowsA = [figureRow(140, 'Africa', RIGHT, ['478'], [540]), figureRow(151, 'Asia', RIGHT, ['426'], [540])];
    const rowsB = [figureRow(200, 'Europe', RIGHT, ['675'], [540]), figureRow(211, 'Oceania', RIGHT, ['70'], [540])];
    for (const r of [...rowsA, ...rowsB]) for (const c of r.cells) words.push(...wordsOf(c, r.base));
    words.push(...lineWords('and the work goes on in the field now', RIGHT, 175, { size: 9 }));
    const p = layoutPage({ number: 1, width: 595, height: 842, rotation: 0, source: 'text-layer', words, rules: [], images: [] });
    expect(findRegions([p], [block(p, 140, 151), block(p, 200, 211)])).toHaveLength(2);
  });
});

describe('a bold total under a long label', () => {
  it('keeps its figure in the figure column even where the figure reaches into the label column', () => {
    // The label column ends where its longest label does (x 489); the bold total "2 167" is wider
    // than the column's other figures and starts left of that edge.
    const p = page({
      rows: [
        figureRow(100, 'Facilitating Migration', 306, ['219', '10%'], [506, 537]),
        figureRow(111, 'Movement, Emergency and Post-crisis Migrations', 282, ['579', '27%'], [506, 537]),
        figureRow(122, 'Reparation Programmes', 306, ['18', '1%'], [506, 537]),
        figureRow(133, 'Total', 306, ['12 167', ''], [506, 537], true),
      ],
    });
    const region = { page: 1, caption: [], rows: p.lines, notes: [], rules: [], above: [], positional: true };
    const d = regionToDraft(region)!;
    expect(d.body).toEqual([
      ['Facilitating Migration', '219', '10%'],
      ['Movement, Emergency and Post-crisis Migrations', '579', '27%'],
      ['Reparation Programmes', '18', '1%'],
      ['Total', '12 167', ''],
    ]);
  });
});
