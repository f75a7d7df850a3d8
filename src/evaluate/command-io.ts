/** What the evaluate commands (score, diff, merge) share: where they write, and how they refuse usage. */
import { access } from 'node:fs/promises';

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
