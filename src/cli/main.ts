#!/usr/bin/env node
/**
 * report-extract command line: `extract` (the pipeline), `score` (accuracy against a gold file),
 * `diff` (two output folders record by record), `merge` (several output folders into one long CSV).
 * Data goes to files and stdout; progress and messages go to stderr.
 */

import { parseArgs } from 'node:util';
import { writeDocument, type Format } from '../export/write.js';
import { extractFile } from '../pipeline.js';
import { describeFailure, InputError, UsageError } from './errors.js';
import { expandInputs } from './inputs.js';
import { Progress } from './progress.js';

const VERSION = '0.1.0';

const USAGE = `Usage:
  report-extract extract <input...> [--out DIR] [--format csv,json] [--profile NAME|FILE] [--password PW] [--quiet] [--debug]
  report-extract score <DOC_OUTPUT_DIR> --gold <gold.json> [--min-paragraphs F] [--json]
  report-extract diff <DOC_OUTPUT_DIR_A> <DOC_OUTPUT_DIR_B> [--json] [--limit N]
  report-extract merge <DIR...> --out <FILE> [--paragraphs <FILE>]
  report-extract --help | --version

Inputs are .pdf files or .txt text dumps (files, folders or globs). Each document is written to
DIR/<doc-id>/ (default DIR: output). Exit codes: 0 done, 1 an input could not be read, 2 usage error.`;

async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string', default: 'output' },
      format: { type: 'string', default: 'csv,json' },
      profile: { type: 'string' },
      password: { type: 'string' },
      ocr: { type: 'string', default: 'auto' },
      quiet: { type: 'boolean', short: 'q', default: false },
      debug: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!positionals.length) throw new UsageError('extract: no input given');
  const formats = values.format.split(',').map((f) => f.trim()) as Format[];
  if (formats.some((f) => f !== 'csv' && f !== 'json')) throw new UsageError(`extract: unknown format in --format ${values.format}`);
  if (!['auto', 'always', 'never'].includes(values.ocr)) throw new UsageError(`extract: --ocr must be auto, always or never`);
  let failed = 0;
  const inputs = await expandInputs(positionals);
  for (const input of inputs) {
    const progress = new Progress(input.file, values.quiet);
    const t0 = performance.now();
    try {
      if (input.error) throw new InputError(input.file, input.error);
      const doc = await extractFile(input.file, { profile: values.profile, password: values.password, onPage: (d, t) => progress.update(d, t) });
      const dir = await writeDocument(values.out, doc, formats);
      progress.done();
      if (!values.quiet) {
        const failedChecks = doc.checks.filter((c) => !c.ok).length;
        process.stderr.write(
          `${input.file}: ${doc.source.pages} pages, ${doc.paragraphs.length} paragraphs, ${doc.headings.length} headings, ${doc.footnotes.length} footnotes, ${doc.tables.length} tables, ${failedChecks} failed checks, ${((performance.now() - t0) / 1000).toFixed(1)} s → ${dir}\n`,
        );
      }
    } catch (e) {
      progress.done();
      failed++;
      process.stderr.write(`error: ${describeFailure(input.file, e)}\n`);
      if (values.debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    }
  }
  return failed ? 1 : 0;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === '--version' || cmd === '-v') {
      process.stdout.write(VERSION + '\n');
      return 0;
    }
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      process.stdout.write(USAGE + '\n');
      return cmd ? 0 : 2;
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
    if (cmd === 'merge') {
      const { mergeCommand } = await import('../evaluate/merge-command.js');
      return await mergeCommand(rest);
    }
    throw new UsageError(`unknown command: ${cmd}`);
  } catch (e) {
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      process.stderr.write(`report-extract: ${(e as Error).message}\n${USAGE}\n`);
      return 2;
    }
    process.stderr.write(`report-extract: ${(e as Error).message}\n`);
    if (argv.includes('--debug')) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop()!);
if (isMain) main(process.argv.slice(2)).then((code) => process.exit(code));

