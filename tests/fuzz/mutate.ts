/**
 * Seeded mutations of a PDF's bytes for fuzzing the loader: bit flips, random overwrites,
 * insertions, deletions, truncation, duplicated chunks, and PDF-aware ones (numbers such as
 * offsets, lengths and counts replaced by odd values; keywords swapped). The same (seed, case)
 * always gives the same bytes.
 */

/** mulberry32: a small, fast, good-enough PRNG with a 32-bit state. */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KEYWORDS = ['obj', 'endobj', 'stream', 'endstream', 'xref', 'trailer', 'startxref', 'R', '<<', '>>', '[', ']', '/Length', '/Count', '/Kids', '/Type', '/Page', '/Pages', '/Font', '/Filter', '/FlateDecode', 'BT', 'ET', 'Tj', 'TJ', 'Tf', 'cm', 'Do', 'q', 'Q', 're', 'f', 'S'];
const ODD_NUMBERS = ['0', '-1', '1', '2147483647', '4294967296', '99999999999999999999', '1e308', '-0', '0.0000001', 'NaN', '65535', '3'];

export type Mutation = 'flip' | 'overwrite' | 'insert' | 'delete' | 'truncate' | 'duplicate' | 'number' | 'keyword';
export const MUTATIONS: Mutation[] = ['flip', 'overwrite', 'insert', 'delete', 'truncate', 'duplicate', 'number', 'keyword'];

/** Case `index` of run `seed`: 1–3 mutations of `seed` bytes. */
export function mutate(input: Buffer, seed: number, index: number): { data: Buffer; applied: Mutation[] } {
  const rnd = prng((seed * 0x9e3779b1) ^ (index * 0x85ebca6b));
  const int = (n: number) => Math.floor(rnd() * n);
  let d = Buffer.from(input);
  const applied: Mutation[] = [];
  const count = 1 + int(3);
  for (let k = 0; k < count; k++) {
    const m = MUTATIONS[int(MUTATIONS.length)];
    applied.push(m);
    const at = int(d.length);
    switch (m) {
      case 'flip':
        for (let i = 0, n = 1 + int(16); i < n; i++) d[int(d.length)] ^= 1 << int(8);
        break;
      case 'overwrite': {
        const n = 1 + int(256);
        for (let i = 0; i < n && at + i < d.length; i++) d[at + i] = int(256);
        break;
      }
      case 'insert': {
        const chunk = Buffer.from(Array.from({ length: 1 + int(512) }, () => int(256)));
        d = Buffer.concat([d.subarray(0, at), chunk, d.subarray(at)]);
        break;
      }
      case 'delete':
        d = Buffer.concat([d.subarray(0, at), d.subarray(Math.min(d.length, at + 1 + int(4096)))]);
        break;
      case 'truncate':
        d = d.subarray(0, Math.max(1, at));
        break;
      case 'duplicate': {
        const len = 1 + int(8192);
        const from = int(Math.max(1, d.length - len));
        d = Buffer.concat([d.subarray(0, at), d.subarray(from, from + len), d.subarray(at)]);
        break;
      }
      case 'number':
      case 'keyword': {
        // Replace the n-th number (or keyword) after a random point: structural damage that
        // gets past the first checks (offsets, /Length, /Count, object numbers, operators).
        const s = d.toString('latin1');
        const re = m === 'number' ? /-?\d+(\.\d+)?/g : /\b(obj|endobj|stream|endstream|xref|trailer|startxref|R|BT|ET|Tj|TJ|Tf|cm|Do)\b|\/[A-Za-z]+|<<|>>/g;
        re.lastIndex = at;
        const hit = re.exec(s);
        if (!hit) break;
        const rep = m === 'number' ? ODD_NUMBERS[int(ODD_NUMBERS.length)] : KEYWORDS[int(KEYWORDS.length)];
        d = Buffer.from(s.slice(0, hit.index) + rep + s.slice(hit.index + hit[0].length), 'latin1');
        break;
      }
    }
  }
  return { data: d, applied };
}
