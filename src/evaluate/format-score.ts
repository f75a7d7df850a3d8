/** The human-readable text of a score report. */
import type { Prf } from './metrics.js';
import type { ScoreReport } from './score.js';
import type { HeadingRef } from './score-headings.js';

const LIST_MAX = 12;

export const pct = (v: number | null): string => (v === null ? 'n/a' : `${(v * 100).toFixed(1)}%`);
export const num = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(3));
export const prfText = (p: Prf): string => `P ${num(p.precision)}  R ${num(p.recall)}  F1 ${num(p.f1)}  (${p.correct} right, ${p.expected} gold, ${p.found} output)`;

function list(items: (string | number)[], max = LIST_MAX): string {
  if (items.length === 0) return '—';
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown}, … (${items.length - max} more)` : shown;
}

const headingText = (h: HeadingRef): string => `L${h.level} ${h.label ? `${h.label}. ` : ''}"${h.title}"`;

function paragraphs(r: ScoreReport): string[] {
  const p = r.paragraphs;
  const lines = [
    `Paragraphs   ${p.found}/${p.expected} found (${pct(p.recall)})   exact text ${pct(p.exactRate)} (${p.exact})`,
    `             similarity ${num(p.meanSimilarity)} over expected, ${num(p.meanSimilarityFound)} over found`,
    `             page ${pct(p.pageRight)}   section ${pct(p.sectionRight)}   subsection ${pct(p.subsectionRight)}   footnote refs ${pct(p.footnotesRight)}`,
    `             missing: ${list(p.missing)}   extra: ${list(p.extra)}   duplicates: ${list(p.duplicates)}`,
  ];
  if (p.worst.length > 0) lines.push('  least similar:');
  for (const w of p.worst) lines.push(`    ${w.number} (${num(w.similarity)}, at ${w.at}): gold «${w.gold}»`, `        output «${w.output}»`);
  return lines;
}

function headings(r: ScoreReport): string[] {
  const h = r.headings;
  const lines = [`Headings     ${prfText(h.strict)}`, `  text only  ${prfText(h.textOnly)}`];
  const missed = h.missed.map((m) => `${headingText(m)}${m.foundAs ? ` (found as ${headingText(m.foundAs)})` : ''}`);
  if (missed.length > 0) lines.push(`  missed: ${list(missed)}`);
  if (h.falsePositives.length > 0) lines.push(`  false positives: ${list(h.falsePositives.map(headingText))}`);
  return lines;
}

function footnotes(r: ScoreReport): string[] {
  const f = r.footnotes;
  const lines = [
    `Footnotes    ${f.byNumber.correct}/${f.byNumber.expected} found, ${f.byNumber.found} output   ${prfText(f.byNumber)}`,
    `             text right ${pct(f.textRate)} (${f.textRight})   paragraph right ${pct(f.paragraphRate)} (${f.paragraphRight})`,
  ];
  for (const e of f.errors.slice(0, LIST_MAX)) lines.push(`    ${e.number} ${e.problem}: expected ${e.expected ?? '—'}; found ${e.found ?? '—'}`);
  if (f.errors.length > LIST_MAX) lines.push(`    … (${f.errors.length - LIST_MAX} more)`);
  return lines;
}

function blocks(r: ScoreReport): string[] {
  const b = r.blocks;
  const lines = [
    `Box items    ${prfText(b.boxItems)}   labels right ${pct(b.boxItems.labelRight)}`,
    `List items   ${prfText(b.listItems)}`,
    ...(b.preambleItems.expected || b.preambleItems.found ? [`Preamble     ${prfText(b.preambleItems)}   in order ${b.preambleItems.inOrder ?? 'n/a'}`] : []),
    `Notes        ${b.notes.found}/${b.notes.expected} found (${pct(b.notes.recall)})   figures: ${b.figures.found} output, ${b.figures.expected} gold`,
  ];
  for (const [name, items] of [
    ['missing box items', b.boxItems.missing],
    ['extra box items', b.boxItems.extra],
    ['missing list items', b.listItems.missing],
    ['extra list items', b.listItems.extra],
    ['missing preamble clauses', b.preambleItems.missing],
    ['extra preamble clauses', b.preambleItems.extra],
    ['missing notes', b.notes.missing],
  ] as const) {
    if (items.length > 0) lines.push(`  ${name}: ${list(items.map((t) => `"${t}"`), 5)}`);
  }
  return lines;
}

function tables(r: ScoreReport): string[] {
  const t = r.tables;
  const lines = [
    `Tables       ${t.found}/${t.expected} found (${pct(t.recall)}), precision ${num(t.precision)}`,
    `  adjacency  ${prfText(t.adjacency)}`,
  ];
  for (const table of t.tables) {
    const shape = table.outputShape ? `${table.outputShape.rows}×${table.outputShape.cols}` : '—';
    const how = table.output ? `← ${table.output} (by ${table.matchedBy}, ${shape} vs ${table.goldShape.rows}×${table.goldShape.cols})` : '(not found)';
    lines.push(`    ${table.gold} ${how}: F1 ${num(table.adjacency.f1)}  P ${num(table.adjacency.precision)}  R ${num(table.adjacency.recall)}`);
  }
  for (const e of t.excluded) lines.push(`    ${e.gold}: no cells in the gold, left out${e.output ? ` (output ${e.output}, by ${e.matchedBy})` : ''}`);
  if (t.extra.length > 0) lines.push(`  extra output tables: ${list(t.extra)}`);
  return lines;
}

function thresholds(r: ScoreReport): string[] {
  if (r.thresholds.length === 0) return [];
  return [
    r.failed.length === 0 ? 'Thresholds   all met' : `Thresholds   FAILED: ${r.failed.join(', ')}`,
    ...r.thresholds.map((t) => `    ${t.ok ? 'ok  ' : 'FAIL'} ${t.metric} ${num(t.value)} (min ${t.min})`),
  ];
}

export function formatScore(report: ScoreReport): string {
  const title = `Score of ${report.outputDir} against ${report.goldPath || 'gold'}${report.symbol ? ` (${report.symbol})` : ''}`;
  return [title, '', ...paragraphs(report), '', ...headings(report), '', ...footnotes(report), '', ...blocks(report), '', ...tables(report), ...(report.thresholds.length ? ['', ...thresholds(report)] : [])].join('\n') + '\n';
}
