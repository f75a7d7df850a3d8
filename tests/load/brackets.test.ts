/** Braces OCR read for parentheses. */
import { describe, expect, it } from 'vitest';
import { misreadBraces, repairBraces } from '../../src/load/brackets.js';
import type { OcrLine } from '../../src/load/hocr.js';

const line = (text: string): OcrLine => {
  const words = text.split(' ').map((t, k) => {
    const bbox = { x0: 100 * k, y0: 0, x1: 100 * k + 80, y1: 20 };
    return { text: t, conf: 90, bbox, symbols: [...t].map((ch) => ({ text: ch, bbox })) };
  });
  return { bbox: { x0: 0, y0: 0, x1: 100 * words.length, y1: 20 }, words } as unknown as OcrLine;
};
const text = (l: OcrLine) => l.words.map((w) => w.text).join(' ');

describe('braces read for parentheses', () => {
  it('closes an open parenthesis read as "}" and opens one read as "{"', () => {
    expect(text(repairBraces([line('Finance (4 and 5 November 2008}')])[0])).toBe('Finance (4 and 5 November 2008)');
    const fixed = repairBraces([line('classification {corresponding to document MC/2227).')])[0];
    expect(text(fixed)).toBe('classification (corresponding to document MC/2227).');
    expect(fixed.words[1].symbols[0].text).toBe('(');
  });

  it('leaves braces that pair with braces, and lone ones', () => {
    expect(misreadBraces('a {set} of (things)').size).toBe(0);
    expect(misreadBraces('{OM activities').size).toBe(0);
    expect(misreadBraces('closing} only').size).toBe(0);
  });
});
