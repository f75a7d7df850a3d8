/** Section labels OCR read as digits ("1." for a sans-serif "I.") are repaired from the label sequence. */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Page } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { misreadRoman } from '../../src/structure/misread-labels.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;

/** An OCR'd page: words with a confidence and no typography. */
function ocrPage(rows: [number, string][]): Page {
  const words = rows.flatMap(([base, text]) => lineWords(text, 72, base)).map((w) => ({ ...w, conf: 90 }));
  return { ...page(words), source: 'ocr' };
}

const para = (n: number, base: number): [number, string][] => [
  [base, `${n}. The paragraph of the report number ${n} runs on to the end of this line and`],
  [base + 14, 'stops on the next one.'],
];

function sections(rows: [number, string][]) {
  const laid = [layoutPage(ocrPage(rows))];
  layoutDocument(laid, generic);
  return assemble(laid, generic);
}

describe('misread roman labels', () => {
  it('reads strokes taken for digits or small letters as "I"s', () => {
    expect(misreadRoman('1')).toBe('I');
    expect(misreadRoman('ll')).toBe('II');
    expect(misreadRoman('1V')).toBe('IV');
    expect(misreadRoman('X11')).toBe('XII');
    expect(misreadRoman('II')).toBeNull(); // read right
    expect(misreadRoman('2')).toBeNull();
    expect(misreadRoman('1111')).toBeNull(); // no numeral
  });

  it('makes "1. TITLE IN CAPITALS" section I when roman sections follow', () => {
    const s = sections([...para(1, 100), [144, '1. FIRST SECTION'], ...para(2, 174), [218, 'II. SECOND SECTION'], ...para(3, 248)]);
    expect(s.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, 'I', 'FIRST SECTION'],
      [1, 'II', 'SECOND SECTION'],
    ]);
    expect(s.paragraphs.map((p) => p.section)).toEqual(['', 'I. FIRST SECTION', 'II. SECOND SECTION']);
  });

  it('leaves numbered sections alone where no roman labels follow', () => {
    const s = sections([...para(1, 100), [144, '1. FIRST SECTION'], ...para(2, 174), [218, '2. SECOND SECTION'], ...para(3, 248)]);
    expect(s.headings.map((h) => [h.level, h.label])).toEqual([
      [2, '1'],
      [2, '2'],
    ]);
  });
});
