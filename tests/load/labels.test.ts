import { describe, expect, it } from 'vitest';
import { readLabels } from '../../src/load/labels.js';
import type { OcrBox, OcrLine } from '../../src/load/hocr.js';
import { UNREAD_LABEL } from '../../src/model/page.js';
import { BASE, draw, scan, tall, type Glyph } from '../helpers/scan.js';

/** A sans-serif "I": a bare stroke as tall as a capital. */
const stroke = (x: number): OcrBox => ({ x0: x, y0: BASE - 27, x1: x + 4, y1: BASE });
const stop = (x: number): OcrBox => ({ x0: x, y0: BASE - 5, x1: x + 5, y1: BASE });
const title: Glyph[] = [tall('O', 160), tall('P', 184)];

/** The words readLabels gives a line whose title OCR read, with `ink` drawn before it and `read` what OCR made of that ink. */
function label(ink: OcrBox[], read: Glyph[] = [], others: OcrLine[] = []): string[] {
  const { bin, line } = scan(read.length ? [read, title] : [title]);
  for (const r of ink) draw(bin, r);
  return readLabels([line, ...others], bin, { x: 0, y: 0 })[0].words.map((w) => w.text);
}

describe('readLabels', () => {
  it('reads strokes and a stop that OCR dropped before a title as a roman label', () => {
    expect(label([stroke(20), stroke(32), stop(42)])).toEqual(['II.', 'OP']);
  });

  it('replaces what OCR made of the strokes ("ll", "[8")', () => {
    const ink = [stroke(20), stroke(32), stroke(44), stop(54)];
    expect(label(ink, [{ text: 'l', box: stroke(20) }, { text: 'l', box: stroke(32) }, { text: '.', box: stop(54) }])).toEqual(['III.', 'OP']);
  });

  it('marks another glyph and a stop as a label it cannot read', () => {
    expect(label([{ x0: 20, y0: BASE - 27, x1: 42, y1: BASE }, stop(46)])).toEqual([`${UNREAD_LABEL}.`, 'OP']);
  });

  it('keeps a word OCR read glyph for glyph that ends a sentence at the start of a line', () => {
    const word = [tall('O', 20), tall('S', 42), tall('C', 64), tall('E', 86), { text: '.', box: stop(108) }];
    expect(label([], word)).toEqual(['OSCE.', 'OP']);
    // The same ink read as garbage of another length is still an unread label.
    const garbage = [{ text: '[', box: word[0].box }, { text: '8', box: word[1].box }, { text: 'O', box: word[2].box }, { text: 'E', box: word[3].box }, { text: '.', box: stop(108) }];
    expect(label([{ x0: 64, y0: BASE - 27, x1: 84, y1: BASE }], garbage.slice(0, 2).concat(garbage.slice(4)))[0]).toBe(`${UNREAD_LABEL}.`);
  });

  it('leaves a label OCR read, a line without one, and ink another line read', () => {
    expect(label([], [tall('3', 20), tall('5', 42), { text: '.', box: stop(64) }])).toEqual(['35.', 'OP']);
    expect(label([])).toEqual(['OP']);
    const margin = scan([[tall('8', 20), tall('3', 42), { text: '.', box: stop(64) }]]).line;
    expect(label([{ x0: 20, y0: BASE - 27, x1: 40, y1: BASE }, { x0: 42, y0: BASE - 27, x1: 62, y1: BASE }, stop(64)], [], [margin])).toEqual(['OP']);
  });
});
