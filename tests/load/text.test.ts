import { describe, expect, it } from 'vitest';
import { textToPages, TEXT_GRID } from '../../src/load/text.js';

describe('text dump loader', () => {
  it('maps character columns to x and lines to baselines', () => {
    const [p] = textToPages('ab  cd\n\n  ef');
    expect(p.words.map((w) => [w.text, w.x0, w.base])).toEqual([
      ['ab', 0, TEXT_GRID.lineHeight],
      ['cd', 4 * TEXT_GRID.charWidth, TEXT_GRID.lineHeight],
      ['ef', 2 * TEXT_GRID.charWidth, 3 * TEXT_GRID.lineHeight],
    ]);
    expect(p.source).toBe('text-dump');
  });

  it('starts pages at form feeds and at lines opening with exactly one space', () => {
    const pages = textToPages('one\ntwo\fthree\n SECTION\n  indented stays');
    expect(pages.map((p) => p.words.map((w) => w.text).join(' '))).toEqual(['one two', 'three', 'SECTION indented stays']);
    // The page-break space is not an indent.
    expect(pages[2].words[0].x0).toBe(0);
  });

  it('turns a long whitespace-only line into a rule (footnote separator)', () => {
    const [p] = textToPages('text\n' + ' '.repeat(40) + '\n1  A footnote.');
    expect(p.rules).toHaveLength(1);
    expect(p.rules[0].kind).toBe('h');
    expect(p.rules[0].y0).toBeGreaterThan(p.words[0].base);
  });

  it('strips a BOM and CRLF line ends', () => {
    const [p] = textToPages('\uFEFFa\r\nb');
    expect(p.words.map((w) => w.text)).toEqual(['a', 'b']);
  });
});
