import { describe, expect, it } from 'vitest';
import { fragmentLines } from '../../src/structure/tables/fragments.js';
import { page } from './helpers/pages.js';

describe('raised note marks in table rows', () => {
  it('keep their place in the cell text, in superscript, after the word they follow; a marked figure stays a figure at its edge', () => {
    // "Borealia¹   12.4ᵃ   77.0": the marks are smaller and raised, as a text layer gives them.
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Borealia', x: 10 }, { text: '12.4', right: 150 }, { text: '77.0', right: 220 }] },
        { base: 96.6, cells: [{ text: '1', x: 46.5, size: 5.5 }, { text: 'a', x: 150.5, size: 5.5 }] },
      ],
    });
    expect(p.lines).toHaveLength(1);
    const [frags] = fragmentLines(p.lines, 9);
    expect(frags.map((f) => f.text)).toEqual(['Borealia¹', '12.4ᵃ', '77.0']);
    expect(frags[1].numeric).toBe(true);
    expect(frags[1].x1).toBe(150);
  });

  it('leave a small raised figure standing clear of the word before it as a cell of its own', () => {
    // "Alaska   351   87.4": the 351 set small and a little high, two em right of the label.
    const p = page({
      rows: [
        { base: 100, cells: [{ text: 'Alaska', x: 10 }, { text: '87.4', right: 150 }] },
        { base: 97, cells: [{ text: '351', right: 90, size: 6 }] },
      ],
    });
    const [frags] = fragmentLines(p.lines, 9);
    expect(frags.map((f) => f.text)).toEqual(['Alaska', '351', '87.4']);
    expect(frags[1].numeric).toBe(true);
  });
});
