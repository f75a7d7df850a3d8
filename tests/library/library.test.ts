/**
 * The library as a user gets it: the built package (dist/ and types/) imported by its name from a
 * project that has it in node_modules, run by plain node — extract on a fixture gives the records
 * the command line writes, errors are typed classes with the command line's codes, extractMany
 * yields every input, nothing is written to stdout — and a TypeScript consumer type-checks against
 * the shipped declarations (and fails where it should).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { build, buildTypes, stale, typesStale } from '../../scripts/build.mjs';
import { bad, cli, repo, tempDir } from '../robust/helpers/cli.js';

const CONSUMER = `
import { readFileSync } from 'node:fs';
import { diff, extract, extractMany, score, EncryptedError, ExtractError, NotPdfError } from 'report-extract';
const [pdf, gold, cliOut, html, encrypted, folder] = process.argv.slice(2);
const describeError = (e) => ({ name: e.name, code: e.code, message: e.message, isExtractError: e instanceof ExtractError, isNotPdf: e instanceof NotPdfError, isEncrypted: e instanceof EncryptedError });
const out = {};
const doc = await extract(pdf);
out.doc = { docId: doc.docId, paragraphs: doc.paragraphs.length, firstNumber: doc.paragraphs[0].number, symbol: doc.metadata.symbol };
out.sameAsCli = (await diff(doc, cliOut)).equal;
const s = await score(doc, gold);
out.score = { expected: s.paragraphs.expected, found: s.paragraphs.found };
const again = await extract(new Uint8Array(readFileSync(pdf)), { name: 'again.pdf' });
const records = (d) => JSON.stringify([d.paragraphs, d.headings, d.footnotes, d.blocks, d.tables, d.checks]);
out.bytes = { docId: again.docId, same: records(again) === records(doc) };
try { await extract(readFileSync(html), { name: 'page.pdf' }); } catch (e) { out.html = describeError(e); }
try { await extract(encrypted); } catch (e) { out.encrypted = describeError(e); }
out.many = [];
for await (const r of extractMany(folder, { jobs: 2 })) out.many.push(r.error ? { file: r.file, error: r.error.code, isExtractError: r.error instanceof ExtractError } : { file: r.file, docId: r.docId, paragraphs: r.document.paragraphs.length });
process.stdout.write(JSON.stringify(out));
`;

const TYPED_CONSUMER = `
import { extract, extractMany, NotPdfError, type Paragraph, type ReportDocument } from 'report-extract';

const doc: ReportDocument = await extract('report.pdf', { ocr: 'never', maxPages: 100, onProgress: (p) => void p.ocrDone });
const first: Paragraph = doc.paragraphs[0];
const n: number = first.number;
const pages: number | null = first.page;
const value: number | null = doc.tables[0].cells[0].value;
const symbol: string | null = doc.metadata.symbol;
const failed = doc.checks.filter((c) => !c.ok && c.severity === 'error').length;
// @ts-expect-error the paragraph schema has no such field
void first.nope;
// @ts-expect-error --ocr takes auto, always or never
await extract('report.pdf', { ocr: 'sometimes' });
for await (const r of extractMany(['reports/'], { jobs: 2, pageTimeout: 30, shard: '1/4' })) {
  if (r.error) {
    const code: string = r.error.code;
    void code;
  } else {
    const d: ReportDocument = r.document;
    void d;
  }
}
try {
  await extract(new Uint8Array(4), { name: 'x.pdf' });
} catch (e) {
  if (e instanceof NotPdfError) {
    const code: 'not-pdf' = e.code;
    void code;
  }
}
void [n, pages, value, symbol, failed];
`;

describe('the library, imported by its package name', () => {
  const dir = tempDir('rx-lib-');
  const project = path.join(dir, 'consumer');
  const fixtureDir = path.join(repo, 'fixtures/un-a63');
  const cliOut = path.join(dir, 'cli-out');

  beforeAll(async () => {
    if (stale()) await build();
    if (typesStale()) buildTypes();
    mkdirSync(path.join(project, 'node_modules/@types'), { recursive: true });
    symlinkSync(repo, path.join(project, 'node_modules/report-extract'), 'dir');
    symlinkSync(path.dirname(createRequire(import.meta.url).resolve('@types/node/package.json')), path.join(project, 'node_modules/@types/node'), 'dir');
    writeFileSync(path.join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    writeFileSync(path.join(project, 'use.mjs'), CONSUMER);
    writeFileSync(path.join(project, 'check.ts'), TYPED_CONSUMER);
    const folder = path.join(dir, 'batch');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'notes.txt'), 'Not a report at all, but text: it is extracted.\n');
    writeFileSync(path.join(folder, 'picture.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    const r = await cli(['extract', path.join(fixtureDir, 'report.pdf'), '--out', cliOut, '-q']);
    expect(r.code, r.stderr).toBe(0);
  }, 240_000);

  it('extracts, scores, diffs and fails with typed errors, writing nothing to stdout but its own', () => {
    const r = spawnSync(
      process.execPath,
      ['use.mjs', path.join(fixtureDir, 'report.pdf'), path.join(fixtureDir, 'gold.json'), path.join(cliOut, 'report'), bad('html-page.pdf'), bad('encrypted-password-secret.pdf'), path.join(dir, 'batch')],
      { cwd: project, encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout); // all of stdout is the consumer's JSON
    expect(out.doc.docId).toBe('report');
    expect(out.doc.paragraphs).toBeGreaterThan(0);
    expect(out.sameAsCli).toBe(true);
    expect(out.score.found).toBe(out.score.expected);
    expect(out.bytes).toEqual({ docId: 'again', same: true });
    expect(out.html).toMatchObject({ name: 'NotPdfError', code: 'not-pdf', isExtractError: true, isNotPdf: true, isEncrypted: false });
    expect(out.html.message).toMatch(/^page\.pdf: not a PDF: it is /);
    expect(out.encrypted).toMatchObject({ name: 'EncryptedError', code: 'encrypted', isExtractError: true, isEncrypted: true });
    expect(out.many.sort((a: { file: string }, b: { file: string }) => a.file.localeCompare(b.file))).toEqual([
      { file: path.join(dir, 'batch', 'notes.txt'), docId: 'notes', paragraphs: expect.any(Number) },
      { file: path.join(dir, 'batch', 'picture.txt'), error: 'not-text', isExtractError: true },
    ]);
  });

  it('type-checks a TypeScript consumer against the shipped declarations', () => {
    writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['check.ts'] }),
    );
    const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
    const ok = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    // And a wrong use is an error (so the check can fail).
    writeFileSync(path.join(project, 'wrong.ts'), "import { extract } from 'report-extract';\nconst d = await extract('x.pdf');\nconst s: number = d.metadata.symbol;\nvoid s;\n");
    writeFileSync(path.join(project, 'tsconfig.wrong.json'), JSON.stringify({ extends: './tsconfig.json', compilerOptions: { skipLibCheck: true }, files: ['wrong.ts'] }));
    const wrong = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.wrong.json'], { cwd: project, encoding: 'utf8' });
    expect(wrong.status).not.toBe(0);
    expect(wrong.stdout).toMatch(/wrong\.ts\(3,7\): error TS2322/);
  });
});
