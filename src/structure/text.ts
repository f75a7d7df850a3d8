/**
 * Joining lines into record text: one space between lines, except after a line-final hyphen,
 * which is kept and joined without a space ("Guinea-" + "Bissau" → "Guinea-Bissau"). Reference
 * marks keep their offsets into the joined text.
 */
import type { Line, Mark } from '../layout/lines.js';

/** A reference mark in joined text; `page` is where its box (if any) is printed. */
export type PlacedMark = Mark & { page?: number };

export interface JoinedText {
  text: string;
  marks: PlacedMark[];
}

export function joinLines(lines: Line[], dropPrefix = 0): JoinedText {
  let text = '';
  const marks: PlacedMark[] = [];
  lines.forEach((l, i) => {
    let t = l.text;
    let shift = 0;
    if (i === 0 && dropPrefix) {
      const cut = t.slice(dropPrefix);
      shift = -(t.length - cut.trimStart().length);
      t = cut.trimStart();
    }
    t = t.replace(/\s+$/, '');
    if (!t) return;
    // A line-final hyphen joins without a space ("Guinea-" + "Bissau"); a spaced dash (" -") does not.
    const sep = text && (!text.endsWith('-') || / [-–]$/.test(text)) ? ' ' : '';
    const base = text.length + sep.length;
    text += sep + t;
    for (const m of l.marks) {
      const at = m.at + shift;
      if (at >= 0) marks.push({ text: m.text, at: base + Math.min(at, t.length), ...(m.box ? { box: m.box, page: l.page } : {}) });
    }
  });
  return { text: text.replace(/\s+/g, ' ').trim(), marks };
}

/** Fraction of letters that are upper case (0 when there are no letters). */
export function upperShare(t: string): number {
  const letters = t.replace(/[^A-Za-zÀ-ÿ]/g, '');
  if (!letters.length) return 0;
  return letters.replace(/[^A-ZÀ-Þ]/g, '').length / letters.length;
}

/** A figure: "2", "1,013.0", "22%", a rank "(1)", a dash for nil. A sentence's "2007." or a date's "(17" is not. */
const NUMERIC_TOKEN = /^(?:\(\d{1,3}\)|[-+]?\d(?:[\d.,]*\d)?%?|[-–—])$/;
export const isNumericToken = (t: string): boolean => NUMERIC_TOKEN.test(t);
