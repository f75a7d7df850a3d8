/**
 * Text-dump tables. A dump keeps no geometry worth the name: cells are separated by one space (a
 * blank cell by extra spaces), thousands by one space, wrapped labels continue on the next line
 * (often indented), merged group labels are printed between the rows of their group, tables run
 * across the dump's page breaks, and a wide table may be cut in two with its second half printed
 * after the first (no labels, same rows). The reader:
 *
 *   regions → parts (split at headings) → tables (parts joined: continued, cut in two)
 *   → rows (labels gathered) → column count and spacing model → figures placed (spacing, then
 *   arithmetic) → group labels → header → draft
 */
import { union } from '../../layout/geometry.js';
import type { Line } from '../../layout/lines.js';
import { parseNumber } from '../../numbers/parse.js';
import { readFlexible, type Model, type Reading, type RowInput } from './dump-decode.js';
import { segments, tokenize, type DLine, type Tok } from './dump-lines.js';
import type { FigureFound } from './figures.js';
import type { CellBox, Draft, Span } from './model.js';
import { TABLE_CAPTION, type Region } from './regions.js';
import { CONTINUED } from './continue.js';
import { DUMP_SETTINGS as D } from './settings.js';
import { joinTexts } from './text-join.js';

const NUMBERED_HEADING = /^\d{1,2}\.\s+\p{Lu}/u;
const NOTE_START = /^(?:\*|†|‡|source|sources|note|notes|excluding|including|[a-z]\/|\d{1,2}\/|[-–•]\s)/i;
const CONNECTOR = /(?:\b(?:and|of|the|for|in|on|by|to|with|de|et|la)|[-,/&(])$/i;

interface Part {
  page: number;
  title: string[];
  lines: DLine[];
  notes: Line[];
}

interface TablePart extends Part {
  header: DLine[];
  body: DLine[];
  top: number;
}

interface Row {
  label: string[];
  /** The tokens the label was read from (for the cell's box). */
  labelToks: Tok[];
  figs: Tok[];
  lead: number;
  /** Line start column of the row's first label line (indentation). */
  indent: number;
  /** A label-only line that did not continue a row: a group label or a row of its own. */
  labelOnly?: boolean;
  /** Index of the body line the row's figures come from. */
  at: number;
}

const words = (d: DLine) => d.toks.map((t) => t.text).join(' ');

function isTitleLine(d: DLine): boolean {
  const t = words(d);
  // Text, or a numbered heading whose only figures are years ("4. Breakdown … in 2008").
  const yearsOnly = d.toks.every((k) => !k.fig || /^(?:1[89]|20)\d\d$/.test(k.text));
  return (d.kind === 'text' || (yearsOnly && NUMBERED_HEADING.test(t))) && (TABLE_CAPTION.test(t) || NUMBERED_HEADING.test(t) || CONTINUED.test(t));
}

/** Split a region at the headings inside it (dumps run a table, a chart and the next title together). */
function splitParts(r: Region, isFurniture: (t: string) => boolean): Part[] {
  const dl = tokenize(r.rows.filter((l) => !isFurniture(l.text)));
  const parts: Part[] = [];
  let cur: Part = { page: r.page, title: r.caption.map((l) => l.text.trim()), lines: [], notes: r.notes };
  parts.push(cur);
  for (const d of dl) {
    if (isTitleLine(d)) {
      // A "(continued)" line right after a title finishes that title.
      if (cur.lines.length || !cur.title.length || !CONTINUED.test(words(d))) {
        cur = { page: r.page, title: [], lines: [], notes: [] };
        parts.push(cur);
      }
      cur.title.push(words(d));
      continue;
    }
    cur.lines.push(d);
  }
  // Notes belong to the last part.
  if (parts.length > 1) {
    parts[parts.length - 1].notes = r.notes;
    parts[0].notes = r.notes === parts[0].notes && parts.length > 1 ? [] : parts[0].notes;
  }
  return parts;
}

/** A chart's labels: mostly lone figures and short text lines, few rows of label and figures. */
function isChart(p: Part): boolean {
  const data = p.lines.filter((d) => d.kind === 'data').length;
  const lone = p.lines.filter((d) => d.kind === 'num1').length;
  return lone >= 2 && lone >= data;
}

function toTablePart(p: Part): TablePart | null {
  // Title lines first: a long line of text (or the part's heading), and what continues it in
  // lower case ("as at 31 December 2008").
  const title = p.title.slice();
  let k = 0;
  if (!title.length && p.lines[0]?.kind === 'text' && p.lines[0].toks.length >= 6) title.push(words(p.lines[k++]));
  while (title.length && k < p.lines.length && /^\p{Ll}/u.test(words(p.lines[k]))) title.push(words(p.lines[k++]));
  const rest = p.lines.slice(k);
  const first = rest.findIndex((d) => d.kind === 'data');
  if (first < 0) return null;
  let last = rest.length - 1;
  while (last > first && rest[last].kind !== 'data') last--;
  const head = rest.slice(0, first);
  // Label lines after the last figures: the last row's wrapped label, or notes and page furniture.
  const body = rest.slice(first, last + 1);
  const after = rest.slice(last + 1);
  for (const d of after) {
    if (d.kind === 'years' && !head.some((h) => h.kind === 'years')) head.push(d);
    else if (d.kind === 'text' && !NOTE_START.test(words(d))) body.push(d);
  }
  return {
    ...p,
    title,
    header: head,
    body,
    notes: [...after.filter((d) => d.kind === 'text' && NOTE_START.test(words(d))).map((d) => d.line), ...p.notes],
    top: (p.lines[0] ?? body[0]).line.y0,
  };
}

/** Gather rows: figures with their labels (wrapped label lines joined, group labels kept apart). */
function gatherRows(body: DLine[]): Row[] {
  const rows: Row[] = [];
  let pending: { text: string; indent: number; at: number; toks: Tok[] }[] = [];
  body.forEach((d, at) => {
    const indent = d.toks[0]?.c0 ?? 0;
    if (d.kind === 'text') {
      const t = words(d);
      const prev = pending[pending.length - 1];
      // Continues the pending label: indented, or after a connector, or starts in lower case.
      if (prev && (indent > prev.indent || CONNECTOR.test(prev.text) || /^\p{Ll}/u.test(t))) {
        prev.text = joinTexts([prev.text, t]);
        prev.toks.push(...d.toks);
      } else pending.push({ text: t, indent, at, toks: d.toks.slice() });
      return;
    }
    const segs = segments(d);
    segs.forEach((seg, si) => {
      const label = seg.label.map((t) => t.text).join(' ');
      const lead = seg.figs.length ? (seg.label.length ? seg.figs[0].c0 - seg.label[seg.label.length - 1].c1 : seg.figs[0].c0 + 1) : 0;
      let labels: string[] = [];
      let labelToks: Tok[] = seg.label;
      if (si === 0 && pending.length) {
        const prev = pending[pending.length - 1];
        const continues = !label || indent > prev.indent || CONNECTOR.test(prev.text) || /^\p{Ll}/u.test(label);
        if (!label && seg.figs.length) {
          // Figures without a label: every label line since the last row is theirs.
          labels = [joinTexts(pending.map((p) => p.text))];
          labelToks = pending.flatMap((p) => p.toks);
          pending = [];
        } else if (continues) {
          pending.pop();
          labels = [joinTexts([prev.text, label])];
          labelToks = [...prev.toks, ...seg.label];
        } else labels = [label];
        for (const p of pending) rows.push({ label: [p.text], labelToks: p.toks, figs: [], lead: 0, indent: p.indent, labelOnly: true, at: p.at });
        pending = [];
      } else if (label) labels = [label];
      if (!seg.figs.length) {
        pending.push({ text: label, indent, at, toks: seg.label.slice() });
        return;
      }
      rows.push({ label: labels, labelToks, figs: seg.figs, lead, indent, at });
    });
  });
  // Label lines left at the very end have no figures to belong to: not rows.
  return rows;
}

const MODELS: Model[] = [
  { s0: 1, s1: 1 },
  { s0: 1, s1: 2 },
  { s0: 2, s1: 1 },
];

const parsed = new Map<string, ReturnType<typeof parseNumber>>();
/** parseNumber, memoised: the same cell texts come back in every reading of every row. */
function parse(text: string): ReturnType<typeof parseNumber> {
  let p = parsed.get(text);
  if (!p) {
    if (parsed.size > 50_000) parsed.clear();
    parsed.set(text, (p = parseNumber(text)));
  }
  return p;
}

function kindOf(text: string): string {
  if (!text) return '';
  const p = parse(text);
  return p.kind === 'percent' ? '%' : p.kind === 'rank' ? 'r' : p.kind === 'empty' ? '' : 'n';
}

interface Layout {
  model: Model;
  K: number;
  readings: Reading[][];
  score: number;
}

/**
 * Choose the spacing model and the column count: every row read under each, scored by misfit,
 * blank cells (each a small cost: a wrong count invents them) and columns mixing kinds of figures.
 */
function chooseLayout(all: RowInput[], hintK: number | null): Layout | null {
  // Long tables: choose among the layouts on a sample of rows, then confirm on every row.
  if (all.length > 20) {
    const step = Math.ceil(all.length / 16);
    const sample = all.filter((_, i) => i % step === 0);
    const tops = layoutsRanked(sample, hintK).slice(0, 3);
    let best: Layout | null = null;
    for (const t of tops) {
      const l = layoutsRanked(all, t.K === hintK ? hintK : null, [t.model], [t.K])[0];
      if (l && (!best || l.score < best.score)) best = l;
    }
    return best;
  }
  return layoutsRanked(all, hintK)[0] ?? null;
}

function layoutsRanked(inputs: RowInput[], hintK: number | null, models = MODELS, onlyKs?: number[]): Layout[] {
  const ranked: Layout[] = [];
  let best: Layout | null = null;
  const candidateKs = new Set<number>();
  for (const m of models) {
    const counts = new Map<number, number>();
    for (const r of inputs) {
      if (!r.figs.length) continue;
      let k = 0;
      r.figs.forEach((t, i) => {
        const g = i === 0 ? r.lead : t.c0 - r.figs[i - 1].c1;
        k += 1 + Math.max(0, Math.round((g - (i === 0 ? 1 : m.s0)) / m.s1));
      });
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    const sorted = [...counts].sort((a, b) => b[1] - a[1]);
    for (const [k] of sorted.slice(0, 2)) candidateKs.add(k);
  }
  const minK = Math.max(1, ...inputs.map((r) => {
    let k = 0;
    for (let i = 0; i < r.figs.length; i++) {
      k++;
      while (i + 1 < r.figs.length && r.figs[i + 1].c0 - r.figs[i].c1 === 1 && /^\d{3}/.test(r.figs[i + 1].text) && /^[-(]?\d{1,3}$/.test(r.figs[i].text)) i++;
    }
    return k;
  }));
  // Around each model's most common count, and the fewest columns the figures could fill.
  for (const k of [...candidateKs]) {
    candidateKs.add(k - 1);
    candidateKs.add(k + 1);
  }
  for (let k = Math.max(1, minK - 1); k <= minK + 1; k++) candidateKs.add(k);
  for (const k of [...candidateKs]) if (k < 1) candidateKs.delete(k);
  if (hintK) candidateKs.add(hintK);
  if (onlyKs) {
    candidateKs.clear();
    for (const k of onlyKs) candidateKs.add(k);
  }
  for (const m of models) {
    for (const K of candidateKs) {
      if (K > 60) continue;
      const flex: { readings: Reading[]; absorbed: number }[] = [];
      let partial = D.columnCost * K * inputs.length;
      let feasible = true;
      for (const r of inputs) {
        const f = readFlexible(r, K, m, 0, 1);
        if (!f.readings.length) {
          feasible = false;
          break;
        }
        flex.push(f);
        partial += f.readings[0].cost + D.absorbCost * f.absorbed - 2;
        // Bound: even with the best arithmetic bonus this layout cannot win any more.
        if (best && partial - K * inputs.length > best.score) {
          feasible = false;
          break;
        }
      }
      if (!feasible) continue;
      const readings = flex.map((f) => f.readings);
      // Fewer columns explain the same spaces more simply; a figure absorbed into a label is rare.
      let score = D.columnCost * K * inputs.length + flex.reduce((n, f) => n + D.absorbCost * f.absorbed, 0);
      const kinds: Map<string, number>[] = Array.from({ length: K }, () => new Map());
      for (const rs of readings) {
        score += rs[0].cost + D.blankCost * rs[0].blanks - arithmetic(rs[0].cells);
        rs[0].cells.forEach((c, i) => {
          const k = kindOf(c);
          if (k) kinds[i].set(k, (kinds[i].get(k) ?? 0) + 1);
        });
      }
      for (const mk of kinds) {
        const total = [...mk.values()].reduce((a, b) => a + b, 0);
        const top = Math.max(0, ...mk.values());
        score += D.kindCost * (total - top);
      }
      // Figures of one column have about as many digit groups as each other.
      for (let c = 0; c < K; c++) {
        const lens = readings.map((rs) => rs[0].cells[c]).filter((x) => x && /^\d/.test(x)).map((x) => x.split(' ').length);
        if (lens.length < 3) continue;
        const counts = new Map<number, number>();
        for (const n of lens) counts.set(n, (counts.get(n) ?? 0) + 1);
        const mode = [...counts].sort((a, b) => b[1] - a[1])[0][0];
        score += D.groupCost * lens.reduce((t, n) => t + Math.abs(n - mode), 0);
      }
      if (hintK && K !== hintK) score += D.headerHintCost * inputs.length;
      const layout = { model: m, K, readings, score };
      ranked.push(layout);
      if (!best || score < best.score - 1e-9) best = layout;
    }
  }
  return ranked.sort((a, b) => a.score - b.score);
}

const val = (t: string): number | null => {
  if (!t) return null;
  const p = parse(t);
  return p.kind === 'number' ? p.value : null;
};

/**
 * How many cells of a row are the sum of a run of at least two figures just before them (a total
 * column): readings that make the arithmetic work are the likely ones.
 */
export function arithmetic(cells: string[]): number {
  const v = cells.map(val);
  let n = 0;
  for (let c = 2; c < v.length; c++) {
    const target = v[c];
    if (target === null || target === 0) continue;
    let sum = 0;
    let terms = 0;
    for (let a = c - 1; a >= 0; a--) {
      if (v[a] !== null) {
        sum += v[a]!;
        terms++;
      }
      if (terms >= 2 && Math.abs(sum - target) < 1e-6) {
        n++;
        break;
      }
      if (sum > target) break;
    }
  }
  return n;
}

/**
 * Row sums found by vote over every row's best reading: column c is the sum of columns a..c−1
 * when most rows that print c say so (and a few rows at least).
 */
function rowSumsByVote(readings: Reading[][]): [number, number, number][] {
  const rows = readings.filter((rs) => rs.length).map((rs) => rs.map((r) => r.cells.map(val)));
  // Each reading suggests a structure: scanning left to right, a figure equal to the sum of the
  // figures since the last such total (two at least) is a total column.
  const structureOf = (v: (number | null)[]): [number, number, number][] => {
    const out: [number, number, number][] = [];
    let start = 0;
    let sum = 0;
    let terms = 0;
    for (let c = 0; c < v.length; c++) {
      const x = v[c];
      if (x !== null && x !== 0 && terms >= 2) {
        // The longest run since the last total that adds up to x.
        let run = 0;
        let n = 0;
        let found = -1;
        for (let a = c - 1; a >= start; a--) {
          if (v[a] !== null) {
            run += v[a]!;
            n++;
          }
          if (n >= 2 && Math.abs(run - x) < 1e-6) found = a;
        }
        if (found >= 0) {
          out.push([c, found, c]);
          start = c + 1;
          sum = 0;
          terms = 0;
          continue;
        }
      }
      if (x !== null) {
        sum += x;
        terms++;
      }
    }
    return out;
  };
  const freq = new Map<string, { s: [number, number, number][]; n: number }>();
  for (const rs of rows) {
    const seen = new Set<string>();
    for (const v of rs) {
      const st = structureOf(v);
      if (!st.length) continue;
      const key = JSON.stringify(st);
      if (seen.has(key)) continue;
      seen.add(key);
      const e = freq.get(key) ?? { s: st, n: 0 };
      e.n++;
      freq.set(key, e);
    }
  }
  const candidates = [...freq.values()].sort((a, b) => b.n - a.n).slice(0, 30);
  let best: [number, number, number][] = [];
  let bestScore = 0;
  for (const { s: st } of candidates) {
    let ok = 0;
    for (const rs of rows) {
      const holds = rs.some((v) => {
        const applicable = st.filter(([c]) => v[c] !== null).length;
        return applicable > 0 && satisfied(v.map((x) => (x === null ? '' : String(x))), st) === applicable;
      });
      if (holds) ok++;
    }
    const score = ok * st.length;
    if (ok >= 0.5 * rows.length && score > bestScore) [best, bestScore] = [st, score];
  }
  return best;
}

function satisfied(cells: string[], sums: [number, number, number][]): number {
  let n = 0;
  const v = cells.map(val);
  for (const [c, a] of sums) {
    if (v[c] === null) continue;
    const s = v.slice(a, c).reduce<number>((t, x) => t + (x ?? 0), 0);
    if (Math.abs(s - v[c]!) < 1e-6) n++;
    else n -= 1;
  }
  return n;
}

/**
 * Decode rows into K figure cells. Among a row's readings that fit the spacing about as well, the
 * arithmetic decides (row sums found on the rows read without doubt, column totals on Total rows),
 * then the kind of figure each column holds (a percentage column takes percentages).
 */
function decodeRows(rows: Row[], hintK: number | null): { cells: string[][]; K: number } | null {
  const inputs: RowInput[] = rows.map((r) => ({ figs: r.figs, lead: r.lead }));
  const layout = chooseLayout(inputs.filter((r) => r.figs.length), hintK);
  if (!layout) return null;
  const { K, model } = layout;
  const flex = inputs.map((r) => (r.figs.length ? readFlexible(r, K, model, 2.01, 64) : { readings: [], absorbed: 0 }));
  const all = flex.map((f) => f.readings);
  rows.forEach((r, i) => {
    const n = flex[i].absorbed;
    if (!n) return;
    r.label = [[...r.label, ...r.figs.slice(0, n).map((t) => t.text)].join(' ')];
    r.labelToks = [...r.labelToks, ...r.figs.slice(0, n)];
    r.figs = r.figs.slice(n);
  });
  const voting = all.map((rs) => rs.slice(0, 24));
  const sums = rowSumsByVote(voting);
  // Rows whose best readings break the row sums: look further for a reading that keeps them.
  all.forEach((rs, i) => {
    if (!rs.length || !sums.length) return;
    if (rs.some((r) => satisfied(r.cells, sums) === sums.filter(([c]) => val(r.cells[c]) !== null).length && r.cost <= rs[0].cost + 2)) return;
    const wide = readFlexible(inputs[i], K, model, 10, 60).readings;
    if (wide.length) all[i] = wide;
  });
  const kinds: Map<string, number>[] = Array.from({ length: K }, () => new Map());
  for (const rs of all) {
    if (rs.length !== 1) continue;
    rs[0].cells.forEach((c, i) => {
      const k = kindOf(c);
      if (k) kinds[i].set(k, (kinds[i].get(k) ?? 0) + 1);
    });
  }
  const major = kinds.map((m) => [...m].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '');
  const kindScore = (cells: string[]) => cells.reduce((n, c, i) => n + (c && major[i] && kindOf(c) !== major[i] ? -1 : 0), 0);
  const pickRow = (rs: Reading[], extra: (cells: string[]) => number) => {
    let pick = rs[0];
    let score = -Infinity;
    for (const r of rs) {
      const sc = 20 * satisfied(r.cells, sums) + 1.5 * arithmetic(r.cells) + kindScore(r.cells) + extra(r.cells) - 0.75 * (r.cost - rs[0].cost);
      if (sc > score + 1e-9) [pick, score] = [r, sc];
    }
    return pick.cells;
  };
  const cells = all.map((rs) => (rs.length ? pickRow(rs, () => 0) : new Array<string>(K).fill('')));
  jointTotals(rows, all, cells, K);
  // Total rows: their figures are the column sums of the rows above.
  let from = 0;
  rows.forEach((r, i) => {
    const label = r.label.join(' ');
    if (!/^(?:grand\s+)?total$/i.test(label.trim()) || !all[i].length) return;
    const colSum = (c: number) => {
      let t = 0;
      for (let j = from; j < i; j++) {
        if (/\btotal$/i.test(rows[j].label.join(' '))) continue;
        t += val(cells[j][c]) ?? 0;
      }
      return t;
    };
    const totals = Array.from({ length: K }, (_, c) => colSum(c));
    cells[i] = pickRow(all[i], (cs) => 2 * cs.reduce((n, c, k) => n + (val(c) !== null && Math.abs(val(c)! - totals[k]) < 1e-6 ? 1 : 0), 0));
    from = i + 1;
  });
  return { cells, K };
}

/**
 * A grand Total row and the rows it sums, read together: the combination of readings (one per row,
 * among each row's good ones) whose columns add up to the Total's. Searched depth-first with the
 * partial sums pruning; given up after a bounded number of steps.
 */
function jointTotals(rows: Row[], all: Reading[][], cells: string[][], K: number): void {
  const ti = rows.findIndex((r) => /^(?:grand\s+)?total$/i.test(r.label.join(' ').trim()) && all[rows.indexOf(r)].length > 0);
  if (ti < 1) return;
  const terms = rows.map((_, i) => i).filter((i) => i < ti && all[i].length && !/\btotal$/i.test(rows[i].label.join(' ')));
  if (!terms.length || terms.some((i) => all[i].length > 12)) return;
  if (terms.every((i) => all[i].length === 1) && all[ti].length === 1) return;
  const values = (cs: string[]) => cs.map((c) => val(c) ?? 0);
  let steps = 0;
  for (const total of all[ti].slice(0, 12)) {
    const target = values(total.cells);
    const pick: number[] = [];
    const sums = new Array(K).fill(0);
    const dfs = (k: number): boolean => {
      if (++steps > 20000) return false;
      if (k === terms.length) return sums.every((x, c) => Math.abs(x - target[c]) < 1e-6);
      const rs = all[terms[k]];
      for (let j = 0; j < rs.length; j++) {
        const v = values(rs[j].cells);
        let ok = true;
        for (let c = 0; c < K; c++) {
          sums[c] += v[c];
          if (sums[c] > target[c] + 1e-6) ok = false;
        }
        if (ok) {
          pick[k] = j;
          if (dfs(k + 1)) return true;
        }
        for (let c = 0; c < K; c++) sums[c] -= v[c];
      }
      return false;
    };
    if (dfs(0)) {
      terms.forEach((i, k) => (cells[i] = all[i][pick[k]].cells));
      cells[ti] = total.cells;
      return;
    }
    if (steps > 20000) return;
  }
}

/** Group labels from "X Total" rows: the X of a subtotal names the group its rows belong to. */
function groupLabels(rows: Row[]): { group: string[]; subtotal: boolean[]; names: Set<string> } | null {
  const labelOf = (r: Row) => r.label.join(' ');
  const subs = new Set<string>();
  for (const r of rows) {
    const m = /^(.+?)\s+(?:sub-?)?total$/i.exec(labelOf(r));
    if (m && r.figs.length) subs.add(m[1].toLowerCase());
  }
  if (subs.size < 2) return null;
  const group: string[] = rows.map(() => '');
  // Consecutive label lines that together name a group are one label ("Africa and the Middle" + "East").
  for (let i = 0; i + 1 < rows.length; i++) {
    const a = rows[i];
    const b = rows[i + 1];
    if (!a.labelOnly || !b.labelOnly) continue;
    const joined = joinTexts([labelOf(a), labelOf(b)]).toLowerCase();
    if (subs.has(joined) || [...subs].some((g) => g.startsWith(joined + ' '))) {
      a.label = [joinTexts([labelOf(a), labelOf(b)])];
      a.labelToks = [...a.labelToks, ...b.labelToks];
      rows.splice(i + 1, 1);
      i--;
    }
  }
  // A label line that names no group is a row whose figures are all blank ("Micronesia").
  for (const r of rows) if (r.labelOnly && !subs.has(labelOf(r).toLowerCase())) r.labelOnly = false;
  const subtotal = rows.map((r) => /\btotal$/i.test(labelOf(r)));
  // Glued group names at the start of a row's label ("Middle East Return Assistance …").
  for (const r of rows) {
    if (r.labelOnly || !r.figs.length) continue;
    const t = labelOf(r);
    for (const g of subs) {
      if (t.toLowerCase().startsWith(g + ' ') && !/\btotal$/i.test(t)) {
        r.label = [t.slice(g.length + 1)];
        (r as Row & { glued?: string }).glued = t.slice(0, g.length);
        // The group name's words are the label's first tokens.
        const n = g.split(/\s+/).length;
        (r as Row & { gluedToks?: Tok[] }).gluedToks = r.labelToks.slice(0, n);
        r.labelToks = r.labelToks.slice(n);
      }
    }
  }
  return { group, subtotal, names: subs };
}

interface Built {
  header: string[][];
  body: string[][];
  /** Where each cell was printed, parallel to header and body. */
  headerBoxes: CellBox[][];
  bodyBoxes: CellBox[][];
  spans: Span[];
  labelColumns: number;
}

/** Header cells from the dump's header lines, as far as the column count allows, and where each was printed. */
function buildHeader(lines: DLine[], K: number, L: number): { rows: string[][]; boxes: CellBox[][] } {
  if (!lines.length) return { rows: [], boxes: [] };
  const W = L + K;
  // The leaf header: the line whose words can name the K figure columns (K words, or more with
  // the label column's name in front).
  let leaf = -1;
  for (let i = lines.length - 1; i >= 0; i--) {
    if (lines[i].toks.length >= K && K > 1) {
      leaf = i;
      break;
    }
  }
  const rows: string[][] = [];
  const boxes: CellBox[][] = [];
  const blank = () => ({ row: new Array<string>(W).fill(''), box: new Array<CellBox>(W).fill(null) });
  const upper = lines.filter((_, i) => i !== leaf && i < (leaf < 0 ? lines.length : leaf + 1));
  if (upper.length && leaf >= 0) {
    const { row, box } = blank();
    row[Math.min(L, W - 1)] = joinTexts(upper.map(words));
    box[Math.min(L, W - 1)] = tokBox(upper.flatMap((d) => d.toks));
    rows.push(row);
    boxes.push(box);
  }
  if (leaf >= 0) {
    const toks = lines[leaf].toks;
    const { row, box } = blank();
    toks.slice(toks.length - K).forEach((t, i) => {
      row[L + i] = t.text;
      box[L + i] = tokBox([t]);
    });
    if (toks.length > K && L > 0) {
      row[0] = toks.slice(0, toks.length - K).map((t) => t.text).join(' ');
      box[0] = tokBox(toks.slice(0, toks.length - K));
    }
    rows.push(row);
    boxes.push(box);
  } else {
    const { row, box } = blank();
    row[0] = joinTexts(lines.map(words));
    box[0] = tokBox(lines.flatMap((d) => d.toks));
    rows.push(row);
    boxes.push(box);
  }
  return { rows, boxes };
}

/**
 * Where tokens were printed: the union of their extents on their first page (a label wrapped
 * over a page break keeps the part where it starts).
 */
function tokBox(toks: readonly Tok[]): CellBox {
  if (!toks.length) return null;
  const page = toks[0].line.page;
  const on = toks.filter((t) => t.line.page === page);
  return { page, ...union(on.map((t) => ({ x0: t.x0, x1: t.x1, y0: t.line.y0, y1: t.line.y1 }))) };
}

/**
 * The figure cells' boxes: each non-blank cell is a run of the row's figure tokens, taken in
 * order (a thousands group is two tokens: "2 167"); a cell whose text no run spells has none.
 */
function figureBoxes(figs: readonly Tok[], cells: readonly string[]): CellBox[] {
  let j = 0;
  return cells.map((cell) => {
    const want = cell.replace(/\s+/g, ' ').trim();
    if (!want) return null;
    let acc = '';
    for (let k = j; k < figs.length; k++) {
      acc = acc ? `${acc} ${figs[k].text}` : figs[k].text;
      if (acc === want) {
        const box = tokBox(figs.slice(j, k + 1));
        j = k + 1;
        return box;
      }
      if (!want.startsWith(acc)) break;
    }
    return null;
  });
}

function buildTable(parts: TablePart[], hintK: number | null): (Built & { K: number }) | null {
  const body = parts.flatMap((p) => p.body);
  const rows = gatherRows(body);
  const groups = groupLabels(rows);
  // A one-line header names its columns: a hint for the column count.
  const head = parts[0].header;
  if (hintK === null && head.length === 1 && head[0].toks.length >= 3 && !head[0].toks[0].fig) hintK = head[0].toks.length - 1;
  const dec = decodeRows(rows, hintK);
  if (!dec) return null;
  const { cells, K } = dec;
  const L = groups ? 2 : 1;
  const out: string[][] = [];
  const outBoxes: CellBox[][] = [];
  const spans: Span[] = [];
  const push = (r: Row, i: number, labels: string[], labelBoxes: CellBox[]) => {
    out.push([...labels, ...cells[i]]);
    outBoxes.push([...labelBoxes, ...figureBoxes(r.figs, cells[i])]);
  };
  if (groups) {
    // Rows between two subtotals form a group; its label (printed among them, or glued to one
    // of them) goes to the group's first row.
    let start = -1;
    let label = '';
    let labelToks: Tok[] = [];
    const flush = (end: number) => {
      if (start >= 0 && label && out[start]) {
        out[start][0] = label;
        outBoxes[start][0] = tokBox(labelToks);
        if (end - start > 1) spans.push({ row: start, col: 0, rowspan: end - start, colspan: 1, in: 'body' });
      }
      start = -1;
      label = '';
      labelToks = [];
    };
    rows.forEach((r, i) => {
      const lab = r.label.join(' ');
      if (r.labelOnly) {
        if (start < 0) start = out.length;
        label = label ? joinTexts([label, lab]) : lab;
        labelToks = [...labelToks, ...r.labelToks];
        return;
      }
      const glued = (r as Row & { glued?: string }).glued;
      if (glued) {
        // A glued group name opens its group.
        flush(out.length);
        start = out.length;
        label = glued;
        labelToks = (r as Row & { gluedToks?: Tok[] }).gluedToks ?? [];
      }
      if (groups.subtotal[i]) {
        flush(out.length);
        push(r, i, [lab, ''], [tokBox(r.labelToks), null]);
        return;
      }
      if (start < 0) start = out.length;
      push(r, i, ['', lab], [null, tokBox(r.labelToks)]);
    });
    flush(out.length);
  } else {
    rows.forEach((r, i) => push(r, i, [r.label.join(' ')], [tokBox(r.labelToks)]));
  }
  const header = buildHeader(parts[0].header, K, L);
  return { header: header.rows, headerBoxes: header.boxes, body: out, bodyBoxes: outBoxes, spans, labelColumns: L, K };
}

export interface DumpContext {
  /** Non-tabular body lines between two regions (what separates them in the document). */
  between(a: Region, b: Region): Line[];
  /** Running header or footer text left in the body. */
  isFurniture(text: string): boolean;
}

/** Every dump region → drafts (tables) and figures (charts). */
export function dumpDrafts(regions: Region[], ctx: DumpContext): { drafts: Draft[]; figures: FigureFound[] } {
  const figures: FigureFound[] = [];
  const tables: { parts: TablePart[]; regions: Region[] }[] = [];
  let prevRegion: Region | null = null;
  // A chart between two tables ends the first; an untitled table right after a chart is the
  // chart's data, under the chart's title.
  let chart: FigureFound | null = null;
  let barrier = false;
  for (const r of regions) {
    const parts = splitParts(r, ctx.isFurniture);
    let used = false;
    parts.forEach((p, pi) => {
      if (!p.lines.length && !p.title.length) return;
      if (isChart(p)) {
        chart = { page: p.page, top: p.lines[0]?.line.y0 ?? 0, title: joinTexts(p.title), table: false, where: p.lines.map((d) => d.line) };
        figures.push(chart);
        return;
      }
      const tp = toTablePart(p);
      if (!tp) {
        if (p.title.length) chart = null;
        return;
      }
      const last = tables[tables.length - 1];
      if (chart && !tp.title.length && chart.title) {
        tp.title = [chart.title];
        figures.splice(figures.indexOf(chart), 1);
      }
      const gap = pi === 0 && prevRegion ? ctx.between(prevRegion, r) : [];
      // A table caption printed between the regions (outside both) names the table that follows.
      const caption = gap.filter((l) => TABLE_CAPTION.test(l.text.trim())).pop();
      if (!tp.title.length && caption) tp.title = [caption.text.trim()];
      const titled = tp.title.length > 0 && !CONTINUED.test(tp.title.join(' '));
      const prose = gap.some((l) => l.words.length > 8 && !TABLE_CAPTION.test(l.text.trim()));
      if (last && !titled && !prose && !chart && !barrier) last.parts.push(tp);
      else tables.push({ parts: [tp], regions: [r] });
      chart = null;
      barrier = false;
      used = true;
    });
    // Tabular lines that made no table (a header without rows) still separate two tables.
    if (used) prevRegion = r;
    else if (r.rows.length) barrier = true;
  }
  const drafts: Draft[] = [];
  for (const t of tables) {
    // A second half cut off a wide table: its rows have no labels and match the first half's.
    const halves: TablePart[][] = [[]];
    for (const p of t.parts) {
      const unlabeled = p.body.length > 0 && p.body.every((d) => d.kind !== 'text' && d.toks[0]?.fig);
      if (unlabeled && halves[halves.length - 1].length && p.header.length) halves.push([p]);
      else halves[halves.length - 1].push(p);
    }
    let built = buildTable(halves[0], null);
    if (!built) continue;
    for (const h of halves.slice(1)) {
      const more = buildTable(h, null);
      if (!more || more.body.length !== built.body.length) {
        continue;
      }
      const m = more;
      built = {
        ...built,
        body: built.body.map((row, i) => [...row, ...m.body[i].slice(m.labelColumns)]),
        bodyBoxes: built.bodyBoxes.map((row, i) => [...row, ...m.bodyBoxes[i].slice(m.labelColumns)]),
        header: built.header.map((row, i) => [...row, ...(m.header[i] ?? []).slice(m.labelColumns)]),
        headerBoxes: built.headerBoxes.map((row, i) => [...row, ...(m.headerBoxes[i] ?? []).slice(m.labelColumns)]),
      };
    }
    // Text with a number in it is not a table: at least two figures, and labels, not sentences.
    const figuresIn = built.body.reduce((n, r) => n + r.slice(built!.labelColumns).filter((c) => c.trim()).length, 0);
    const sentences = built.body.every((r) => r.slice(0, built!.labelColumns).join(' ').split(/\s+/).length > 12 || /^\d{1,4}\.\s/.test(r[0] ?? ''));
    if (figuresIn < 2 || sentences) continue;
    const first = t.parts[0];
    const width = Math.max(...[...built.header, ...built.body].map((r) => r.length));
    const pad = (r: string[]) => (r.length < width ? [...r, ...new Array(width - r.length).fill('')] : r);
    const padBoxes = (r: CellBox[]) => (r.length < width ? [...r, ...new Array<CellBox>(width - r.length).fill(null)] : r);
    drafts.push({
      title: joinTexts(first.title.filter((x) => !CONTINUED.test(x) || first.title.length === 1)).replace(CONTINUED, '').trim(),
      titleSource: first.title.length ? 'caption' : '',
      pageStart: first.page,
      pageEnd: t.parts[t.parts.length - 1].page,
      top: first.top,
      header: built.header.map(pad),
      body: built.body.map(pad),
      headerBoxes: built.headerBoxes.map(padBoxes),
      bodyBoxes: built.bodyBoxes.map(padBoxes),
      spans: built.spans,
      columns: [],
      notes: t.parts.flatMap((p) => p.notes.map((l) => l.text.trim())),
      noteLines: t.parts.flatMap((p) => p.notes.map((l) => [l])),
      labelColumns: built.labelColumns,
      afterParagraph: null,
      reasons: [`dump:K=${built.K}`],
      lines: t.parts.flatMap((p) => p.body.map((d) => d.line)),
    });
  }
  return { drafts, figures };
}
