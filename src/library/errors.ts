/**
 * The library's errors: one class per failure code of the command line (`not-pdf`, `encrypted`, …),
 * all extending ExtractError, so a caller can `catch (e) { if (e instanceof EncryptedError) … }` or
 * switch on `e.code`. The message is the command line's one line: `<file>: <problem>`.
 */
import type { Failure } from '../cli/errors.js';
import type { LoadErrorCode } from '../load/errors.js';

export type ExtractErrorCode = LoadErrorCode;

export class ExtractError extends Error {
  override name = 'ExtractError';
  constructor(
    readonly code: ExtractErrorCode,
    /** The problem in one line, without the file name. */
    readonly problem: string,
    /** The input (a path, or the name given to bytes). */
    readonly file: string,
    /** The 1-based page the problem is on, when it is on one page. */
    readonly page?: number,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}

/** A class per code; each sets its name so that stack traces and logs say which. */
function errorClass<C extends ExtractErrorCode>(code: C, name: string) {
  const cls = class extends ExtractError {
    declare readonly code: C;
    constructor(problem: string, file: string, page?: number, options?: { cause?: unknown }) {
      super(code, problem, file, page, options);
      this.name = name;
    }
  };
  Object.defineProperty(cls, 'name', { value: name });
  return cls;
}

/** The file has 0 bytes. */
export const EmptyInputError = errorClass('empty', 'EmptyInputError');
/** A .pdf that is something else (an HTML page, an image, an Office file). */
export const NotPdfError = errorClass('not-pdf', 'NotPdfError');
/** A text input that is binary data or holds no text. */
export const NotTextError = errorClass('not-text', 'NotTextError');
/** A PDF that ends early and cannot be opened. */
export const TruncatedError = errorClass('truncated', 'TruncatedError');
/** A PDF whose structure or a page cannot be read. */
export const DamagedError = errorClass('damaged', 'DamagedError');
/** An encrypted PDF without the right password. */
export const EncryptedError = errorClass('encrypted', 'EncryptedError');
/** No page has a text layer and OCR is off. */
export const NoTextLayerError = errorClass('no-text-layer', 'NoTextLayerError');
/** More pages than maxPages. */
export const TooManyPagesError = errorClass('too-many-pages', 'TooManyPagesError');
/** Opening the file or a page took longer than pageTimeout (extractMany). */
export const TimeoutError = errorClass('timeout', 'TimeoutError');
/** The extraction ran out of memory (extractMany). */
export const OutOfMemoryError = errorClass('out-of-memory', 'OutOfMemoryError');
/** A missing file, a folder without inputs, a pattern matching nothing, no permission. */
export const UnreadableError = errorClass('unreadable', 'UnreadableError');
/** An output could not be written. */
export const WriteFailedError = errorClass('write-failed', 'WriteFailedError');
/** A bug: anything else (`cause` holds the original error). */
export const InternalError = errorClass('internal', 'InternalError');

const CLASSES = {
  empty: EmptyInputError,
  'not-pdf': NotPdfError,
  'not-text': NotTextError,
  truncated: TruncatedError,
  damaged: DamagedError,
  encrypted: EncryptedError,
  'no-text-layer': NoTextLayerError,
  'too-many-pages': TooManyPagesError,
  timeout: TimeoutError,
  'out-of-memory': OutOfMemoryError,
  unreadable: UnreadableError,
  'write-failed': WriteFailedError,
  internal: InternalError,
} satisfies Record<ExtractErrorCode, unknown>;

/** The typed error for a failure of `file` (as the command line reports it). */
export function errorFor(file: string, f: Failure, cause?: unknown): ExtractError {
  // Internal failures say "run with --debug"; a library caller has the cause instead.
  const problem = f.code === 'internal' ? f.message.replace(/ \(run with --debug for details\)$/, '') : f.message;
  return new CLASSES[f.code](problem, file, f.page, cause === undefined ? undefined : { cause });
}
