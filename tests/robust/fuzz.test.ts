/**
 * The CI fuzz set: a fixed seed, a few hundred mutations of a two-page excerpt of the fixture PDF
 * (compressed as committed, and with its streams uncompressed when qpdf is there), all through the
 * real CLI. No crash, no hang past the limits, every failure a known one-line error, no partial
 * output. `npm run fuzz` runs the same harness with thousands of cases.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatReport, runFuzz } from '../fuzz/run.js';
import { bad, tempDir } from './helpers/cli.js';

const CASES = Number(process.env.FUZZ_CI_CASES ?? 200);

describe('fuzz (CI seed set)', () => {
  const work = tempDir('rx-fuzz-');

  it(`${CASES} mutated PDFs: no crash, no hang, only clear one-line errors`, async () => {
    const inputs = [readFileSync(bad('excerpt-2p.pdf'))];
    try {
      const plain = path.join(work, 'excerpt-uncompressed.pdf');
      execFileSync('qpdf', ['--stream-data=uncompress', '--decode-level=generalized', bad('excerpt-2p.pdf'), plain], { stdio: 'ignore' });
      inputs.push(readFileSync(plain));
    } catch {
      // qpdf missing: the compressed excerpt alone
    }
    const r = await runFuzz({ inputs, seed: 1, cases: CASES, batch: CASES, jobs: 2, pageTimeout: 5, maxPages: 4, workDir: work });
    const report = formatReport(r);
    expect(r.cases, report).toBe(CASES);
    expect(r.crashes, report).toEqual([]);
    expect(r.hangs, report).toEqual([]);
    expect(r.internal, report).toEqual([]);
    expect(r.badLines, report).toEqual([]);
    expect(r.partialOutput, report).toEqual([]);
    // The set exercises both outcomes.
    expect(r.extracted, report).toBeGreaterThan(CASES / 10);
    expect(r.failed, report).toBeGreaterThan(CASES / 10);
  }, 300_000);
});
