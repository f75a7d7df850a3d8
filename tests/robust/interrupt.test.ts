/** Ctrl-C during a run: exit 130, a one-line notice, and no half-written output folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, entries, fixture, tempDir } from './helpers/cli.js';

describe('interrupt', () => {
  const root = tempDir('rx-int-');

  it('exits 130 on SIGINT and leaves nothing half-written', async () => {
    const out = path.join(root, 'out');
    // OCR of all 80 pages takes minutes, so the signal surely arrives mid-run (a plain read of the
    // fixture can finish before any fixed delay on a fast machine).
    const r = await cli(['extract', fixture('report.pdf'), '--ocr', 'always', '--out', out], { onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 2500) });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/report-extract: interrupted \(SIGINT\); unfinished output folders were removed\n$/);
    expect(entries(out)).toEqual([]);
  });
});
