/**
 * Turning failures into one clear line: which file, what is wrong. Stack traces only with --debug.
 *
 * Exit codes of `extract` (see EXIT in this file and docs/ERRORS.md):
 *   0  every input was extracted (validation warnings included)
 *   1  at least one input could not be read or extracted (each named on stderr; the others are
 *      still extracted and written)
 *   2  usage error (unknown option, bad value, no input given); nothing was read
 *   3  the output folder cannot be written; nothing was read
 * 130 / 143  interrupted (SIGINT / SIGTERM); unfinished output folders are removed
 */
import { LoadError, type LoadErrorCode } from '../load/errors.js';

export const EXIT = { ok: 0, inputFailed: 1, usage: 2, outputUnwritable: 3 } as const;

export class UsageError extends Error {
  /** Whether the command's usage text follows the message (not for a value that is merely wrong). */
  readonly showUsage: boolean;
  constructor(message: string, opts: { showUsage?: boolean } = {}) {
    super(message);
    this.showUsage = opts.showUsage ?? true;
  }
}

/** The output folder cannot be created or written (exit 3). */
export class OutputError extends Error {}

/** A failure of one input, as it crosses from a worker thread to the command line. */
export interface Failure {
  code: LoadErrorCode;
  /** One line, without the file name. */
  message: string;
  page?: number;
  stack?: string;
}

/** Describe a file-system error on an input or output path in a few words. */
export function fsProblem(e: unknown): string | null {
  const code = (e as { code?: string })?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'EISDIR':
      return 'is a folder, not a file';
    case 'ENOTDIR':
      return 'a part of the path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'read-only file system';
    case 'ENOSPC':
      return 'no space left on the device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EEXIST':
      return 'a file with that name is in the way';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'too many symbolic links';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many open files';
    case 'EIO':
      return 'input/output error';
    case 'ERR_FS_FILE_TOO_LARGE':
      return 'too large to read (over 2 GiB)';
    default:
      return null;
  }
}

export function toFailure(e: unknown): Failure {
  const stack = (e as Error)?.stack;
  if (e instanceof LoadError) return { code: e.code, message: e.message, page: e.page, stack };
  const fs = fsProblem(e);
  if (fs) return { code: 'unreadable', message: `cannot read it: ${fs}`, stack };
  const msg = String((e as Error)?.message ?? e).split('\n')[0];
  return { code: 'internal', message: `internal error: ${msg} (run with --debug for details)`, stack };
}

/** The one line printed for a failed input. */
export function failureLine(file: string, f: Failure): string {
  return `error: ${file}: ${f.message}`;
}

/** Kept for callers of the first CLI version. */
export function describeFailure(file: string, e: unknown): string {
  return `${file}: ${toFailure(e).message}`;
}
