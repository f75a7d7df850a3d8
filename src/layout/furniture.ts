/**
 * Page furniture: running headers and footers. Found by repetition — the same text (digits
 * normalised, so "Page 2" and "Page 3" agree) near the same edge of several pages — plus the
 * profile's patterns, which catch headers a text dump kept on only a few pages.
 */
import { opensNote } from './footnote-zone.js';
import { dominantSize, type Line } from './lines.js';

export const FURNITURE_SETTINGS = {
  /** Lines this close to the top or bottom edge (fraction of page height) are candidates … */
  edgeBand: 0.12,
  /** … and so are the first and last few lines of a page, whatever their position. */
  edgeLines: 4,
  /** A text repeated on at least this many pages near the same edge is furniture … */
  minPages: 3,
  /** … when its positions differ by less than this (fraction of page height); text dumps excepted. */
  positionSpread: 0.03,
  /** Repeated on at least this share of all pages: furniture on its own (else only beside furniture). */
  frequentShare: 0.34,
  /** A line set apart from the page's text by this many of its sizes … */
  apartGap: 2.5,
  /** Lines of a running header block follow each other within this many of their sizes. */
  stackPitch: 1.5,
};

export interface PageLines {
  page: number;
  height: number;
  /** Text dumps have no reliable y positions: only line ranks count there. */
  positional: boolean;
  lines: Line[];
}

/**
 * A continuation mark at a page's foot ("/...", "./..", "…/…"): the typist's sign that the text
 * goes on overleaf. Furniture in any report family.
 */
export const CONTINUATION_MARK = /^(\.{0,3}\/\.{2,3}|\.{2,3}\/\.{0,3}|…\/…?|\/…)$/;

/** A separator set between the parts of a running header: a slash, bar or dot with spaces around it. */
const FURNITURE_SEPARATOR = /\s+[/|·•]\s+/;

export const normaliseFurniture = (t: string): string => t.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

function candidates(p: PageLines, s: typeof FURNITURE_SETTINGS): { line: Line; edge: 'top' | 'bottom' }[] {
  const out: { line: Line; edge: 'top' | 'bottom' }[] = [];
  // Footnote-zone lines count too: a running footer sits below the footnotes.
  const body = p.lines;
  body.forEach((line, i) => {
    // On a page with positions, an edge line must also lie in its half of the page.
    const upper = !p.positional || line.y1 < p.height / 2;
    const top = (i < s.edgeLines && upper) || (p.positional && line.y1 < s.edgeBand * p.height);
    const bottom = (i >= body.length - s.edgeLines && !(p.positional && upper)) || (p.positional && line.y0 > (1 - s.edgeBand) * p.height);
    if (top) out.push({ line, edge: 'top' });
    else if (bottom) out.push({ line, edge: 'bottom' });
  });
  return out;
}

/** A line's parts separated by wide gaps (left and right halves of a running header). */
function segments(line: Line): string[] {
  const out: string[] = [];
  let cur = '';
  let prevEnd = -Infinity;
  for (const w of line.words) {
    if (cur && w.x0 - prevEnd > 3 * line.size) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur} ${w.text}` : w.text;
    prevEnd = w.x1;
  }
  if (cur) out.push(cur);
  return out;
}

/** The line stands clear of the page's other lines on the side away from its edge. */
function apart(lines: Line[], line: Line, edge: 'top' | 'bottom', s: typeof FURNITURE_SETTINGS): boolean {
  const gap = s.apartGap * line.size;
  return lines.every((l) => l === line || (edge === 'bottom' ? l.y1 <= line.y0 - gap || l.y0 >= line.y1 : l.y0 >= line.y1 + gap || l.y1 <= line.y0));
}

/**
 * The line is set in a tight stack with its neighbours, a line pitch from each: an extra line of a
 * running header block ("Annex" between "English" and "Page 1") that no other page repeats.
 */
function stacked(seq: Line[], j: number, s: typeof FURNITURE_SETTINGS): boolean {
  const l = seq[j];
  const close = (a: Line, b: Line) => Math.abs(a.base - b.base) <= s.stackPitch * Math.max(a.size, b.size);
  return close(seq[j - 1], l) && close(l, seq[j + 1]);
}

/**
 * The stack of lines at the very foot of a page, in smaller type than the page's text and set
 * apart from it, none opening like a note: a job number, a barcode's digits, a print date. Only
 * this page may carry them (page 1), so repetition cannot find them.
 */
function footStack(p: PageLines, s: typeof FURNITURE_SETTINGS): Line[] {
  if (!p.positional || !p.lines.length) return [];
  const size = dominantSize(p.lines);
  const byBase = [...p.lines].sort((a, b) => a.base - b.base);
  const stack: Line[] = [];
  for (let i = byBase.length - 1; i >= 0; i--) {
    const l = byBase[i];
    if (l.y0 < (1 - s.edgeBand) * p.height || (stack.length && stack[0].base - l.base > s.stackPitch * Math.max(l.size, stack[0].size))) break;
    if (l.size >= size - 0.5 || opensNote(l)) return [];
    stack.unshift(l);
  }
  const top = stack[0];
  if (!top) return [];
  const above = byBase.filter((l) => l.base < top.base && !stack.includes(l));
  return above.every((l) => l.y1 <= top.y0 - s.apartGap * top.size) ? stack : [];
}

/** Mark header and footer lines in place (zone = 'header' | 'footer'). */
export function markFurniture(pages: PageLines[], patterns: RegExp[], s = FURNITURE_SETTINGS): void {
  const seen = new Map<string, { pages: Set<number>; ys: number[] }>();
  const cands = pages.map((p) => candidates(p, s));
  cands.forEach((cs, i) => {
    for (const { line, edge } of cs) {
      const key = edge + ':' + normaliseFurniture(line.text);
      let e = seen.get(key);
      if (!e) seen.set(key, (e = { pages: new Set(), ys: [] }));
      e.pages.add(pages[i].page);
      e.ys.push(line.y0 / pages[i].height);
    }
  });
  const frequent = Math.max(s.minPages, s.frequentShare * pages.length);
  cands.forEach((cs, i) => {
    const p = pages[i];
    const kind = (line: Line, edge: 'top' | 'bottom'): 'strong' | 'weak' | null => {
      const text = line.text.trim();
      if (patterns.some((re) => re.test(text))) return 'strong';
      // A continuation mark at the foot, alone or beside a job number ("87-10234      /...").
      if (edge === 'bottom' && segments(line).some((t) => CONTINUATION_MARK.test(t))) return 'strong';
      // A header set in parts ("A/63/1 … Page 2", or "E/2009/12 / Page 2" with a spaced slash or bar
      // between them): every part matches a pattern.
      const spaced = segments(line);
      const parts = spaced.length > 1 ? spaced : text.split(FURNITURE_SEPARATOR);
      if (parts.length > 1 && parts.every((t) => patterns.some((re) => re.test(t)))) return 'strong';
      // … or a page number beside other parts ("2   09-45678"), on a line standing apart at the edge.
      if (spaced.length > 1 && spaced.some((t) => patterns.some((re) => re.test(t))) && p.positional && apart(p.lines, line, edge, s)) return 'strong';
      const e = seen.get(edge + ':' + normaliseFurniture(text))!;
      const spread = Math.max(...e.ys) - Math.min(...e.ys);
      if (e.pages.size < s.minPages || (p.positional && spread >= s.positionSpread)) return null;
      return e.pages.size >= frequent ? 'strong' : 'weak';
    };
    // Walk inwards from each edge; furniture is contiguous with the edge, and a text repeated on
    // only a few pages counts only when confirmed furniture sits on both sides of it (an annex's
    // extra header line) — so a heading or a table title repeated near the top stays in the body.
    for (const l of footStack(p, s)) l.zone = 'footer';
    for (const edge of ['top', 'bottom'] as const) {
      const seq = cs.filter((c) => c.edge === edge).map((c) => c.line);
      if (edge === 'bottom') seq.reverse();
      let sawStrong = false;
      for (const [j, line] of seq.entries()) {
        const k = kind(line, edge);
        const between = sawStrong && seq.slice(j + 1).some((l) => kind(l, edge) === 'strong');
        if (k === 'strong' || (k === 'weak' && between) || (k === null && between && stacked(seq, j, s))) {
          line.zone = edge === 'top' ? 'header' : 'footer';
          if (k === 'strong') sawStrong = true;
        } else break;
      }
    }
  });
}
