import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { belowRatchet, ratchetOf, readRatchet, runIcdarEval } from '../../src/evaluate/eval-icdar.js';

const DIR = 'fixtures/icdar2013-dev';

describe('ICDAR 2013 dev set (npm run eval:icdar)', () => {
  it('holds the committed ratchet: pooled cell-adjacency F1 and share of regions found', async () => {
    // One extraction run of the whole set; the ratchet file is only read here, never written.
    const result = await runIcdarEval(DIR, { threads: Math.min(2, availableParallelism()) });
    expect(result.overall.documents).toBe(52);
    expect(result.overall.goldTables).toBe(103);
    const measured = ratchetOf(result.overall);
    const committed = await readRatchet(`${DIR}/ratchet.json`);
    expect(belowRatchet(measured, committed), `measured ${JSON.stringify(measured)}`).toEqual([]);
  }, 300_000);
});

describe('ratchet', () => {
  it('holds the mean F1 per table only where the committed file has it', () => {
    const measured = { adjacencyF1: 0.95, regionsCompleteShare: 1, macroF1: 0.8 };
    expect(belowRatchet(measured, { adjacencyF1: 0.9, regionsCompleteShare: 1 })).toEqual([]);
    expect(belowRatchet(measured, { adjacencyF1: 0.9, regionsCompleteShare: 1, macroF1: 0.85 })).toEqual(['macroF1 0.8 < 0.85']);
  });
});
