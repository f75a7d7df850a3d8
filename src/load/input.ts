/**
 * Which loader an input goes to, decided by its bytes (the name only says what the user expects):
 * a PDF, a text dump (decoded with encoding detection), or a clear refusal.
 */
import { open } from 'node:fs/promises';
import path from 'node:path';
import { decodeText, type DecodedText } from './encoding.js';
import { LoadError } from './errors.js';
import { sniff } from './sniff.js';

export type IdentifiedInput = { kind: 'pdf' } | { kind: 'text'; decoded: DecodedText };

/** Bytes read by `precheckFile`: enough for every magic number and the text heuristics. */
export const HEAD_BYTES = 8192;

/**
 * The refusal for a file whose first bytes (`head`, at most HEAD_BYTES; all of it when shorter)
 * already show it cannot be read: empty, not a PDF, neither PDF nor text. Null when it may be fine.
 */
export function refuseByHead(file: string, head: Uint8Array): LoadError | null {
  const s = sniff(head);
  const ext = path.extname(file).toLowerCase();
  if (s.kind === 'empty') return new LoadError('empty', 'empty file (0 bytes)');
  if (s.kind === 'pdf') return null;
  if (ext === '.pdf') {
    const what = s.kind === 'text' ? 'a plain-text file (rename it to .txt to read it as a text dump)' : s.what;
    return new LoadError('not-pdf', `not a PDF: it is ${what}`);
  }
  if (s.kind === 'other') return new LoadError('not-text', ext === '.txt' ? `not a text file: it is ${s.what}` : `neither a PDF nor a text file: it is ${s.what}`);
  return null;
}

/** refuseByHead on the first bytes of a file on disk (cheap: no worker, no full read). */
export async function precheckFile(file: string): Promise<LoadError | null> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return refuseByHead(file, buf.subarray(0, bytesRead));
  } finally {
    await fh.close();
  }
}

export function identifyInput(file: string, data: Uint8Array): IdentifiedInput {
  const refused = refuseByHead(file, data.subarray(0, HEAD_BYTES));
  if (refused) throw refused;
  if (sniff(data.subarray(0, HEAD_BYTES)).kind === 'pdf') return { kind: 'pdf' };
  const decoded = decodeText(data);
  if (!decoded.text.trim()) throw new LoadError('not-text', 'holds no text (only white space)');
  return { kind: 'text', decoded };
}
