/**
 * Tables continued over pages. A table that ends its page continues on the next page when the next
 * page opens with a table of the same column structure that has no title of its own (or one saying
 * "continued") and either repeats the header rows (all of them or the lowest ones; read by OCR, most
 * of their words) or has none.
 * The repeated header is dropped; rows are mapped onto the first part's columns by x position.
 */
import { slotBounds, slotOf } from './columns.js';
import { headerSimilarity } from './header-match.js';
import { union } from '../../layout/geometry.js';
import type { CellBox, Column, Draft } from './model.js';
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

export const CONTINUED = /\(\s*(?:continued|cont['’]?d\.?|suite|cont\.)\s*\)|\b(?:continued|cont['’]d)\s*$/i;

/** Where a table sits on its page: is there body text before it / after it? */
export interface PagePosition {
  textAbove(page: number, y: number): boolean;
  textBelow(page: number, y: number): boolean;
}

const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

function sameRow(a: string[], b: string[]): boolean {
  const x = a.map(norm).filter(Boolean);
  const y = b.map(norm).filter(Boolean);
  return x.length > 0 && x.length === y.length && x.every((t, i) => t === y[i]);
}

/**
 * b's columns → a's columns: one to one when both have as many columns and b's header repeats a's
 * (or b has none and the edges agree); else by position (each b column into the a column whose
 * slot holds its centre). Null when the structures differ.
 */
export function mapColumns(a: Column[], b: Column[], em: number, s: TableSettings = TABLE_SETTINGS, sameHeader = false): number[] | null {
  const tol = s.continueTolerance * em;
  const edge = (c: Column) => (c.numeric ? c.x1 : c.x0);
  const near = (ca: Column, cb: Column) => Math.min(Math.abs(edge(ca) - edge(cb)), Math.abs(ca.x1 - cb.x1), Math.abs(ca.x0 - cb.x0)) <= tol;
  if (a.length === b.length) {
    const agree = b.filter((cb, i) => near(a[i], cb)).length;
    if (sameHeader || agree >= 0.7 * b.length) return b.map((_, i) => i);
  }
  const bounds = slotBounds(a);
  const out = b.map((cb) => slotOf(bounds, (cb.x0 + cb.x1) / 2));
  for (let i = 1; i < out.length; i++) if (out[i] <= out[i - 1]) return null;
  const agree = b.filter((cb, i) => near(a[out[i]], cb)).length;
  return agree >= Math.max(1, 0.7 * b.length) ? out : null;
}

type Join = { kind: 'map'; map: number[] } | { kind: 'rebuild'; body: string[][]; bodyBoxes: CellBox[][]; spans: Draft['spans'] };

function continues(a: Draft, b: Draft, pos: PagePosition, em: number, s: TableSettings): Join | null {
  if (b.pageStart !== a.pageEnd + 1 || a.image || b.image) return null;
  if (b.title && !CONTINUED.test(b.title)) return null;
  if (pos.textAbove(b.pageStart, b.top)) return null;
  const lastLine = a.lines[a.lines.length - 1];
  if (lastLine && pos.textBelow(a.pageEnd, lastLine.y1)) return null;
  const exact = b.header.length > 0 && b.header.length <= a.header.length && b.header.every((r, i) => sameRow(r, a.header[a.header.length - b.header.length + i]));
  // A repeat misread (OCR) or cut into rows differently still repeats the words of a's header;
  // it must then continue a's columns (a text dump, without columns, reads its headers exactly).
  const misread = !exact && b.header.length > 0 && a.columns.length > 0 && b.columns.length > 0;
  const repeats = exact || (misread && headerSimilarity(a.header, b.header) >= s.continueHeaderMatch);
  if (b.header.length && !repeats) {
    // A different header: only the same columns with a header naming them the same way.
    const map = mapColumns(a.columns, b.columns, em, s, false);
    if (!map) return null;
    const mapped = b.header.map((row) => {
      const out = a.columns.map(() => '');
      row.forEach((t, i) => (out[map[i]] = t));
      return out;
    });
    const tail = a.header.slice(-mapped.length);
    if (tail.length !== mapped.length || !mapped.every((r, i) => sameRow(r, tail[i]))) return null;
    return { kind: 'map', map };
  }
  // A misread repeat vouches for the columns less than an exact one: their edges must agree.
  const map = mapColumns(a.columns, b.columns, em, s, exact);
  if (map && map.every((m, i) => m === i) && a.columns.length === b.columns.length) return { kind: 'map', map };
  // Otherwise place the continued rows on the first part's columns, if they fit them.
  if (!b.rebuild) return map ? { kind: 'map', map } : null;
  const r = b.rebuild(a.columns);
  if (r.fit < 0.8 || r.figuresFit < 0.5) return map ? { kind: 'map', map } : null;
  return { kind: 'rebuild', body: r.body, bodyBoxes: r.bodyBoxes, spans: r.spans };
}

export function joinContinued(drafts: Draft[], pos: PagePosition, s: TableSettings = TABLE_SETTINGS): Draft[] {
  const out: Draft[] = [];
  for (const d of drafts) {
    const a = out[out.length - 1];
    const em = a ? a.lines[0]?.size ?? 10 : 10;
    const join = a ? continues(a, d, pos, em, s) : null;
    if (!a || !join) {
      out.push(d);
      continue;
    }
    const offset = a.body.length;
    const boxes = a.bodyBoxes && (join.kind === 'rebuild' ? join.bodyBoxes : d.bodyBoxes?.map((row) => mapBoxes(row, join.map, a.columns.length)));
    if (a.bodyBoxes && boxes) a.bodyBoxes.push(...boxes);
    else delete a.bodyBoxes;
    if (join.kind === 'rebuild') {
      a.body.push(...join.body);
      for (const sp of join.spans) a.spans.push({ ...sp, row: sp.row + offset });
    } else {
      const map = join.map;
      for (const row of d.body) {
        const r = a.columns.map(() => '');
        row.forEach((t, i) => (r[map[i]] = r[map[i]] ? `${r[map[i]]} ${t}`.trim() : t));
        a.body.push(r);
      }
      for (const sp of d.spans) {
        if (sp.in !== 'body') continue;
        a.spans.push({ ...sp, row: sp.row + offset, col: map[sp.col] });
      }
    }
    a.pageEnd = d.pageEnd;
    a.lines = [...a.lines, ...d.lines];
    a.notes.push(...d.notes);
    if (a.noteLines && d.noteLines) a.noteLines.push(...d.noteLines);
    else delete a.noteLines;
    a.reasons.push(`continued:p${d.pageStart}`);
  }
  return out;
}

/** A continued part's cell boxes placed on the first part's columns (cells mapped together unite). */
function mapBoxes(row: CellBox[], map: number[], width: number): CellBox[] {
  const out: CellBox[] = new Array(width).fill(null);
  row.forEach((b, i) => {
    const prev = out[map[i]];
    if (b) out[map[i]] = prev ? { page: b.page, ...union([prev, b]) } : b;
  });
  return out;
}
