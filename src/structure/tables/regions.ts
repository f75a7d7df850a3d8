/**
 * Tabular blocks → table regions. Consecutive tabular blocks of one page with no other body text
 * between them form a region; inside it a caption (a line above the rows set larger, or "Table n"),
 * the rows, and notes below (smaller type, "Source:", "Note", "*", "Excluding:", "1/"). A caption
 * or rows after notes start the next table. Titles printed as headings just above a region are
 * found here too.
 */
import type { LaidOutPage } from '../../layout/layout.js';
import type { Line } from '../../layout/lines.js';
import { upperMedian as median } from '../../layout/geometry.js';
import type { Rule } from '../../model/page.js';
import type { Block } from '../blocks.js';
import { isNumericWord } from './fragments.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';
import { stackedStarts } from './stacked.js';
import { headerLike } from './grid.js';

export interface Region {
  page: number;
  caption: Line[];
  /** Header and body lines, top to bottom. */
  rows: Line[];
  notes: Line[];
  /** Horizontal rules across the region. */
  rules: Rule[];
  /** Title lines found above the region (headings), top to bottom. */
  above: Line[];
  positional: boolean;
}

const NOTE_START = /^(?:\*|†|‡|source|sources|note|notes|abbreviations?\b|excluding|including|[a-z]\/|\d{1,2}\/|[-–•]\s|\(\*\))/i;
export const TABLE_CAPTION = /^(?:table|tableau|cuadro)\s+[\dIVXivx]+[a-z]?\b/i;

/** A gap this wide (× font size) between words separates cells. */
const COLUMN_GAP = 1.2;
/** Words of running text in each cell of a line of two text columns read across. */
const SIDE_PROSE_WORDS = 3;

/** Lines with a wide gap between words hold cells; others are running text or captions. */
function hasColumns(l: Line, positional: boolean): boolean {
  if (!positional) return false;
  return l.maxGap >= COLUMN_GAP;
}

type Kind = 'caption' | 'rows' | 'notes' | 'prose';

/** Words of running text on a line: at least this many make a line of prose (cells are short). */
const PROSE_WORDS = 7;

/**
 * A block of running text: no line has a column gap and most lines are long runs of words. A
 * table's wrapped header or label lines are short; a paragraph's lines fill the measure. Prose is
 * never a row: it stays out of the grid (kept with the table as a note, so nothing is lost).
 */
function isProseBlock(b: Block, positional: boolean): boolean {
  if (!positional || b.lines.some((l) => hasColumns(l, positional))) return false;
  // A paragraph's lines stack under each other; a label with its figure set beside it does not.
  const first = b.lines[0];
  if (b.lines.some((l) => Math.min(l.x1, first.x1) - Math.max(l.x0, first.x0) <= 0)) return false;
  const wordy = (l: Line) => l.words.filter((w) => /[A-Za-zÀ-ÿ]{2}/.test(w.text)).length >= PROSE_WORDS;
  const body = b.lines.length > 1 ? b.lines.slice(0, -1) : b.lines;
  return body.filter(wordy).length > body.length / 2;
}

/** Words of running text on each side of a gutter: at least this many make a line of two columns' prose. */
const GUTTER_PROSE_WORDS = 4;

/**
 * Running text of two columns joined across the gutter (the page turns to columns under a wide
 * table): every line splits at its widest gap, at about the same x on every line, into two runs
 * of words. A table's text row has short cells on at least one side.
 */
function isGutterProse(b: Block, positional: boolean): boolean {
  if (!positional || b.lines.length < 2) return false;
  const alpha = (ws: Line['words']) => ws.filter((w) => /[A-Za-zÀ-ÿ]{2}/.test(w.text)).length;
  const splits: number[] = [];
  for (const l of b.lines) {
    if (!hasColumns(l, positional)) return false;
    let at = 0;
    for (let i = 1; i < l.words.length; i++) if (l.words[i].x0 - l.words[i - 1].x1 > l.words[at + 1].x0 - l.words[at].x1) at = i - 1;
    const left = l.words.slice(0, at + 1);
    const right = l.words.slice(at + 1);
    if (alpha(left) < GUTTER_PROSE_WORDS || alpha(right) < GUTTER_PROSE_WORDS) return false;
    splits.push((l.words[at].x1 + l.words[at + 1].x0) / 2);
  }
  // The gutter's middle moves with the lines' ragged ends only a little (within a few ems).
  const size = b.lines[0].size;
  return Math.max(...splits) - Math.min(...splits) <= 4 * size;
}

/**
 * A block set larger than the table is a caption only when it stands apart from the line below
 * it: a title is followed by space, while a header cell wraps at its own line pitch (which matters
 * where sizes are estimated, as from OCR glyph heights, and a short header line reads large).
 */
function largerApart(b: Block, next: Line | undefined, bodySize: number, s: TableSettings): boolean {
  if (!b.lines.every((l) => l.size > bodySize + 0.4)) return false;
  const last = b.lines[b.lines.length - 1];
  return !next || next.base - last.base >= s.captionApart * last.size;
}

function classify(b: Block, next: Line | undefined, bodySize: number, positional: boolean, seenRows: boolean, s: TableSettings): Kind {
  const first = b.lines[0].text.trim();
  const cols = b.lines.some((l) => hasColumns(l, positional));
  if (cols && seenRows && isGutterProse(b, positional)) return 'prose';
  if (cols) return 'rows';
  if (TABLE_CAPTION.test(first) || (positional && largerApart(b, next, bodySize, s))) return 'caption';
  if (seenRows && NOTE_START.test(first)) return 'notes';
  if (isProseBlock(b, positional)) return 'prose';
  if (seenRows && ( (positional && b.lines.every((l) => l.size < bodySize - 0.4)))) return 'notes';
  return 'rows';
}

/** Words of running text in each of a line's cells (its words split at column gaps). */
function cellWords(l: Line): number[] {
  const out: number[] = [];
  l.words.forEach((w, i) => {
    if (i === 0 || w.x0 - l.words[i - 1].x1 >= COLUMN_GAP * l.size) out.push(0);
    if (/[A-Za-zÀ-ÿ]{2}/.test(w.text)) out[out.length - 1]++;
  });
  return out;
}

/**
 * Two columns of running text whose lines share baselines, read across the gutter as if rows of
 * two cells: many lines of two cells of several words each, hardly a figure among them, no line
 * of more cells. A table's cells are short, or its rows carry figures.
 */
export function sideBySideProse(lines: Line[]): boolean {
  if (lines.length < 3) return false;
  const words = lines.flatMap((l) => l.words);
  if (words.filter((w) => isNumericWord(w.text)).length > 0.1 * words.length) return false;
  const cells = lines.map(cellWords);
  if (cells.some((c) => c.length > 2)) return false;
  const paired = cells.filter((c) => c.length === 2 && c.every((n) => n >= SIDE_PROSE_WORDS)).length;
  return paired >= 3 && paired >= 0.3 * lines.length;
}

const proseWords = (l: Line): number => l.words.filter((w) => /[A-Za-zÀ-ÿ]{2}/.test(w.text)).length;

/**
 * Running text set in one block with the rows: a description under the caption ("This table
 * shows …") before the first row of cells, a source or a sentence after the last. Such lines have
 * no column gap and run on as prose from the rows' left edge; they leave the grid: before the
 * rows they join the caption, after them the notes. (A wrapped line of a paragraph goes with it.)
 */
function trimProse(r: Region): void {
  const rows = r.rows;
  if (!r.positional || rows.length < 3) return;
  const x0 = Math.min(...rows.map((l) => l.x0));
  const x1 = Math.max(...rows.map((l) => l.x1));
  const w = Math.max(1, x1 - x0);
  const gapless = (l: Line) => !hasColumns(l, true);
  const wide = (l: Line) => l.x1 - l.x0 >= 0.8 * w;
  let lead = 0;
  while (lead < rows.length - 2 && gapless(rows[lead]) && rows[lead].x0 <= x0 + rows[lead].size) {
    const l = rows[lead];
    // Running text fills the table's width (a row label wrapping over two lines does not).
    const wraps = lead > 0 && wide(rows[lead - 1]);
    if (!wraps && (proseWords(l) < PROSE_WORDS || !wide(l))) break;
    lead++;
  }
  let last = rows.length - 1;
  while (last >= 0 && gapless(rows[last])) last--;
  let tail = rows.length;
  const after = rows[last + 1];
  if (last >= lead + 1 && after && (NOTE_START.test(after.text.trim()) || (proseWords(after) >= PROSE_WORDS && wide(after)))) tail = last + 1;
  if (!lead && tail === rows.length) return;
  r.caption.push(...rows.slice(0, lead));
  r.notes.unshift(...rows.slice(tail));
  r.rows = rows.slice(lead, tail);
}

/** Words of a group label ("Male", "Rural areas"): a title is longer. */
const GROUP_LABEL_WORDS = 4;

/**
 * A short line set larger or bold between two runs of rows that span the same width is a group
 * label inside one table ("Male" … "Female" over the same columns), not the caption of a new one:
 * a caption names its table ("Table n") or stands over rows of another layout.
 */
function groupLabel(b: Block, rows: Line[], next: Block | undefined): boolean {
  if (!rows.length || !next || b.lines.length !== 1) return false;
  const l = b.lines[0];
  if (TABLE_CAPTION.test(l.text.trim()) || l.words.length > GROUP_LABEL_WORDS) return false;
  const x0 = Math.min(...rows.map((r) => r.x0));
  const x1 = Math.max(...rows.map((r) => r.x1));
  const w = Math.max(1, x1 - x0);
  if (l.x1 - l.x0 > 0.5 * w || l.x0 > x0 + 0.25 * w) return false;
  const n0 = Math.min(...next.lines.map((r) => r.x0));
  const n1 = Math.max(...next.lines.map((r) => r.x1));
  return Math.min(x1, n1) - Math.max(x0, n0) >= 0.8 * Math.max(w, n1 - n0);
}

/**
 * A block of prose beside the rows, not under them: it stands clear of the rows' x-range (the
 * other text column), or starts well right of the rows' left edge, or — starting above the rows'
 * last line — ends well left of their right edge. Running text under a table fills the measure
 * from its left; so does a column of prose under a wide table on a page set in columns below it,
 * which starts at the rows' left edge under the last row.
 */
function beside(b: Block, rows: Line[]): boolean {
  const x0 = Math.min(...rows.map((l) => l.x0));
  const x1 = Math.max(...rows.map((l) => l.x1));
  const inset = 0.25 * (x1 - x0);
  const bx0 = Math.min(...b.lines.map((l) => l.x0));
  const bx1 = Math.max(...b.lines.map((l) => l.x1));
  if (bx1 <= x0 || bx0 >= x1 || bx0 > x0 + inset) return true;
  const last = rows.reduce((a, l) => (l.base > a.base ? l : a));
  const under = Math.min(...b.lines.map((l) => l.base)) > last.base + 0.5 * last.size;
  return bx1 < x1 - inset && !under;
}

/**
 * A block whose rows run straight on into their notes ("NOTE: …", "SOURCE: …" set at the rows'
 * pitch): the lines from the first note opening without a column gap, after a row with one, are
 * a block of their own, so that the notes are no rows.
 */
function notesApart(b: Block, positional: boolean): Block[] {
  if (!positional) return [b];
  const k = b.lines.findIndex((l, i) => i > 0 && !hasColumns(l, positional) && NOTE_START.test(l.text.trim()) && b.lines.slice(0, i).some((r) => hasColumns(r, positional)));
  if (k < 0) return [b];
  return [
    { ...b, lines: b.lines.slice(0, k) },
    { ...b, lines: b.lines.slice(k), pageStart: false },
  ];
}

export function findRegions(pages: LaidOutPage[], tabular: Block[], s: TableSettings = TABLE_SETTINGS): Region[] {
  const tabLines = new Set<Line>();
  for (const b of tabular) for (const l of b.lines) tabLines.add(l);
  const pageOf = new Map(pages.map((p) => [p.number, p]));
  // Body lines of each page that are not tabular, for "is there text between these blocks?".
  const otherLines = new Map<number, Line[]>();
  for (const p of pages) otherLines.set(p.number, p.lines.filter((l) => l.zone === 'body' && !tabLines.has(l)));
  const orderOf = new Map(pages.map((p) => [p.number, new Map(p.lines.map((l, i) => [l, i]))]));

  const groups: Block[][] = [];
  for (const b of tabular.flatMap((b) => notesApart(b, pageOf.get(b.page)?.source !== 'text-dump'))) {
    const g = groups[groups.length - 1];
    const prev = g?.[g.length - 1];
    if (prev && prev.page === b.page) {
      const y0 = prev.lines[prev.lines.length - 1].base;
      const y1 = b.lines[0].y0;
      // Only text under the blocks parts them: prose in the other column, beside a table set
      // inside one column, shares their heights without standing between them.
      const x0 = Math.min(...prev.lines.map((l) => l.x0), ...b.lines.map((l) => l.x0));
      const x1 = Math.max(...prev.lines.map((l) => l.x1), ...b.lines.map((l) => l.x1));
      // Text read between them, under the first and beside the next, parts them too (a heading beside a chart, under a wide table).
      const order = orderOf.get(b.page)!;
      const [after, before] = [order.get(prev.lines[prev.lines.length - 1]) ?? -1, order.get(b.lines[0]) ?? -1];
      const bottom = Math.max(...b.lines.map((l) => l.y1));
      const read = (l: Line) => l.y0 > y0 && l.y0 < bottom && (order.get(l) ?? -1) > after && (order.get(l) ?? -1) < before;
      const between = (otherLines.get(b.page) ?? []).some((l) => ((l.base > y0 && l.base < y1) || read(l)) && l.x0 < x1 && l.x1 > x0);
      if (!between) {
        g.push(b);
        continue;
      }
    }
    groups.push([b]);
  }

  const regions: Region[] = [];
  for (const g of groups) {
    const page = pageOf.get(g[0].page)!;
    const positional = page.source !== 'text-dump';
    const rowLines = g.flatMap((b) => b.lines).filter((l) => hasColumns(l, positional) || /\d/.test(l.text));
    const bodySize = median((rowLines.length ? rowLines : g.flatMap((b) => b.lines)).map((l) => l.size));
    let cur: Region | null = null;
    let stage: Kind | null = null;
    const open = (): Region => {
      cur = { page: g[0].page, caption: [], rows: [], notes: [], rules: [], above: [], positional };
      regions.push(cur);
      return cur;
    };
    for (const [i, b] of g.entries()) {
      let kind = classify(b, g[i + 1]?.lines[0], bodySize, positional, stage === 'rows' || stage === 'notes', s);
      let r: Region = cur ?? open();
      if (kind === 'caption' && stage === 'rows' && positional && groupLabel(b, r.rows, g[i + 1])) kind = 'rows';
      // Prose beside the rows shares their baselines: the layout joined it to them, so it goes with them.
      if (kind === 'prose' && r.rows.length && beside(b, r.rows)) kind = 'rows';
      if ((kind === 'caption' && stage !== null && stage !== 'caption' && stage !== 'prose') || (kind === 'rows' && stage === 'notes')) r = open();
      if (kind === 'caption') r.caption.push(...b.lines);
      else if (kind === 'rows') r.rows.push(...b.lines);
      else r.notes.push(...b.lines);
      // Prose under the rows closes the table like a note; prose before them leaves it open.
      if (kind === 'prose') stage = r.rows.length ? 'notes' : stage === 'caption' ? 'caption' : 'prose';
      else stage = kind;
    }
  }
  // Header lines the structure stage left above a region's rows: lines of several cells right
  // above its first row (within a wrapped line's pitch), up to a line that is not (a title, a
  // group title of one phrase, running text). Only for a region that opens with its rows.
  for (const r of regions) {
    if (!r.positional || !r.rows.length || r.caption.length) continue;
    const rows = r.rows.slice().sort((a, b) => a.base - b.base);
    if (headerLike(rows[0]) && rows[0].maxGap >= 1.2) continue;
    const x0 = Math.min(...rows.map((l) => l.x0));
    const x1 = Math.max(...rows.map((l) => l.x1));
    const above = (otherLines.get(r.page) ?? []).filter((l) => l.base < rows[0].base).sort((a, b) => b.base - a.base);
    let edge = rows[0];
    for (const l of above) {
      if (edge.y0 - l.y1 > s.wrapGap * edge.size || !hasColumns(l, true) || TABLE_CAPTION.test(l.text.trim())) break;
      if (!headerLike(l) || l.x0 < x0 - edge.size || l.x1 > x1 + edge.size) break;
      r.rows.unshift(l);
      edge = l;
    }
  }
  for (const r of regions) {
    trimProse(r);
    // Two columns of running text read across their gutter are no table: their text stays, as notes.
    if (r.positional && sideBySideProse(r.rows)) {
      r.notes.unshift(...r.rows);
      r.rows = [];
    }
  }
  // Tables stacked with nothing between them, each under a header of its own, are split.
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    if (!r.positional || r.rows.length < 4) continue;
    const rows = r.rows.slice().sort((a, b) => a.base - b.base);
    const x0 = Math.min(...rows.map((l) => l.x0));
    const x1 = Math.max(...rows.map((l) => l.x1));
    const ruleYs = pageOf
      .get(r.page)!
      .rules.filter((u) => u.kind === 'h' && u.y0 > rows[0].y0 && u.y0 < rows[rows.length - 1].y1 && Math.min(u.x1, x1) - Math.max(u.x0, x0) >= s.ruleSpan * Math.max(1, x1 - x0))
      .map((u) => u.y0);
    const starts = stackedStarts(rows, ruleYs);
    if (!starts.length) continue;
    const cuts = [0, ...starts, rows.length];
    const parts: Region[] = cuts.slice(0, -1).map((from, k) => ({
      page: r.page,
      caption: k === 0 ? r.caption : [],
      rows: rows.slice(from, cuts[k + 1]),
      notes: k === cuts.length - 2 ? r.notes : [],
      rules: [],
      above: [],
      positional: true,
    }));
    regions.splice(i, 1, ...parts);
    i += parts.length - 1;
  }
  for (const r of regions) {
    const page = pageOf.get(r.page)!;
    const all = [...r.caption, ...r.rows, ...r.notes];
    if (!all.length) continue;
    const body = r.rows.length ? r.rows : all;
    const x0 = Math.min(...body.map((l) => l.x0));
    const x1 = Math.max(...body.map((l) => l.x1));
    const top = Math.min(...all.map((l) => l.y0));
    const bottom = Math.max(...all.map((l) => l.y1));
    const w = Math.max(1, x1 - x0);
    r.rules = page.rules.filter(
      (u) => u.kind === 'h' && u.y0 > top - 2 * (r.rows[0]?.size ?? 10) && u.y0 < bottom + 2 && Math.min(u.x1, x1) - Math.max(u.x0, x0) >= s.ruleSpan * w,
    );
    r.above = titleAbove(otherLines.get(r.page) ?? [], all[0], s, page.source !== 'text-layer');
  }
  // A region of prose alone (running text the structure stage left to the tables) is no table:
  // it is kept, as notes without rows, so that its text still reaches the output.
  return regions.filter((r) => r.rows.length > 0 || r.caption.length > 0 || r.notes.length > 0);
}

/** A numbered title ("5. Breakdown of projects by region"): a number, a stop, a capital; no closing stop. */
const NUMBERED_TITLE = /^\d{1,3}\.\s+[A-Z]/;

/**
 * Heading-like lines right above a table (bold, or "Table n"), top to bottom. On a page without
 * typography (OCR, text dumps: nothing is bold) a numbered title counts too, with the lines it
 * wraps onto.
 */
export function titleAbove(lines: Line[], first: Line, s: TableSettings, typeless = false): Line[] {
  const above = lines.filter((l) => l.base < first.y0).sort((a, b) => b.base - a.base);
  const out: Line[] = [];
  let edge = first.y0;
  // How many of the lines collected (from the bottom) run up to a title-like one.
  let upToTitle = 0;
  for (const l of above) {
    if (edge - l.y1 > s.titleGap * l.size) break;
    if (out.length >= 3 || (out.length && edge - l.y1 > s.wrapGap * l.size)) break;
    const text = l.text.trim();
    const open = !/[.:;,]$/.test(text);
    const titleLike = TABLE_CAPTION.test(text) || (l.bold && open) || (typeless && open && NUMBERED_TITLE.test(text));
    if (!titleLike && !(typeless && open)) break;
    out.unshift(l);
    edge = l.y0;
    if (titleLike) upToTitle = out.length;
  }
  return out.slice(out.length - upToTitle);
}
