/**
 * A report's table of contents: a run of lines each ending in a page number (after dot leaders
 * or a wide gap, often after a paragraph range), under a title such as "CONTENTS". It is read
 * into an outline — label, title, level, announced page — whose entries then name the body's
 * headings and their levels where typography cannot (OCR pages, text dumps, one-font typescripts).
 * The contents' own lines become one contents record, never paragraphs, headings or a table.
 */
import { median } from '../layout/geometry.js';
import type { Line } from '../layout/lines.js';
import { similarAtLeast } from '../text/levenshtein.js';
import type { Block } from './blocks.js';
import { romanValue } from './numbering.js';
import { joinLines } from './text.js';

export const CONTENTS_SETTINGS = {
  /** Entry lines a contents list needs under its title … */
  minEntriesTitled: 2,
  /** … and without one (then most must have dot leaders and most must name a body heading). */
  minEntriesUntitled: 4,
  /** Without leaders, the page number stands at least this many × font size from the title. */
  pageGap: 2,
  /** Indents within this many × font size are one level of the outline. */
  indentTolerance: 1,
  /** Normalised similarity at which a body block is the heading an entry announces (OCR-tolerant). */
  similarity: 0.85,
  /** Share of its entries found in the body for a contents to be trusted to list every heading of their levels. */
  trustedShare: 0.75,
  /** A body heading lies within this many pages of where the entries already found put it. */
  pageSlack: 1,
};

export interface OutlineEntry {
  label: string;
  title: string;
  /** 1 sections, 2 subsections, 3 other subheadings (the headings' levels). */
  level: 1 | 2 | 3;
  /** The page announced, as printed (null when it is not an arabic number). */
  page: number | null;
  lines: Line[];
}

export interface ContentsList {
  /** Indices of the blocks the list is printed in (title and column heads included). */
  blocks: number[];
  /** The title and column-head lines above the entries. */
  head: Line[];
  entries: OutlineEntry[];
}

/** Dot (or underscore, ellipsis) leaders, spaced or not, at the end of an entry's title. */
const LEADERS = /\s*(?:(?:\.\s?){3,}|…+|(?:_\s?){3,})\s*$/;
const ARABIC_PAGE = /^\d{1,4}$/;
const ROMAN_PAGE = /^[ivxlc]{1,7}$/;
/** A paragraph range before the page: "1 - 3", "10-14", "4–7". */
const RANGE = /\s*\b\d{1,4}\s*[-–]\s*\d{1,4}$/;
/** A label opening an entry: "IV.", "B.", "3.", a decimal "2.1" (its stop optional). */
const ENTRY_LABEL = /^(?:([IVXLC]{1,6}|[A-Z]|\d{1,3})\.|(\d{1,3}(?:\.\d{1,3})+)\.?)\s+(\S.*)$/;

interface EntryShape {
  head: string;
  page: number | null;
  leaders: boolean;
}

/** The line as a contents entry — its title part, page and leaders — or null when it is not one. */
export function entryShape(l: Line): EntryShape | null {
  const words = l.words;
  if (words.length < 2) return null;
  const last = words[words.length - 1];
  const pageText = last.text.replace(/^\.+/, '');
  if (!ARABIC_PAGE.test(pageText) && !ROMAN_PAGE.test(pageText)) return null;
  let head = l.text.slice(0, l.text.length - last.text.length).trimEnd();
  let leaders = LEADERS.test(head) || /^\.{2,}/.test(last.text);
  head = head.replace(LEADERS, '');
  const ranged = head.replace(RANGE, '');
  if (ranged !== head) {
    head = ranged.replace(LEADERS, '');
    leaders ||= LEADERS.test(ranged);
  }
  head = head.replace(LEADERS, '').trim();
  // The title is words, not figures: a table row ends in several numbers.
  if (!/\p{L}{2}/u.test(head) || /(?:^|\s)[-+]?\d[\d.,%]*$/.test(head)) return null;
  if (!leaders) {
    const prev = words[words.length - 2];
    if (last.x0 - prev.x1 < CONTENTS_SETTINGS.pageGap * l.size) return null;
  }
  return { head, page: ARABIC_PAGE.test(pageText) ? Number(pageText) : null, leaders };
}

/** An entry's label (roman, letter, number) and title. */
export function splitLabel(head: string): { label: string; title: string } {
  const m = ENTRY_LABEL.exec(head);
  if (!m) return { label: '', title: head };
  return { label: m[1] ?? m[2], title: m[3] };
}

type LabelKind = 'roman' | 'letter' | 'number' | 'none';
function labelKind(label: string): LabelKind {
  if (!label) return 'none';
  if (/^\d/.test(label)) return 'number';
  // A single I, V or X is read as a roman numeral, any other capital as a letter.
  if (/^[A-Z]$/.test(label) && !/[IVX]/.test(label)) return 'letter';
  return romanValue(label) ? 'roman' : 'letter';
}

/**
 * Levels of the entries: roman sections 1, lettered subsections 2; an entry without such a label
 * takes the level of the labelled entries set at its indent, else its indent's rank (the outermost
 * 1, the next 2, deeper 3); a decimal number says its depth ("2.1" is a level below "2").
 */
export function outlineLevels(entries: { label: string; x0: number; size: number }[]): (1 | 2 | 3)[] {
  if (!entries.length) return [];
  const tol = CONTENTS_SETTINGS.indentTolerance * median(entries.map((e) => e.size));
  const indents: number[] = [];
  for (const x of entries.map((e) => e.x0).sort((a, b) => a - b)) if (!indents.length || x - indents[indents.length - 1] > tol) indents.push(x);
  const rankOf = (x: number) => indents.reduce((r, v, k) => (x >= v - tol / 2 ? k : r), 0);
  const byRank = new Map<number, number[]>();
  const kinds = entries.map((e) => labelKind(e.label));
  entries.forEach((e, k) => {
    const fixed = kinds[k] === 'roman' ? 1 : kinds[k] === 'letter' ? 2 : 0;
    if (fixed) byRank.set(rankOf(e.x0), [...(byRank.get(rankOf(e.x0)) ?? []), fixed]);
  });
  const clamp = (n: number) => Math.min(3, Math.max(1, n)) as 1 | 2 | 3;
  return entries.map((e, k) => {
    if (kinds[k] === 'roman') return 1;
    if (kinds[k] === 'letter') return 2;
    if (kinds[k] === 'number' && e.label.includes('.')) return clamp(e.label.split('.').length);
    const rank = rankOf(e.x0);
    const here = byRank.get(rank);
    let level = here ? Math.round(median(here)) : rank + 1;
    // Deeper than every labelled level: one level below the deepest of them.
    if (!here && byRank.size && rank > Math.max(...byRank.keys())) level = Math.max(...[...byRank.values()].flat()) + (rank - Math.max(...byRank.keys()));
    return clamp(level);
  });
}

/** Text compared between an entry and a body heading: letters and digits, lower case, single spaces. */
export function normalise(t: string): string {
  return t
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The contents lists of the document: on each page, the runs of entry lines under a title the
 * profile names (or, untitled, a longer run of entries with dot leaders), with the lines of
 * entries whose title wraps.
 */
export function findContents(blocks: Block[], titles: RegExp[], usable: (i: number) => boolean): ContentsList[] {
  const lists: ContentsList[] = [];
  const s = CONTENTS_SETTINGS;
  const flat: { line: Line; block: number }[] = [];
  blocks.forEach((b, i) => {
    if (usable(i)) for (const line of b.lines) flat.push({ line, block: i });
  });
  const isTitle = (l: Line) => titles.some((re) => re.test(l.text.trim()));
  for (let k = 0; k < flat.length; k++) {
    const titled = isTitle(flat[k].line);
    if (!titled && !entryShape(flat[k].line)) continue;
    const page = flat[k].line.page;
    const head: Line[] = titled ? [flat[k].line] : [];
    const used = new Set<number>(titled ? [flat[k].block] : []);
    let j = titled ? k + 1 : k;
    // Column heads ("Paragraphs Page") between the title and the first entry.
    while (titled && j < flat.length && flat[j].line.page === page && !entryShape(flat[j].line) && head.length < 3 && !(j + 1 < flat.length && entryShape(flat[j + 1].line) && wraps(flat[j].line, flat[j + 1].line))) {
      head.push(flat[j].line);
      used.add(flat[j].block);
      j++;
    }
    const entries: (OutlineEntry & { leaders: boolean })[] = [];
    while (j < flat.length && flat[j].line.page === page) {
      const shape = entryShape(flat[j].line);
      if (shape) {
        entries.push({ ...splitLabel(shape.head), level: 1, page: shape.page, lines: [flat[j].line], leaders: shape.leaders });
        used.add(flat[j].block);
        j++;
        continue;
      }
      // A title wrapped over two lines: the page number ends the second.
      const next = flat[j + 1];
      const nextShape = next && next.line.page === page ? entryShape(next.line) : null;
      if (!nextShape || !wraps(flat[j].line, next.line)) break;
      entries.push({ ...splitLabel(`${flat[j].line.text.trim()} ${nextShape.head}`), level: 1, page: nextShape.page, lines: [flat[j].line, next.line], leaders: nextShape.leaders });
      used.add(flat[j].block).add(next.block);
      j += 2;
    }
    const enough = titled ? entries.length >= s.minEntriesTitled : entries.length >= s.minEntriesUntitled && entries.filter((e) => e.leaders).length >= 0.75 * entries.length;
    if (!enough || !ascending(entries.map((e) => e.page))) continue;
    const levels = outlineLevels(entries.map((e) => ({ label: e.label, x0: e.lines[0].x0, size: e.lines[0].size })));
    lists.push({
      blocks: [...used].sort((a, b) => a - b),
      head,
      entries: entries.map(({ leaders: _, ...e }, n) => ({ ...e, level: levels[n] })),
    });
    k = j - 1;
  }
  return lists;
}

/** A line whose title the next line finishes: the next starts at or right of it, on the next baseline. */
function wraps(a: Line, b: Line): boolean {
  return b.page === a.page && b.x0 >= a.x0 - 0.5 * a.size && b.base - a.base < 2.5 * a.size && !LEADERS.test(a.text);
}

/** Announced pages never go back (unknown ones aside). */
function ascending(pages: (number | null)[]): boolean {
  const known = pages.filter((p): p is number => p !== null);
  return known.every((p, k) => k === 0 || p >= known[k - 1]);
}

/**
 * Whether a body block's text is the heading an entry announces (its label aside, OCR slips
 * allowed). A top-level title alone ("ANNEX") is the heading of an entry that goes on with the
 * title printed under it ("Annex. Summary of replies").
 */
export function namesEntry(text: string, e: OutlineEntry, topLevelTitles: RegExp[] = []): boolean {
  const body = normalise(text);
  if (topLevelTitles.some((re) => re.test(text.trim())) && `${normalise(e.title)} `.startsWith(`${body} `)) return true;
  const bare = normalise(splitLabel(text).title);
  const titles = [normalise(e.title), normalise(e.label ? `${e.label} ${e.title}` : e.title)];
  return titles.some((t) => t.length > 0 && (similarAtLeast(body, t, CONTENTS_SETTINGS.similarity) || similarAtLeast(bare, t, CONTENTS_SETTINGS.similarity)));
}

/**
 * The body blocks the outline's entries announce, in order: each entry is looked for after the
 * block the previous one was found in, on or near its page once found entries fix how printed
 * page numbers map to the document's pages. An entry not found is skipped.
 */
export function matchOutline(blocks: Block[], list: ContentsList, eligible: (i: number) => boolean, topLevelTitles: RegExp[] = []): Map<number, OutlineEntry> {
  const found = new Map<number, OutlineEntry>();
  const offsets: number[] = [];
  let from = Math.max(...list.blocks) + 1;
  for (const e of list.entries) {
    const offset = offsets.length ? median(offsets) : null;
    for (let i = from; i < blocks.length; i++) {
      const b = blocks[i];
      if (offset !== null && e.page !== null && b.page > e.page + offset + CONTENTS_SETTINGS.pageSlack) break;
      if (!eligible(i) || (offset !== null && e.page !== null && b.page < e.page + offset - CONTENTS_SETTINGS.pageSlack)) continue;
      if (!namesEntry(joinLines(b.lines).text.replace(/[*†‡]{1,3}$/, ''), e, topLevelTitles)) continue;
      found.set(i, e);
      if (e.page !== null) offsets.push(b.page - e.page);
      from = i + 1;
      break;
    }
  }
  return found;
}
