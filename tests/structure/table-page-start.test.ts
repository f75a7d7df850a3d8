/**
 * A page that opens in small type right after a table that ended the previous page is taken for
 * the table's last row carried over, unless it is a numbered title (the next table's heading,
 * "5. … in 2008", whose year is no figure of a row).
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { lineWords, page, word } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const PROSE = 'the water supplied to camps was tested every week by the agencies concerned with';

/** Table rows in 8 pt from y: a label and two figures far apart. */
const rows = (y: number, labels: string[]): Word[] =>
  labels.flatMap((label, i) => [word({ text: label, x: 90, base: y + i * 12, size: 8 }), word({ text: String(100 + i), x: 300, base: y + i * 12, size: 8 }), word({ text: String(200 + i), x: 400, base: y + i * 12, size: 8 })]);

function run(opening: Word[]) {
  const page1 = [...lineWords(`1. First ${PROSE}`, 72, 80), ...lineWords(PROSE, 72, 94), ...lineWords('results shared among them.', 72, 108), ...rows(140, ['Africa', 'Asia', 'Europe', 'Oceania'])];
  const page2 = [...opening, ...rows(120, ['Grants', 'Loans', 'Other', 'Total']), ...lineWords(`2. Second ${PROSE}`, 72, 200), ...lineWords(PROSE, 72, 214), ...lineWords('results shared among them.', 72, 228)];
  const laid = [layoutPage(page(page1, [], 1)), layoutPage(page(page2, [], 2))];
  layoutDocument(laid, generic);
  return assemble(laid, generic);
}

describe('small type opening a page after a table', () => {
  it('a numbered bold title in small type is the next table’s heading', () => {
    const title = lineWords('5. Breakdown of Projects by Region in 2008', 90, 90, { size: 9, bold: true });
    expect(run(title).headings.map((h) => `${h.label} ${h.title}`)).toEqual(['5 Breakdown of Projects by Region in 2008']);
  });
});
