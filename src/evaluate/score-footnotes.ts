/** Footnote scores: matched by number, then text and referencing paragraph checked. */
import type { Footnote } from '../validate/schemas.js';
import type { Gold } from './gold.js';
import { similarity } from '../text/levenshtein.js';
import { matchByKey, prf, ratio, type Prf } from './metrics.js';
import { normaliseSpace, shorten } from './text.js';

export interface FootnoteError {
  number: number;
  problem: 'missing' | 'extra' | 'text' | 'paragraph';
  expected: string | null;
  found: string | null;
}

export interface FootnoteScore {
  /** Matched by number. */
  byNumber: Prf;
  /** Text equal after whitespace normalisation. */
  textRight: number;
  /** textRight / expected. */
  textRate: number | null;
  /** Same referencing paragraph (both null counts as right). */
  paragraphRight: number;
  paragraphRate: number | null;
  errors: FootnoteError[];
}

export function scoreFootnotes(gold: Gold, output: Footnote[]): FootnoteScore {
  const byNumber = (f: { number: number }): string => String(f.number);
  const { pairs, missing, extra } = matchByKey(gold.footnotes, output, byNumber, byNumber);
  const errors: FootnoteError[] = [];
  let textRight = 0;
  let paragraphRight = 0;
  for (const [g, o] of pairs) {
    const goldText = normaliseSpace(g.text);
    const outText = normaliseSpace(o.text);
    if (goldText === outText) textRight++;
    else {
      const sim = similarity(goldText, outText).toFixed(3);
      errors.push({ number: g.number, problem: 'text', expected: shorten(goldText), found: `${shorten(outText)} (similarity ${sim})` });
    }
    const goldParagraph = g.paragraph ?? null;
    if (goldParagraph === o.paragraph) paragraphRight++;
    else errors.push({ number: g.number, problem: 'paragraph', expected: String(goldParagraph ?? 'none'), found: String(o.paragraph ?? 'none') });
  }
  for (const g of missing) errors.push({ number: g.number, problem: 'missing', expected: shorten(normaliseSpace(g.text)), found: null });
  for (const o of extra) errors.push({ number: o.number, problem: 'extra', expected: null, found: shorten(normaliseSpace(o.text)) });
  errors.sort((a, b) => a.number - b.number);
  const expected = gold.footnotes.length;
  return {
    byNumber: prf(pairs.length, expected, output.length),
    textRight,
    textRate: ratio(textRight, expected),
    paragraphRight,
    paragraphRate: ratio(paragraphRight, expected),
    errors,
  };
}
