/**
 * Regression thresholds: `fixtures/<doc>/thresholds.json` names the inputs of a fixture (one per
 * input kind) and, for each, the minimum every accuracy figure must reach against the fixture's
 * gold file. `checkFigures` measures the figures of a score report and, for each figure below
 * its minimum, names the records behind the drop (paragraph numbers whose text differs from the
 * gold, missed and false headings, wrong footnotes …) so a failing test says what changed.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Gold } from './gold.js';
import { similarAtLeast, similarity } from '../text/levenshtein.js';
import { matchTexts } from './metrics.js';
import { goldBoxItems, goldListItems, goldPreambleItems, ITEM_SIMILARITY, type Item } from './score-blocks.js';
import { goldParagraphContexts } from './score-paragraphs.js';
import type { OutputFolder } from './read-output.js';
import type { ScoreReport } from './score.js';
import type { HeadingRef } from './score-headings.js';
import { diffExcerpt, fold, normaliseSpace, shorten } from './text.js';

const share = z.number().min(0).max(1);

/**
 * The minimum of each figure (a share between 0 and 1). `page` may be left out where the input's
 * pages are not those of the gold (a text dump keeps the original's page breaks, the gold counts
 * the PDF's pages), `tables_adjacency_f1` until tables are extracted.
 */
export const FigureMinimaSchema = z.strictObject({
  /** Gold paragraphs whose number is in the output / gold paragraphs. */
  paragraphs_found: share,
  /** Paragraphs with exactly the gold text / gold paragraphs. */
  paragraphs_exact: share,
  /** Mean character similarity over the gold paragraphs (a missing one counts 0). */
  paragraphs_similarity: share,
  /** Found paragraphs on the gold page. */
  paragraphs_page: share.optional(),
  /** Found paragraphs under the gold level-1 section. */
  paragraphs_section: share,
  /** Headings F1 on (level, label, title). */
  headings_f1: share,
  /** Gold footnotes found with the gold text and the gold paragraph / gold footnotes. */
  footnotes_right: share,
  /** Box items (intros and numbered points) recall. */
  box_items_recall: share,
  /** Bullet-list items recall. */
  list_items_recall: share,
  /** Preamble clauses (and subjects) recall; 0 when the found ones are out of the gold's order. */
  preamble_items_recall: share.optional(),
  /** ICDAR 2013 cell-adjacency F1 over all gold tables. */
  tables_adjacency_f1: share.optional(),
});
export type FigureMinima = z.infer<typeof FigureMinimaSchema>;
export type FigureName = keyof FigureMinima;

/** `scan`: an image-only PDF (read through OCR), usually of some pages only, with a gold file of its own. */
export const INPUT_KINDS = ['pdf', 'txt', 'scan'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export const InputThresholdsSchema = z.strictObject({
  /** The input file, relative to the fixture folder (e.g. `report.pdf`). */
  file: z.string().min(1),
  /** A gold file of its own, relative to the fixture folder (a scan of some pages); default: the fixture's. */
  gold: z.string().min(1).optional(),
  min: FigureMinimaSchema,
  /** Minimum cell-adjacency F1 of single gold tables, by gold table id (a table not found scores 0). */
  tables_min: z.record(z.string(), share).optional(),
  /** The figures measured when the minimums were set (documentation: what the ratchet started from). */
  measured: z.record(z.string(), z.number().nullable()).optional(),
  /** The acceptance figures a ratchet is to be raised towards (documentation, like `measured`). */
  target: z.record(z.string(), z.number()).optional(),
});
export type InputThresholds = z.infer<typeof InputThresholdsSchema>;

export const ThresholdsSchema = z
  .strictObject({
    /** How the minimums were chosen; required so that nobody has to guess. */
    note: z.string().min(1),
    /** The gold file, relative to the fixture folder. */
    gold: z.string().min(1).default('gold.json'),
    inputs: z.strictObject({ pdf: InputThresholdsSchema.optional(), txt: InputThresholdsSchema.optional(), scan: InputThresholdsSchema.optional() }),
  })
  .refine((t) => INPUT_KINDS.some((kind) => t.inputs[kind] !== undefined), { message: 'inputs must name at least one input (pdf, txt or scan)', path: ['inputs'] });
export type Thresholds = z.infer<typeof ThresholdsSchema>;

export function parseThresholds(data: unknown, source = 'thresholds'): Thresholds {
  const result = ThresholdsSchema.safeParse(data);
  if (!result.success) throw new Error(`${source} is not a valid thresholds file:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export async function loadThresholds(path: string): Promise<Thresholds> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read thresholds file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseThresholds(data, path);
}

/** What a figure is computed from: the score report plus the records it was computed on. */
export interface FigureContext {
  report: ScoreReport;
  output: OutputFolder;
  gold: Gold;
}

interface FigureDefinition {
  metric: string;
  value: (c: FigureContext) => number | null;
  /** The records that keep the figure below 1, most telling first, one line each. */
  records: (c: FigureContext) => string[];
}

const headingText = (h: HeadingRef): string => `L${h.level} ${h.label ? `${h.label}. ` : ''}"${shorten(h.title, 110)}"`;

/** «gold» vs «output» showing where two texts part. */
function textDiff(gold: string, output: string): string {
  const d = diffExcerpt(gold, output);
  return `at ${d.at}: gold «${d.gold}» output «${d.output}»`;
}

/**
 * Box or list items the scorer could not match, as records: a missing gold item and a leftover
 * output item that resemble each other (similarity ≥ 0.5) are shown as one item that differs.
 */
function itemRecords(what: string, gold: Item[], rows: OutputFolder['blocks']): string[] {
  type Row = OutputFolder['blocks'][number];
  const text = (s: string): string => normaliseSpace(s);
  const kept = rows.filter((b) => text(b.text) !== '');
  const match = matchTexts(gold, kept, (i) => text(i.text), (b) => text(b.text), ITEM_SIMILARITY);
  // Pair leftovers best-first; skipped when there are too many to compare cheaply.
  const candidates: { g: Item; row: Row; sim: number }[] = [];
  if (match.missing.length * match.extra.length <= 10_000) {
    for (const g of match.missing) {
      for (const row of match.extra) {
        if (similarAtLeast(text(g.text), text(row.text), 0.5)) candidates.push({ g, row, sim: similarity(text(g.text), text(row.text)) });
      }
    }
  }
  candidates.sort((a, b) => b.sim - a.sim);
  const paired = new Map<Item, { row: Row; sim: number }>();
  const usedRows = new Set<Row>();
  for (const { g, row, sim } of candidates) {
    if (paired.has(g) || usedRows.has(row)) continue;
    paired.set(g, { row, sim });
    usedRows.add(row);
  }
  const records: string[] = [];
  for (const g of match.missing) {
    const pair = paired.get(g);
    if (pair) records.push(`${what} differs (${pair.row.block_id} item ${pair.row.item}, similarity ${pair.sim.toFixed(3)}) ${textDiff(text(g.text), text(pair.row.text))}`);
    else records.push(`${what} missing: "${shorten(text(g.text), 100)}"`);
  }
  for (const row of match.extra) {
    if (!usedRows.has(row)) records.push(`${what} not in the gold (${row.block_id} item ${row.item}): "${shorten(text(row.text), 100)}"`);
  }
  return records;
}

/** Gold paragraph contexts paired with the first output paragraph of the same number. */
function paragraphPairs(c: FigureContext) {
  const byNumber = new Map<number, OutputFolder['paragraphs'][number]>();
  for (const p of c.output.paragraphs) if (!byNumber.has(p.number)) byNumber.set(p.number, p);
  return goldParagraphContexts(c.gold).flatMap((context) => {
    const found = byNumber.get(context.paragraph.number);
    return found ? [{ context, found }] : [];
  });
}

function wrongFootnotes(c: FigureContext): Set<number> {
  return new Set(c.report.footnotes.errors.filter((e) => e.problem !== 'extra').map((e) => e.number));
}

function textRecords(c: FigureContext): string[] {
  const p = c.report.paragraphs;
  return [
    ...p.missing.map((n) => `paragraph ${n}: missing`),
    ...p.worst.map((w) => `paragraph ${w.number}: text differs (similarity ${w.similarity.toFixed(3)}, at ${w.at}): gold «${w.gold}» output «${w.output}»`),
  ];
}

export const FIGURES: Record<FigureName, FigureDefinition> = {
  paragraphs_found: {
    metric: 'paragraphs found / expected',
    value: (c) => c.report.paragraphs.recall,
    records: (c) => [
      ...c.report.paragraphs.missing.map((n) => `paragraph ${n}: missing`),
      ...c.report.paragraphs.extra.map((n) => `paragraph ${n}: not in the gold`),
      ...c.report.paragraphs.duplicates.map((n) => `paragraph ${n}: output more than once`),
    ],
  },
  paragraphs_exact: { metric: 'paragraph exact-text rate', value: (c) => c.report.paragraphs.exactRate, records: textRecords },
  paragraphs_similarity: { metric: 'paragraph mean similarity', value: (c) => c.report.paragraphs.meanSimilarity, records: textRecords },
  paragraphs_page: {
    metric: 'paragraphs on the right page',
    value: (c) => c.report.paragraphs.pageRight,
    records: (c) =>
      paragraphPairs(c)
        .filter(({ context, found }) => context.paragraph.page != null && found.page !== context.paragraph.page)
        .map(({ context, found }) => `paragraph ${found.number}: page ${found.page ?? 'none'} (gold ${context.paragraph.page})`),
  },
  paragraphs_section: {
    metric: 'paragraphs in the right section',
    value: (c) => c.report.paragraphs.sectionRight,
    records: (c) =>
      paragraphPairs(c)
        .filter(({ context, found }) => fold(found.section) !== fold(context.section))
        .map(({ context, found }) => `paragraph ${found.number}: section «${found.section}» (gold «${context.section}»)`),
  },
  headings_f1: {
    metric: 'headings F1 (level, label, title)',
    value: (c) => c.report.headings.strict.f1,
    records: (c) => [
      ...c.report.headings.missed.map((h) => `heading missed: ${headingText(h)}${h.foundAs ? ` (found as ${headingText(h.foundAs)})` : ''}`),
      ...c.report.headings.falsePositives.map((h) => `heading false positive: ${headingText(h)}`),
    ],
  },
  footnotes_right: {
    metric: 'footnotes with the right text and paragraph',
    value: (c) => {
      const expected = c.gold.footnotes.length;
      return expected === 0 ? null : (expected - wrongFootnotes(c).size) / expected;
    },
    records: (c) => c.report.footnotes.errors.map((e) => `footnote ${e.number}: ${e.problem}: expected ${e.expected ?? '—'}; found ${e.found ?? '—'}`),
  },
  box_items_recall: {
    metric: 'box items recall',
    value: (c) => c.report.blocks.boxItems.recall,
    records: (c) => itemRecords('box item', goldBoxItems(c.gold), c.output.blocks.filter((b) => b.kind === 'box')),
  },
  list_items_recall: {
    metric: 'list items recall',
    value: (c) => c.report.blocks.listItems.recall,
    records: (c) => itemRecords('list item', goldListItems(c.gold), c.output.blocks.filter((b) => b.kind === 'list')),
  },
  preamble_items_recall: {
    metric: 'preamble clauses recall, in order',
    value: (c) => (c.report.blocks.preambleItems.inOrder === false ? 0 : c.report.blocks.preambleItems.recall),
    records: (c) => [
      ...itemRecords('preamble clause', goldPreambleItems(c.gold), c.output.blocks.filter((b) => b.kind === 'preamble')),
      ...(c.report.blocks.preambleItems.inOrder === false ? ['preamble clauses out of order'] : []),
    ],
  },
  tables_adjacency_f1: {
    metric: 'table cell-adjacency F1',
    value: (c) => c.report.tables.adjacency.f1,
    records: (c) =>
      c.report.tables.tables
        .filter((t) => t.adjacency.f1 !== 1)
        .map((t) => `table ${t.gold}: ${t.output ? `output ${t.output}, adjacency F1 ${t.adjacency.f1?.toFixed(3) ?? 'n/a'}` : 'not found'}`),
  },
};

export interface FigureResult {
  /** A figure's name, or `table <gold id>` for a table's own minimum. */
  name: FigureName | `table ${string}`;
  metric: string;
  min: number;
  /** null when the figure does not apply (nothing in the gold); that passes. */
  value: number | null;
  ok: boolean;
  /** For a failed figure: the records behind it (see FIGURES); empty when it passed. */
  records: string[];
}

/** Every figure that has a minimum, measured and checked. */
export function checkFigures(context: FigureContext, min: FigureMinima): FigureResult[] {
  return (Object.keys(FIGURES) as FigureName[])
    .filter((name) => min[name] !== undefined)
    .map((name) => {
      const definition = FIGURES[name];
      const value = definition.value(context);
      const limit = min[name] as number;
      const ok = value === null || value >= limit;
      return { name, metric: definition.metric, min: limit, value, ok, records: ok ? [] : definition.records(context) };
    });
}

/**
 * Each table that has a minimum of its own, checked: its cell-adjacency F1 against the gold (a
 * table not found scores 0; one whose gold has no adjacent cells does not apply and passes).
 */
export function checkTableMinima(context: FigureContext, min: Record<string, number>): FigureResult[] {
  return Object.entries(min).map(([id, limit]) => {
    const t = context.report.tables.tables.find((x) => x.gold === id);
    const value = t ? t.adjacency.f1 : null;
    const ok = t !== undefined && (value === null || value >= limit);
    const shape = (s: { rows: number; cols: number } | null) => (s ? `${s.rows}×${s.cols}` : '—');
    const records = ok
      ? []
      : [t ? `table ${id}: ${t.output ? `output ${t.output} (${shape(t.outputShape)} vs gold ${shape(t.goldShape)})` : 'not found'}, P ${fmt(t.adjacency.precision)} R ${fmt(t.adjacency.recall)}` : `table ${id}: no such table with cells in the gold`];
    return { name: `table ${id}` as const, metric: 'cell-adjacency F1', min: limit, value, ok, records };
  });
}

/** Every figure, with or without a minimum (for `measured` and for raising thresholds). */
export function measureFigures(context: FigureContext): Record<FigureName, number | null> {
  return Object.fromEntries((Object.keys(FIGURES) as FigureName[]).map((name) => [name, FIGURES[name].value(context)])) as Record<FigureName, number | null>;
}

const fmt = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(4));

/**
 * A failure message: each failed figure with its value and minimum, then up to `maxRecords` of
 * the records behind it.
 */
export function formatFigureFailures(title: string, results: FigureResult[], maxRecords = 25): string {
  const failed = results.filter((r) => !r.ok);
  if (failed.length === 0) return `${title}: all ${results.length} figures meet their thresholds\n`;
  const lines = [`${title}: ${failed.length} of ${results.length} figures below their thresholds`];
  for (const r of failed) {
    lines.push(`  ${r.name} (${r.metric}) = ${fmt(r.value)} < min ${r.min}`);
    for (const record of r.records.slice(0, maxRecords)) lines.push(`      ${normaliseSpace(record)}`);
    if (r.records.length > maxRecords) lines.push(`      … and ${r.records.length - maxRecords} more`);
    if (r.records.length === 0) lines.push('      (no single record to blame: see `report-extract score`)');
  }
  return `${lines.join('\n')}\n`;
}
