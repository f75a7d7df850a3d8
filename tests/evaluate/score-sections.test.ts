import { describe, expect, it } from 'vitest';
import { scoreBlocks } from '../../src/evaluate/score-blocks.js';
import { scoreFootnotes } from '../../src/evaluate/score-footnotes.js';
import { scoreHeadings } from '../../src/evaluate/score-headings.js';
import { scoreParagraphs } from '../../src/evaluate/score-paragraphs.js';
import { cellOverlap, scoreTables } from '../../src/evaluate/score-tables.js';
import { tinyGold, tinyOutput } from './helpers/tiny.js';

describe('scoreHeadings', () => {
  const score = scoreHeadings(tinyGold(), tinyOutput().headings);

  it('counts a heading with the right text at the wrong level as a miss and a false positive', () => {
    expect(score.strict).toMatchObject({ correct: 2, expected: 3, found: 4, precision: 0.5, recall: 2 / 3 });
    expect(score.strict.f1).toBeCloseTo(4 / 7);
    expect(score.missed).toEqual([{ level: 1, label: 'I', title: 'FIRST SECTION', foundAs: { level: 2, label: 'I', title: 'FIRST  SECTION' } }]);
    expect(score.falsePositives.map((h) => h.title)).toEqual(['FIRST  SECTION', 'Bogus']);
  });

  it('reports a text-only match as well', () => {
    expect(score.textOnly).toMatchObject({ correct: 3, precision: 0.75, recall: 1 });
    expect(score.textOnly.f1).toBeCloseTo(6 / 7);
  });

  it('matches labels and titles case- and space-insensitively', () => {
    const perfect = scoreHeadings(tinyGold(), [
      { level: 1, label: '', title: 'Introduction', page: null, style: '' },
      { level: 1, label: 'i', title: ' FIRST SECTION ', page: null, style: '' },
      { level: 2, label: 'A', title: 'Sub', page: null, style: '' },
    ]);
    expect(perfect.strict.f1).toBe(1);
  });
});

describe('scoreFootnotes', () => {
  it('checks number, text (after whitespace normalisation) and paragraph', () => {
    const score = scoreFootnotes(tinyGold(), tinyOutput().footnotes);
    expect(score.byNumber).toMatchObject({ correct: 1, expected: 1, found: 2, precision: 0.5, recall: 1 });
    expect(score.textRate).toBe(1);
    expect(score.paragraphRate).toBe(0);
    expect(score.errors.map((e) => [e.number, e.problem, e.expected])).toEqual([
      [1, 'paragraph', '2'],
      [2, 'extra', null],
    ]);
  });

  it('lists a missing footnote and a wrong text', () => {
    const score = scoreFootnotes(tinyGold(), [{ number: 1, paragraph: 2, page: 1, text: 'Excluding the Director-General.' }]);
    expect(score.textRight).toBe(0);
    expect(score.paragraphRight).toBe(1);
    expect(score.errors).toHaveLength(1);
    expect(score.errors[0]).toMatchObject({ number: 1, problem: 'text' });
    expect(scoreFootnotes(tinyGold(), []).errors).toMatchObject([{ number: 1, problem: 'missing' }]);
  });
});

describe('scoreParagraphs', () => {
  const score = scoreParagraphs(tinyGold(), tinyOutput().paragraphs);

  it('matches by number and lists missing and extra numbers', () => {
    expect(score).toMatchObject({ expected: 3, found: 2, missing: [3], extra: [4], duplicates: [] });
    expect(score.recall).toBeCloseTo(2 / 3);
  });

  it('measures exact text after whitespace normalisation and character similarity', () => {
    const gold2 = 'The Organization had 6,069 officials at the end of the year.';
    expect(score.exact).toBe(1);
    expect(score.exactRate).toBeCloseTo(1 / 3);
    const sim2 = 1 - 1 / gold2.length;
    expect(score.meanSimilarityFound).toBeCloseTo((1 + sim2) / 2);
    expect(score.meanSimilarity).toBeCloseTo((1 + sim2) / 3);
    expect(score.worst).toHaveLength(1);
    expect(score.worst[0]).toMatchObject({ number: 2, at: 29 });
    expect(score.worst[0].gold).toContain('officials');
    expect(score.worst[0].output).toContain('oficials');
  });

  it('checks page, section (case-insensitive) and footnote references', () => {
    expect(score.pageRight).toBe(0.5);
    expect(score.sectionRight).toBe(1);
    expect(score.subsectionRight).toBe(1);
    expect(score.footnotesRight).toBe(1);
  });

  it('reports no page figure when the output has no pages (text dump)', () => {
    const noPages = tinyOutput().paragraphs.map((p) => ({ ...p, page: null, page_last: null }));
    expect(scoreParagraphs(tinyGold(), noPages).pageRight).toBeNull();
  });

  it('scores only the first of duplicated numbers', () => {
    const [first] = tinyOutput().paragraphs;
    const dup = scoreParagraphs(tinyGold(), [first, { ...first, text: 'other' }]);
    expect(dup).toMatchObject({ found: 1, duplicates: [1], extra: [], exact: 1 });
  });
});

describe('scoreBlocks', () => {
  const score = scoreBlocks(tinyGold(), tinyOutput().blocks);

  it('matches box items (intro included) by text, leniently on a missing space', () => {
    expect(score.boxItems).toMatchObject({ correct: 2, expected: 3, found: 2, precision: 1, labelRight: 1 });
    expect(score.boxItems.missing).toEqual(['To offer expert advice.']);
  });

  it('scores list items, notes and figures', () => {
    expect(score.listItems).toMatchObject({ correct: 1, expected: 2, found: 2, missing: ['Second bullet.'], extra: ['Another bullet.'] });
    expect(score.notes).toEqual({ expected: 1, found: 0, recall: 0, missing: ['Source: IOM.'] });
    expect(score.figures).toEqual({ expected: 1, found: 1 });
  });
});

describe('scoreTables', () => {
  it('matches by title, scores adjacency and leaves cell-less gold tables out', () => {
    const score = scoreTables(tinyGold(), tinyOutput().tables ?? []);
    expect(score).toMatchObject({ expected: 1, found: 1, recall: 1, precision: 1, extra: [] });
    expect(score.tables[0]).toMatchObject({ gold: 't1', output: 'things', matchedBy: 'title', goldShape: { rows: 3, cols: 3, headerRows: 1 } });
    expect(score.adjacency).toMatchObject({ correct: 10, expected: 10, found: 12 });
    expect(score.excluded).toEqual([{ gold: 't-image', output: null, matchedBy: null }]);
  });

  it('falls back to cell overlap, then to pages for cell-less gold tables', () => {
    const [table] = tinyOutput().tables ?? [];
    const untitled = { ...table, record: { ...table.record, table_id: 'a', title: '' } };
    const image = { record: { ...table.record, table_id: 'b', title: 'Something', page_start: 3, page_end: 3 }, grid: [['x', 'y']] };
    const score = scoreTables(tinyGold(), [image, untitled]);
    expect(score.tables[0]).toMatchObject({ output: 'a', matchedBy: 'cells' });
    expect(score.excluded).toEqual([{ gold: 't-image', output: 'b', matchedBy: 'page' }]);
    expect(score.precision).toBe(1);
  });

  it('counts a table that was not found as recall 0 and an unmatched output table as extra', () => {
    const score = scoreTables(tinyGold(), [{ record: { table_id: 'z', title: 'Other', page_start: 9, page_end: 9, rows: 1, cols: 2, header_rows: 0 }, grid: [['p', 'q']] }]);
    expect(score).toMatchObject({ found: 0, recall: 0, precision: 0, extra: ['z'] });
    expect(score.adjacency).toMatchObject({ correct: 0, expected: 10, found: 0, recall: 0, f1: 0 });
  });

  it('cellOverlap is the Dice coefficient of cell texts', () => {
    expect(cellOverlap([['a', 'b'], ['', 'c']], [['a', 'b', 'd']])).toBeCloseTo(4 / 6);
  });
});
