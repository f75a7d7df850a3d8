/**
 * One region of a positioned page → a draft table: header lines apart from body lines, columns
 * from the body, header cells onto the columns, body rows, title and notes.
 */
import type { Line } from '../../layout/lines.js';
import { upperMedian as median } from '../../layout/geometry.js';
import { columnOf, findColumns, overlapped, slotBounds } from './columns.js';
import { fragmentLines, isNumericWord } from './fragments.js';
import { restoreSeparators } from './glued.js';
import { dropSpecks } from './specks.js';
import { buildHeader } from './header.js';
import type { Rect } from '../../model/page.js';
import type { CellBox, Draft, Frag, Span } from './model.js';
import type { Region } from './regions.js';
import { buildBody } from './rows.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';
import { joinTexts } from './text-join.js';

const YEAR = /^(?:1[89]|20)\d\d$/;

/**
 * A line that can belong to a header: without figures other than years, or bold with few (a bold
 * row of mostly figures under the header is a total set first; "(95% CI)" in a header is a label).
 * Where every line is bold (`allBold`), type tells nothing: any bold line can be header.
 */
export function headerLike(l: Line, allBold = false): boolean {
  const figures = l.words.filter((w) => isNumericWord(w.text) && !YEAR.test(w.text)).length;
  return figures === 0 || (l.bold && (allBold || figures < 2 || figures <= 0.5 * l.words.length));
}

/** How many of the region's row lines are header lines. */
export function headerCount(lines: Line[], ruleYs: number[], s: TableSettings = TABLE_SETTINGS): number {
  let k = 0;
  const allBold = lines.every((l) => l.bold);
  while (k < lines.length && headerLike(lines[k], allBold)) {
    // A plain line interleaved with the next, figure-bearing one is the first row's wrapped label.
    const next = lines[k + 1];
    if (!lines[k].bold && next && !headerLike(next, allBold) && next.base - lines[k].base < 0.85 * lines[k].size) break;
    k++;
  }
  if (k === lines.length) {
    // All lines look like a header: only a rule can tell; else there is no header.
    k = 0;
  }
  // A rule with a few lines above it and the rest below separates header and body. Of several,
  // the one with the fewest row-like lines above (rules also part groups of rows), then the lowest.
  let byRule = -1;
  let rowLike = Infinity;
  for (const y of ruleYs) {
    const above = lines.filter((l) => l.base < y).length;
    if (!(above > 0 && above < lines.length && above <= 8 && above <= 0.4 * lines.length)) continue;
    const rows = lines.slice(0, above).filter((l) => !headerLike(l, allBold)).length;
    if (rows < rowLike || (rows === rowLike && above > byRule)) [byRule, rowLike] = [above, rows];
  }
  if (byRule < 0) return k;
  // Beyond the rule, only bold lines can still be header (a rule between two header rows). Where
  // nothing is bold (OCR reads no typography): lines of several cells (a wrapped label is one).
  const typeKnown = lines.some((l) => l.bold);
  let j = byRule;
  while (j < k && (lines[j].bold || (!typeKnown && lines[j].maxGap > s.phraseGap))) j++;
  return j;
}

export const noteText = (lines: Line[]): string => joinTexts(lines.map((l) => l.text.trim()));

/** Split note lines into notes (their lines): a new note at each line that opens one ("Source:", "*", "- "). */
export function noteGroups(lines: Line[]): Line[][] {
  const out: Line[][] = [];
  for (const l of lines) {
    const t = l.text.trim();
    if (!t) continue;
    const opens = /^(?:\*|†|‡|source|sources|note|notes|abbreviations?\b|excluding|including|[a-z]\/|\d{1,2}\/|[-–•]\s)/i.test(t);
    if (!out.length || opens || /:$/.test(out[out.length - 1][out[out.length - 1].length - 1].text.trim())) out.push([l]);
    else out[out.length - 1].push(l);
  }
  return out;
}

export function regionToDraft(region: Region, s: TableSettings = TABLE_SETTINGS): Draft | null {
  const sorted = region.rows.slice().sort((a, b) => a.base - b.base);
  if (!sorted.length) return null;
  const em = median(sorted.map((l) => l.size)) || 10;
  const lines = restoreSeparators(dropSpecks(sorted), em, s);
  if (!lines.length) return null;
  const nHead = headerCount(lines, region.rules.map((r) => r.y0), s);
  const headLines = lines.slice(0, nHead);
  const bodyLines = lines.slice(nHead);
  const bodyFrags = fragmentLines(bodyLines, em, s);
  // Columns from the plain rows: bold rows inside a body (totals, an inner header repeated for a
  // second part) are placed on the grid the plain rows define.
  // Lines of one phrase alone that bridge columns the other lines make (an inner header centred
  // over the figures) name no column: they are left out when other lines hold several cells.
  const several = bodyFrags.filter((f) => f.length > 1).length;
  const lone = (i: number) => several >= 2 && bodyFrags[i].length === 1 && !bodyFrags[i][0].numeric;
  const plainOf = (skip: (i: number) => boolean) => bodyLines.map((l, i) => (l.bold || skip(i) ? [] : bodyFrags[i])).flat();
  const without = findColumns(plainOf(lone), em, s);
  const bridging = (i: number) => lone(i) && overlapped(without, bodyFrags[i][0].x0, bodyFrags[i][0].x1).length > 1;
  const plain = plainOf(bridging);
  const bodyCols = findColumns(plain.length >= 0.5 * bodyFrags.flat().length ? plain : bodyFrags.flat(), em, s);
  if (!bodyCols.length) return null;
  const header = buildHeader(headLines, bodyCols, em, s);
  const cols = header.columns;
  const bounds = slotBounds(cols);
  const body = buildBody(bodyFrags, cols, (f) => columnOf(cols, bounds, f), em, s);
  // Columns nothing fills (a stray fragment's slot) go.
  const keep = cols.map((_, c) => header.rows.some((r) => r[c]) || body.grid.some((r) => r[c]));
  const colIndex: number[] = [];
  keep.forEach((k, c) => k && colIndex.push(c));
  const remapSpan = (sp: Span): Span | null => {
    const c = colIndex.indexOf(sp.col);
    if (c < 0) return null;
    let end = c;
    while (end + 1 < colIndex.length && colIndex[end + 1] <= sp.col + sp.colspan - 1) end++;
    return { ...sp, col: c, colspan: end - c + 1 };
  };
  const pick = <T>(row: T[]) => colIndex.map((c) => row[c]);
  const onPage = (row: (Rect | null)[]): CellBox[] => row.map((r) => (r ? { page: region.page, ...r } : null));
  const notes = noteGroups(region.notes);
  const title = region.caption.length ? joinTexts(region.caption.map((l) => l.text)) : region.above.length ? joinTexts(region.above.map((l) => l.text)) : '';
  const reasons = [`header:${nHead}`, `align:${body.alignment}`];
  if (region.rules.length) reasons.push(`rules:${region.rules.length}`);
  return {
    title,
    titleSource: region.caption.length ? 'caption' : region.above.length ? 'heading' : '',
    pageStart: region.page,
    pageEnd: region.page,
    top: Math.min(...[...region.above, ...region.caption, ...lines].map((l) => l.y0)),
    header: header.rows.map(pick),
    body: body.grid.map(pick),
    headerBoxes: header.boxes.map(pick).map(onPage),
    bodyBoxes: body.boxes.map(pick).map(onPage),
    spans: [...header.spans, ...body.spans].map(remapSpan).filter((x): x is Span => x !== null),
    columns: colIndex.map((c) => cols[c]),
    notes: notes.map(noteText),
    noteLines: notes,
    labelColumns: colIndex.filter((c) => c < body.labelColumns).length,
    afterParagraph: null,
    reasons,
    lines,
    rebuild: (other) => {
      const b = slotBounds(other);
      const colOf = (f: Frag) => columnOf(other, b, f);
      const all = bodyFrags.flat();
      const near = all.filter((f) => {
        const c = other[colOf(f)[0]];
        return Math.max(0, c.x0 - f.x1, f.x0 - c.x1) <= em;
      }).length;
      const figs = all.filter((f) => f.numeric);
      const figFit = figs.filter((f) => other[colOf(f)[0]].numeric).length;
      const rebuilt = buildBody(bodyFrags, other, colOf, em, s);
      return { body: rebuilt.grid, bodyBoxes: rebuilt.boxes.map(onPage), spans: rebuilt.spans, fit: all.length ? near / all.length : 0, figuresFit: figs.length ? figFit / figs.length : 1 };
    },
  };
}
