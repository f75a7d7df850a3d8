/**
 * Reading a PDF that may be broken: pdf.js errors become one-sentence LoadErrors (truncated,
 * damaged, encrypted, too many pages, a page that cannot be read), and what pdf.js repaired on the
 * way (a rebuilt cross-reference table, skipped content) becomes warnings for report.json.
 */
import { VerbosityLevel } from './pdfjs/index.js';
import type { PDFDocumentProxy, PDFPageProxy } from './pdfjs/index.js';
import type { Page } from '../model/page.js';
import { LoadError, type LoadWarning } from './errors.js';
import { openPdf } from './pdf.js';
import { readPages, type PageRead } from './pdf-parallel.js';

export interface SafePdfOptions {
  password?: string;
  /** Refuse documents with more pages than this. */
  maxPages?: number;
  /** Called before the file is opened and before each page is read (for a watchdog, progress). */
  onStage?: (stage: 'open' | 'page', page?: number, total?: number) => void;
  /** Receives the warnings (repairs, encryption) as they are found. */
  warnings: LoadWarning[];
  /** pdfFacts(data), when the caller has it already. */
  facts?: PdfFacts;
  /** Threads that may read pages at once (default 1: all on this thread). */
  threads?: number;
}

/** A page read, and its pdf.js page for rendering (valid until the next page is taken). */
export interface ReadPage extends PageRead {
  total: number;
}

export interface PdfFacts {
  /** The file declares an /Encrypt dictionary (opened with the empty or the given password). */
  encrypted: boolean;
  /** The file does not end with %%EOF. */
  truncated: boolean;
}

/** Facts readable from the raw bytes, before pdf.js sees them. */
export function pdfFacts(data: Uint8Array): PdfFacts {
  const buf = Buffer.from(data.buffer, data.byteOffset, data.length);
  const tail = buf.subarray(Math.max(0, buf.length - 1024)).toString('latin1');
  let encrypted = false;
  for (let i = buf.indexOf('/Encrypt'); i >= 0 && !encrypted; i = buf.indexOf('/Encrypt', i + 8)) {
    encrypted = /^\/Encrypt\s*(\d+\s+\d+\s+R|<<)/.test(buf.toString('latin1', i, i + 40));
  }
  return { encrypted, truncated: !tail.includes('%%EOF') };
}

const first = (msg: unknown): string =>
  String(msg ?? '')
    .split('\n')[0]
    .replace(/\.$/, '')
    .slice(0, 200);

/** Translate an error thrown by pdf.js while opening the document. */
export function openError(e: unknown, facts: PdfFacts, hasPassword: boolean): LoadError {
  if (e instanceof LoadError) return e;
  const err = e as { name?: string; message?: string; code?: number };
  if (err?.name === 'PasswordException') {
    return err.code === 2 || hasPassword
      ? new LoadError('encrypted', 'encrypted PDF: the password given with --password is wrong')
      : new LoadError('encrypted', 'encrypted PDF: it needs a password (give it with --password)');
  }
  if (facts.truncated) {
    return new LoadError('truncated', 'truncated PDF: the file ends without an end-of-file marker (%%EOF) and pdf.js cannot recover it; download it again');
  }
  if (err?.name === 'InvalidPDFException') return new LoadError('damaged', `damaged PDF: pdf.js cannot find its document structure (${first(err.message)})`);
  return new LoadError('damaged', `damaged PDF: ${first(err?.message ?? e)}`);
}

/** Translate an error thrown while reading page `n`. */
export function pageError(e: unknown, n: number, facts: PdfFacts): LoadError {
  if (e instanceof LoadError) return e;
  const msg = first((e as Error)?.message ?? e);
  return facts.truncated
    ? new LoadError('truncated', `truncated PDF: page ${n} cannot be read (${msg}); the file ends without %%EOF`, n)
    : new LoadError('damaged', `damaged PDF: page ${n} cannot be read (${msg})`, n);
}

/**
 * Collects pdf.js warnings (it prints them with console.warn) while a document is read, instead of
 * letting them reach the terminal. Page-specific ones are grouped by message with their pages.
 */
export class PdfjsWarnings {
  page: number | undefined;
  private readonly seen = new Map<string, LoadWarning>();
  private saved: Pick<Console, 'warn' | 'log'> | null = null;

  start(): void {
    this.saved = { warn: console.warn, log: console.log };
    console.warn = (...a: unknown[]) => this.add(a.map(String).join(' '));
    console.log = (...a: unknown[]) => this.add(a.map(String).join(' '));
  }

  /** A line printed while page `page` was read elsewhere (a reader thread). */
  addAt(line: string, page: number | undefined): void {
    const at = this.page;
    this.page = page;
    this.add(line);
    this.page = at;
  }

  add(line: string): void {
    const msg = line.replace(/^Warning:\s*/, '').trim();
    if (!msg) return;
    let code = 'pdfjs';
    let text = `pdf.js: ${msg}`;
    if (/Indexing all PDF objects/.test(msg)) {
      code = 'xref-rebuilt';
      text = 'the cross-reference table is broken; pdf.js rebuilt it by scanning the whole file';
    } else if (/^XRef|xref/i.test(msg)) {
      code = 'xref-damaged';
    }
    const key = `${code}\u0000${text}`;
    let w = this.seen.get(key);
    if (!w) {
      if (this.seen.size >= 50) return;
      w = { code, message: text };
      this.seen.set(key, w);
    }
    if (this.page !== undefined) {
      w.pages ??= [];
      if (!w.pages.includes(this.page)) w.pages.push(this.page);
    }
  }

  stop(): LoadWarning[] {
    if (this.saved) Object.assign(console, this.saved);
    this.saved = null;
    return [...this.seen.values()];
  }
}

/**
 * Open `data` and stream its pages, with every failure translated. `proxy` is the pdf.js page
 * (for rendering it when OCR is needed); it is cleaned up after the consumer takes the next page.
 */
export async function* readPdfSafely(data: Uint8Array, opts: SafePdfOptions): AsyncGenerator<ReadPage> {
  const facts = opts.facts ?? pdfFacts(data);
  const log = new PdfjsWarnings();
  log.start();
  let doc: PDFDocumentProxy | undefined;
  try {
    opts.onStage?.('open');
    let passwordUsed = opts.password !== undefined;
    try {
      // pdf.js takes (detaches) the bytes it is given: keep `data` for the page readers.
      doc = await openPdf(data.slice(), { password: opts.password, verbosity: VerbosityLevel.WARNINGS });
    } catch (e) {
      // --password applies to a whole batch: a file that opens without one still opens.
      if (!passwordUsed || (e as { name?: string }).name !== 'PasswordException') throw openError(e, facts, passwordUsed);
      try {
        doc = await openPdf(data.slice(), { verbosity: VerbosityLevel.WARNINGS });
        passwordUsed = false;
      } catch {
        throw openError(e, facts, true);
      }
    }
    const total = doc.numPages;
    if (!total) throw new LoadError('damaged', 'damaged PDF: it has no pages');
    if (opts.maxPages && total > opts.maxPages) {
      throw new LoadError('too-many-pages', `has ${total} pages, more than the limit of ${opts.maxPages} (raise it with --max-pages)`);
    }
    if (facts.encrypted) opts.warnings.push({ code: 'encrypted', message: passwordUsed ? 'encrypted PDF, opened with the password given' : 'encrypted PDF with an empty user password, opened without one' });
    let n = 0;
    const onStart = (p: number) => {
      n = p;
      log.page = p;
      opts.onStage?.('page', p, total);
    };
    const pages = readPages(doc, data, total, {
      threads: opts.threads,
      password: passwordUsed ? opts.password : undefined,
      onStart,
      onWarning: (line, page) => log.addAt(line, page),
    });
    try {
      for (;;) {
        let r: IteratorResult<PageRead>;
        try {
          r = await pages.next();
        } catch (e) {
          throw pageError(e, n, facts);
        }
        if (r.done) break;
        yield { ...r.value, total };
      }
    } finally {
      // A consumer that stops early must not leave reader threads running.
      await pages.return(undefined);
    }
    log.page = undefined;
    if (facts.truncated) opts.warnings.push({ code: 'truncated', message: `the file ends without an end-of-file marker (%%EOF), but pdf.js read all ${total} pages` });
  } finally {
    opts.warnings.push(...log.stop());
    await doc?.destroy().catch(() => {});
  }
}
