/**
 * Every kind of bad input from the corpus in tests/fixtures/bad (plus large ones generated here),
 * through the real CLI in one batch: each failure is one line naming the file and the problem,
 * leaves no output folder, and does not stop the good inputs; repairs and guesses are recorded in
 * report.json.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../fuzz/mutate.js';
import { bad, cli, entries, errorLines, fixture, tempDir, type CliResult } from './helpers/cli.js';

interface Summary {
  exit_code: number;
  inputs: { file: string; doc_id: string; ok: boolean; status: string; error: { code: string; message: string } | null }[];
}

const FAILS: [file: string, code: string, message: RegExp][] = [
  ['empty.pdf', 'empty', /^empty file \(0 bytes\)$/],
  ['empty.txt', 'empty', /^empty file \(0 bytes\)$/],
  ['blank.txt', 'not-text', /^holds no text \(only white space\)$/],
  ['html-page.pdf', 'not-pdf', /^not a PDF: it is an HTML page \("404 Not Found"\), probably a failed download$/],
  ['image.pdf', 'not-pdf', /^not a PDF: it is a PNG image$/],
  ['image.txt', 'not-text', /^not a text file: it is a PNG image$/],
  ['docx.pdf', 'not-pdf', /^not a PDF: it is a Word document \(\.docx\)$/],
  ['random.pdf', 'not-pdf', /^not a PDF: it is binary data of an unknown kind$/],
  ['big-random.pdf', 'not-pdf', /^not a PDF: it is binary data of an unknown kind$/],
  ['big-text.pdf', 'not-pdf', /^not a PDF: it is a plain-text file \(rename it to \.txt to read it as a text dump\)$/],
  ['truncated.pdf', 'truncated', /^truncated PDF: the file ends without an end-of-file marker \(%%EOF\) and pdf\.js cannot recover it; download it again$/],
  ['truncated-tail.pdf', 'truncated', /^truncated PDF: /],
  ['encrypted-password-secret.pdf', 'encrypted', /^encrypted PDF: it needs a password \(give it with --password\)$/],
  ['image-only.pdf', 'no-text-layer', /^no text layer on any of its 2 pages \(a scanned or image-only PDF\) and OCR is disabled \(--ocr never\)$/],
];

const OKS: [file: string, warnings: string[]][] = [
  ['excerpt-2p.pdf', []],
  ['text-ok.pdf', []],
  ['broken-xref.pdf', ['xref-rebuilt']],
  ['broken-startxref.pdf', ['xref-rebuilt']],
  ['encrypted-no-user-password.pdf', ['encrypted']],
  ['partly-image.pdf', ['no-text-layer']],
  ['huge-page-count.pdf', ['pdfjs']],
];

const ENCODINGS: [file: string, encoding: string, assumed: boolean][] = [
  ['utf8.txt', 'utf-8', false],
  ['utf8-bom.txt', 'utf-8', false],
  ['utf16le-bom.txt', 'utf-16le', false],
  ['utf16be-bom.txt', 'utf-16be', false],
  ['utf16le.txt', 'utf-16le', true],
  ['utf16be.txt', 'utf-16be', true],
  ['windows-1252.txt', 'windows-1252', true],
  ['latin1.txt', 'iso-8859-1', true],
];

describe('a batch of bad inputs', () => {
  const root = tempDir('rx-bad-');
  const inDir = path.join(root, 'in');
  const out = path.join(root, 'out');
  const summaryFile = path.join(root, 'summary.json');
  let run: CliResult;
  let summary: Summary;
  const at = (name: string) => path.join(inDir, name);

  beforeAll(async () => {
    mkdirSync(inDir);
    for (const [f] of [...FAILS, ...OKS, ...ENCODINGS]) if (!f.startsWith('big-') && f !== 'truncated-tail.pdf') copyFileSync(bad(f), at(f));
    // Large ones are generated, not committed.
    const rnd = prng(7);
    writeFileSync(at('big-random.pdf'), Buffer.from(Array.from({ length: 3 << 20 }, () => Math.floor(rnd() * 256))));
    writeFileSync(at('big-text.pdf'), readFileSync(fixture('report.txt')));
    const whole = readFileSync(fixture('report.pdf'));
    writeFileSync(at('truncated-tail.pdf'), whole.subarray(0, whole.length - 2000));
    writeFileSync(at('report-utf16.txt'), Buffer.from(readFileSync(fixture('report.txt'), 'utf8'), 'utf16le'));
    run = await cli(['extract', inDir, '--out', out, '--ocr', 'never', '--page-timeout', '30', '--summary', summaryFile]);
    summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  }, 180_000);

  it('exits 1 (an input failed) and lists every input in the summary', () => {
    expect(run.signal).toBeNull();
    expect(run.code).toBe(1);
    expect(summary.exit_code).toBe(1);
    expect(summary.inputs).toHaveLength(FAILS.length + OKS.length + ENCODINGS.length + 1);
    expect(run.stdout).toBe('');
  });

  it.each(FAILS)('%s fails with one line naming it and the problem (%s), and no output folder', (name, code, message) => {
    const lines = errorLines(run.stderr).get(at(name)) ?? [];
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    const entry = summary.inputs.find((e) => e.file === at(name))!;
    expect(entry.ok).toBe(false);
    expect(entry.error?.code).toBe(code);
    expect(entries(out)).not.toContain(entry.doc_id);
  });

  it.each(OKS)('%s is extracted, with warnings %j in report.json', (name, warnings) => {
    const entry = summary.inputs.find((e) => e.file === at(name))!;
    expect(entry.ok).toBe(true);
    expect(errorLines(run.stderr).get(at(name))).toBeUndefined();
    const report = JSON.parse(readFileSync(path.join(out, entry.doc_id, 'report.json'), 'utf8'));
    expect(report.warnings.map((w: { code: string }) => w.code).filter((c: string) => c !== 'xref-damaged')).toEqual(warnings);
    expect(entries(path.join(out, entry.doc_id))).toContain('paragraphs.csv');
  });

  it('records an empty-password encrypted PDF and a rebuilt cross-reference table in report.json', () => {
    const enc = JSON.parse(readFileSync(path.join(out, 'encrypted-no-user-password', 'report.json'), 'utf8'));
    expect(enc.source.encrypted).toBe(true);
    const xref = JSON.parse(readFileSync(path.join(out, 'broken-xref', 'report.json'), 'utf8'));
    expect(xref.warnings.find((w: { code: string }) => w.code === 'xref-rebuilt').message).toMatch(/cross-reference table is broken; pdf\.js rebuilt it/);
    const partly = JSON.parse(readFileSync(path.join(out, 'partly-image', 'report.json'), 'utf8'));
    expect(partly.warnings[0]).toMatchObject({ code: 'no-text-layer', pages: [2] });
  });

  it.each(ENCODINGS)('%s is decoded as %s (assumed: %s) and says so in report.json', (name, encoding, assumed) => {
    const entry = summary.inputs.find((e) => e.file === at(name))!;
    expect(entry.ok).toBe(true);
    const report = JSON.parse(readFileSync(path.join(out, entry.doc_id, 'report.json'), 'utf8'));
    expect(report.source.encoding).toMatchObject({ name: encoding, assumed });
    expect(report.warnings.some((w: { code: string }) => w.code === 'encoding-assumed')).toBe(assumed);
    const csv = readFileSync(path.join(out, entry.doc_id, 'paragraphs.csv'), 'utf8');
    expect(csv).toContain('São Tomé and Príncipe');
    expect(csv).toContain(name === 'latin1.txt' ? "Côte d'Ivoire" : 'Côte d’Ivoire');
    if (name !== 'latin1.txt') expect(csv).toContain('€ 12 million');
  });

  it('reads a whole report dumped as UTF-16 without a BOM', () => {
    const report = JSON.parse(readFileSync(path.join(out, 'report-utf16', 'report.json'), 'utf8'));
    expect(report.source.encoding.name).toBe('utf-16le');
    expect(report.counts.paragraphs).toBeGreaterThan(300);
  });

  it('leaves no temporary folders and no folder for any failed input', () => {
    const left = entries(out);
    expect(left.filter((n) => n.startsWith('.'))).toEqual([]);
    const okIds = summary.inputs.filter((e) => e.ok).map((e) => e.doc_id);
    expect(left).toEqual([...okIds].sort());
  });

  it('prints the summary table with one row per input', () => {
    expect(run.stderr).toMatch(/^file\s+doc-id\s+pages\s+paragraphs\s+tables\s+failed checks\s+seconds\s+status$/m);
    for (const e of summary.inputs) expect(run.stderr).toContain(e.file);
    expect(run.stderr).toMatch(new RegExp(`^${summary.inputs.length} inputs: ${summary.inputs.filter((e) => e.ok).length} extracted, ${FAILS.length} failed;`, 'm'));
  });
});

describe('passwords', () => {
  const out = tempDir('rx-pw-');

  it('opens an encrypted PDF with --password, and every other file of the batch still opens', async () => {
    const r = await cli(['extract', bad('encrypted-password-secret.pdf'), bad('encrypted-no-user-password.pdf'), bad('text-ok.pdf'), '--password', 'secret', '--out', out, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(entries(out)).toEqual(['encrypted-no-user-password', 'encrypted-password-secret', 'text-ok']);
    const report = JSON.parse(readFileSync(path.join(out, 'encrypted-password-secret', 'report.json'), 'utf8'));
    expect(report.warnings).toEqual([{ code: 'encrypted', message: 'encrypted PDF, opened with the password given' }]);
  }, 60_000);

  it('says the password is wrong, exit 1, no output', async () => {
    const out2 = path.join(out, 'wrong');
    const r = await cli(['extract', bad('encrypted-password-secret.pdf'), '--password', 'nope', '--out', out2]);
    expect(r.code).toBe(1);
    expect([...errorLines(r.stderr).entries()]).toEqual([[bad('encrypted-password-secret.pdf'), ['encrypted PDF: the password given with --password is wrong']]]);
    expect(entries(out2)).toEqual([]);
  }, 60_000);
});
