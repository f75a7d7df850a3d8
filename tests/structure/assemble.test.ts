import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import { textToPages } from '../../src/load/text.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble, listInStep } from '../../src/structure/assemble.js';
import type { Block } from '../../src/structure/blocks.js';
import { buildLines } from '../../src/layout/lines.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const FULL = 'x'.repeat(0); // lines below are padded to a common width so "full line" means something

function run(text: string) {
  const pages = textToPages(text).map(layoutPage);
  layoutDocument(pages, generic);
  return assemble(pages, generic);
}

/** Pad each prose line to 90 columns so wrapped lines reach the right margin, as in a real dump. */
const pad = (s: string) => s.padEnd(90, ' ') + FULL;

const DUMP = [
  'I. FIRST SECTION',
  ' ',
  'A. A lettered subsection',
  ' ',
  pad('1. The first paragraph starts here and runs on to the end of this rather long line of'),
  'text, ending on a short line with a mark1 in it.',
  ' ',
  'Activities covered by the unit fulfil the following points of the Strategy:',
  '2. To enhance the humane and orderly management of migration.',
  '3. To offer expert advice.',
  ' ',
  pad('2. The second paragraph lists what was issued, which is a sentence that needs a wrapped'),
  'line to end:',
  ' ',
  '• 71 vacancy notices for officials',
  '• 4 vacancy notices for staff',
  ' ',
  '• Migrant protection',
  ' ',
  '3. The third paragraph, under a bulleted heading.',
  ' ',
  ' '.repeat(40),
  '1  The footnote text.',
].join('\n');

describe('structure on a tiny text dump', () => {
  const s = run(DUMP);

  it('finds the numbered paragraphs and not the box items', () => {
    expect(s.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(s.paragraphs[0].text).toBe(
      'The first paragraph starts here and runs on to the end of this rather long line of text, ending on a short line with a mark in it.',
    );
  });

  it('gives each paragraph its section, subsection and heading', () => {
    expect(s.paragraphs[0].section).toBe('I. FIRST SECTION');
    expect(s.paragraphs[0].subsection).toBe('A. A lettered subsection');
    expect(s.paragraphs[2].heading).toBe('Migrant protection');
  });

  it('reads headings with levels, labels and bullet style', () => {
    expect(s.headings.map((h) => [h.level, h.label, h.title, h.style])).toEqual([
      [1, 'I', 'FIRST SECTION', ''],
      [2, 'A', 'A lettered subsection', ''],
      [3, '', 'Migrant protection', 'bullet'],
    ]);
  });

  it('keeps box items, with their printed numbers, and list items as blocks', () => {
    const box = s.blocks.filter((b) => b.kind === 'box');
    expect(box.map((b) => [b.item, b.label])).toEqual([[0, ''], [1, '2'], [2, '3']]);
    expect(box[0].parent_paragraph).toBe(1);
    const list = s.blocks.filter((b) => b.kind === 'list');
    expect(list.map((b) => b.text)).toEqual(['71 vacancy notices for officials', '4 vacancy notices for staff']);
    expect(new Set(list.map((b) => b.block_id)).size).toBe(1);
    expect(list[0].parent_paragraph).toBe(2);
  });

  it('links the footnote to the paragraph carrying its glued mark', () => {
    expect(s.footnotes).toEqual([{ number: 1, paragraph: 1, page: 1, text: 'The footnote text.' }]);
    expect(s.paragraphs[0].footnotes).toEqual([1]);
  });
});

describe('structure on a hand-made PDF page', () => {
  it('uses typography: a bold unnumbered line is a heading, a small table is not prose', () => {
    const words = [
      ...lineWords('Migration Health', 71, 100, { bold: true }),
      ...lineWords('1. The paragraph text of the page is long enough to run to the right edge of', 71, 130),
      ...lineWords('the column, and ends here.', 71, 144),
      ...lineWords('Africa', 150, 170, { size: 9 }),
      ...lineWords('478', 330, 170, { size: 9 }),
      ...lineWords('Asia', 150, 181, { size: 9 }),
      ...lineWords('426', 330, 181, { size: 9 }),
    ];
    const lp = layoutPage(page(words));
    layoutDocument([lp], generic);
    const s = assemble([lp], generic);
    expect(s.headings.map((h) => [h.level, h.title])).toEqual([[3, 'Migration Health']]);
    expect(s.paragraphs.map((p) => p.text)).toEqual(['The paragraph text of the page is long enough to run to the right edge of the column, and ends here.']);
    expect(s.tabular.flatMap((b) => b.lines.map((l) => l.text))).toEqual(['Africa 478', 'Asia 426']);
    expect(buildLines(page(words)).length).toBe(5);
  });
});

describe('listInStep', () => {
  const block = (text: string, base: number, page = 1): Block => ({
    lines: [{ page, words: [], text, marks: [], x0: 100, x1: 300, y0: base - 10, y1: base + 2, base, size: 12, bold: false, italic: false, maxGap: 0.3, zone: 'body', col: 0 }],
    page,
    pageStart: false,
    spaced: true,
  });

  it('takes a bullet set at the pitch of the two bullets before it as their next item', () => {
    const list = [block('• granting of contracts', 100), block('• salary advances', 120), block('• adoption leave', 140)];
    expect(listInStep(list, 2)).toBe(true);
  });

  it('not one set further apart, after a paragraph, or on another page', () => {
    expect(listInStep([block('• 71 notices', 100), block('• 4 notices', 114), block('• Migrant protection', 142)], 2)).toBe(false);
    expect(listInStep([block('Summarizes the movements.', 100), block('• Table 1', 120), block('• Table 2', 140)], 2)).toBe(false);
    expect(listInStep([block('• one', 100), block('• two', 120), block('• three', 140, 2)], 2)).toBe(false);
  });
});

describe('a table whose header line is set in the text size', () => {
  it('takes a header of several cells standing over the first row’s cells into the table, though it has many words', () => {
    const cells = (texts: [string, number][], base: number) => texts.flatMap(([t, x]) => lineWords(t, x, base));
    const words = [
      ...lineWords('1. The paragraph text of the page is long enough to run to the right edge of', 71, 100),
      ...lineWords('the column, and ends here.', 71, 114),
      ...cells([['Differences with respect to Germany', 71], ['Portugal', 330], ['Greece', 400], ['Spain', 470]], 150),
      ...cells([['Q2 2006', 71], ['0.33', 340], ['0.51', 410], ['0.31', 480]], 166),
      ...cells([['Q1 2010', 71], ['0.64', 340], ['0.72', 410], ['0.56', 480]], 182),
    ];
    const lp = layoutPage(page(words));
    layoutDocument([lp], generic);
    const s = assemble([lp], generic);
    expect(s.tabular.flatMap((b) => b.lines.map((l) => l.text))).toEqual([
      'Differences with respect to Germany Portugal Greece Spain',
      'Q2 2006 0.33 0.51 0.31',
      'Q1 2010 0.64 0.72 0.56',
    ]);
  });
});


describe('bulleted titles on an OCR page (no typography)', () => {
  it('take a one-line bullet over a note as a heading, however wide it runs', () => {
    const rows: [number, string][] = [
      [72, '1. The paragraph text of the page is long enough to run to the right edge of'],
      [86, 'the column, and it goes on for a line more to the right edge of the column'],
      [100, 'of the page, and on to a third one which is, this time, just as long as'],
      [114, 'the others, and ends here.'],
      [144, '• Table 1: Movements by budgetary region and service classification'],
      [170, 'Summarizes the movements broken down by budgetary region and service.'],
      [200, '• Table 2: Movements by region'],
      [226, 'Summarizes the movements by region of departure.'],
      [256, '2. The second paragraph of the page is long enough to run to the right edge'],
      [270, 'of the column, and it goes on for a line more to the right edge of the'],
      [284, 'column, and ends here.'],
    ];
    const words = rows.flatMap(([base, text]) => lineWords(text, 71, base)).map((w) => ({ ...w, conf: 90 }));
    const laid = [layoutPage({ ...page(words), source: 'ocr' })];
    layoutDocument(laid, generic);
    const s = assemble(laid, generic);
    expect(s.headings.map((h) => [h.level, h.title, h.style])).toEqual([
      [3, 'Table 1: Movements by budgetary region and service classification', 'bullet'],
      [3, 'Table 2: Movements by region', 'bullet'],
    ]);
  });
});
