#!/usr/bin/env node
/**
 * report-extract command line: `extract` (the pipeline), `score` (accuracy against a gold file),
 * `diff` (two output folders record by record), `merge` (several output folders into one long CSV),
 * `review` (an HTML page drawing the records over the page images).
 * Data goes to files and stdout; progress and messages go to stderr.
 */
import { createRequire } from 'node:module';
import { EXIT, OutputError, UsageError } from './errors.js';
import { EXTRACT_USAGE, extractCommand } from './extract.js';
import { stopAll } from './pool.js';

const VERSION: string = createRequire(import.meta.url)('../../package.json').version;

const USAGE = `Usage:
  report-extract extract <input...> [--out DIR] [--format csv,json,sqlite] [--db FILE]
                 [--ocr auto|always|never] [--password PW] [--jobs N] [--page-timeout S]
                 [--max-pages N] [--shard K/N] [--quiet] [--debug]
  report-extract score <DOC_OUTPUT_DIR> --gold <gold.json> [--min-paragraphs F] [--json]
  report-extract diff <DOC_OUTPUT_DIR_A> <DOC_OUTPUT_DIR_B> [--json] [--limit N]
  report-extract merge <DIR...> --out <FILE> [--paragraphs <FILE>]
  report-extract merge <DB...> --db <FILE>
  report-extract review <DOC_OUTPUT_DIR> [--source FILE]
  report-extract --help | --version
  report-extract <command> --help

Inputs are .pdf files or .txt text dumps (files, folders or globs). Each document is written to
DIR/<doc-id>/ (default DIR: output). Exit codes: 0 done, 1 an input failed (the others are still
extracted), 2 usage error, 3 the output folder cannot be written.`;

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    if (cmd === '--version' || cmd === '-v' || cmd === '-V') {
      process.stdout.write(VERSION + '\n');
      return EXIT.ok;
    }
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      if (cmd === 'help' && rest[0] === 'extract') process.stdout.write(EXTRACT_USAGE + '\n');
      else if (cmd === 'help' && rest[0] === 'score') return await (await import('../evaluate/score-command.js')).scoreCommand(['--help']);
      else (cmd ? process.stdout : process.stderr).write(USAGE + '\n');
      return cmd ? EXIT.ok : EXIT.usage;
    }
    if (cmd === 'extract') return await extractCommand(rest);
    if (cmd === 'score') {
      const { scoreCommand } = await import('../evaluate/score-command.js');
      return await scoreCommand(rest);
    }
    if (cmd === 'diff') {
      const { diffCommand } = await import('../evaluate/diff-command.js');
      return await diffCommand(rest);
    }
    if (cmd === 'review') {
      const { reviewCommand } = await import('../review/command.js');
      return await reviewCommand(rest);
    }
    if (cmd === 'merge') {
      const { mergeCommand } = await import('../evaluate/merge-command.js');
      return await mergeCommand(rest);
    }
    throw new UsageError(`unknown command: ${cmd}`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const usage = cmd === 'extract' ? EXTRACT_USAGE : USAGE;
      const withUsage = !(e instanceof UsageError) || e.showUsage;
      process.stderr.write(`report-extract: ${(e as Error).message}\n${withUsage ? `\n${usage}\n` : ''}`);
      return EXIT.usage;
    }
    process.stderr.write(`report-extract: ${(e as Error).message}\n`);
    if (debug) process.stderr.write(`${(e as Error).stack}\n`);
    return e instanceof OutputError ? EXIT.outputUnwritable : EXIT.inputFailed;
  }
}

/** Ctrl-C / kill: stop the workers, remove unfinished output folders, exit 130 / 143. */
function onSignal(signal: NodeJS.Signals): void {
  const exit = () => {
    process.stderr.write(`\nreport-extract: interrupted (${signal}); unfinished output folders were removed\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  // Stopping the workers takes milliseconds; never let it hold up the exit.
  setTimeout(exit, 3000).unref();
  void stopAll().finally(exit);
}

/** Run as the program (bin/report-extract.js or `tsx src/cli/main.ts`). */
export async function run(argv: string[]): Promise<never> {
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const code = await main(argv);
  // Let stderr drain before exiting (it may be a pipe).
  await new Promise<void>((resolve) => (process.stderr.writableLength ? process.stderr.once('drain', resolve) : resolve()));
  process.exit(code);
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) void run(process.argv.slice(2));
