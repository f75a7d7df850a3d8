/**
 * Section labels OCR read as something else, repaired from the label sequence. A sans-serif "I"
 * is a bare stroke, which tesseract often reads as "1", "l" or "|": "1. MIGRATION SERVICES" is then
 * a numbered item, and every paragraph of section I is filed under the section before it.
 */
import type { Block } from './blocks.js';
import type { HeadingGuess } from './classify.js';
import { romanValue, toRoman } from './numbering.js';
import { upperShare } from './text.js';

/** Glyphs OCR makes of a roman "I". */
const STROKES = /[1l|!]/g;

/**
 * The roman numeral a label stands for when its strokes were read as digits or small letters
 * ("1" → "I", "11" → "II", "1V" → "IV", "X1" → "XI"), or null when it is no such misreading.
 */
export function misreadRoman(label: string): string | null {
  if (!/^[IVXLC1l|!]{1,6}$/.test(label) || !/[1l|!]/.test(label)) return null;
  const roman = label.replace(STROKES, 'I');
  return romanValue(roman) !== null && toRoman(romanValue(roman)!) === roman ? roman : null;
}

/**
 * Headings in document order; a numbered OCR heading whose title is in capitals and whose label,
 * read as strokes, is the next roman numeral becomes that section, provided the document's
 * proper roman labels go on past it (so a report numbering its sections 1, 2, 3 keeps them).
 */
export function repairMisreadRomans(headings: [Block, HeadingGuess][]): void {
  const proper = headings.map(([, h]) => (h.level === 1 && /^[IVXLC]+$/.test(h.label) ? romanValue(h.label) ?? 0 : 0));
  let seen = 0;
  headings.forEach(([b, h], k) => {
    if (proper[k]) {
      seen = proper[k];
      return;
    }
    const ocr = b.lines[0].words[0]?.conf !== undefined;
    const roman = ocr && h.level === 2 && upperShare(h.title) >= 0.8 ? misreadRoman(h.label) : null;
    if (!roman || romanValue(roman) !== seen + 1 || !proper.slice(k + 1).some((v) => v > seen + 1)) return;
    h.level = 1;
    h.label = roman;
    seen++;
  });
}
