/**
 * The table zoo (fixtures/table-zoo/make.ts): one generated page per table style of real
 * statistical documents, scored with the ICDAR 2013 measures like the dev set. Regenerating it
 * must give the committed bytes, and the pooled adjacency F1 and share of regions found must hold
 * the committed ratchet (`npm run eval:icdar -- --dir fixtures/table-zoo --update` raises it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, makeZoo } from '../../fixtures/table-zoo/make.js';
import { belowRatchet, ratchetOf, readRatchet, runIcdarEval } from '../../src/evaluate/eval-icdar.js';

describe('table zoo (npm run eval:icdar -- --dir fixtures/table-zoo)', () => {
  it('regenerates byte for byte', () => {
    for (const f of makeZoo()) {
      const committed = (ext: string): Buffer => readFileSync(join(FIXTURE_DIR, `${f.name}${ext}`));
      expect(f.pdf.equals(committed('.pdf')), `${f.name}.pdf differs: run npx tsx fixtures/table-zoo/make.ts`).toBe(true);
      expect(f.str, `${f.name}-str.xml`).toBe(committed('-str.xml').toString('utf8'));
      expect(f.reg, `${f.name}-reg.xml`).toBe(committed('-reg.xml').toString('utf8'));
    }
  });

  it('holds the committed ratchet: pooled cell-adjacency F1 and share of regions found', async () => {
    const result = await runIcdarEval(FIXTURE_DIR, { threads: 1 });
    expect(result.overall.goldTables).toBe(makeZoo().length);
    const measured = ratchetOf(result.overall);
    const committed = await readRatchet(join(FIXTURE_DIR, 'ratchet.json'));
    expect(belowRatchet(measured, committed), `measured ${JSON.stringify(measured)}`).toEqual([]);
  }, 120_000);
});
