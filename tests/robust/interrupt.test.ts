/** Ctrl-C during a run: exit 130, a one-line notice, and no half-written output folder. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, entries, fixture, tempDir } from './helpers/cli.js';

describe('interrupt', () => {
  const root = tempDir('rx-int-');

  it('exits 130 on SIGINT and leaves nothing half-written', async () => {
    const out = path.join(root, 'out');
    // The 80-page fixture takes several seconds: the signal arrives while it is being read.
    const r = await cli(['extract', fixture('report.pdf'), '--out', out], { onSpawn: (child) => setTimeout(() => child.kill('SIGINT'), 2500) });
    expect(r.code).toBe(130);
    expect(r.stderr).toMatch(/report-extract: interrupted \(SIGINT\); unfinished output folders were removed\n$/);
    expect(entries(out)).toEqual([]);
  });
});
