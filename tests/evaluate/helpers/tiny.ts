/** Test helper: a tiny gold file and an imperfect output for it, with figures worked out by hand. */
import { parseGold, type Gold } from '../../../src/evaluate/gold.js';
import type { OutputRecords } from './write-output.js';

export const BOX_ITEM = 'To enhance the humane and orderly management of migration and the effective respect for human rights.';

export function tinyGold(): Gold {
  return parseGold({
    report: { symbol: 'T/1', title: 'Tiny', year: 2008 },
    blocks: [
      { kind: 'heading', level: 1, label: null, text: 'INTRODUCTION', style: null, page: 1, seed_lines: [1, 1] },
      { kind: 'paragraph', number: 1, text: 'Alpha beta gamma.', footnotes: [], page: 1, page_last: 1 },
      { kind: 'paragraph', number: 2, text: 'The Organization had 6,069 officials at the end of the year.', footnotes: [1], page: 1, page_last: 2 },
      { kind: 'heading', level: 1, label: 'I', text: 'FIRST SECTION', style: null, page: 2 },
      { kind: 'heading', level: 2, label: 'A', text: 'Sub', style: null, page: 2 },
      { kind: 'paragraph', number: 3, text: 'Third paragraph.', footnotes: [], page: 2, page_last: 2 },
      {
        kind: 'box',
        parent_paragraph: 3,
        intro: 'These activities fulfil the following points:',
        items: [
          { label: '2', text: BOX_ITEM },
          { label: '3', text: 'To offer expert advice.' },
        ],
        page: 2,
      },
      { kind: 'list', parent_paragraph: 3, items: ['First bullet.', 'Second bullet.'], page: 2 },
      { kind: 'note', text: 'Source: IOM.', page: 2 },
      { kind: 'table', id: 't1', after_paragraph: 3, page: 2, page_last: 2 },
      { kind: 'table', id: 't-image', status: 'not_transcribed', after_paragraph: 3, page: 3, page_last: 3 },
      { kind: 'figure', id: 'chart', after_paragraph: 3, page: 3 },
    ],
    footnotes: [{ number: 1, paragraph: 2, page: 1, text: 'Excluding  the Director General.', anchor: { block: 'paragraph', offset: 20 } }],
    tables: [
      {
        id: 't1',
        title: 'Table 1: Things',
        header_rows: [['Region', '2007', '2008']],
        rows: [
          ['Africa', '1', '2'],
          ['Europe', '3', ''],
        ],
        spans: [],
        notes: [],
        page: 2,
        page_last: 2,
        certainty: 'exact',
      },
    ],
  });
}

const para = (number: number, section: string, subsection: string, text: string, page: number | null, footnotes: number[] = []) => ({
  number,
  page,
  section,
  subsection,
  heading: '',
  footnotes,
  text,
  page_last: page,
});

/** Paragraph 1 exact but for spacing, 2 with a typo, 3 missing, 4 extra. */
export function tinyOutput(): OutputRecords {
  return {
    paragraphs: [
      para(1, 'INTRODUCTION', '', 'Alpha  beta\ngamma.', 1),
      para(2, 'introduction ', '', 'The Organization had 6,069 oficials at the end of the year.', 2, [1]),
      para(4, 'I. FIRST SECTION', 'A. Sub', 'An invented paragraph.', 2),
    ],
    headings: [
      { level: 1, label: '', title: 'INTRODUCTION', page: 1, style: '' },
      { level: 2, label: 'I', title: 'FIRST  SECTION', page: 2, style: '' },
      { level: 2, label: 'A', title: 'Sub', page: 2, style: '' },
      { level: 3, label: '', title: 'Bogus', page: 2, style: '' },
    ],
    footnotes: [
      { number: 1, paragraph: 3, page: 1, text: 'Excluding the Director General.' },
      { number: 2, paragraph: 3, page: 2, text: 'Invented.' },
    ],
    blocks: [
      { kind: 'box', parent_paragraph: 3, page: 2, item: 0, label: '', text: 'These activities fulfil the following points:', block_id: 'box-1', footnotes: [] },
      { kind: 'box', parent_paragraph: 3, page: 2, item: 1, label: '2', text: BOX_ITEM.replace('human rights', 'humanrights'), block_id: 'box-1', footnotes: [] },
      { kind: 'list', parent_paragraph: 3, page: 2, item: 1, label: '', text: 'First bullet.', block_id: 'list-1', footnotes: [] },
      { kind: 'list', parent_paragraph: 3, page: 2, item: 2, label: '', text: 'Another bullet.', block_id: 'list-1', footnotes: [] },
      { kind: 'figure', parent_paragraph: 3, page: 3, item: 0, label: '', text: '', block_id: 'figure-1', footnotes: [] },
    ],
    tables: [
      {
        record: { table_id: 'things', title: 'Table 1: Things', page_start: 2, page_end: 2, rows: 3, cols: 3, header_rows: 1 },
        grid: [
          ['Region', '2007', '2008'],
          ['Africa', '1', '2'],
          ['Europe', '3', '4'],
        ],
      },
    ],
  };
}
