/**
 * Why an input could not be read, as one stable code and one human sentence. Loaders and the
 * pipeline throw these; the command line prints `error: <file>: <message>` and never a stack trace
 * (unless --debug).
 */
export type LoadErrorCode =
  /** The file has 0 bytes. */
  | 'empty'
  /** A .pdf that is something else (HTML page, image, Office file, random bytes). */
  | 'not-pdf'
  /** A .txt (or other text input) that is binary data, or holds no text at all. */
  | 'not-text'
  /** A PDF that ends early (no %%EOF) and that pdf.js cannot open. */
  | 'truncated'
  /** A PDF whose structure pdf.js cannot make sense of, or a page it cannot read. */
  | 'damaged'
  /** An encrypted PDF that needs a password, or the one given is wrong. */
  | 'encrypted'
  /** No page has a text layer and OCR is disabled or unavailable. */
  | 'no-text-layer'
  /** More pages than --max-pages. */
  | 'too-many-pages'
  /** A page (or opening the file, or the structure stage) took longer than --page-timeout. */
  | 'timeout'
  /** The extraction ran out of memory. */
  | 'out-of-memory'
  /** Missing file, a folder without inputs, a pattern matching nothing, no read permission. */
  | 'unreadable'
  /** The output folder could not be written. */
  | 'write-failed'
  /** A bug: anything else (the message says what; --debug shows the stack). */
  | 'internal';

export class LoadError extends Error {
  override readonly name = 'LoadError';
  constructor(
    readonly code: LoadErrorCode,
    message: string,
    /** The 1-based page the problem is on, when it is on one page. */
    readonly page?: number,
  ) {
    super(message);
  }
}

/** A short warning recorded in report.json (`warnings`): the document was read, but not cleanly. */
export interface LoadWarning {
  /** Stable code, e.g. 'xref-rebuilt', 'no-text-layer', 'encoding-assumed', 'doc-id-renamed', 'pdfjs'. */
  code: string;
  message: string;
  /** Pages concerned, when the warning is about pages. */
  pages?: number[];
}
