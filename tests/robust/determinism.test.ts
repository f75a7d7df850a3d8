/**
 * Determinism: the same inputs give byte-identical CSV files on every run and with any --jobs
 * (with --jobs 1 the PDFs share one worker and its pdf.js state; with --jobs 3 each has its own,
 * and they finish in another order); report.json differs only in its timings.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bad, cli, fixture, tempDir } from './helpers/cli.js';

/** Every file under `dir`, relative path → bytes. */
function snapshot(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(path.relative(dir, p), readFileSync(p));
    }
  };
  walk(dir);
  return out;
}

const withoutTimings = (json: Buffer) => {
  const r = JSON.parse(json.toString('utf8'));
  delete r.timings;
  return r;
};

describe('determinism', () => {
  const root = tempDir('rx-det-');
  const inputs = [fixture('report.txt'), bad('excerpt-2p.pdf'), bad('partly-image.pdf'), bad('broken-xref.pdf'), bad('windows-1252.txt')];
  const runs: Map<string, Buffer>[] = [];

  beforeAll(async () => {
    const settings = [
      { jobs: '1', order: inputs, extra: [] },
      // --debug changes nothing on success: no stack, no library messages for these inputs.
      { jobs: '3', order: [...inputs].reverse(), extra: ['--debug'] },
    ];
    for (const [i, s] of settings.entries()) {
      const out = path.join(root, `run-${i}`);
      const r = await cli(['extract', ...s.order, '--jobs', s.jobs, '--out', out, '-q', ...s.extra]);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe('');
      runs.push(snapshot(out));
    }
  }, 240_000);

  it('writes the same files every time', () => {
    expect([...runs[1].keys()]).toEqual([...runs[0].keys()]);
    expect([...runs[0].keys()].filter((f) => f.endsWith('.csv')).length).toBeGreaterThanOrEqual(5 * 6);
  });

  it('writes byte-identical CSV files in a second run with --jobs 3 and the inputs reversed', () => {
    for (const [file, bytes] of runs[0]) {
      if (file.endsWith('.csv')) expect(runs[1].get(file)!.equals(bytes), file).toBe(true);
    }
  });

  it('writes report.json files that differ only in their timings', () => {
    for (const [file, bytes] of runs[0]) {
      if (!file.endsWith('report.json')) continue;
      expect(withoutTimings(runs[1].get(file)!), file).toEqual(withoutTimings(bytes));
    }
  });
});
