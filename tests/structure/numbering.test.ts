import { describe, expect, it } from 'vitest';
import { chooseSequence, fillMisreadNumbers, romanValue } from '../../src/structure/numbering.js';
import { joinLines } from '../../src/structure/text.js';
import type { Line } from '../../src/layout/lines.js';

const cands = (ns: number[]) => ns.map((number, id) => ({ id, number }));
const chosen = (ns: number[]) => [...chooseSequence(cands(ns))].sort((a, b) => a - b).map((i) => ns[i]);

describe('paragraph sequence', () => {
  it('keeps the report sequence and drops box items that reuse small numbers', () => {
    expect(chosen([1, 2, 3, 4, 2, 3, 10, 11, 5, 6])).toEqual([1, 2, 3, 4, 5, 6]);
  });
  it('drops an annex list that restarts at 1 after the last paragraph', () => {
    expect(chosen([1, 2, 3, 1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5].slice(0, 3).concat([4, 5]));
  });
  it('survives a missing paragraph without breaking the chain', () => {
    expect(chosen([1, 2, 4, 5, 6])).toEqual([1, 2, 4, 5, 6]);
  });
  it('bridges the pages missing from an excerpt', () => {
    expect(chosen([1, 2, 3, 4, 2, 3, 35, 36, 37, 2, 3])).toEqual([1, 2, 3, 4, 35, 36, 37]);
  });
  it('ignores a stray large number', () => {
    expect(chosen([1, 2, 2008, 3, 4])).toEqual([1, 2, 3, 4]);
  });
});

describe('roman numerals', () => {
  it('reads section labels', () => {
    expect([romanValue('I'), romanValue('IV'), romanValue('IX'), romanValue('XIII'), romanValue('Q')]).toEqual([1, 4, 9, 13, null]);
  });
});

const line = (text: string, marks: { text: string; at: number }[] = []) => ({ text, marks }) as unknown as Line;

describe('joining lines', () => {
  it('keeps a line-final hyphen and joins without a space', () => {
    expect(joinLines([line('Guinea-'), line('Bissau and Mali')]).text).toBe('Guinea-Bissau and Mali');
  });
  it('joins a spaced dash with a space', () => {
    expect(joinLines([line('partners -'), line('Member States')]).text).toBe('partners - Member States');
  });
  it('shifts mark offsets into the joined text and drops the paragraph number', () => {
    const j = joinLines([line('10. staff were'), line('officials and employees', [{ text: '1', at: 9 }])], 4);
    expect(j.text).toBe('staff were officials and employees');
    expect(j.text.slice(0, j.marks[0].at)).toBe('staff were officials');
  });
});

describe('paragraph numbers OCR misread', () => {
  const fill = (ns: number[], ocr = true) => {
    const cs = cands(ns);
    return [...fillMisreadNumbers(cs, chooseSequence(cs), () => ocr)];
  };
  it('take the one number missing between their neighbours', () => {
    expect(fill([292, 293, 204, 295])).toEqual([[2, 294]]);
    expect(fill([117, 118, 118, 120])).toEqual([[2, 119]]);
  });
  it('stay out where the gap is wider, two candidates share it, or the text is not OCR', () => {
    expect(fill([292, 293, 204, 296])).toEqual([]);
    expect(fill([292, 293, 204, 2, 295])).toEqual([]);
    expect(fill([292, 293, 204, 295], false)).toEqual([]);
  });
});
