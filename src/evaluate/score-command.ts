/**
 * `report-extract score <DOC_OUTPUT_DIR> --gold <gold.json | NAME-str.xml> [--regions NAME-reg.xml]
 * [--pdf FILE] [--min-* F] [--json]`. The gold's format is told by its name or its first bytes.
 * Exit codes: 0 scored (and every minimum met), 1 a minimum failed, 2 usage error or unreadable
 * input (nothing could be scored).
 */
import { type CommandIo, parseCommand, processIo, usageError as usageErrorFor } from './command-io.js';
import { readFile } from 'node:fs/promises';
import { formatIcdar } from './format-icdar.js';
import { isIcdarGold } from './icdar.js';
import { scoreIcdarFolder } from './icdar-document.js';
import { formatScore, score, type ScoreOptions, type ThresholdName } from './score.js';

export const SCORE_USAGE = `Usage: report-extract score <DOC_OUTPUT_DIR> --gold <gold.json | NAME-str.xml> [options]

Compares one document's output folder with a gold file and prints the scores. The gold is this
project's gold.json, or an ICDAR 2013 table structure file (NAME-str.xml): then the tables are
scored with the competition's cell-adjacency measure.

Options:
  --gold FILE             gold file (required)
  --regions FILE          ICDAR 2013 region file (NAME-reg.xml): also table-region completeness
                          and purity, counted in the PDF's characters
  --pdf FILE              the PDF whose characters --regions counts (default: NAME.pdf beside
                          the gold files)
  --min-paragraphs F      fail (exit 1) if paragraphs found / expected < F
  --min-exact F           fail if the paragraph exact-text rate < F
  --min-headings F        fail if the headings F1 (level, label, title) < F
  --min-footnotes F       fail if the footnotes F1 (by number) < F
  --min-tables F          fail if the table cell-adjacency F1 < F (the only minimum that
                          applies to an ICDAR 2013 gold)
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
      regions: { type: 'string' },
      pdf: { type: 'string' },
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

  let icdar: boolean;
  try {
    icdar = isIcdarGold(values.gold, (await readFile(values.gold, 'utf8')).slice(0, 2000));
  } catch (error) {
    io.stderr(`report-extract score: cannot read ${values.gold}: ${(error as Error).message}\n`);
    return 2;
  }
  if (icdar) return scoreIcdarCommand(positionals[0], values as Record<string, unknown>, min, io, usageError);
  if (values.regions !== undefined || values.pdf !== undefined) return usageError('--regions and --pdf go with an ICDAR 2013 gold (NAME-str.xml)');

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

async function scoreIcdarCommand(
  dir: string,
  values: Record<string, unknown>,
  min: NonNullable<ScoreOptions['min']>,
  io: CommandIo,
  usageError: (message: string) => number,
): Promise<number> {
  const other = Object.keys(min).filter((name) => name !== 'tables');
  if (other.length) return usageError(`an ICDAR 2013 gold scores tables only: --min-${other[0]} does not apply`);
  let report;
  try {
    report = await scoreIcdarFolder(dir, {
      goldPath: values.gold as string,
      regionsPath: values.regions as string | undefined,
      pdfPath: values.pdf as string | undefined,
    });
  } catch (error) {
    io.stderr(`report-extract score: ${(error as Error).message}\n`);
    return 2;
  }
  const f1 = report.adjacency.f1;
  const failed = min.tables !== undefined && f1 !== null && f1 < min.tables;
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatIcdar(report));
  if (failed) io.stderr(`report-extract score: table cell-adjacency F1 ${f1.toFixed(3)} is below the minimum ${min.tables}\n`);
  return failed ? 1 : 0;
}
