/**
 * `report-extract score <DOC_OUTPUT_DIR> --gold <gold.json> [--min-* F] [--json]`.
 * Exit codes: 0 scored (and every minimum met), 1 a minimum failed, 2 usage error or unreadable
 * input (nothing could be scored).
 */
import { type CommandIo, parseCommand, processIo, usageError as usageErrorFor } from './command-io.js';
import { formatScore, score, type ScoreOptions, type ThresholdName } from './score.js';

export const SCORE_USAGE = `Usage: report-extract score <DOC_OUTPUT_DIR> --gold <gold.json> [options]

Compares one document's output folder with a gold file and prints the scores.

Options:
  --gold FILE             gold file (required)
  --min-paragraphs F      fail (exit 1) if paragraphs found / expected < F
  --min-exact F           fail if the paragraph exact-text rate < F
  --min-headings F        fail if the headings F1 (level, label, title) < F
  --min-footnotes F       fail if the footnotes F1 (by number) < F
  --min-tables F          fail if the table cell-adjacency F1 < F
  --json                  print the report as JSON instead of text
  -h, --help              show this help
`;

const MIN_OPTIONS: Record<string, ThresholdName> = {
  'min-paragraphs': 'paragraphs',
  'min-exact': 'exact',
  'min-headings': 'headings',
  'min-footnotes': 'footnotes',
  'min-tables': 'tables',
};

export type { CommandIo } from './command-io.js';


/** `argv` is what follows the word `score` on the command line. */
export async function scoreCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  const usageError = usageErrorFor(io, 'score', SCORE_USAGE);
  const parsed = parseCommand(
    argv,
    {
      gold: { type: 'string' },
      json: { type: 'boolean', default: false },
      ...Object.fromEntries(Object.keys(MIN_OPTIONS).map((name) => [name, { type: 'string' as const }])),
    },
    io,
    'score',
    SCORE_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(`expected one output folder, got ${positionals.length}`);
  if (typeof values.gold !== 'string' || values.gold === '') return usageError('--gold <gold.json> is required');

  const min: NonNullable<ScoreOptions['min']> = {};
  for (const [option, name] of Object.entries(MIN_OPTIONS)) {
    const raw = (values as Record<string, unknown>)[option];
    if (typeof raw !== 'string') continue;
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
      return usageError(`--${option} takes a number between 0 and 1, got "${raw}"`);
    }
    min[name] = value;
  }

  let report;
  try {
    report = await score(positionals[0], values.gold, { min });
  } catch (error) {
    io.stderr(`report-extract score: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatScore(report));
  return report.failed.length > 0 ? 1 : 0;
}
