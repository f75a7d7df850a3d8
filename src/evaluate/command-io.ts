/** What the evaluate commands (score, diff, merge) share: where they write, and how they refuse usage. */
import { access } from 'node:fs/promises';
import { parseArgs } from 'node:util';

export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** A usage error: the problem and the command's usage on stderr, exit code 2. */
export function usageError(io: CommandIo, command: string, usage: string): (message: string) => number {
  return (message) => {
    io.stderr(`report-extract ${command}: ${message}\n\n${usage}`);
    return 2;
  };
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

type Options = NonNullable<Parameters<typeof parseArgs>[0]>['options'];

/**
 * Parse a command's arguments (help included): the values and positionals, or the exit code to
 * return at once (0 after printing the usage for --help, 2 on a usage error).
 */
export function parseCommand<O extends Options>(
  argv: string[],
  options: O,
  io: CommandIo,
  command: string,
  usage: string,
): { values: ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>['values']; positionals: string[] } | number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true });
  } catch (error) {
    return usageError(io, command, usage)((error as Error).message);
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(usage);
    return 0;
  }
  return parsed as never;
}
