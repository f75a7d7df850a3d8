import { describe, expect, it } from 'vitest';
import { reviewItems, sortByPlace, type ReviewRecord } from '../../src/review/data.js';

describe('what needs a human look', () => {
  it('lists failed arithmetic with its cells, drift, other failed checks, unclassified text and low OCR confidence', () => {
    const report = {
      validation: {
        checks: [
          { name: 'paragraph-sequence', ok: true, detail: 'fine' },
          { name: 'table-arithmetic', ok: false, detail: '1 fails', data: { failed: [{ table_id: 't', detail: 't: total', terms: [[1, 1], [2, 1]], target: [3, 1] }] } },
          { name: 'expected-table', ok: false, detail: 'drift in t', data: { key: 'k', table_id: 't', findings: ['x'] } },
          { name: 'same-figure-twice', ok: false, detail: 'differ', data: { tables: ['t', 'u'] } },
        ],
      },
      unclassified: [{ page: 4, text: 'stray words', reason: 'body text' }],
      ocr_confidence: { threshold: 75, low_confidence: [{ kind: 'heading', id: 'A. Title', page: 2, confidence: 60, text: 'Title' }] },
    };
    const items = reviewItems(report, (id) => (id === 'A. Title' ? '3' : id));
    expect(items.map((i) => [i.type, i.records])).toEqual([
      ['arithmetic', ['cell t:1:1', 'cell t:2:1', 'cell t:3:1']],
      ['drift', ['table t']],
      ['check', ['table t', 'table u']],
      ['unclassified', []],
      ['ocr', ['heading 3']],
    ]);
    expect(items[3].page).toBe(4);
  });
});

describe('side list order', () => {
  const rec = (id: string, page: number, x0: number, y0: number): ReviewRecord => ({ kind: 'paragraph', id, label: id, text: id, boxes: [[page, x0, y0, x0 + 200, y0 + 50]] });
  it('reads a page of two columns column by column, pages in order, records without a box last', () => {
    const sorted = sortByPlace([rec('right-top', 1, 320, 100), rec('left-low', 1, 60, 600), { ...rec('none', 1, 0, 0), boxes: [] }, rec('p2', 2, 60, 50), rec('left-top', 1, 60, 100)]);
    expect(sorted.map((r) => r.id)).toEqual(['left-top', 'left-low', 'right-top', 'p2', 'none']);
  });
});
