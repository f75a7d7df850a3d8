/**
 * Decoding a text dump whose encoding nobody wrote down. In order: a byte-order mark (UTF-8,
 * UTF-16 LE/BE); UTF-16 without a BOM (zero bytes in every other position); valid UTF-8; and
 * otherwise a single-byte encoding — Windows-1252 when bytes 0x80–0x9F occur (curly quotes,
 * dashes, € in Word-made text), ISO-8859-1 (Latin-1) when they do not. The choice and the reason
 * go into report.json, so a wrong guess is visible rather than silent.
 */
import { utf16Order } from './sniff.js';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'iso-8859-1';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** How the encoding was chosen, one sentence. */
  detected: string;
  /** True when the encoding is a guess rather than certain (a BOM, or valid multi-byte UTF-8). */
  assumed: boolean;
}

const hex = (b: number): string => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

export function decodeText(d: Uint8Array): DecodedText {
  if (d[0] === 0xef && d[1] === 0xbb && d[2] === 0xbf) {
    return { text: decodeUtf8Lenient(d.subarray(3)), encoding: 'utf-8', detected: 'UTF-8 byte-order mark', assumed: false };
  }
  const order = utf16Order(d);
  if (order) {
    const bom = (d[0] === 0xff && d[1] === 0xfe) || (d[0] === 0xfe && d[1] === 0xff);
    const body = d.subarray(bom ? 2 : 0, bom ? 2 + ((d.length - 2) & ~1) : d.length & ~1);
    const encoding = order === 'le' ? 'utf-16le' : 'utf-16be';
    return {
      text: new TextDecoder(encoding).decode(body),
      encoding,
      detected: bom ? `UTF-16 ${order.toUpperCase()} byte-order mark` : `no byte-order mark; zero bytes in every other position look like UTF-16 ${order.toUpperCase()}`,
      assumed: !bom,
    };
  }
  let highBytes = 0;
  for (let i = 0; i < d.length; i++) if (d[i] >= 0x80) highBytes++;
  if (!highBytes) return { text: Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1'), encoding: 'utf-8', detected: 'ASCII only (read as UTF-8)', assumed: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(d);
    return { text, encoding: 'utf-8', detected: 'valid UTF-8', assumed: false };
  } catch {
    // not UTF-8: a single-byte encoding
  }
  const firstBad = firstInvalidUtf8(d);
  let c1 = -1;
  for (let i = 0; i < d.length; i++) {
    if (d[i] >= 0x80 && d[i] <= 0x9f) {
      c1 = i;
      break;
    }
  }
  const why = `not valid UTF-8 (byte ${hex(d[firstBad])} at offset ${firstBad})`;
  if (c1 >= 0) {
    return {
      text: decodeWindows1252(d),
      encoding: 'windows-1252',
      detected: `${why}; bytes 0x80–0x9F occur (first ${hex(d[c1])} at offset ${c1}), so Windows-1252 was assumed`,
      assumed: true,
    };
  }
  return {
    text: Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1'),
    encoding: 'iso-8859-1',
    detected: `${why}; no bytes 0x80–0x9F, so ISO-8859-1 (Latin-1) was assumed (the same as Windows-1252 for these bytes)`,
    assumed: true,
  };
}

/**
 * Windows-1252 by table: Node 20's TextDecoder('windows-1252') decodes 0x80–0x9F as Latin-1 C1
 * controls (it drops €, curly quotes and dashes), so it cannot be used.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

export function decodeWindows1252(d: Uint8Array): string {
  const latin = Buffer.from(d.buffer, d.byteOffset, d.length).toString('latin1');
  return latin.replace(/[\u0080-\u009f]/g, (c) => CP1252_80_9F[c.charCodeAt(0) - 0x80]);
}

function decodeUtf8Lenient(d: Uint8Array): string {
  return new TextDecoder('utf-8').decode(d);
}

/** Offset of the first byte that breaks UTF-8 (0 when none is found, which cannot happen here). */
function firstInvalidUtf8(d: Uint8Array): number {
  for (let i = 0; i < d.length; ) {
    const b = d[i];
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) if (i + k >= d.length || (d[i + k] & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return 0;
}
