/**
 * Footnotes: the text in each page's footnote zone, split at footnote labels, and the link from
 * each footnote to the record whose text carries its reference mark. A PDF gives marks as raised
 * small words; a text dump glues the digits to the word ("officials1", "20094"), so there the
 * marks are found by expecting footnotes in order: the next mark must be footnote n+1.
 */
import { OCR_MARK_GLYPHS, SYMBOL_LABEL } from '../layout/footnote-zone.js';
import type { LaidOutPage } from '../layout/layout.js';
import type { Line } from '../layout/lines.js';
import { UNREAD_MARK, type Rect } from '../model/page.js';
import { joinLines, type PlacedMark } from './text.js';

export interface RawFootnote {
  number: number;
  page: number;
  text: string;
  /** The lines the note was read from (for OCR confidence). */
  lines?: Line[];
  /** Labelled "1/" (typewriter style): its mark is written "1/" on the line, not raised. */
  slash?: boolean;
  /** Labelled with a symbol ("*", "**", "†"): outside the numbered sequence (its number is 0). */
  symbol?: string;
}

const LABEL = /^(\d{1,3})([.)/]?)$/;
/** A raised footnote number as OCR read it (see OCR_MARK_GLYPHS), alone or glued to the first word. */
const OCR_MARK = new RegExp(`^([${OCR_MARK_GLYPHS}]+)(\\p{L}.*)?$`, 'u');

export function parseFootnotes(pages: LaidOutPage[]): RawFootnote[] {
  // One pass over every page's zone, so a note's number can follow from the one before it.
  const out = parseNoteLines(pages.flatMap((p) => p.lines.filter((l) => l.zone === 'footnote')));
  return out;
}

/**
 * Notes from their lines (a page's footnote zone, or a document's endnotes): a line opening with
 * a number label starts a note, the lines after it continue it.
 */
export function parseNoteLines(lines: Line[]): RawFootnote[] {
  const out: RawFootnote[] = [];
  let cur: { number: number; lines: Line[]; drop: number; slash?: boolean; symbol?: string } | null = null;
  const flush = () => {
    if (!cur) return;
    const text = joinLines(cur.lines, cur.drop).text;
    if (text) out.push({ number: cur.number, page: cur.lines[0].page, text, lines: cur.lines, ...(cur.slash ? { slash: true } : {}), ...(cur.symbol ? { symbol: cur.symbol } : {}) });
    cur = null;
  };
  let last = 0;
  let prev: Line | null = null;
  // The right edge of note text, for telling where an unlabelled OCR'd note ends.
  const right = Math.max(0, ...lines.map((l) => l.x1));
  /** A label OCR set on a line of its own, beside the note it opens. */
  let besideLabel: RegExpExecArray | null = null;
  lines.forEach((l, k) => {
    const ended = prev !== null && (prev.page !== l.page || endedShort(prev, l, right));
    prev = l;
    const first = l.words[0]?.text ?? '';
    const lone = LABEL.exec(first);
    if (lone && l.words.length === 1 && beside(l, lines[k + 1])) {
      besideLabel = lone;
      return;
    }
    const label = besideLabel ?? LABEL.exec(first);
    const labelDrop = besideLabel ? 0 : first.length;
    const labelled = besideLabel !== null || l.words.length > 1;
    besideLabel = null;
    // OCR reads a small raised footnote number as a quote or an exclamation mark: a line opening
    // with such a mark (alone or glued to the first word) is the next footnote in sequence.
    const ocrMark = l.words[0]?.conf !== undefined ? OCR_MARK.exec(first) : null;
    if (label && labelled) {
      flush();
      cur = { number: Number(label[1]), lines: [l], drop: labelDrop, slash: label[2] === '/' };
      last = cur.number;
    } else if (l.words[0]?.conf === undefined && SYMBOL_LABEL.test(first) && l.words.length > 1) {
      // A note marked with a symbol: outside the numbered sequence.
      flush();
      cur = { number: 0, lines: [l], drop: first.length, symbol: first };
    } else if (ocrMark && (l.words.length > 1 || ocrMark[2])) {
      flush();
      cur = { number: last + 1, lines: [l], drop: ocrMark[1].length };
      last = cur.number;
    } else if (l.words[0]?.conf !== undefined && (!cur || ended)) {
      // OCR dropped the label: a new note starts after one that ended short, numbered in sequence.
      flush();
      cur = { number: last + 1, lines: [l], drop: 0 };
      last = cur.number;
    } else if (cur) cur.lines.push(l);
    else if (out.length && out[out.length - 1].page === l.page) {
      out[out.length - 1].text += ' ' + l.text.trim();
      out[out.length - 1].lines?.push(l);
    }
  });
  flush();
  return out;
}

/**
 * A note line ended short: the next line's first word would have fitted in the room left before
 * the notes' right edge, so the text did not wrap there (wrapped lines end short by up to a word).
 */
function endedShort(prev: Line, next: Line, right: number): boolean {
  const w = next.words[0];
  const need = w ? w.x1 - w.x0 + 0.5 * next.size : 0;
  return right - prev.x1 > Math.max(need, 1.5 * prev.size);
}

/** The next line stands beside this one (they share height), to its right, on the same page. */
function beside(l: Line, next: Line | undefined): boolean {
  return !!next && next.page === l.page && next.x0 > l.x1 && next.y0 < l.y1 && next.y1 > l.y0;
}

/** Anything that carries text and may carry reference marks, in document order. */
export interface TextHolder {
  text: string;
  marks: PlacedMark[];
  /** Page of each character range start: [offset, page] pairs, ascending. */
  pages: [number, number][];
  /** Footnote numbers found in this holder. */
  footnotes: number[];
}

const pageAt = (h: TextHolder, at: number): number => {
  let p = h.pages[0]?.[1] ?? 0;
  for (const [off, pg] of h.pages) if (off <= at) p = pg;
  return p;
};

/**
 * Link footnotes to holders. Returns, per footnote number, the index of the holder that carries
 * it (or -1). Holder texts are rewritten without the glued marks of a text dump. Where a linked
 * mark was printed as a raised glyph, its place goes in `markBoxes` by footnote number.
 */
export function linkFootnotes(allNotes: RawFootnote[], holders: TextHolder[], markBoxes?: Map<number, Rect & { page: number }>, ocrPages: ReadonlySet<number> = new Set()): Map<number, number> {
  const link = linkSlashMarks(allNotes.filter((f) => f.slash), holders);
  const notes = allNotes.filter((f) => !f.slash && !f.symbol);
  const anyMarks = holders.some((h) => h.marks.length);
  if (anyMarks) {
    let last = 0;
    holders.forEach((h, i) => {
      for (const m of h.marks) {
        const page = pageAt(h, m.at);
        let n: number | null = m.text === UNREAD_MARK ? null : Number(m.text.replace(/\D/g, ''));
        // OCR misreads small digits ("13" as "12"): a read number that is no note, or one already
        // linked, stands for the next note of its page, as an unread mark does.
        if (n === null || (ocrPages.has(page) && (link.has(n) || !notes.some((f) => f.number === n)))) n = nextOnPage(notes, link, page, last);
        if (n !== null && notes.some((f) => f.number === n) && !link.has(n)) {
          link.set(n, i);
          h.footnotes.push(n);
          if (m.box && m.page !== undefined) markBoxes?.set(n, { page: m.page, ...m.box });
          last = n;
        }
      }
    });
    return link;
  }
  // Text dump: walk forward from the previous mark; the mark for footnote n sits on n's page.
  let hi = 0;
  let from = 0;
  for (const f of [...notes].sort((a, b) => a.number - b.number)) {
    const found = findGlued(holders, f, hi, from);
    if (!found) continue;
    const h = holders[found.holder];
    h.text = h.text.slice(0, found.at) + h.text.slice(found.at + found.len);
    h.footnotes.push(f.number);
    link.set(f.number, found.holder);
    hi = found.holder;
    from = found.at;
  }
  return link;
}

/**
 * Marks written on the line, found in the notes' order: each note's mark (`markOf`) is looked for
 * from where the last one was found, on its note's page or before it (endnotes); a found mark
 * leaves the text. Returns, per note, the holder carrying its mark or -1.
 */
function linkWrittenMarks(notes: RawFootnote[], holders: TextHolder[], markOf: (f: RawFootnote) => RegExp): number[] {
  let hi = 0;
  let from = 0;
  return notes.map((f) => {
    const re = markOf(f);
    for (let i = hi; i < holders.length; i++) {
      const h = holders[i];
      re.lastIndex = i === hi ? from : 0;
      const m = re.exec(h.text);
      if (!m) continue;
      if (pageAt(h, m.index) > f.page) break;
      h.text = (h.text.slice(0, m.index) + h.text.slice(m.index + m[0].length)).trim();
      [hi, from] = [i, m.index];
      return i;
    }
    return -1;
  });
}

/**
 * Symbol marks: the note's symbol right after a word or its punctuation ("year;*", "Bank*"), the
 * same symbol neither before nor after it.
 */
export function linkSymbolMarks(notes: RawFootnote[], holders: TextHolder[]): number[] {
  return linkWrittenMarks(notes, holders, (f) => new RegExp(`(?<=[\\p{L}\\d.,;:)”’"'])${f.symbol!.replace(/[*]/g, '\\*')}(?![*†‡§])`, 'gu'));
}

/**
 * Typewriter marks: note n is marked "n/" after a word or its punctuation ("1991, 1/", "data,2/"),
 * on the line itself, with the space before it. A symbol's part ("A/49/312", "44/172") is never a
 * mark: no digit or slash follows a mark and none precedes it.
 */
function linkSlashMarks(notes: RawFootnote[], holders: TextHolder[]): Map<number, number> {
  const link = new Map<number, number>();
  const sorted = [...notes].sort((a, b) => a.number - b.number);
  const carriers = linkWrittenMarks(sorted, holders, (f) => new RegExp(`( ?)(?<![\\d/])${f.number}/(?![\\d/\\p{L}])`, 'gu'));
  sorted.forEach((f, k) => {
    if (carriers[k] < 0) return;
    holders[carriers[k]].footnotes.push(f.number);
    link.set(f.number, carriers[k]);
  });
  return link;
}

/**
 * The number of a mark OCR could not read: marks come in the notes' order, so it is the first note
 * on its page not yet linked that follows the last one linked.
 */
function nextOnPage(notes: RawFootnote[], link: Map<number, number>, page: number, last: number): number | null {
  const open = notes.filter((f) => f.page === page && f.number > last && !link.has(f.number)).map((f) => f.number);
  return open.length ? Math.min(...open) : null;
}

function findGlued(holders: TextHolder[], f: RawFootnote, startHolder: number, startAt: number): { holder: number; at: number; len: number } | null {
  return findGluedMark(holders, f, startHolder, startAt, String(f.number)) ?? findGluedMark(holders, f, startHolder, startAt, null);
}

/**
 * The mark for footnote f glued to a word: its digits, or (OCR, when the digits are not found)
 * a quote or "!" standing for them at the end of a word.
 */
function findGluedMark(holders: TextHolder[], f: RawFootnote, startHolder: number, startAt: number, digits: string | null): { holder: number; at: number; len: number } | null {
  const n = digits ?? `[!'"’¹²³⁴⁵⁶⁷⁸⁹]`;
  for (let i = startHolder; i < holders.length; i++) {
    const h = holders[i];
    if ((h.pages[0]?.[1] ?? 0) > f.page) break;
    const re = new RegExp(`(\\S*?)(${n})(?=[,.;:)”’"']*(?:\\s|$))`, 'g');
    re.lastIndex = i === startHolder ? startAt : 0;
    for (let m = re.exec(h.text); m; m = re.exec(h.text)) {
      const before = m[1];
      const at = m.index + before.length;
      if (pageAt(h, at) !== f.page) continue;
      // Digits glued to a word or closing punctuation, or to a four-digit year ("20094"); an OCR
      // stand-in only right after a letter.
      const glued = digits === null ? /[A-Za-zÀ-ÿ]$/.test(before) : /[A-Za-zÀ-ÿ.,;:)”’"']$/.test(before) || /^(1[89]|20)\d\d$/.test(before);
      if (glued && before.length) return { holder: i, at, len: m[2].length };
    }
  }
  return null;
}
