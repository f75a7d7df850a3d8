import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/layout/lines.js';
import type { Word } from '../../src/model/page.js';
import { hrule, lineWords, page, word } from '../helpers/make.js';

const PROSE = ['the report reviews the work of the year', 'and the work goes on in the field now', 'with partners in many places of the world'];
const LEFT = 60;
const RIGHT = 310;

/** Two columns of prose lines, `n` on each side, from baseline y. */
function columns(tag: string, n: number, y: number): Word[] {
  const out: Word[] = [];
  for (let i = 0; i < n; i++) {
    out.push(...lineWords(`${tag}L${i} ${PROSE[i % 3]}`, LEFT, y + i * 12, { size: 9 }));
    out.push(...lineWords(`${tag}R${i} ${PROSE[(i + 1) % 3]}`, RIGHT, y + i * 12, { size: 9 }));
  }
  return out;
}

const tags = (texts: string[]) => texts.map((t) => t.split(' ')[0]);

describe('reading order by bands', () => {
  it('breaks the band at a heading set across the page: columns above, heading, columns below', () => {
    const heading = lineWords('A HEADING SET ACROSS BOTH COLUMNS', 200, 250, { size: 10, bold: true });
    const lines = buildLines(page([...columns('a', 8, 140), ...heading, ...columns('b', 8, 280)]));
    const order = tags(lines.map((l) => l.text));
    const at = (t: string) => order.indexOf(t);
    expect(at('aL7')).toBeLessThan(at('aR0'));
    expect(at('aR7')).toBeLessThan(at('A'));
    expect(at('A')).toBeLessThan(at('bL0'));
    expect(at('bL7')).toBeLessThan(at('bR0'));
    expect(lines[at('A')].wide).toBe(true);
    expect(lines[at('bR0')].col).toBe(1);
  });

  it('keeps a table in the right column inside it, the left column read as one run beside it', () => {
    const words: Word[] = [];
    for (let i = 0; i < 16; i++) words.push(...lineWords(`L${i} ${PROSE[i % 3]}`, LEFT, 140 + i * 12, { size: 9 }));
    const rows = [['Africa', '478', '22%'], ['Asia', '426', '20%'], ['Europe', '675', '32%'], ['Total', '1 579', '74%']];
    for (let i = 0; i < 16; i++) {
      const y = 140 + i * 12;
      const r = i - 5;
      if (r >= 0 && r < rows.length) {
        words.push(word({ text: rows[r][0], x: RIGHT, base: y, size: 9 }));
        words.push(word({ text: rows[r][1], x: RIGHT + 120, base: y, size: 9 }));
        words.push(word({ text: rows[r][2], x: RIGHT + 180, base: y, size: 9 }));
      } else words.push(...lineWords(`R${i} ${PROSE[(i + 2) % 3]}`, RIGHT, y, { size: 9 }));
    }
    const lines = buildLines(page(words));
    const texts = lines.map((l) => l.text);
    // The left column first, every line on its own; then the right column, its table rows in place.
    expect(tags(texts.slice(0, 16))).toEqual(Array.from({ length: 16 }, (_, i) => `L${i}`));
    expect(texts[16 + 5]).toBe('Africa 478 22%');
    expect(texts[16 + 8]).toBe('Total 1 579 74%');
    expect(lines.slice(16).every((l) => l.col === 1)).toBe(true);
  });

  it('reads a ruled table across the page row by row, between the columns above and below it', () => {
    const words = [...columns('a', 8, 140)];
    const rule = [hrule(LEFT, 540, 238), hrule(LEFT, 540, 300)];
    for (let i = 0; i < 4; i++) {
      const y = 252 + i * 12;
      words.push(word({ text: `Region${i}`, x: LEFT, base: y, size: 9 }));
      for (let c = 0; c < 4; c++) words.push(word({ text: String(100 * i + c), x: 200 + 90 * c, base: y, size: 9 }));
    }
    words.push(...columns('b', 8, 320));
    const lines = buildLines(page(words, rule));
    const texts = lines.map((l) => l.text);
    const at = (t: string) => texts.findIndex((x) => x.startsWith(t));
    expect(texts[at('Region0')]).toBe('Region0 0 1 2 3');
    expect(at('aR7')).toBeLessThan(at('Region0'));
    expect(at('Region3')).toBeLessThan(at('bL0'));
  });

  it('reads a one-column band above a two-column band: the prose across the page first, then each column', () => {
    const words: Word[] = [];
    const WIDE = 'the report reviews the work of the year and the work goes on in the field with partners';
    for (let i = 0; i < 6; i++) words.push(...lineWords(`W${i} ${WIDE}`, LEFT, 100 + i * 12, { size: 9 }));
    words.push(...columns('b', 10, 190));
    const lines = buildLines(page(words));
    expect(tags(lines.map((l) => l.text))).toEqual([...Array.from({ length: 6 }, (_, i) => `W${i}`), ...Array.from({ length: 10 }, (_, i) => `bL${i}`), ...Array.from({ length: 10 }, (_, i) => `bR${i}`)]);
    expect(lines[6].col).toBe(0);
    expect(lines[16].col).toBe(1);
    // A column line's edges are its band's column, not the page's.
    expect(lines[6].column![1]).toBeLessThan(RIGHT);
  });

  it('reads a band of three columns column by column under a band of two', () => {
    const words = [...columns('a', 8, 100)];
    const X = [LEFT, 230, 400];
    const SHORT = ['the work of the year goes', 'on in the field with many', 'partners in places of it'];
    for (let i = 0; i < 8; i++) for (let c = 0; c < 3; c++) words.push(...lineWords(`c${c}n${i} ${SHORT[(i + c) % 3]}`, X[c], 220 + i * 12, { size: 9 }));
    const order = tags(buildLines(page(words)).map((l) => l.text));
    const at = (t: string) => order.indexOf(t);
    expect(at('aR7')).toBeLessThan(at('c0n0'));
    expect(at('c0n7')).toBe(at('c1n0') - 1);
    expect(at('c1n7')).toBe(at('c2n0') - 1);
  });

  it('ends the band above a bold heading set at the left margin with every other column blank beside it', () => {
    const heading = lineWords('VIII. RESOURCES MANAGEMENT', LEFT, 246, { size: 10, bold: true });
    const lines = buildLines(page([...columns('a', 8, 140), ...heading, ...columns('b', 8, 266)]));
    const order = tags(lines.map((l) => l.text));
    expect(order.indexOf('aR7')).toBeLessThan(order.indexOf('VIII.'));
    expect(order.indexOf('VIII.')).toBeLessThan(order.indexOf('bL0'));
    expect(lines[order.indexOf('VIII.')].wide).toBe(true);
  });

  it('does not read the whitespace of a table of labels and figures under a column band as a gutter', () => {
    const words: Word[] = [];
    for (let i = 0; i < 10; i++) {
      words.push(...lineWords(`Region number ${i} of the world`, LEFT, 100 + i * 12, { size: 9 }));
      for (let c = 0; c < 3; c++) words.push(word({ text: String(100 * i + c), x: 330 + 60 * c, base: 100 + i * 12, size: 9 }));
    }
    const lines = buildLines(page(words));
    expect(lines.map((l) => l.text)).toEqual(Array.from({ length: 10 }, (_, i) => `Region number ${i} of the world ${100 * i} ${100 * i + 1} ${100 * i + 2}`));
  });

  it('reads a table of two text columns with centred cells across, row by row', () => {
    const words: Word[] = [];
    const cells = ['growth of the population', 'rates remain between the two bounds of it', 'a change in the rate', 'estimates of the bureau for the state now'];
    for (let i = 0; i < 6; i++) {
      const text = cells[i % 4];
      words.push(...lineWords(`Row${i} label of the first column`, LEFT, 100 + i * 12, { size: 9 }));
      // Centred in the second column: each row starts elsewhere.
      words.push(...lineWords(text, 440 - text.length * 2.4, 100 + i * 12, { size: 9 }));
    }
    const lines = buildLines(page(words));
    expect(lines).toHaveLength(6);
    expect(lines.every((l) => l.col === 0)).toBe(true);
  });

  it('reads two bands of two columns with different gutters each in its own columns', () => {
    const words = [...columns('a', 8, 100)];
    words.push(...lineWords('A HEADING SET ACROSS BOTH COLUMNS OF THE PAGE AND ITS TWO BANDS', 90, 210, { size: 10, bold: true }));
    // Below the heading: a narrow left column and a wide right one (gutter near x 200, not 280).
    const NARROW = ['the work of the', 'year goes on in', 'the field with'];
    for (let i = 0; i < 8; i++) {
      words.push(...lineWords(`nL${i} ${NARROW[i % 3]}`, LEFT, 230 + i * 12, { size: 9 }));
      words.push(...lineWords(`nR${i} ${PROSE[i % 3]} and more`, 215, 230 + i * 12, { size: 9 }));
    }
    const lines = buildLines(page(words));
    const order = tags(lines.map((l) => l.text));
    expect(order.indexOf('aR7')).toBeLessThan(order.indexOf('A'));
    expect(order.slice(order.indexOf('nL0'), order.indexOf('nL0') + 16)).toEqual([...Array.from({ length: 8 }, (_, i) => `nL${i}`), ...Array.from({ length: 8 }, (_, i) => `nR${i}`)]);
    expect(lines[order.indexOf('nR0')].column![0]).toBeGreaterThan(200);
  });
});

