/**
 * The footnote zone: the lines at the bottom of a page under a short separator rule, set smaller
 * than the body and starting with a footnote label. Marked in place (zone = 'footnote').
 */
import { UNREAD_MARK, type Rule } from '../model/page.js';
import type { Line } from './lines.js';

export const FOOTNOTE_ZONE_SETTINGS = {
  /** The separator is shorter than this fraction of the page width … */
  maxRuleWidth: 0.6,
  /** … and lies below this fraction of the page height. */
  minRuleY: 0.4,
  /** Footnote text is smaller than the body: at most this × body size (text dumps excepted). */
  maxSizeRatio: 0.95,
  /** The separator starts within this many ems (of the notes' size) of the first note's left edge. */
  maxRuleIndent: 3,
  /** OCR'd notes without a label must be clearly smaller than the body. */
  ocrSizeRatio: 0.9,
  /** A gap of more than this many of the notes' line pitches ends the zone … */
  footerGap: 2.5,
  /** … and what lies below it in this band at the page's foot (fraction of its height) is the running footer. */
  footerBand: 0.12,
};

/** How a table's note opens ("* Source: …", "Note: …"): under a drawn rule, such a line is no footnote. */
export const TABLE_NOTE = /^[*\d/]*\s*(sources?|notes?|excluding|including|excludes|includes)\b/i;

/** A table's source or notes line with its colon ("Source: Financial Reports", "Notes: …"): never a heading (a bare "Notes" may title the endnotes). */
export const TABLE_SOURCE = /^(sources?|notes?)\s*:/i;

export const LABEL = /^[*†‡§]?\d{1,3}[.)]?$/;
/** A typewriter's note label, "1/": set in the body's size, it needs no smaller type to be a note. */
export const SLASH_LABEL = /^\d{1,3}\/$/;
/** A note marked with a symbol rather than a number ("*", "**", "†"). */
export const SYMBOL_LABEL = /^[*†‡§]{1,3}$/;

/**
 * What OCR makes of a small raised footnote number: a quote, "!", a degree sign, or UNREAD_MARK
 * where the loader saw a raised mark it could not read. A character class body, for regexes.
 */
export const OCR_MARK_GLYPHS = `!'"’‘\`^*°¹²³⁴⁵⁶⁷⁸⁹${UNREAD_MARK}`;
const OCR_LABEL = new RegExp(`^[${OCR_MARK_GLYPHS}]`, 'u');

/** The line opens like a note: a label (number, "1/", symbol), a raised mark first, or a table's note's word. */
export function opensNote(l: Line): boolean {
  const w0 = l.words[0]?.text ?? '';
  return LABEL.test(w0) || SLASH_LABEL.test(w0) || SYMBOL_LABEL.test(w0) || (l.marks.length > 0 && l.marks[0].at === 0) || TABLE_NOTE.test(l.text);
}

export function markFootnoteZone(
  lines: Line[],
  rules: Rule[],
  page: { width: number; height: number; positional: boolean },
  bodySize: number,
  s = FOOTNOTE_ZONE_SETTINGS,
): void {
  const seps = rules
    .filter((r) => r.kind === 'h' && r.x1 - r.x0 < s.maxRuleWidth * page.width && r.y0 > s.minRuleY * page.height)
    .sort((a, b) => b.y0 - a.y0);
  for (const rule of seps) {
    const below = lines.filter((l) => l.y0 >= rule.y0 - 1 && l.zone === 'body');
    if (!below.length) continue;
    // A zone holds no further rules (a ruled table's lines would).
    if (rules.some((r) => r !== rule && r.kind === 'h' && r.y0 > rule.y0 + 1 && r.x1 - r.x0 > 20)) continue;
    const first = below[0];
    const w0 = first.words[0];
    // Typewritten notes ("1/ …", often under a typed rule) are in the body's size, their label at a tab.
    const typewritten = rule.typed || SLASH_LABEL.test(w0?.text ?? '');
    // A separator starts where the notes do; a rule ending a table set in from the margin does not.
    const indent = (typewritten ? 2 : 1) * s.maxRuleIndent * first.size;
    if (page.positional && Math.abs(rule.x0 - first.x0) > indent) continue;
    // OCR reads a raised footnote number as a quote or "!": accept those on OCR'd words.
    const ocrLabel = w0?.conf !== undefined && OCR_LABEL.test(w0.text);
    // A note marked with a symbol ("* A/64/150.") opens the zone, under a typed rule or a drawn one;
    // under a drawn rule "* Source: …" is rather a table's note below the table's last rule.
    const symbol = SYMBOL_LABEL.test(w0?.text ?? '') && first.words.length > 1 && (!!rule.typed || !TABLE_NOTE.test(first.text));
    const labelled = LABEL.test(w0?.text ?? '') || SLASH_LABEL.test(w0?.text ?? '') || symbol || ocrLabel || (first.marks.length > 0 && first.marks[0].at === 0);
    const small = !page.positional || typewritten || first.size <= s.maxSizeRatio * bodySize;
    // OCR may drop a raised label altogether: clearly smaller lines under the separator still are notes.
    const ocrUnlabelled = w0?.conf !== undefined && below.every((l) => l.size <= s.ocrSizeRatio * bodySize);
    if (!(labelled || ocrUnlabelled) || !small) continue;
    markZone(below, page, s);
    return;
  }
}

/**
 * The notes run down from the separator, one pitch after another; a wide gap ends them, and what
 * lies below it at the page's foot is the running footer (a page and job number under the notes).
 */
function markZone(below: Line[], page: { height: number; positional: boolean }, s: typeof FOOTNOTE_ZONE_SETTINGS): void {
  let footer = false;
  below.forEach((l, i) => {
    const prev = below[i - 1];
    if (page.positional && prev && l.y0 - prev.y1 > s.footerGap * 1.2 * prev.size && l.y0 > (1 - s.footerBand) * page.height) footer = true;
    l.zone = footer ? 'footer' : 'footnote';
  });
}
