/** The pieces behind the robust CLI, in-process: sniffing, encodings, doc-ids, text-layer signal, output. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assignDocIds, baseDocId, type Input } from '../../src/cli/inputs.js';
import { formatSummary } from '../../src/cli/summary.js';
import { checkWritable, removeStaleTemps, writeDocument } from '../../src/export/write.js';
import { decodeText, decodeWindows1252 } from '../../src/load/encoding.js';
import { LoadError, type LoadWarning } from '../../src/load/errors.js';
import { identifyInput } from '../../src/load/input.js';
import { pdfFacts, PdfjsWarnings } from '../../src/load/pdf-safe.js';
import { sniff } from '../../src/load/sniff.js';
import { checkTextLayer, pageRanges } from '../../src/load/text-layer.js';
import type { ExtractedDocument } from '../../src/model/document.js';
import { bad, tempDir } from './helpers/cli.js';
import { encodeWindows1252 } from './helpers/text.js';

const b = (s: string, enc: BufferEncoding = 'latin1') => Buffer.from(s, enc);

describe('sniff', () => {
  it.each([
    ['%PDF-1.7\n', 'pdf'],
    ['garbage first\n%PDF-1.4\n', 'pdf'],
    ['', 'empty'],
    ['Plain text\nwith lines\n', 'text'],
  ])('%j is %s', (s, kind) => expect(sniff(b(s)).kind).toBe(kind));

  it.each([
    [b('\x89PNG\r\n\x1a\n....'), 'a PNG image'],
    [b('\xff\xd8\xff\xe0JFIF'), 'a JPEG image'],
    [b('GIF89a'), 'a GIF image'],
    [b('II*\x00'), 'a TIFF image'],
    [b('%!PS-Adobe-3.0'), 'a PostScript file'],
    [b('{\\rtf1\\ansi'), 'an RTF document'],
    [b('\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1'), 'an old Microsoft Office file (.doc, .xls or .ppt)'],
    [b('PK\x03\x04....xl/workbook.xml'), 'an Excel workbook (.xlsx)'],
    [b('  <html><head><title>Access denied</title>'), 'an HTML page ("Access denied"), probably a failed download'],
    [b('<?xml version="1.0"?><root/>'), 'an XML file'],
    [Buffer.from('\ufeff<!DOCTYPE html><title>x</title>', 'utf16le'), 'an HTML page ("x"), probably a failed download'],
    [Buffer.from([0, 1, 2, 3, 200, 201, 0, 7]), 'binary data of an unknown kind'],
  ])('names %s', (data, what) => expect(sniff(data)).toEqual({ kind: 'other', what }));
});

describe('decodeText', () => {
  const s = 'Côte d’Ivoire – “€ 5”';
  it.each([
    [Buffer.concat([b('\xef\xbb\xbf'), b(s, 'utf8')]), 'utf-8', false],
    [b(s, 'utf8'), 'utf-8', false],
    [Buffer.concat([b('\xff\xfe'), b(s, 'utf16le')]), 'utf-16le', false],
    [Buffer.concat([b('\xfe\xff'), b(s, 'utf16le').swap16()]), 'utf-16be', false],
    [b(`${s} and more text to look like UTF-16`, 'utf16le'), 'utf-16le', true],
    [b(`${s} and more text to look like UTF-16`, 'utf16le').swap16(), 'utf-16be', true],
    [encodeWindows1252(s), 'windows-1252', true],
  ])('decodes %# as %s', (data, encoding, assumed) => {
    const d = decodeText(data);
    expect(d).toMatchObject({ encoding, assumed });
    expect(d.text).toMatch(/^Côte d’Ivoire – “€ 5”/);
  });

  it('falls back on ISO-8859-1 without bytes 0x80–0x9F, and says why', () => {
    const d = decodeText(b('S\xe3o Tom\xe9'));
    expect(d).toMatchObject({ text: 'São Tomé', encoding: 'iso-8859-1', assumed: true });
    expect(d.detected).toBe('not valid UTF-8 (byte 0xE3 at offset 1); no bytes 0x80–0x9F, so ISO-8859-1 (Latin-1) was assumed (the same as Windows-1252 for these bytes)');
  });

  it('maps every Windows-1252 byte (Node’s own decoder does not)', () => {
    expect(decodeWindows1252(Buffer.from([0x80, 0x85, 0x8a, 0x91, 0x92, 0x93, 0x94, 0x96, 0x97, 0x99, 0x9f, 0xe9]))).toBe('€…Š‘’“”–—™Ÿé');
  });
});

describe('identifyInput', () => {
  it('goes by the bytes: a PDF named .txt is a PDF, a .pdf holding text is refused', () => {
    expect(identifyInput('x.txt', readFileSync(bad('text-ok.pdf'))).kind).toBe('pdf');
    expect(() => identifyInput('x.pdf', b('hello'))).toThrow(new LoadError('not-pdf', 'not a PDF: it is a plain-text file (rename it to .txt to read it as a text dump)'));
    expect(() => identifyInput('x.dat', b('\x89PNG\r\n'))).toThrow('neither a PDF nor a text file: it is a PNG image');
    expect(identifyInput('notes', b('1. A paragraph.')).kind).toBe('text');
  });
});

describe('doc-ids', () => {
  it('are one safe path segment', () => {
    expect(baseDocId('a/b/report.pdf')).toBe('report');
    expect(baseDocId('.pdf')).toBe('document');
    expect(baseDocId('...pdf')).toBe('document');
    expect(baseDocId('archive.tar.pdf')).toBe('archive.tar');
  });

  it('are unique in input order, case-insensitively', () => {
    const inputs: Input[] = ['x/report.pdf', 'y/report.txt', 'z/Report.pdf', 'w/report', 'v/report', 'u/missing.pdf'].map((file) => ({ file, key: file }));
    inputs[5].error = { code: 'unreadable', message: 'no such file or folder' };
    assignDocIds(inputs);
    expect(inputs.map((i) => i.docId)).toEqual(['report', 'report-txt', 'Report-pdf', 'report-2', 'report-3', undefined]);
    expect(inputs[1].renamed).toBe('doc-id "report" is already used by x/report.pdf, so this one is "report-txt"');
  });
});

describe('the no-text-layer signal', () => {
  it('fails a document without any text, and warns about some pages', () => {
    const w: LoadWarning[] = [];
    expect(() => checkTextLayer([{ page: 1, images: true }], 1, 'never', false, w)).toThrow('no text layer on its only page (a scanned or image-only PDF) and OCR is disabled (--ocr never)');
    expect(() => checkTextLayer([1, 2].map((page) => ({ page, images: false })), 2, 'auto', false, w)).toThrow('no text layer on any of its 2 pages (its pages are blank) and OCR is not available in this build');
    checkTextLayer([2, 3, 4, 9].map((page) => ({ page, images: page !== 9 })), 10, 'never', false, w);
    expect(w).toEqual([{ code: 'no-text-layer', message: '4 of 10 pages have no text layer (images only or blank: 2-4, 9) and OCR is disabled (--ocr never)', pages: [2, 3, 4, 9] }]);
    expect(pageRanges([1, 2, 3, 5, 7, 8])).toBe('1-3, 5, 7-8');
  });
});

describe('pdf.js warnings and facts', () => {
  it('turns a rebuilt xref into one warning and groups the rest by page', () => {
    const log = new PdfjsWarnings();
    log.start();
    try {
      console.warn('Warning: Indexing all PDF objects');
      log.page = 3;
      console.warn('Warning: TT: undefined function: 21');
      log.page = 5;
      console.warn('Warning: TT: undefined function: 21');
    } finally {
      expect(log.stop()).toEqual([
        { code: 'xref-rebuilt', message: 'the cross-reference table is broken; pdf.js rebuilt it by scanning the whole file' },
        { code: 'pdfjs', message: 'pdf.js: TT: undefined function: 21', pages: [3, 5] },
      ]);
    }
  });

  it('sees encryption and truncation in the bytes', () => {
    expect(pdfFacts(readFileSync(bad('encrypted-no-user-password.pdf')))).toEqual({ encrypted: true, truncated: false });
    expect(pdfFacts(readFileSync(bad('truncated.pdf')))).toEqual({ encrypted: false, truncated: true });
    expect(pdfFacts(readFileSync(bad('text-ok.pdf')))).toEqual({ encrypted: false, truncated: false });
  });
});

describe('summary', () => {
  it('formats a table with a totals line', () => {
    const text = formatSummary(
      [
        { file: 'a.pdf', docId: 'a', pages: 10, paragraphs: 42, tables: 1, failedChecks: 0, seconds: 1.25, status: 'ok', ok: true },
        { file: 'b.pdf', docId: 'b', status: 'FAILED (not-pdf)', ok: false, seconds: 0 },
      ],
      2,
    );
    expect(text).toBe(
      [
        'file   doc-id  pages  paragraphs  tables  failed checks  seconds  status',
        '-----  ------  -----  ----------  ------  -------------  -------  ----------------',
        'a.pdf  a          10          42       1              0      1.3  ok',
        'b.pdf  b           -           -       -              -      0.0  FAILED (not-pdf)',
        '2 inputs: 1 extracted, 1 failed; 10 pages in 2.0 s (5.0 pages/s)',
        '',
      ].join('\n'),
    );
  });
});

describe('atomic output', () => {
  const root = tempDir('rx-write-');
  const doc = (docId: string) =>
    ({
      docId,
      source: { file: 'x.pdf', sha256: '', bytes: 0, kind: 'pdf', pages: 0, pageInfo: [] },
      profile: 'p',
      metadata: { symbol: null, title: null, year: null, language: null },
      paragraphs: [],
      headings: [],
      footnotes: [],
      blocks: [],
      tables: [],
      boxes: [],
      unclassified: [],
      checks: [],
      timings: {},
    }) as ExtractedDocument;

  it('replaces a previous result whole, and refuses a doc-id that is not one folder', async () => {
    const out = path.join(root, 'out');
    await writeDocument(out, doc('a'));
    writeFileSync(path.join(out, 'a', 'stale.csv'), 'from an older version');
    await writeDocument(out, doc('a'));
    expect(existsSync(path.join(out, 'a', 'stale.csv'))).toBe(false);
    expect(existsSync(path.join(out, 'a', 'report.json'))).toBe(true);
    for (const id of ['', '.', '..', 'a/b']) await expect(writeDocument(out, doc(id))).rejects.toThrow('unsafe doc-id');
    await checkWritable(out);
  });

  it('removes temporary folders of runs that died, and keeps those of live ones', async () => {
    const out = path.join(root, 'stale');
    mkdirSync(path.join(out, '.a.tmp-999999999-1'), { recursive: true });
    mkdirSync(path.join(out, '.b.old-999999999-1'));
    mkdirSync(path.join(out, `.c.tmp-${process.ppid}-1`));
    expect((await removeStaleTemps(out)).sort()).toEqual(['.a.tmp-999999999-1', '.b.old-999999999-1']);
    expect(existsSync(path.join(out, `.c.tmp-${process.ppid}-1`))).toBe(true);
  });
});
