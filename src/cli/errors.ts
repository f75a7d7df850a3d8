/**
 * Turning failures into one clear line: which file, what is wrong. Stack traces only with --debug.
 */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

export class UsageError extends Error {}

/** Describe an error thrown while reading `file` in one line. */
export function describeFailure(file: string, e: unknown): string {
  if (e instanceof InputError) return e.message;
  const err = e as { name?: string; message?: string; code?: string };
  const name = err?.name ?? '';
  const msg = String(err?.message ?? e);
  if (err?.code === 'ENOENT') return `${file}: no such file`;
  if (err?.code === 'EISDIR') return `${file}: is a directory, not a file`;
  if (err?.code === 'EACCES') return `${file}: permission denied`;
  if (name === 'PasswordException') return `${file}: the PDF is encrypted and needs a password (--password)`;
  if (name === 'InvalidPDFException') return `${file}: not a valid PDF (${msg})`;
  if (name === 'MissingPDFException') return `${file}: missing or empty PDF`;
  return `${file}: ${msg.split('\n')[0]}`;
}
