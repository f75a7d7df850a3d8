/**
 * Text-dump table lines → tokens with their spacing (in characters), and the kind of each line:
 * a data line (a label and figures), a label line (text only), a line of years (a header), a lone
 * figure (a chart's label or axis tick). A dump marks a blank cell with extra spaces and separates
 * thousands with one space, so the spacing is kept for the reader to weigh.
 */
import type { Line } from '../../layout/lines.js';

export interface Tok {
  text: string;
  /** Character columns [c0, c1). */
  c0: number;
  c1: number;
  fig: boolean;
  /** Where it was printed: its line, and its extent on it (the dump's coordinates). */
  line: Line;
  x0: number;
  x1: number;
}

export type LineKind = 'data' | 'text' | 'years' | 'num1';

export interface DLine {
  line: Line;
  toks: Tok[];
  kind: LineKind;
}

const FIG = /^(?:[(]?[-–−]?\d(?:[\d.,]*\d)?%?[)]?\*?|[-–—])$/;
const YEAR = /^(?:1[89]|20)\d\d$/;
/** Digits glued to a following word ("071Middle"): two tokens. */
const GLUED = /^(\d[\d.,]*%?)([A-Za-z(].*)$/;

export const isFig = (t: string): boolean => FIG.test(t);

/** Width of one character in the dump's coordinates. */
function charWidth(lines: Line[]): number {
  for (const l of lines) for (const w of l.words) if (w.text.length) return (w.x1 - w.x0) / w.text.length;
  return 6;
}

export function tokenize(lines: Line[]): DLine[] {
  const cw = charWidth(lines);
  return lines.map((line) => {
    const toks: Tok[] = [];
    for (const w of line.words) {
      const c0 = Math.round(w.x0 / cw);
      const m = GLUED.exec(w.text);
      if (m) {
        const cut = w.x0 + ((w.x1 - w.x0) * m[1].length) / w.text.length;
        toks.push({ text: m[1], c0, c1: c0 + m[1].length, fig: true, line, x0: w.x0, x1: cut });
        toks.push({ text: m[2], c0: c0 + m[1].length, c1: c0 + w.text.length, fig: isFig(m[2]), line, x0: cut, x1: w.x1 });
      } else toks.push({ text: w.text, c0, c1: c0 + w.text.length, fig: isFig(w.text), line, x0: w.x0, x1: w.x1 });
    }
    // A remark in parentheses after a figure ("729 (613 in 2007)") belongs to the figure's cell.
    for (let i = 0; i < toks.length; i++) {
      if (!toks[i].text.startsWith('(') || i === 0 || !toks[i - 1].fig) continue;
      let j = i;
      while (j < toks.length && !toks[j].text.endsWith(')')) j++;
      if (j >= toks.length || j === i) continue;
      const text = toks.slice(i, j + 1).map((t) => t.text).join(' ');
      if (!/[A-Za-z]/.test(text)) continue;
      const prev = toks[i - 1];
      toks.splice(i - 1, j - i + 2, { text: `${prev.text} ${text}`, c0: prev.c0, c1: toks[j].c1, fig: true, line, x0: prev.x0, x1: toks[j].x1 });
      i--;
    }
    const figs = toks.filter((t) => t.fig);
    const texts = toks.length - figs.length;
    let kind: LineKind;
    if (!figs.length) kind = 'text';
    else if (!texts && figs.every((t) => YEAR.test(t.text))) kind = 'years';
    else if (!texts && figs.length === 1) kind = 'num1';
    else kind = 'data';
    return { line, toks, kind };
  });
}

/**
 * Split a data line into rows: label tokens then figure tokens. Text after figures starts another
 * row only when it is glued to the figure ("14 071Middle East …": two rows run together) or set
 * well apart after several figures; otherwise the figures belong to the label ("as of 31 December").
 */
export function segments(d: DLine): { label: Tok[]; figs: Tok[] }[] {
  const out: { label: Tok[]; figs: Tok[] }[] = [];
  let cur: { label: Tok[]; figs: Tok[] } = { label: [], figs: [] };
  out.push(cur);
  d.toks.forEach((t, i) => {
    if (t.fig) {
      cur.figs.push(t);
      return;
    }
    if (cur.figs.length) {
      const prev = d.toks[i - 1];
      const glued = prev.c1 === t.c0;
      if (glued || (t.c0 - prev.c1 >= 3 && cur.figs.length >= 2)) {
        cur = { label: [t], figs: [] };
        out.push(cur);
        return;
      }
      // The figures were part of the label.
      cur.label.push(...cur.figs);
      cur.figs = [];
    }
    cur.label.push(t);
  });
  return out.filter((seg) => seg.label.length || seg.figs.length);
}
