/**
 * What a file really is, from its first bytes — not from its name. Users' download folders hold
 * HTML error pages saved as .pdf, images, Office files and half-downloaded PDFs; each deserves a
 * message that says what it is instead of a parser's stack trace.
 */

export type Sniffed =
  | { kind: 'empty' }
  /** `offset`: where `%PDF-` starts (pdf.js accepts up to 1 KB of junk before it). */
  | { kind: 'pdf'; offset: number; version: string }
  /** Bytes that decode as text (see encoding.ts for which encoding). */
  | { kind: 'text' }
  /** Anything else; `what` completes "it is …", e.g. "a PNG image". */
  | { kind: 'other'; what: string };

const ascii = (d: Uint8Array, from: number, to: number): string => Buffer.from(d.buffer, d.byteOffset + from, Math.max(0, Math.min(to, d.length) - from)).toString('latin1');

const startsWith = (d: Uint8Array, bytes: number[], at = 0): boolean => bytes.every((b, i) => d[at + i] === b);

/** Magic numbers of formats people mistake for (or save as) PDFs. */
const MAGIC: { bytes: number[]; at?: number; what: string }[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], what: 'a TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], what: 'a TIFF image' },
  { bytes: [0x42, 0x4d], what: 'a BMP image' },
  { bytes: [0x57, 0x45, 0x42, 0x50], at: 8, what: 'a WebP image' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], what: 'an old Microsoft Office file (.doc, .xls or .ppt)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], what: 'a 7-Zip archive' },
  { bytes: [0x52, 0x61, 0x72, 0x21], what: 'a RAR archive' },
  { bytes: [0x25, 0x21, 0x50, 0x53], what: 'a PostScript file' },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], what: 'an RTF document' },
];

function zipKind(d: Uint8Array): string {
  const head = ascii(d, 0, 4096);
  if (head.includes('word/')) return 'a Word document (.docx)';
  if (head.includes('xl/')) return 'an Excel workbook (.xlsx)';
  if (head.includes('ppt/')) return 'a PowerPoint file (.pptx)';
  if (head.includes('application/epub')) return 'an EPUB e-book';
  if (head.includes('opendocument')) return 'an OpenDocument file (.odt/.ods)';
  return 'a ZIP archive';
}

/** The title of an HTML page, to help the user recognise a failed download. */
function htmlTitle(text: string): string | null {
  const m = /<title[^>]*>([^<]{1,200})<\/title>/i.exec(text);
  return m ? m[1].replace(/\s+/g, ' ').trim() || null : null;
}

/** True when the first bytes look like markup of a web page. */
function looksLikeHtml(text: string): boolean {
  return /^\s*(<!--[\s\S]*?-->\s*)*<(!doctype\s+html|html|head|body|meta|title|script|div|p|h1|table|iframe)\b/i.test(text) || /^\s*<\?xml[^>]*>\s*(<!doctype\s+)?<?html/i.test(text);
}

export function sniff(d: Uint8Array): Sniffed {
  if (d.length === 0) return { kind: 'empty' };
  const head = ascii(d, 0, 1024);
  const at = head.indexOf('%PDF-');
  if (at >= 0) return { kind: 'pdf', offset: at, version: /^%PDF-(\d\.\d)/.exec(head.slice(at))?.[1] ?? '?' };
  for (const m of MAGIC) if (startsWith(d, m.bytes, m.at ?? 0)) return { kind: 'other', what: m.what };
  if (startsWith(d, [0x50, 0x4b, 0x03, 0x04])) return { kind: 'other', what: zipKind(d) };
  // Text: strip a BOM and any UTF-16 zero bytes before looking at the characters.
  const sample = utf16Sample(d) ?? head.replace(/^\xef\xbb\xbf/, '');
  if (looksLikeHtml(sample)) {
    const title = htmlTitle(utf16Sample(d, 8192) ?? ascii(d, 0, 8192));
    return { kind: 'other', what: `an HTML page${title ? ` ("${title.slice(0, 60)}")` : ''}, probably a failed download` };
  }
  if (/^\s*<\?xml/.test(sample)) return { kind: 'other', what: 'an XML file' };
  return isTextLike(d) ? { kind: 'text' } : { kind: 'other', what: 'binary data of an unknown kind' };
}

/** For UTF-16 data (with or without a BOM), the first characters as a string; otherwise null. */
function utf16Sample(d: Uint8Array, max = 1024): string | null {
  const enc = utf16Order(d);
  if (!enc) return null;
  const start = (d[0] === 0xff && d[1] === 0xfe) || (d[0] === 0xfe && d[1] === 0xff) ? 2 : 0;
  const n = Math.min(d.length - start, max) & ~1;
  return new TextDecoder(enc === 'le' ? 'utf-16le' : 'utf-16be').decode(d.subarray(start, start + n));
}

/**
 * 'le' / 'be' when the data is UTF-16: a BOM, or (without one) zero bytes in almost every odd
 * (LE) or even (BE) position of the first 4 KB, as mostly-Latin text has.
 */
export function utf16Order(d: Uint8Array): 'le' | 'be' | null {
  if (d.length >= 2 && d[0] === 0xff && d[1] === 0xfe) return 'le';
  if (d.length >= 2 && d[0] === 0xfe && d[1] === 0xff) return 'be';
  const n = Math.min(d.length, 4096) & ~1;
  if (n < 4) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (d[i] === 0) zeroEven++;
    if (d[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  const order = zeroOdd > pairs * 0.3 && zeroEven < pairs * 0.02 ? 'le' : zeroEven > pairs * 0.3 && zeroOdd < pairs * 0.02 ? 'be' : null;
  // The zero bytes must also decode to text: few control characters, no invalid code units.
  if (!order) return null;
  const text = new TextDecoder(order === 'le' ? 'utf-16le' : 'utf-16be').decode(d.subarray(0, n));
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c)) bad++;
  }
  return bad <= text.length * 0.01 ? order : null;
}

/**
 * Text-like: no NUL bytes (unless UTF-16) and few C0 control characters other than tab, line
 * feed, carriage return and form feed, in the first 8 KB.
 */
export function isTextLike(d: Uint8Array): boolean {
  if (utf16Order(d)) return true;
  const n = Math.min(d.length, 8192);
  let bad = 0;
  for (let i = 0; i < n; i++) {
    const b = d[i];
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) bad++;
    else if (b === 0x7f) bad++;
  }
  return bad <= n * 0.01;
}
