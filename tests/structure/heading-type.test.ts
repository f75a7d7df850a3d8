/**
 * Typography that sets a heading apart, on a tiny hand-made page: italics in the body's size make
 * a heading; italics in smaller type (a table’s source, its notes) do not, bold in smaller type does;
 * a line opening "Source:" is never one.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const PROSE = 'the water supplied to camps was tested every week by the agencies concerned with';

/** A numbered paragraph of three lines at y, then a one-line title in the given type 30 points under it. */
function paragraph(n: number, y: number): Word[] {
  return [...lineWords(`${n}. First ${PROSE}`, 72, y), ...lineWords(PROSE, 72, y + 14), ...lineWords('results shared among them.', 72, y + 28)];
}

function headingsWith(title: { size: number; italic?: boolean; bold?: boolean }): string[] {
  const words = [...paragraph(1, 80), ...lineWords('Regional highlights', 72, 140, title), ...paragraph(2, 170), ...paragraph(3, 240)];
  const laid = [layoutPage(page(words))];
  layoutDocument(laid, generic);
  return assemble(laid, generic).headings.map((h) => h.title);
}

describe('heading typography', () => {
  it('italics in the body size set a heading apart', () => {
    expect(headingsWith({ size: 12, italic: true })).toEqual(['Regional highlights']);
  });
  it('italics in smaller type do not', () => {
    expect(headingsWith({ size: 8, italic: true })).toEqual([]);
  });
  it('a source line is no heading, even where only what follows tells headings (OCR)', () => {
    const ocrHeadings = (title: string) => {
      const words = [...paragraph(1, 80), ...lineWords(title, 72, 140), ...paragraph(2, 170), ...paragraph(3, 240)];
      const laid = [layoutPage({ ...page(words), source: 'ocr' })];
      layoutDocument(laid, generic);
      return assemble(laid, generic).headings.map((h) => h.title);
    };
    expect(ocrHeadings('Regional highlights')).toEqual(['Regional highlights']);
    expect(ocrHeadings('Source: Financial Reports')).toEqual([]);
  });
  it('bold in smaller type still does', () => {
    expect(headingsWith({ size: 9, bold: true })).toEqual(['Regional highlights']);
  });
});

describe('a title without type on a scan', () => {
  /** An OCR page: paragraphs 1–3, and between 1 and 2 a title wrapped over two lines, its first as wide as the column. */
  function ocrHeadings(first: string, second: string, gapAbove = 30): string[] {
    const words = [...paragraph(1, 80), ...lineWords(first, 72, 108 + gapAbove), ...lineWords(second, 72, 122 + gapAbove), ...paragraph(2, 152 + gapAbove), ...paragraph(3, 222 + gapAbove)];
    const laid = [layoutPage({ ...page(words), source: 'ocr' })];
    layoutDocument(laid, generic);
    return assemble(laid, generic).headings.map((h) => h.title);
  }
  const WIDE = 'Informal meetings and consultations held on the programme and budget of the Organization with';
  it('is a heading between numbered paragraphs, set apart by space, its last line short', () => {
    expect(ocrHeadings(WIDE, 'Member States')).toEqual([`${WIDE} Member States`]);
  });
  it('is not when its last line runs to the column’s edge, or no space sets it apart', () => {
    expect(ocrHeadings(WIDE, WIDE)).toEqual([]);
    expect(ocrHeadings(WIDE, 'Member States', 14)).toEqual([]);
  });
});
