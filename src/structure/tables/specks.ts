/**
 * Specks inside a table: words of punctuation alone (leader dots, a tilde of paper noise, the stub
 * of a rule read as "|" or "_", a speck the layout took for a bullet), which are no cell's text and
 * would bridge the gap between two columns or pull a row out of line. A dash (a nil figure), a
 * note mark ("*", "†") and brackets are text and stay.
 */
import type { Line } from '../../layout/lines.js';

const SPECK = /^[~_=.·…•|'"`^:;,]+$/;

export const isSpeck = (text: string): boolean => SPECK.test(text);

/** The lines without their specks (a line of specks only is dropped). */
export function dropSpecks(lines: Line[]): Line[] {
  return lines.flatMap((l) => {
    if (!l.words.some((w) => isSpeck(w.text))) return [l];
    const words = l.words.filter((w) => !isSpeck(w.text));
    if (!words.length) return [];
    return [{ ...l, words, text: words.map((w) => w.text).join(' '), x0: words[0].x0, x1: Math.max(...words.map((w) => w.x1)) }];
  });
}
