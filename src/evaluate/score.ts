/** Scores one output folder against a gold file: the figures of every section plus threshold checks. */
import { loadGold, type Gold } from './gold.js';
import { readOutput, type OutputFolder } from './read-output.js';
import { scoreBlocks, type BlockScore } from './score-blocks.js';
import { scoreFootnotes, type FootnoteScore } from './score-footnotes.js';
import { scoreHeadings, type HeadingScore } from './score-headings.js';
import { scoreParagraphs, type ParagraphScore } from './score-paragraphs.js';
import { scoreTables, type TableScore } from './score-tables.js';

export { formatScore } from './format-score.js';

/** The figure each `--min-*` option is checked against. */
export const THRESHOLDS = {
  paragraphs: { metric: 'paragraphs found / expected', value: (r: SectionScores) => r.paragraphs.recall },
  exact: { metric: 'paragraph exact-text rate', value: (r: SectionScores) => r.paragraphs.exactRate },
  headings: { metric: 'headings F1 (level, label, title)', value: (r: SectionScores) => r.headings.strict.f1 },
  footnotes: { metric: 'footnotes F1 (by number)', value: (r: SectionScores) => r.footnotes.byNumber.f1 },
  tables: { metric: 'table cell-adjacency F1', value: (r: SectionScores) => r.tables.adjacency.f1 },
} as const;
export type ThresholdName = keyof typeof THRESHOLDS;

export interface ScoreOptions {
  /** Minimum values, e.g. `{ paragraphs: 0.99, tables: 0.9 }`. */
  min?: Partial<Record<ThresholdName, number>>;
  /** How many of the least similar paragraphs to list (default 10). */
  worst?: number;
}

export interface SectionScores {
  paragraphs: ParagraphScore;
  headings: HeadingScore;
  footnotes: FootnoteScore;
  blocks: BlockScore;
  tables: TableScore;
}

export interface ThresholdResult {
  name: ThresholdName;
  metric: string;
  min: number;
  /** null when the figure does not apply (nothing in the gold or the output); that passes. */
  value: number | null;
  ok: boolean;
}

export interface ScoreReport extends SectionScores {
  outputDir: string;
  goldPath: string;
  symbol: string | null;
  thresholds: ThresholdResult[];
  /** Names of the thresholds that failed. */
  failed: ThresholdName[];
}

export function checkThresholds(scores: SectionScores, min: ScoreOptions['min'] = {}): ThresholdResult[] {
  return (Object.keys(THRESHOLDS) as ThresholdName[])
    .filter((name) => min[name] !== undefined)
    .map((name) => {
      const value = THRESHOLDS[name].value(scores);
      const limit = min[name] as number;
      return { name, metric: THRESHOLDS[name].metric, min: limit, value, ok: value === null || value >= limit };
    });
}

/** Scores records already in memory. */
export function scoreDocument(output: OutputFolder, gold: Gold, opts: ScoreOptions = {}, goldPath = ''): ScoreReport {
  const scores: SectionScores = {
    paragraphs: scoreParagraphs(gold, output.paragraphs, opts.worst ?? 10),
    headings: scoreHeadings(gold, output.headings),
    footnotes: scoreFootnotes(gold, output.footnotes),
    blocks: scoreBlocks(gold, output.blocks),
    tables: scoreTables(gold, output.tables),
  };
  const thresholds = checkThresholds(scores, opts.min);
  return {
    outputDir: output.dir,
    goldPath,
    symbol: gold.report.symbol ?? null,
    ...scores,
    thresholds,
    failed: thresholds.filter((t) => !t.ok).map((t) => t.name),
  };
}

export async function score(outputDir: string, goldPath: string, opts: ScoreOptions = {}): Promise<ScoreReport> {
  const [output, gold] = await Promise.all([readOutput(outputDir), loadGold(goldPath)]);
  return scoreDocument(output, gold, opts, goldPath);
}
