import { describe, expect, it } from 'vitest';
import type { Line } from '../../src/layout/lines.js';
import { UNREAD_MARK } from '../../src/model/page.js';
import { linkFootnotes, parseNoteLines, type TextHolder } from '../../src/structure/footnotes.js';
import { word } from '../helpers/make.js';

const holder = (text: string, page = 1): TextHolder => ({ text, marks: [], pages: [[0, page]], footnotes: [] });

describe('footnote references in a text dump', () => {
  it('finds digits glued to a word, to a year and after a full stop, in order', () => {
    const hs = [holder('of which 6,069 were officials1 and 1,058 employees.'), holder('Council, 24 and 25 June 20092; Fifth Session, October 20093 and'), holder('lines of funding.4', 2)];
    const notes = [1, 2, 3].map((number) => ({ number, page: 1, text: 'x' })).concat([{ number: 4, page: 2, text: 'y' }]);
    const link = linkFootnotes(notes, hs);
    expect([...link]).toEqual([[1, 0], [2, 1], [3, 1], [4, 2]]);
    expect(hs[0].text).toBe('of which 6,069 were officials and 1,058 employees.');
    expect(hs[1].text).toBe('Council, 24 and 25 June 2009; Fifth Session, October 2009 and');
    expect(hs[2].text).toBe('lines of funding.');
  });

  it('does not take ordinary numbers or a mark on another page', () => {
    const hs = [holder('In 2008 the G8 met 1 time.'), holder('about 1 item', 2)];
    const link = linkFootnotes([{ number: 1, page: 2, text: 'x' }], hs);
    expect(link.size).toBe(0);
  });

  it('uses raised marks when the source has them', () => {
    const h: TextHolder = { text: 'were officials and', marks: [{ text: '1', at: 14 }], pages: [[0, 1]], footnotes: [] };
    const link = linkFootnotes([{ number: 1, page: 1, text: 'x' }], [h]);
    expect(link.get(1)).toBe(0);
    expect(h.footnotes).toEqual([1]);
  });
});

describe('OCR marks that could not be read', () => {
  const unread = (at: number) => ({ text: UNREAD_MARK, at });

  it('numbers them in order from the notes on their page, after the last one linked', () => {
    const hs: TextHolder[] = [
      { text: 'in 2009; and 2009; and', marks: [unread(7), unread(17)], pages: [[0, 5]], footnotes: [] },
      { text: 'the Roster maps', marks: [unread(10)], pages: [[0, 7]], footnotes: [] },
      { text: 'as noted', marks: [{ text: '9', at: 8 }], pages: [[0, 7]], footnotes: [] },
    ];
    const notes = [
      { number: 2, page: 5, text: 'a' },
      { number: 3, page: 5, text: 'b' },
      { number: 8, page: 7, text: 'c' },
      { number: 9, page: 7, text: 'd' },
    ];
    const link = linkFootnotes(notes, hs);
    expect([...link]).toEqual([[2, 0], [3, 0], [8, 1], [9, 2]]);
    expect(hs[0].footnotes).toEqual([2, 3]);
  });

  it('links no unread mark on a page without notes', () => {
    const h: TextHolder = { text: 'a mark', marks: [unread(6)], pages: [[0, 3]], footnotes: [] };
    expect(linkFootnotes([{ number: 1, page: 4, text: 'x' }], [h]).size).toBe(0);
  });

  it('starts the next note at an unread label, without the label in its text', () => {
    const line = (label: string, rest: string, base: number): Line => {
      const words = [{ ...word({ text: label, x: 72, base }), conf: 80 }, { ...word({ text: rest, x: 80, base }), conf: 95 }];
      return { page: 58, words, text: `${label} ${rest}`, marks: [], x0: 72, x1: 500, y0: base - 8, y1: base + 2, base, size: 10, bold: false, italic: false, maxGap: 0.3, zone: 'footnote', col: 0 };
    };
    const notes = parseNoteLines([line('8', 'Fifty-three open.', 700), line(UNREAD_MARK, 'One open.', 712)]);
    expect(notes.map((n) => [n.number, n.text])).toEqual([
      [8, 'Fifty-three open.'],
      [9, 'One open.'],
    ]);
  });
});

describe('OCR note lines', () => {
  /** An OCR'd line of words set from x, 5 units a character and one between words. */
  const ocrLine = (text: string, x: number, base: number, size = 9): Line => {
    let cx = x;
    const words = text.split(' ').map((t) => {
      const w = { ...word({ text: t, x: cx, base, size, w: 5 * t.length }), conf: 90 };
      cx = w.x1 + 5;
      return w;
    });
    return { page: 4, words, text, marks: [], x0: x, x1: cx - 5, y0: base - 0.8 * size, y1: base + 0.2 * size, base, size, bold: false, italic: false, maxGap: 0.3, zone: 'footnote', col: 0 };
  };

  it('takes a label set on a line of its own as the label of the note beside it', () => {
    const label = { ...ocrLine('6', 72, 680, 6), y0: 676, y1: 682 };
    const notes = parseNoteLines([label, ocrLine('The Roster became an instruction.', 84, 683)]);
    expect(notes.map((n) => [n.number, n.text])).toEqual([[6, 'The Roster became an instruction.']]);
  });

  it('continues a note whose line ended short by less than the next word needs', () => {
    // 'October' (35 wide) did not fit in the 30 left after '27-28': the line wrapped.
    const lines = [ocrLine('5 The dates were set for 27-28', 72, 690), ocrLine('October 2009.', 84, 700)];
    lines[0].x1 = 470;
    const right = ocrLine('4 A line of notes that runs on to the right edge', 72, 680);
    right.x1 = 500;
    const notes = parseNoteLines([right, ...lines]);
    expect(notes.map((n) => [n.number, n.text])).toEqual([
      [4, 'A line of notes that runs on to the right edge'],
      [5, 'The dates were set for 27-28 October 2009.'],
    ]);
  });

  it('starts the next note after a line that ended with room for the next word', () => {
    const lines = [ocrLine('4 A line of notes that runs on to the right edge', 72, 680), ocrLine('5 A short note.', 72, 690), ocrLine('Burundi and Nigeria.', 84, 700)];
    lines[0].x1 = 500;
    expect(parseNoteLines(lines).map((n) => n.number)).toEqual([4, 5, 6]);
  });
});

describe('OCR marks read wrong', () => {
  it('take the next note of their page when the number read is already linked', () => {
    const hs: TextHolder[] = [
      { text: 'experts joined', marks: [{ text: '12', at: 14 }], pages: [[0, 49]], footnotes: [] },
      { text: 'from SYNI.', marks: [{ text: '12', at: 10 }], pages: [[0, 49]], footnotes: [] },
    ];
    const notes = [12, 13].map((number) => ({ number, page: 49, text: 'x' }));
    expect([...linkFootnotes(notes, hs, undefined, new Set([49]))]).toEqual([[12, 0], [13, 1]]);
  });

  it('keep a repeated number on a page with a text layer', () => {
    const hs: TextHolder[] = [
      { text: 'experts joined', marks: [{ text: '12', at: 14 }], pages: [[0, 49]], footnotes: [] },
      { text: 'from SYNI.', marks: [{ text: '12', at: 10 }], pages: [[0, 49]], footnotes: [] },
    ];
    const notes = [12, 13].map((number) => ({ number, page: 49, text: 'x' }));
    expect([...linkFootnotes(notes, hs)]).toEqual([[12, 0]]);
  });
});
