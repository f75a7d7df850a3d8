/**
 * A table of contents on tiny hand-made pages: read into an outline (labels, levels from labels
 * and indents, announced pages), its lines kept out of paragraphs, headings and tables, and its
 * entries naming the body's headings where typography does not (no bold, OCR pages).
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Page, Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { entryShape, namesEntry, outlineLevels } from '../../src/structure/contents.js';
import { buildLines } from '../../src/layout/lines.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;

/** [x, baseline, text] */
type Row = [number, number, string];
const words = (rows: Row[]): Word[] => rows.flatMap(([x, base, text]) => lineWords(text, x, base));
/** A contents line: the title at x, dot leaders, the page number flush right at 480. */
const entry = (x: number, base: number, title: string, pg: number): Row[] => [
  [x, base, `${title} ${'.'.repeat(Math.max(3, Math.floor((440 - x - title.length * 6) / 6)))}`],
  [480 - String(pg).length * 6, base, String(pg)],
];

const CONTENTS: Row[] = [
  [260, 80, 'CONTENTS'],
  [456, 110, 'Page'],
  ...entry(72, 130, 'Introduction', 2),
  ...entry(72, 148, 'I. FINDINGS', 2),
  ...entry(96, 166, 'A. Sources of supply', 2),
  ...entry(120, 184, 'Water quality testing', 2),
  ...entry(96, 202, 'B. Coordination', 3),
  ...entry(72, 220, 'II. CONCLUSIONS', 3),
];

const PROSE = 'the water supplied to camps was tested every week by the agencies concerned with';
/** Body rows from the top: a heading, or a numbered paragraph of three lines; space between them. */
function body(items: string[]): Row[] {
  const rows: Row[] = [];
  let y = 80;
  for (const t of items) {
    if (/^\d+\. /.test(t)) {
      rows.push([72, y, `${t} ${PROSE}`], [72, y + 14, PROSE], [72, y + 28, 'results shared among them.']);
      y += 28 + 30;
    } else {
      rows.push([72, y, t]);
      y += 30;
    }
  }
  return rows;
}
const BODY_2 = body(['Introduction', '1. In the first weeks', 'I. FINDINGS', 'A. Sources of supply', '2. Trucking was the first source', 'Water quality testing', '3. Samples were taken', 'Seasonal variation', '4. In the rainy season']);
const BODY_3 = body(['B. Coordination', '5. Coordination meetings', 'II. CONCLUSIONS', '6. The Secretary-General recommends that']);

function run(pages: Page[]) {
  const laid = pages.map(layoutPage);
  layoutDocument(laid, generic);
  return assemble(laid, generic);
}
const ocr = (p: Page): Page => ({ ...p, source: 'ocr' });
const withContents = (source: (p: Page) => Page = (p) => p) => [page(words(CONTENTS), [], 1), page(words(BODY_2), [], 2), page(words(BODY_3), [], 3)].map(source);
const headings = (s: ReturnType<typeof run>) => s.headings.map((h) => `${h.level} ${h.label} ${h.title}`.replace(/\s+/g, ' '));

describe('table of contents', () => {
  it('reads an entry: title, leaders, paragraph range and page; not a line of prose or a table row', () => {
    const line = (text: string) => buildLines(page(lineWords(text, 72, 100)))[0];
    expect(entryShape(line('I. INTRODUCTION ........ 1 - 3 2'))).toEqual({ head: 'I. INTRODUCTION', page: 2, leaders: true });
    expect(entryShape(line('Annex.Summary of replies ... 11 - 14 5'))).toMatchObject({ head: 'Annex.Summary of replies', page: 5 });
    expect(entryShape(line('Foreword ....... iii'))).toEqual({ head: 'Foreword', page: null, leaders: true });
    expect(entryShape(line('the number of field locations reached 430 in 2008'))).toBeNull();
    expect(entryShape(line('Africa ......... 478 22'))).toBeNull();
  });

  it('gives levels from labels and indents: roman 1, letters 2, deeper unlabelled 3, outermost unlabelled 1', () => {
    const e = (label: string, x0: number) => ({ label, x0, size: 12 });
    expect(outlineLevels([e('', 72), e('I', 72), e('A', 96), e('', 120), e('B', 96), e('II', 72), e('', 96)])).toEqual([1, 1, 2, 3, 2, 1, 2]);
    expect(outlineLevels([e('1', 72), e('1.1', 90), e('1.1.1', 108), e('2', 72)])).toEqual([1, 2, 3, 1]);
  });

  it('matches a body line to an entry despite OCR slips, its label aside', () => {
    const entry = { label: 'A', title: 'Sources of supply', level: 2 as const, page: 2, lines: [] };
    expect(namesEntry('A. Sources of suppiy', entry)).toBe(true);
    expect(namesEntry('Sources of supply', entry)).toBe(true);
    expect(namesEntry('Sources of finance', entry)).toBe(false);
    // A top-level title alone names an entry that goes on with the title printed under it.
    const annex = { label: '', title: 'Annex.Summary of replies', level: 1 as const, page: 5, lines: [] };
    expect(namesEntry('ANNEX', annex, generic.topLevelTitles)).toBe(true);
    expect(namesEntry('ANNEX', annex)).toBe(false);
  });

  it('reads the contents into an outline and keeps its lines out of paragraphs, headings and tables', () => {
    const s = run(withContents());
    expect(s.outline.map((e) => [e.level, e.label, e.title, e.page])).toEqual([
      [1, '', 'Introduction', 2],
      [1, 'I', 'FINDINGS', 2],
      [2, 'A', 'Sources of supply', 2],
      [3, '', 'Water quality testing', 2],
      [2, 'B', 'Coordination', 3],
      [1, 'II', 'CONCLUSIONS', 3],
    ]);
    expect(s.paragraphs.map((p) => [p.number, p.page])).toEqual([[1, 2], [2, 2], [3, 2], [4, 2], [5, 3], [6, 3]]);
    expect(s.headings.every((h) => (h.page ?? 0) > 1)).toBe(true);
    expect(s.tabular).toEqual([]);
    const rows = s.blocks.filter((b) => b.kind === 'contents');
    expect(rows.map((b) => [b.item, b.label, b.text])).toEqual([
      [0, '', 'CONTENTS Page'],
      [1, '', 'Introduction'],
      [2, 'I', 'FINDINGS'],
      [3, 'A', 'Sources of supply'],
      [4, '', 'Water quality testing'],
      [5, 'B', 'Coordination'],
      [6, 'II', 'CONCLUSIONS'],
    ]);
  });

  it('promotes the body lines the contents names, without bold, at its levels; a line it does not name stays prose', () => {
    const s = run(withContents());
    expect(headings(s)).toEqual(['1 Introduction', '1 I FINDINGS', '2 A Sources of supply', '3 Water quality testing', '2 B Coordination', '1 II CONCLUSIONS']);
    expect(s.paragraphs.find((p) => p.number === 3)).toMatchObject({ section: 'I. FINDINGS', subsection: 'A. Sources of supply', heading: 'Water quality testing' });
    // "Seasonal variation" is not in the contents: a plain line in a typeset page stays a note.
    expect(s.blocks.some((b) => b.kind === 'note' && b.text === 'Seasonal variation')).toBe(true);
    // Without the contents, neither unlabelled mixed-case title is a heading.
    const bare = run([page(words(BODY_2), [], 2), page(words(BODY_3), [], 3)]);
    expect(headings(bare)).toEqual(['1 I FINDINGS', '2 A Sources of supply', '2 B Coordination', '1 II CONCLUSIONS']);
  });

  it('on an OCR page, an unlabelled title takes the level the contents gives it', () => {
    const s = run(withContents(ocr));
    expect(headings(s)).toContain('1 Introduction');
    expect(headings(s)).toContain('3 Water quality testing');
    const bare = run([page(words(BODY_2), [], 2), page(words(BODY_3), [], 3)].map(ocr));
    expect(headings(bare)).toContain('3 Introduction');
  });

  it('on an OCR page, a title guessed only from what follows it is no heading when a trusted contents of its depth omits it', () => {
    expect(headings(run(withContents(ocr)))).not.toContain('3 Seasonal variation');
    expect(headings(run([page(words(BODY_2), [], 2), page(words(BODY_3), [], 3)].map(ocr)))).toContain('3 Seasonal variation');
  });
});
