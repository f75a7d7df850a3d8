/**
 * Which loader an input goes to, decided by its bytes (the name only says what the user expects):
 * a PDF, a text dump (decoded with encoding detection), or a clear refusal.
 */
import path from 'node:path';
import { decodeText, type DecodedText } from './encoding.js';
import { LoadError } from './errors.js';
import { sniff } from './sniff.js';

export type IdentifiedInput = { kind: 'pdf' } | { kind: 'text'; decoded: DecodedText };

export function identifyInput(file: string, data: Uint8Array): IdentifiedInput {
  const s = sniff(data);
  const ext = path.extname(file).toLowerCase();
  if (s.kind === 'empty') throw new LoadError('empty', 'empty file (0 bytes)');
  if (s.kind === 'pdf') return { kind: 'pdf' };
  if (ext === '.pdf') {
    const what = s.kind === 'text' ? 'a plain-text file (rename it to .txt to read it as a text dump)' : s.what;
    throw new LoadError('not-pdf', `not a PDF: it is ${what}`);
  }
  if (s.kind === 'other') throw new LoadError('not-text', ext === '.txt' ? `not a text file: it is ${s.what}` : `neither a PDF nor a text file: it is ${s.what}`);
  const decoded = decodeText(data);
  if (!decoded.text.trim()) throw new LoadError('not-text', 'holds no text (only white space)');
  return { kind: 'text', decoded };
}
