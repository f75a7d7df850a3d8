/**
 * `report-extract diff <DOC_OUTPUT_DIR_A> <DOC_OUTPUT_DIR_B> [--json] [--limit N]`.
 * Exit codes: 0 the folders hold the same records, 1 they differ, 2 usage error or unreadable input.
 */
import { diffFolders, formatDiff } from './diff.js';
import { type CommandIo, parseCommand, processIo, usageError as usageErrorFor } from './command-io.js';

export const DIFF_USAGE = `Usage: report-extract diff <DOC_OUTPUT_DIR_A> <DOC_OUTPUT_DIR_B> [options]

Compares two output folders of one document (e.g. two runs, or two versions of the tool) record by
record: paragraphs by number, headings in order, footnotes by number, blocks by block_id and item,
tables by table_id, table cells by table and (row, col), and report.json (timings aside). Prints a
summary and the first changes.

Options:
  --json                  print every change as JSON
  --limit N               changes listed in the text summary (default 20)
  -h, --help              show this help

Exit codes: 0 no difference, 1 the folders differ, 2 usage error or unreadable input.
`;


/** `argv` is what follows the word `diff` on the command line. */
export async function diffCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  const usageError = usageErrorFor(io, 'diff', DIFF_USAGE);
  const parsed = parseCommand(
    argv,
    {
      json: { type: 'boolean', default: false },
      limit: { type: 'string' },
    },
    io,
    'diff',
    DIFF_USAGE,
  );
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 2) return usageError(`expected two output folders, got ${positionals.length}`);
  let limit = 20;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!/^\d+$/.test(values.limit.trim())) return usageError(`--limit takes a whole number, got "${values.limit}"`);
  }

  let report;
  try {
    report = await diffFolders(positionals[0], positionals[1]);
  } catch (error) {
    io.stderr(`report-extract diff: ${(error as Error).message}\n`);
    return 2;
  }
  io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatDiff(report, limit));
  return report.equal ? 0 : 1;
}
