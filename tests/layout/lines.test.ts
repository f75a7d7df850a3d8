import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/layout/lines.js';
import { UNREAD_MARK } from '../../src/model/page.js';
import { lineWords, page, word } from '../helpers/make.js';

describe('buildLines', () => {
  it('groups words by baseline, top to bottom, left to right', () => {
    const lines = buildLines(page([...lineWords('second line', 70, 200), ...lineWords('first line', 70, 100)]));
    expect(lines.map((l) => l.text)).toEqual(['first line', 'second line']);
  });

  it('takes a small raised number as a reference mark with its offset, not as text', () => {
    const ws = lineWords('were officials and', 70, 300);
    const officials = ws[1];
    const mark = word({ text: '1', x: officials.x1 + 0.2, base: 300 - 4.3, size: 6.5, w: 3 });
    // The next word moves right to leave room for the mark.
    ws[2] = word({ text: 'and', x: mark.x1 + 3, base: 300 });
    const [line] = buildLines(page([...ws, mark]));
    expect(line.text).toBe('were officials and');
    // The mark keeps where it is printed (boxes.csv `mark` rows, the review page's badge).
    expect(line.marks).toEqual([{ text: '1', at: 'were officials'.length, box: { x0: mark.x0, y0: mark.y0, x1: mark.x1, y1: mark.y1 } }]);
  });

  it('joins a raised footnote label hanging left of its note to the note line, even with a line far below', () => {
    // The label stands 1.5 em left of the note text: no word of the note reaches it.
    const label = word({ text: '1', x: 72, base: 697, size: 6.5, w: 3.6 });
    const note = lineWords('Excluding the Director General', 84, 700, { size: 8 });
    const footer = lineWords('Page 2', 500, 750, { size: 9 });
    const lines = buildLines(page([label, ...note, ...footer], [], 1, 612, 792));
    expect(lines).toHaveLength(2);
    expect(lines[0].words.map((w) => w.text)).toContain('1');
    expect(lines[0].words.map((w) => w.text)).toContain('Excluding');
  });

  it('puts no space between a mark and punctuation that follows it', () => {
    const ws = lineWords('June 2009', 70, 300);
    const mark = word({ text: '4', x: ws[1].x1 + 0.1, base: 296, size: 6.5, w: 3 });
    const semi = word({ text: ';', x: mark.x1 + 0.2, base: 300, w: 3 });
    const [line] = buildLines(page([...ws, mark, semi]));
    expect(line.text).toBe('June 2009;');
  });

  it('takes a raised mark OCR could not read as a mark too', () => {
    const ws = lineWords('June 2009', 70, 300).map((w) => ({ ...w, conf: 95 }));
    const mark = { ...word({ text: UNREAD_MARK, x: ws[1].x1 + 0.1, base: 295.5, size: 7, w: 3 }), conf: 90 };
    const semi = { ...word({ text: ';', x: mark.x1 + 0.2, base: 300, w: 3 }), conf: 90 };
    const [line] = buildLines({ ...page([...ws, mark, semi]), source: 'ocr' });
    expect(line.text).toBe('June 2009;');
    expect(line.marks).toEqual([{ text: UNREAD_MARK, at: 'June 2009'.length, box: { x0: mark.x0, y0: mark.y0, x1: mark.x1, y1: mark.y1 } }]);
  });

  it('does not count the tab after a paragraph number as a column gap', () => {
    const ws = [word({ text: '35.', x: 71, base: 100 }), ...lineWords('In support of it', 106, 100)];
    const [line] = buildLines(page(ws));
    expect(line.maxGap).toBeLessThan(1);
    const row = buildLines(page([...lineWords('Africa', 100, 100), word({ text: '478', x: 250, base: 100 })]))[0];
    expect(row.maxGap).toBeGreaterThan(5);
  });

  it('marks a line bold when most of its characters are bold', () => {
    const [l] = buildLines(page(lineWords('A. Technical Cooperation', 71, 100, { bold: true })));
    expect(l.bold).toBe(true);
  });
});
