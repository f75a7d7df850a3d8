/**
 * Words → lines. Words sharing a baseline form a line; a smaller word raised above the baseline
 * (a footnote reference mark) joins the line as a mark instead of as text.
 */
import { UNREAD_MARK, type Page, type Rect, type Word } from '../model/page.js';
import { type OrderedGroup, orderByBands } from './bands.js';
import { drawnCharts } from './charts.js';
import { findColumnBands } from './column-bands.js';
import { findBoxes } from './boxes.js';
import { COLUMN_SETTINGS, findGutterRun } from './columns.js';
import { isBackdrop, median } from './geometry.js';

export interface Mark {
  /** The mark as printed, e.g. "1". */
  text: string;
  /** Character offset in the line's text where the mark sits. */
  at: number;
  /** Where the mark is printed on its page (a raised glyph of a text layer or a scan). */
  box?: Rect;
}

export type Zone = 'body' | 'header' | 'footer' | 'footnote';

export interface Line {
  page: number;
  /** Body words in reading order (marks excluded). */
  words: Word[];
  text: string;
  marks: Mark[];
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  base: number;
  /** Dominant font size of the line's words. */
  size: number;
  bold: boolean;
  italic: boolean;
  /** Widest horizontal gap between consecutive words, in units of the line's font size. */
  maxGap: number;
  zone: Zone;
  /** Id of the bordered box enclosing the line, if any. */
  box?: number;
  /** Underlined (a rule just below most of the line's extent). */
  underlined?: boolean;
  /** Text column on a page set in columns: 0 left, 1 right; spanning lines and single-column pages 0. */
  col: number;
  /** On a page set in columns, read across the gutter (a heading, table row or note spanning the columns). */
  wide?: boolean;
  /** The extent [left, right] of the text column the line is read in, in its band (lines read in columns only). */
  column?: [number, number];
}

export const LINE_SETTINGS = {
  /** Two words share a line when their baselines differ by less than this × font size. */
  baselineTolerance: 0.3,
  /** A word is a superscript mark when smaller than this × the line size … */
  supSizeRatio: 0.85,
  /** … and its baseline is raised by more than this × the line size. */
  supRaise: 0.15,
  /** A gap wider than this × font size inserts a space between words. */
  spaceGap: 0.12,
};

/** Group one page's words into lines, in reading order; `frames` are the page's boxes (boxes.ts), found once by the caller. */
export function buildLines(page: Page, settings = LINE_SETTINGS, frames: Rect[] = findBoxes(page.rules)): Line[] {
  const words = page.words.slice().sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const groups: Word[][] = [];
  let cur: Word[] = [];
  let curBase = -Infinity;
  let curSize = 0;
  for (const w of words) {
    if (cur.length && Math.abs(w.base - curBase) <= settings.baselineTolerance * Math.max(curSize, w.size)) {
      cur.push(w);
      // Track the dominant (largest-run) baseline so raised marks do not drag the line upwards.
      if (w.size >= curSize) {
        curBase = w.base;
        curSize = w.size;
      }
      continue;
    }
    if (cur.length) groups.push(cur);
    cur = [w];
    curBase = w.base;
    curSize = w.size;
  }
  if (cur.length) groups.push(cur);
  const merged = attachRaisedMarks(groups, settings);
  if (page.source === 'ocr') for (const g of merged) restoreBullet(g);
  return readingOrder(page, merged, frames).map((o) => {
    const line = makeLine(page.number, o.words, settings, o.col);
    if (o.wide) line.wide = true;
    if (o.column) line.column = o.column;
    return line;
  });
}

/**
 * Baseline groups → reading order. The page is cut into bands by the gutters its rows leave free
 * (column-bands.ts), each band read in its own columns (bands.ts): a one-column band above two
 * columns, a band in three columns, two columns with another gutter. A band too small to show
 * its columns by itself (a few lines under a table) is read with the page's gutter, when the page
 * has one.
 */
function readingOrder(page: Page, groups: Word[][], frames: Rect[]): OrderedGroup[] {
  const graphics = { rules: page.rules, frames, images: page.images.filter((im) => !isBackdrop(im, page)) };
  const size = median(page.words.map((w) => w.size));
  const gutter = findGutterRun(page, COLUMN_SETTINGS, frames);
  // A text dump's spaces are not a typesetter's gutters.
  const pictures = [...graphics.images, ...drawnCharts(page.rules)];
  const bands = page.source === 'text-dump' ? [{ from: 0, to: groups.length, gutters: [] }] : findColumnBands(groups, size, undefined, pictures);
  const out: OrderedGroup[] = [];
  for (const band of bands) {
    const rows = groups.slice(band.from, band.to);
    const gutters = band.gutters.length ? band.gutters : gutter ? [gutter] : [];
    if (gutters.length) out.push(...orderByBands(rows, gutters, graphics, size, page.height));
    else out.push(...rows.map((words) => ({ words, col: 0, wide: false })));
  }
  // On a page in columns, what is read across has the whole text width as its column.
  if (out.some((o) => o.column)) {
    const across: [number, number] = [Math.min(...page.words.map((w) => w.x0)), Math.max(...page.words.map((w) => w.x1))];
    for (const o of out) o.column ??= across;
  }
  return out;
}

/** What OCR makes of a bullet: a lone dot, plus, degree, guillemet or small "e"/"o" before a tab. */
const OCR_BULLET = /^[.+°*«»·©@eo•]$/;

/** A lone bullet-like glyph set well apart from the text after it is a bullet ("•"). */
function restoreBullet(group: Word[]): void {
  group.sort((a, b) => a.x0 - b.x0);
  const [first, second] = group;
  if (!first || !second || !OCR_BULLET.test(first.text)) return;
  if (second.x0 - first.x1 >= 0.9 * second.size && /^[A-Za-z(“"]/.test(second.text)) first.text = '•';
}

/**
 * A superscript sits 3–5 pt above its line's baseline, so baseline grouping puts it in a group of
 * its own just above the line (or in the line above when lines are tight). Move such small words
 * into the line close below them whose size is clearly larger and whose words reach them — on a
 * page set in columns, the other column's line may come first by baseline.
 */
function attachRaisedMarks(groups: Word[][], s: typeof LINE_SETTINGS): Word[][] {
  const out: Word[][] = [];
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i];
    const under = g.every((w) => isMarkLike(w.text)) ? lineUnder(groups, i, g, s) : null;
    if (under) {
      under.push(...g);
      continue;
    }
    // A mark standing far from the rest of its baseline (the other column's line) may be raised
    // over a line of its own column.
    const size = Math.max(...g.map((w) => w.size));
    for (const m of g.filter((w) => isMarkLike(w.text) && w.size < s.supSizeRatio * size && g.every((o) => o === w || o.x0 > w.x1 + size || o.x1 < w.x0 - size))) {
      const line = lineUnder(groups, i, [m], s);
      if (!line) continue;
      line.push(m);
      g.splice(g.indexOf(m), 1);
    }
    out.push(g);
  }
  return out;
}

/** The line raised marks belong to: the first close below them that reaches them horizontally. */
function lineUnder(groups: Word[][], i: number, g: Word[], s: typeof LINE_SETTINGS): Word[] | null {
  const x0 = Math.min(...g.map((w) => w.x0));
  const x1 = Math.max(...g.map((w) => w.x1));
  for (let j = i + 1; j < groups.length; j++) {
    const next = groups[j];
    const size = median(next.map((w) => w.size));
    const base = median(next.map((w) => w.base));
    if (g.some((w) => base - w.base >= size)) break;
    if (!next.some((w) => w.x0 <= x1 + size && w.x1 >= x0 - size)) continue;
    return raisedOver(g, next, s) ? next : null;
  }
  // No line reaches the marks: a label hanging left of its note's first line (set off by an
  // indent wider than the reach) still belongs to the line right below it.
  const next = groups[i + 1];
  return next && raisedOver(g, next, s) ? next : null;
}

/** Marks small and raised over a line, less than its size above its baseline. */
function raisedOver(g: Word[], line: Word[], s: typeof LINE_SETTINGS): boolean {
  const size = median(line.map((w) => w.size));
  const base = median(line.map((w) => w.base));
  return g.every((w) => w.size < s.supSizeRatio * size && base - w.base > s.supRaise * size && base - w.base < size);
}

/** A leading label: paragraph number, roman or letter label, bullet, "(a)". */
const LABEL_WORD = /^(\d{1,4}\.|[IVXLC]{1,6}\.|[A-Z]\.|[•▪◦‣∙·●○■□►▸–-]|\([a-z0-9]{1,4}\))$/;

const MARK = /^[*†‡§]?\d{1,3}[,)]?$|^[*†‡§]$|^[a-z]$/;
function isMarkLike(t: string): boolean {
  return MARK.test(t) || t === UNREAD_MARK;
}

function makeLine(page: number, group: Word[], s: typeof LINE_SETTINGS, col: number): Line {
  group.sort((a, b) => a.x0 - b.x0);
  // The line's size and baseline come from its text, not from marks: use the largest size with
  // most characters.
  const bySize = new Map<number, number>();
  for (const w of group) bySize.set(Math.round(w.size * 2) / 2, (bySize.get(Math.round(w.size * 2) / 2) ?? 0) + w.text.length);
  let size = 0;
  let best = -1;
  for (const [sz, n] of bySize) if (n > best || (n === best && sz > size)) [size, best] = [sz, n];
  const bodyWords = group.filter((w) => Math.abs(w.size - size) <= 0.5 || w.size > size);
  const base = median(bodyWords.map((w) => w.base));
  const words: Word[] = [];
  const marks: Mark[] = [];
  let text = '';
  let prev: Word | null = null;
  let prevEnd = 0;
  let maxGap = 0;
  for (const w of group) {
    const raised = w.size < s.supSizeRatio * size && base - w.base > s.supRaise * size;
    if (raised && isMarkLike(w.text) && prev) {
      marks.push({ text: w.text, at: text.length, box: { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 } });
      // Spacing after a mark is measured from the mark: "2009⁴;" has no space before ';'.
      prevEnd = w.x1;
      continue;
    }
    if (prev) {
      const gap = w.x0 - prevEnd;
      // The tab after a paragraph number or bullet is not a column gap.
      if (words.length > 1 || !LABEL_WORD.test(prev.text)) maxGap = Math.max(maxGap, gap / size);
      if (gap > s.spaceGap * size) text += ' ';
    }
    text += w.text;
    words.push(w);
    prev = w;
    prevEnd = w.x1;
  }
  if (!words.length) {
    // Only marks (e.g. a lone number): keep them as text.
    for (const w of group) words.push(w);
    text = group.map((w) => w.text).join(' ');
    marks.length = 0;
  }
  const chars = words.reduce((n, w) => n + w.text.length, 0);
  const boldChars = words.reduce((n, w) => n + (w.bold ? w.text.length : 0), 0);
  const italicChars = words.reduce((n, w) => n + (w.italic ? w.text.length : 0), 0);
  return {
    page,
    words,
    text,
    marks,
    x0: Math.min(...words.map((w) => w.x0)),
    x1: Math.max(...words.map((w) => w.x1)),
    y0: Math.min(...group.map((w) => w.y0)),
    y1: Math.max(...group.map((w) => w.y1)),
    base,
    size,
    bold: boldChars >= 0.6 * chars,
    italic: italicChars >= 0.6 * chars,
    maxGap,
    zone: 'body',
    col,
  };
}

/** The font size carrying most characters: the body text's size, whatever tables a page holds. */
export function dominantSize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size * 2) / 2, (chars.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best = 0;
  let n = -1;
  for (const [size, c] of chars) if (c > n) [best, n] = [size, c];
  return best;
}
