import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LazyArray, stringifyStreamed, writeJsonFile } from '../../src/export/json-stream.js';

const samples: unknown[] = [
  {},
  [],
  { a: 1, b: 'x\ny "q"', c: null, d: undefined, e: [], f: {}, g: [1, undefined, () => 1, 'z'], h: { i: [{ j: [] }, { k: { l: 2 } }] } },
  { records: { list: new LazyArray(3, (i) => ({ n: i, s: `r${i}`, nested: [i, { m: i }] })), empty: new LazyArray(0, () => 1) } },
  [new Date(0), NaN, -0, 1e21, true, 'é\u2028', { toJSON: () => ({ t: 1 }) }],
  'top',
  42,
  null,
];

describe('streamed JSON', () => {
  it('gives the bytes of JSON.stringify(value, null, 2) at any depth', async () => {
    for (const v of samples) {
      for (const depth of [0, 1, 2, 3, 5]) expect(await stringifyStreamed(v, depth)).toBe(JSON.stringify(v, null, 2));
    }
  });

  it('writes the file with a final newline, a chunk at a time', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'json-stream-'));
    try {
      const big = { rows: new LazyArray(5000, (i) => ({ i, text: 'word '.repeat(i % 40) })) };
      const file = path.join(dir, 'r.json');
      await writeJsonFile(file, big);
      expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(big, null, 2) + '\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
