import { describe, expect, it } from 'vitest';
import { linkFootnotes, type TextHolder } from '../../src/structure/footnotes.js';

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
