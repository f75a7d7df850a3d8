/**
 * `JSON.stringify(value, null, 2)` written to a file piece by piece, so a long document's
 * report.json (tens of MB at 1,000 pages) is never one string in memory. Objects and arrays down
 * to `depth` levels are walked here; anything deeper is one JSON.stringify call, re-indented
 * (JSON text has no raw newline inside strings, so every '\n' in it is a line break). Arrays given
 * as `LazyArray` produce their elements one at a time, so the records need not be copied first.
 * The bytes are exactly those of JSON.stringify(value, null, 2) (tests/export/json-stream.test.ts).
 */
import { open } from 'node:fs/promises';

/** An array whose elements are made as they are written (and by JSON.stringify, through toJSON). */
export class LazyArray<T = unknown> {
  constructor(
    readonly length: number,
    readonly at: (i: number) => T,
  ) {}

  toJSON(): T[] {
    return Array.from({ length: this.length }, (_, i) => this.at(i));
  }
}

const INDENT = '  ';
/** Bytes gathered before each write to the file. */
const CHUNK = 1 << 16;

type Sink = (text: string) => void | Promise<void>;

/** Like JSON.stringify's treatment of one value: undefined when it is left out of an object. */
function leaf(v: unknown, indent: string): string | undefined {
  const s = JSON.stringify(v, null, 2) as string | undefined;
  return s === undefined ? undefined : s.includes('\n') ? s.replaceAll('\n', '\n' + indent) : s;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof LazyArray) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';

/** Write `v` (at nesting `indent`) through `sink`; `depth` levels of containers are walked. */
async function emit(v: unknown, indent: string, depth: number, sink: Sink): Promise<void> {
  const inner = indent + INDENT;
  if (depth > 0 && (Array.isArray(v) || v instanceof LazyArray)) {
    const n = v.length;
    if (!n) return sink('[]');
    await sink('[\n');
    for (let i = 0; i < n; i++) {
      const el = v instanceof LazyArray ? v.at(i) : v[i];
      await sink(inner);
      if (isPlainObject(el) || Array.isArray(el) || el instanceof LazyArray) await emit(el, inner, depth - 1, sink);
      else await sink(leaf(el, inner) ?? 'null');
      await sink(i < n - 1 ? ',\n' : '\n');
    }
    return sink(indent + ']');
  }
  if (depth > 0 && isPlainObject(v)) {
    let first = true;
    for (const [k, x] of Object.entries(v)) {
      const walk = isPlainObject(x) || Array.isArray(x) || x instanceof LazyArray;
      const text = walk ? '' : leaf(x, inner);
      if (!walk && text === undefined) continue;
      await sink(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(k)}: `);
      first = false;
      if (walk) await emit(x, inner, depth - 1, sink);
      else await sink(text!);
    }
    return sink(first ? '{}' : `\n${indent}}`);
  }
  return sink(leaf(v, indent) ?? 'null');
}

/** `JSON.stringify(value, null, 2)` as a string (for tests and small values). */
export async function stringifyStreamed(value: unknown, depth = 3): Promise<string> {
  let out = '';
  await emit(value, '', depth, (t) => {
    out += t;
  });
  return out;
}

/** Write `JSON.stringify(value, null, 2) + '\n'` to `file`, a chunk at a time. */
export async function writeJsonFile(file: string, value: unknown, depth = 3): Promise<void> {
  const fh = await open(file, 'w');
  try {
    let buf = '';
    await emit(value, '', depth, (t) => {
      buf += t;
      if (buf.length >= CHUNK) {
        const b = buf;
        buf = '';
        return fh.write(b).then(() => undefined);
      }
    });
    await fh.write(buf + '\n');
  } finally {
    await fh.close();
  }
}
