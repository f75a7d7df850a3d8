/**
 * Batches: files, folders and globs in one call, each input once, unique doc-ids (report.pdf and
 * report.txt both extracted), a failing input that does not stop the others, the summary table,
 * --quiet, and no progress bar when stderr is not a terminal.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bad, cli, entries, errorLines, tempDir } from './helpers/cli.js';

describe('a batch of files, folders and globs', () => {
  const root = tempDir('rx-batch-');
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  mkdirSync(path.join(a, 'deeper'), { recursive: true });
  mkdirSync(b);
  copyFileSync(bad('excerpt-2p.pdf'), path.join(a, 'report.pdf'));
  copyFileSync(bad('utf8.txt'), path.join(a, 'report.txt'));
  copyFileSync(bad('text-ok.pdf'), path.join(a, 'deeper', 'report.pdf'));
  copyFileSync(bad('html-page.pdf'), path.join(b, 'download.pdf'));
  copyFileSync(bad('latin1.txt'), path.join(b, 'notes.txt'));
  writeFileSync(path.join(b, '._report.pdf'), 'macOS resource fork: hidden, skipped in folders');
  writeFileSync(path.join(b, 'readme.md'), 'not an input');

  it('extracts everything once, renames clashing doc-ids, reports the failure, exits 1', async () => {
    const out = path.join(root, 'out');
    // a/ as a folder, b/*.txt as a glob, b/download.pdf as a file, and a/report.pdf again.
    const r = await cli(['extract', a, path.join(b, '*.txt'), path.join(b, 'download.pdf'), path.join(a, 'report.pdf'), '--jobs', '2', '--out', out, '--summary', path.join(root, 's.json')]);
    expect(r.code).toBe(1);
    const summary = JSON.parse(readFileSync(path.join(root, 's.json'), 'utf8'));
    expect(summary.inputs.map((e: { file: string; doc_id: string }) => [path.relative(root, e.file), e.doc_id])).toEqual([
      ['a/deeper/report.pdf', 'report'],
      ['a/report.pdf', 'report-pdf'],
      ['a/report.txt', 'report-txt'],
      ['b/notes.txt', 'notes'],
      ['b/download.pdf', 'download'],
    ]);
    expect(entries(out)).toEqual(['notes', 'report', 'report-pdf', 'report-txt']);
    expect([...errorLines(r.stderr).keys()]).toEqual([path.join(b, 'download.pdf')]);
    // Each rename is said on stderr and in the document's report.json.
    expect(r.stderr).toContain(`note: ${path.join(a, 'report.txt')}: doc-id "report" is already used by ${path.join(a, 'deeper', 'report.pdf')}, so this one is "report-txt"`);
    const report = JSON.parse(readFileSync(path.join(out, 'report-txt', 'report.json'), 'utf8'));
    expect(report.doc_id).toBe('report-txt');
    expect(report.warnings).toContainEqual({ code: 'doc-id-renamed', message: expect.stringContaining('so this one is "report-txt"') });
    // The summary table: a header, a rule, one row per input, a totals line; no progress bar on a pipe.
    const table = r.stderr.slice(r.stderr.indexOf('file ')).trimEnd().split('\n');
    expect(table[0]).toMatch(/^file\s+doc-id\s+pages\s+paragraphs\s+tables\s+failed checks\s+seconds\s+status$/);
    expect(table[1]).toMatch(/^-+(\s+-+){7}$/);
    expect(table.slice(2, 7).map((l) => l.split(/\s{2,}/).at(-1))).toEqual(['ok', 'ok, 1 warning', 'ok, 1 warning', 'ok, 1 warning', 'FAILED (not-pdf)']);
    expect(table[2]).toMatch(/^\S+report\.pdf\s+report\s+2\s+3\s+0\s+0\s+\d+\.\d\s+ok$/);
    expect(table[7]).toMatch(/^5 inputs: 4 extracted, 1 failed; 6 pages in \d+\.\d s/);
    expect(r.stderr).not.toMatch(/\r|\x1b\[/);
  });

  it('with --quiet prints only the failures', async () => {
    const out = path.join(root, 'quiet');
    const r = await cli(['extract', b, '--out', out, '--quiet']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: ${path.join(b, 'download.pdf')}: not a PDF: it is an HTML page ("404 Not Found"), probably a failed download\n`);
    expect(entries(out)).toEqual(['notes']);
  });

  it('with --debug prints the stack of an internal failure after its line', async () => {
    const out = path.join(root, 'debug');
    const r = await cli(['extract', bad('empty.pdf'), '--out', out, '--debug', '-q']);
    expect(r.code).toBe(1);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`error: ${bad('empty.pdf')}: empty file (0 bytes)`);
    expect(lines[1]).toMatch(/^LoadError: empty file/);
    expect(lines.slice(2).every((l) => /^\s+at /.test(l))).toBe(true);
  });
});
