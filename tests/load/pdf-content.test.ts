import { describe, expect, it } from 'vitest';
import { readContent, type FontFacts, type Matrix } from '../../src/load/pdf-content.js';
import { OPS } from '../../src/load/pdfjs/index.js';

/** A Times-like font: every glyph 500 units wide (half an em). */
const ROMAN: FontFacts = { name: 'Roman', bold: false, italic: false, glyphScale: 0.001, vertical: false };
const BOLD: FontFacts = { name: 'Roman-Bold', bold: true, italic: false, glyphScale: 0.001, vertical: false };
const fonts: Record<string, FontFacts> = { F1: ROMAN, F2: BOLD };
/** Viewport of a 600 × 800 pt page: flips y so the origin is top-left. */
const VIEWPORT: Matrix = [1, 0, 0, -1, 0, 800];

const glyphs = (s: string, width = 500) => [...s].map((c) => ({ unicode: c, width, isSpace: c === ' ' }));

type Op = [number, unknown[] | null];
function run(ops: Op[]) {
  return readContent(
    ops.map((o) => o[0]),
    ops.map((o) => o[1]),
    VIEWPORT,
    (id) => fonts[id],
  );
}
const text = (ops: Op[]) => run(ops).words.map((w) => w.text);

describe('readContent: words from the operator list', () => {
  it('places glyphs as the canvas renderer does and splits at space glyphs', () => {
    const { words } = run([
      [OPS.beginText, null],
      [OPS.setFont, ['F1', 10]],
      [OPS.moveText, [100, 700]],
      [OPS.showText, [glyphs('ab cd')]],
      [OPS.endText, null],
    ]);
    expect(words.map((w) => w.text)).toEqual(['ab', 'cd']);
    // 'ab' starts at x 100 and is two half-em glyphs of a 10 pt font wide; the space is one more.
    expect(words[0].x0).toBeCloseTo(100);
    expect(words[0].x1).toBeCloseTo(110);
    expect(words[1].x0).toBeCloseTo(115);
    expect(words[0].base).toBeCloseTo(100);
    expect(words[0].size).toBeCloseTo(10);
  });

  it('splits at a kerning gap wider than a tenth of an em, not at tight kerning', () => {
    expect(text([[OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.showText, [[...glyphs('ab'), -50, ...glyphs('cd')]]]])).toEqual(['abcd']);
    expect(text([[OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.showText, [[...glyphs('ab'), -250, ...glyphs('cd')]]]])).toEqual(['ab', 'cd']);
  });

  it('joins glyphs shown one operation at a time into one word', () => {
    const ops: Op[] = [[OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.moveText, [100, 700]]];
    for (const c of 'word') ops.push([OPS.showText, [glyphs(c)]]);
    ops.push([OPS.moveText, [40, 0]], [OPS.showText, [glyphs('next')]]);
    expect(text(ops)).toEqual(['word', 'next']);
  });

  it('keeps a raised reference mark and a change of font as words of their own', () => {
    const { words } = run([
      [OPS.beginText, null],
      [OPS.setFont, ['F1', 10]],
      [OPS.moveText, [100, 700]],
      [OPS.showText, [glyphs('2009')]],
      [OPS.setFont, ['F1', 6]],
      [OPS.setTextRise, [4]],
      [OPS.showText, [glyphs('4')]],
      [OPS.setTextRise, [0]],
      [OPS.setFont, ['F2', 10]],
      [OPS.showText, [glyphs('Bold')]],
    ]);
    expect(words.map((w) => [w.text, w.size, w.bold])).toEqual([
      ['2009', 10, false],
      ['4', 6, false],
      ['Bold', 10, true],
    ]);
    expect(words[1].base).toBeCloseTo(96);
  });

  it('applies word spacing, character spacing and horizontal scaling to the advance', () => {
    const { words } = run([
      [OPS.beginText, null],
      [OPS.setFont, ['F1', 10]],
      [OPS.setWordSpacing, [20]],
      [OPS.setCharSpacing, [1]],
      [OPS.setHScale, [50]],
      [OPS.showText, [glyphs('a b')]],
    ]);
    // a: (5 + 1) × 0.5 = 3; space: (5 + 1 + 20) × 0.5 = 13; b starts at 16.
    expect(words.map((w) => w.x0)).toEqual([0, 16]);
  });

  it('reads the text matrix (one typed-array argument), the CTM and a form matrix', () => {
    const { words } = run([
      [OPS.transform, [2, 0, 0, 2, 0, 0]],
      [OPS.setFont, ['F1', 5]],
      [OPS.paintFormXObjectBegin, [[1, 0, 0, 1, 10, 0], null]],
      [OPS.beginText, null],
      [OPS.setTextMatrix, [Float32Array.from([1, 0, 0, 1, 40, 300])]],
      [OPS.showText, [glyphs('x')]],
      [OPS.endText, null],
      [OPS.paintFormXObjectEnd, null],
      [OPS.beginText, null],
      [OPS.setTextMatrix, [Float32Array.from([1, 0, 0, 1, 40, 300])]],
      [OPS.showText, [glyphs('y')]],
    ]);
    // Inside the form: (40 + 10) × 2; after it: 40 × 2. The font size scales with the CTM.
    expect(words.map((w) => [w.text, w.x0, w.size])).toEqual([
      ['x', 100, 10],
      ['y', 80, 10],
    ]);
  });

  it('restores the text state with the graphics state', () => {
    const { words } = run([
      [OPS.beginText, null],
      [OPS.setFont, ['F1', 10]],
      [OPS.save, null],
      [OPS.setFont, ['F2', 20]],
      [OPS.restore, null],
      [OPS.showText, [glyphs('a')]],
    ]);
    expect(words[0].font).toBe('Roman');
    expect(words[0].size).toBe(10);
  });

  it('uses the font matrix of a Type3 font for glyph widths', () => {
    fonts.T3 = { name: 'T3', bold: false, italic: false, glyphScale: 0.01, vertical: false };
    const { words } = run([[OPS.beginText, null], [OPS.setFont, ['T3', 10]], [OPS.showText, [glyphs('ab', 50)]]]);
    expect(words[0].x1).toBeCloseTo(10);
  });

  it('lays out rotated text along its own direction', () => {
    const { words } = run([
      [OPS.beginText, null],
      [OPS.setFont, ['F1', 10]],
      [OPS.setTextMatrix, [Float32Array.from([0, 1, -1, 0, 50, 100])]],
      [OPS.showText, [glyphs('up')]],
    ]);
    expect(words.map((w) => w.text)).toEqual(['up']);
    // Going up the page: 10 pt of advance is 10 pt of height, the box is one em wide.
    expect(words[0].y1 - words[0].y0).toBeCloseTo(10);
    expect(words[0].x1 - words[0].x0).toBeCloseTo(10);
  });

  it('keeps a phrase set turned as one word standing on where it starts (a column head printed vertically)', () => {
    const head = (x: number, s: string): Op[] => [
      [OPS.setTextMatrix, [Float32Array.from([0, 1, -1, 0, x, 100])]],
      [OPS.showText, [glyphs(s)]],
    ];
    const { words } = run([[OPS.beginText, null], [OPS.setFont, ['F1', 10]], ...head(50, 'Pupils enrolled'), ...head(80, 'Girls')]);
    expect(words.map((w) => w.text)).toEqual(['Pupils enrolled', 'Girls']);
    // Both heads start at the same height (page y 700): they share a baseline however long they are.
    expect(words[0].base).toBeCloseTo(700);
    expect(words[1].base).toBeCloseTo(700);
    expect(words[0].y1 - words[0].y0).toBeCloseTo(75);
    // Upright text still splits at its spaces.
    expect(text([[OPS.beginText, null], [OPS.setFont, ['F1', 10]], [OPS.showText, [glyphs('Pupils enrolled')]]])).toEqual(['Pupils', 'enrolled']);
  });

  it('takes the font from an ExtGState and skips a zero font size', () => {
    expect(text([[OPS.beginText, null], [OPS.setGState, [[['Font', ['F1', 10]]]]], [OPS.showText, [glyphs('gs')]]])).toEqual(['gs']);
    expect(text([[OPS.beginText, null], [OPS.setFont, ['F1', 0]], [OPS.showText, [glyphs('zero')]]])).toEqual([]);
  });
});

describe('readContent: rules and images', () => {
  it('turns a stroked line into a rule and an image into its box, in top-left coordinates', () => {
    const { rules, images } = run([
      [OPS.constructPath, [OPS.stroke, [[0, 50, 700, 1, 250, 700]], null]],
      [OPS.save, null],
      [OPS.transform, [100, 0, 0, 50, 300, 400]],
      [OPS.paintImageXObject, ['img1', 100, 50]],
      [OPS.restore, null],
    ]);
    expect(rules).toEqual([{ x0: 50, y0: 100, x1: 250, y1: 100, kind: 'h' }]);
    expect(images).toEqual([{ x0: 300, y0: 350, x1: 400, y1: 400 }]);
  });

  it('marks a rectangle filled without a stroke as shading, and a stroked one not', () => {
    const box = [0, 50, 700, 1, 250, 700, 1, 250, 680, 1, 50, 680, 4];
    const { rules } = run([
      [OPS.constructPath, [OPS.fill, [box], null]],
      [OPS.constructPath, [OPS.stroke, [box], null]],
      [OPS.constructPath, [OPS.fillStroke, [box], null]],
    ]);
    expect(rules.map((r) => [r.kind, r.filled ?? false])).toEqual([
      ['rect', true],
      ['rect', false],
      ['rect', false],
    ]);
  });

  it('gives a shading its fill colour, and none when the fill is a pattern', () => {
    const box = [0, 50, 700, 1, 250, 700, 1, 250, 680, 1, 50, 680, 4];
    const { rules } = run([
      [OPS.setFillRGBColor, ['#17365D']],
      [OPS.constructPath, [OPS.fill, [box], null]],
      [OPS.setFillColorN, ['Shading', 'sh1']],
      [OPS.constructPath, [OPS.fill, [box], null]],
    ]);
    expect(rules.map((r) => r.fill)).toEqual(['#17365d', undefined]);
  });
});
