import { describe, expect, it } from 'vitest';
import { headerCount } from '../../src/structure/tables/grid.js';
import { figureRow, page, type PageSpec } from './helpers/pages.js';

const RIGHTS = [200, 250, 300];

describe('the rule that ends a header', () => {
  it('is the one under the header lines, not a lower rule that parts groups of rows', () => {
    // Sector | 2021 2022 2023, a rule; groups of three, two, four, four and three rows, ruled apart.
    const rows: PageSpec['rows'] = [{ base: 80, cells: [{ text: 'Sector', x: 20 }, { text: '2021', right: 200 }, { text: '2022', right: 250 }, { text: '2023', right: 300 }] }];
    let base = 96;
    for (const n of [3, 2, 4, 4, 3]) {
      for (let i = 0; i < n; i++, base += 11) rows.push(figureRow(base, `Item ${base}`, 20, ['1,204', '2,310', '930'], RIGHTS));
      base += 3;
    }
    const p = page({ rows });
    const ruleYs = [84, 96 + 3 * 11 - 6, 96 + 5 * 11 + 3 - 6];
    expect(headerCount(p.lines, ruleYs)).toBe(1);
  });

  it('may still have a line of figures above it (column numbers under the heads)', () => {
    const rows: PageSpec['rows'] = [
      { base: 80, cells: [{ text: 'Item', x: 20 }, { text: 'Budget', right: 200 }, { text: 'Actual', right: 250 }, { text: 'Change', right: 300 }] },
      { base: 90, cells: [{ text: '(1)', right: 200 }, { text: '(2)', right: 250 }, { text: '(3)', right: 300 }] },
    ];
    for (let i = 0; i < 8; i++) rows.push(figureRow(106 + 11 * i, `Item ${i}`, 20, ['1,204', '2,310', '930'], RIGHTS));
    const p = page({ rows });
    expect(headerCount(p.lines, [94])).toBe(2);
  });
});
