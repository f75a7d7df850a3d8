import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cellAdjacencies, type SpanCell } from '../../src/evaluate/adjacency.js';
import { flipHeights, isIcdarGold, parseIcdar, toTopLeft } from '../../src/evaluate/icdar.js';
import { regionScore, type PageWords } from '../../src/evaluate/icdar-regions.js';
import { icdarText } from '../../src/evaluate/icdar-text.js';
import { boxIou, boxOverlap, matchIcdar, scoreIcdar, type IcdarOutput } from '../../src/evaluate/score-icdar.js';
import { parseXml } from '../../src/evaluate/xml.js';
import { runScore } from './helpers/run-score.js';
import { useTempDir } from './helpers/temp.js';
import { writeOutputFolder } from './helpers/write-output.js';

const cell = (row: number, col: number, text: string, end?: [number, number]) =>
  `<cell id="1" start-row="${row}" start-col="${col}"${end ? ` end-row='${end[0]}' end-col='${end[1]}'` : ''}><bounding-box x1="${10 + 50 * col}" y1="${700 - 20 * row}" x2="${50 + 50 * col}" y2="${710 - 20 * row}"/><content>${text}</content></cell>`;

/** Year over two columns; the top-left corner empty. */
const STRUCTURE = `<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment -->
<document filename='tiny-str.xml'>
  <table id='1'>
    <region id='1' page='1' col-increment='0' row-increment='0'>
      ${cell(0, 0, '')}${cell(0, 1, 'Year', [0, 2])}
      ${cell(1, 0, 'Region')}${cell(1, 1, '2007')}${cell(1, 2, '2008')}
      ${cell(2, 0, 'Africa')}${cell(2, 1, '1')}${cell(2, 2, '2')}
    </region>
  </table>
</document>`;

const asText = (cells: SpanCell[]): string[] =>
  cellAdjacencies(cells, icdarText)
    .map((a) => `${a.from} ${a.direction === 'right' ? '→' : '↓'} ${a.to}`)
    .sort();

describe('XML reader', () => {
  it('reads elements, both quote styles, entities, CDATA, and skips comments and declarations', () => {
    const root = parseXml(`<?xml version="1.0"?><!DOCTYPE x><!-- c --><a k="1 &amp; 2" j='it&apos;s'><b>R&amp;D &lt;x&gt; &#233;&#xE9;</b><c/><![CDATA[<raw>]]></a>`);
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ k: '1 & 2', j: "it's" });
    expect(root.children.map((c) => c.name)).toEqual(['b', 'c']);
    expect(root.children[0].text).toBe('R&D <x> éé');
    expect(root.text).toBe('<raw>');
  });

  it('refuses unbalanced or unterminated markup', () => {
    expect(() => parseXml('<a><b></a>')).toThrow(/unexpected <\/a>/);
    expect(() => parseXml('<a>')).toThrow(/never closed/);
    expect(() => parseXml('<a x="1>')).toThrow(/unterminated/);
  });
});

describe('ICDAR 2013 files', () => {
  it('reads cells with their spans (a missing end is the start)', () => {
    const gold = parseIcdar(STRUCTURE);
    expect(gold.kind).toBe('structure');
    expect(gold.tables).toHaveLength(1);
    const t = gold.tables[0];
    expect(t.regions).toEqual([{ page: 1, box: null }]);
    expect(t.cells.find((c) => c.text === 'Year')).toMatchObject({ row: 0, col: 1, rowEnd: 0, colEnd: 2, page: 1, box: { x1: 60, y1: 700, x2: 100, y2: 710 } });
    expect(t.cells.find((c) => c.text === '2')).toMatchObject({ row: 2, col: 2, rowEnd: 2, colEnd: 2 });
  });

  it('stacks the rows of a table printed over several pages', () => {
    const xml = `<document><table id="7">
      <region id="1" page="3">${cell(0, 0, 'Head')}${cell(1, 0, 'a', [2, 0])}</region>
      <region id="2" page="4">${cell(0, 0, 'Head')}${cell(1, 0, 'b')}</region>
    </table></document>`;
    const t = parseIcdar(xml).tables[0];
    expect(t.regions.map((r) => r.page)).toEqual([3, 4]);
    expect(t.cells.map((c) => [c.text, c.page, c.row, c.rowEnd])).toEqual([
      ['Head', 3, 0, 0],
      ['a', 3, 1, 2],
      ['Head', 4, 3, 3],
      ['b', 4, 4, 4],
    ]);
  });

  it('reads a region file: one box per region, no cells', () => {
    const xml = `<document><table id='1'><region id='1' page='2'><instruction instr-id='3'/><bounding-box x1='124' y1='499' x2='507' y2='630'/></region></table></document>`;
    const regions = parseIcdar(xml);
    expect(regions.kind).toBe('regions');
    expect(regions.tables[0].regions).toEqual([{ page: 2, box: { x1: 124, y1: 499, x2: 507, y2: 630 } }]);
    expect(toTopLeft(regions.tables[0].regions[0].box!, 842)).toEqual({ x0: 124, y0: 212, x1: 507, y1: 343 });
  });

  it('flips y with the page height; on a page displayed turned, with the one that puts the file on the page', () => {
    const file = (y1: number, y2: number) => parseIcdar(`<document><table id="1"><region id="1" page="1"><bounding-box x1="60" y1="${y1}" x2="82" y2="${y2}"/></region></table></document>`);
    const upright = new Map([[1, { width: 595, height: 842, rotation: 0 }]]);
    const turned = new Map([[1, { width: 842, height: 595, rotation: 90 }]]);
    expect(flipHeights(file(742, 752), upright).get(1)).toBe(842);
    // 752 is above a 595-pt page: this file flips with the unrotated height.
    expect(flipHeights(file(742, 752), turned).get(1)).toBe(842);
    // Both fit: the displayed height.
    expect(flipHeights(file(61, 274), turned).get(1)).toBe(595);
  });

  it('tells the format by name or content', () => {
    expect(isIcdarGold('x/eu-001-str.xml')).toBe(true);
    expect(isIcdarGold('gold.json', '{"report": {}}')).toBe(false);
    expect(isIcdarGold('gold.xml', STRUCTURE)).toBe(true);
  });

  it('refuses a file that is not one', () => {
    expect(() => parseIcdar('<html><table/></html>')).toThrow(/not an ICDAR 2013 file/);
    expect(() => parseIcdar('<document><table><region><cell/></region></table></document>')).toThrow(/no numeric page/);
  });
});

describe('ICDAR 2013 cell adjacency', () => {
  it('gives a spanning cell a neighbour along its whole edge and skips empty cells', () => {
    const cells = parseIcdar(STRUCTURE).tables[0].cells;
    expect(asText(cells)).toEqual(
      ['year ↓ 2007', 'year ↓ 2008', 'region → 2007', 'region ↓ africa', '2007 → 2008', '2007 ↓ 1', '2008 ↓ 2', 'africa → 1', '1 → 2'].sort(),
    );
    // An empty cell between two others does not break their adjacency; a row numbered from -1 is fine.
    const gap: SpanCell[] = [
      { text: 'a', row: -1, col: 0, rowEnd: -1, colEnd: 0 },
      { text: ' ', row: -1, col: 1, rowEnd: -1, colEnd: 1 },
      { text: 'b', row: -1, col: 2, rowEnd: -1, colEnd: 2 },
      { text: 'c', row: 0, col: 0, rowEnd: 0, colEnd: 2 },
    ];
    expect(asText(gap)).toEqual(['a → b', 'a ↓ c', 'b ↓ c']);
  });

  it('compares texts without spaces, case, or typographic quotes and dashes', () => {
    expect(icdarText(' 1 234 – “Total” ﬁnal ')).toBe(icdarText('1234 - "total" FINAL'));
  });
});

const output = (spans: IcdarOutput['tables'][number]['spans']): IcdarOutput => ({
  tables: [
    { id: 'ours', grid: [['', 'Year', ''], ['Region', '2007', '2008'], ['Africa', '1', '3']], spans, boxes: [], pageStart: 1, pageEnd: 1 },
    { id: 'elsewhere', grid: [['a', 'b']], spans: [], boxes: [], pageStart: 2, pageEnd: 2 },
  ],
  pageSizes: new Map([[1, { width: 595, height: 842, rotation: 0 }]]),
});

describe('ICDAR 2013 scores', () => {
  it('gives precision and recall of a known pair; an unmatched table of ours counts against precision', () => {
    const gold = parseIcdar(STRUCTURE);
    const plain = scoreIcdar(gold, output([]));
    // 9 true relations; ours: Year over one column only, 2 → 3 wrong: 6 of 8 right.
    expect(plain.tables[0]).toMatchObject({ gold: '1', output: 'ours', adjacency: { correct: 6, expected: 9, found: 8 } });
    expect(plain.extra).toEqual([{ output: 'elsewhere', adjacency: expect.objectContaining({ correct: 0, expected: 0, found: 1 }) }]);
    expect(plain.adjacency).toMatchObject({ correct: 6, expected: 9, found: 9, precision: 6 / 9, recall: 6 / 9 });
    // With its merged cell known, Year is above both years: 7 of 9.
    const spanned = scoreIcdar(gold, output([{ row: 0, col: 1, rowspan: 1, colspan: 2 }]));
    expect(spanned.tables[0].adjacency).toMatchObject({ correct: 7, expected: 9, found: 9 });
    expect(spanned.macroF1).toBeCloseTo(7 / 9);
  });

  it('counts a true table nobody found fully against recall', () => {
    const score = scoreIcdar(parseIcdar(STRUCTURE), { tables: [], pageSizes: new Map() });
    expect(score.tables[0]).toMatchObject({ output: null, adjacency: { correct: 0, expected: 9, found: 0, f1: 0 } });
    expect(score.macroF1).toBe(0);
  });

  it('matches by box when the texts differ, and never across pages', () => {
    const gold = parseIcdar(STRUCTURE);
    // The gold cells span x 10…150, y 660…710 bottom-left, i.e. y 132…182 on an 842-pt page.
    const box = { page: 1, x0: 10, y0: 132, x1: 150, y1: 182 };
    const garbled: IcdarOutput = { tables: [{ id: 'g', grid: [['x y z']], spans: [], boxes: [box], pageStart: 1, pageEnd: 1 }], pageSizes: new Map([[1, { width: 595, height: 842, rotation: 0 }]]) };
    expect(matchIcdar(gold, garbled).get(gold.tables[0])?.id).toBe('g');
    const otherPage: IcdarOutput = { tables: [{ ...output([]).tables[0], pageStart: 2, pageEnd: 2 }], pageSizes: new Map([[1, { width: 595, height: 842, rotation: 0 }]]) };
    expect(matchIcdar(gold, otherPage).size).toBe(0);
    expect(boxOverlap([box], [{ ...box, x1: 80 }])).toBe(1);
    expect(boxOverlap([box], [{ ...box, page: 2 }])).toBe(0);
    expect(boxIou([box], [{ ...box, x1: 80 }])).toBeCloseTo(0.5);
    // A fragment inside the true table loses to a table covering it.
    const fragment = { id: 'fragment', grid: [['a']], spans: [], boxes: [{ ...box, x1: 30, y1: 140 }], pageStart: 1, pageEnd: 1 };
    const cover = { id: 'cover', grid: [['b']], spans: [], boxes: [{ ...box, y1: 200 }], pageStart: 1, pageEnd: 1 };
    expect(matchIcdar(gold, { tables: [fragment, cover], pageSizes: garbled.pageSizes }).get(gold.tables[0])?.id).toBe('cover');
  });

  it('measures region completeness and purity in characters', () => {
    const words: PageWords = new Map([
      [
        1,
        [
          { text: 'Region', x0: 10, y0: 10, x1: 40, y1: 20 },
          { text: '2007', x0: 50, y0: 10, x1: 70, y1: 20 },
          { text: 'Prose', x0: 10, y0: 100, x1: 40, y1: 110 },
        ],
      ],
    ]);
    const gold = [{ page: 1, x0: 5, y0: 5, x1: 80, y1: 25 }];
    const ours = [{ page: 1, x0: 5, y0: 5, x1: 45, y1: 120 }];
    expect(regionScore(gold, ours, words)).toEqual({ goldChars: 10, foundChars: 11, sharedChars: 6, completeness: 0.6, purity: 6 / 11 });
    expect(regionScore(gold, [], words)).toMatchObject({ completeness: 0, purity: null });
    expect(regionScore(gold, [{ ...ours[0], page: 2 }], words)).toMatchObject({ completeness: 0, purity: null });
  });
});

const tempDir = useTempDir('score-icdar');

describe('report-extract score with an ICDAR 2013 gold', () => {
  const run = runScore;

  async function folder(): Promise<{ out: string; gold: string }> {
    const dir = await tempDir();
    const gold = join(dir, 'tiny-str.xml');
    await writeFile(gold, STRUCTURE);
    const record = { table_id: 'ours', title: '', page_start: 1, page_end: 1, rows: 3, cols: 3, header_rows: 2 };
    await writeOutputFolder(join(dir, 'out'), {
      paragraphs: [],
      headings: [],
      footnotes: [],
      blocks: [],
      tables: [{ record, grid: output([]).tables[0].grid }],
      report: { source: { page_sources: [{ page: 1, width: 595, height: 842 }] }, tables: [{ table_id: 'ours', spans: [{ row: 0, col: 1, rowspan: 1, colspan: 2 }] }] },
    });
    return { out: join(dir, 'out'), gold };
  }

  it('scores the tables with the merged cells report.json gives', async () => {
    const { out, gold } = await folder();
    const text = await run([out, '--gold', gold]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('table 1 (p.1) → ours: P 0.778  R 0.778');
    const json = await run([out, '--gold', gold, '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'icdar2013', adjacency: { correct: 7, expected: 9, found: 9 }, regions: null });
    expect((await run([out, '--gold', gold, '--min-tables', '0.8'])).code).toBe(1);
  });

  it('refuses what does not apply, and --regions without a PDF to count in', async () => {
    const { out, gold } = await folder();
    const other = await run([out, '--gold', gold, '--min-exact', '0.5']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('tables only');
    const regionFile = gold.replace('-str', '-reg');
    expect((await run([out, '--gold', gold, '--regions', regionFile])).stderr).toContain('tiny-reg.xml');
    await writeFile(regionFile, `<document><table id='1'><region id='1' page='1'><bounding-box x1='1' y1='1' x2='9' y2='9'/></region></table></document>`);
    const regions = await run([out, '--gold', gold, '--regions', regionFile]);
    expect(regions.code).toBe(2);
    expect(regions.stderr).toContain('give the PDF with --pdf');
  });
});
