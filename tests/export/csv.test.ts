import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeToString } from '@fast-csv/format';
import { describe, expect, it } from 'vitest';
import { writeRows } from '../../src/export/csv.js';

const tricky = ['plain', 'a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'pipe|bar', ' lead', 'trail ', '', 'nul\0byte', 'é ü ∑', '"', ',', '1;2;3', '-1 234.5'];

async function oracle(headers: string[] | null, rows: string[][]): Promise<string> {
  return writeToString(rows, { headers: headers ?? false, includeEndRowDelimiter: true, rowDelimiter: '\n' });
}

describe('CSV writing', () => {
  it('writes the bytes @fast-csv/format wrote, with and without a header', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csv-'));
    try {
      const rows = Array.from({ length: 3000 }, (_, i) => [tricky[i % tricky.length], String(i), tricky[(i * 7) % tricky.length]]);
      const short = [['only one'], ['a', 'b', 'c', 'd']];
      for (const [headers, body] of [
        [['h1', 'h,2', 'h"3'], rows],
        [null, rows],
        [null, short],
        [['x', 'y'], short],
      ] as [string[] | null, string[][]][]) {
        const file = path.join(dir, 'out.csv');
        await writeRows(file, headers, body);
        expect(readFileSync(file, 'utf8')).toBe(await oracle(headers, body));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
