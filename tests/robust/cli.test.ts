/**
 * The command line's contract for everything that is not a document: usage errors (exit 2),
 * --help on every command, --version, an output folder that cannot be written (exit 3), inputs
 * that do not exist, folders without inputs, patterns that match nothing (exit 1).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/main.js';
import { bad, cli, entries, errorLines, repo, tempDir } from './helpers/cli.js';

/** Run main() in this process (fast: for argument handling that never reaches a document). */
async function inProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
  try {
    const code = await main(args);
    return { code, stdout, stderr };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => vi.restoreAllMocks());

const version = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')).version;

describe('usage errors exit 2 and read nothing', () => {
  const out = tempDir('rx-usage-');
  it.each([
    [['extract'], /^report-extract: extract: no input given$/m],
    [['extract', bad('text-ok.pdf'), '--bogus'], /^report-extract: Unknown option '--bogus'/m],
    [['extract', bad('text-ok.pdf'), '--jobs', '0'], /^report-extract: extract: --jobs must be a whole number of at least 1, not "0"$/m],
    [['extract', bad('text-ok.pdf'), '--jobs', 'many'], /--jobs must be a whole number/],
    [['extract', bad('text-ok.pdf'), '--ocr', 'sometimes'], /^report-extract: extract: --ocr must be auto, always or never, not "sometimes"$/m],
    [['extract', bad('text-ok.pdf'), '--format', 'xml'], /unknown format in --format xml/],
    [['extract', bad('text-ok.pdf'), '--page-timeout', 'soon'], /--page-timeout must be a number of seconds \(0: no limit\), not "soon"/],
    [['extract', bad('text-ok.pdf'), '--page-timeout=-3'], /--page-timeout must be a number of seconds/],
    [['extract', bad('text-ok.pdf'), '--max-pages', '1.5'], /--max-pages must be a whole number \(0: no limit\)/],
    [['frobnicate'], /^report-extract: unknown command: frobnicate$/m],
    [[], /^Usage:/m],
  ])('%j', async (args, message) => {
    const r = await inProcess([...args, ...(args[0] === 'extract' && args.length > 1 ? ['--out', out] : [])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
    expect(entries(out)).toEqual([]);
  });

  it.concurrent.each([[['extract']], [['extract', bad('text-ok.pdf'), '--jobs', '0']]])('the real process exits 2 for %j', async (args) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^report-extract: extract: /);
  });
});

describe('--help and --version', () => {
  it.each([[['--help']], [['help']], [['extract', '--help']], [['help', 'extract']], [['score', '--help']], [['extract', '-h']]])('%j prints usage on stdout, exit 0', async (args) => {
    const r = await inProcess(args);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage:\s+report-extract/);
    expect(r.stderr).toBe('');
  });

  it('extract --help (the real process) documents the limits, parallelism and exit codes', async () => {
    const r = await cli(['extract', '--help']);
    expect(r.code).toBe(0);
    for (const opt of ['--jobs', '--page-timeout', '--max-pages', '--quiet', '--debug', '--password', '--ocr', '--summary']) expect(r.stdout).toContain(opt);
    expect(r.stdout).toMatch(/Exit codes:\n\s+0 .*\n\s+1 .*\n\s+2 .*\n\s+3 /);
  });

  it.each([['--version'], ['-v']])('%s prints the package version', async (flag) => {
    const r = flag === '-v' ? await inProcess([flag]) : await cli([flag]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(version);
  });
});

describe('an output folder that cannot be written', () => {
  const root = tempDir('rx-unwritable-');

  it('exits 3 with one line, before reading any input', async () => {
    const blocker = path.join(root, 'not-a-folder');
    writeFileSync(blocker, 'a file where the output folder should be');
    const r = await cli(['extract', bad('text-ok.pdf'), bad('empty.pdf'), '--out', path.join(blocker, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim()).toBe(`report-extract: cannot write to the output folder ${path.join(blocker, 'out')}: a part of the path is a file, not a folder`);
  });

  it.skipIf(process.getuid?.() === 0)('exits 3 for a read-only folder', async () => {
    const ro = path.join(root, 'read-only');
    mkdirSync(ro, { mode: 0o555 });
    const r = await cli(['extract', bad('text-ok.pdf'), '--out', ro]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot write to the output folder .*: permission denied/);
  });
});

describe.concurrent('inputs that are not there', () => {
  const root = tempDir('rx-missing-');

  it('names each one, exits 1, and still extracts the good input', async () => {
    const emptyDir = path.join(root, 'empty-folder');
    mkdirSync(path.join(emptyDir, 'sub'), { recursive: true });
    writeFileSync(path.join(emptyDir, 'notes.docx'), 'not an input');
    const out = path.join(root, 'out');
    const missing = path.join(root, 'missing.pdf');
    const pattern = path.join(root, 'nothing-*.pdf');
    const r = await cli(['extract', missing, emptyDir, pattern, bad('text-ok.pdf'), '--out', out]);
    expect(r.code).toBe(1);
    const lines = errorLines(r.stderr);
    expect(lines.get(missing)).toEqual(['no such file or folder']);
    expect(lines.get(emptyDir)).toEqual(['is a folder with no .pdf or .txt file in it']);
    expect(lines.get(pattern)).toEqual(['no .pdf or .txt file matches this pattern']);
    expect(lines.size).toBe(3);
    expect(entries(out)).toEqual(['text-ok']);
  });

  it('exits 1 for a single missing input and writes nothing', async () => {
    const out = path.join(root, 'out2');
    const r = await cli(['extract', path.join(root, 'gone.txt'), '--out', out, '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${path.join(root, 'gone.txt')}: no such file or folder\n`);
    expect(entries(out)).toEqual([]);
  });
});
