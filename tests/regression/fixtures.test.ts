/**
 * Regression tests as a feature: every `fixtures/<doc>/` with a gold.json and a thresholds.json is
 * extracted (each input its thresholds name), scored against its gold, and fails when a figure
 * drops below its minimum, naming the figure, its value and the records behind the drop.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findFixtures, fixtureInputs, listFixtureFolders, runFixtureInput } from '../../src/evaluate/fixtures.js';
import { useTempDir } from '../evaluate/helpers/temp.js';

const ROOT = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const folders = await listFixtureFolders(ROOT);
const fixtures = await findFixtures(ROOT);
const tempDir = useTempDir('regression');

describe('fixture regression thresholds', () => {
  it('finds the fixtures, and every fixture with a gold file has thresholds', () => {
    expect(fixtures.map((f) => f.name)).toContain('mc2278');
    const withoutThresholds = folders.filter((f) => f.hasGold && !f.hasThresholds).map((f) => f.dir);
    expect(withoutThresholds, 'fixtures with a gold.json but no thresholds.json').toEqual([]);
  });

  for (const fixture of fixtures) {
    for (const input of fixtureInputs(fixture)) {
      it(`${fixture.name}: ${input.kind} input meets its thresholds`, async () => {
        expect(existsSync(input.file), `${input.file} (named in ${fixture.thresholdsPath}) exists`).toBe(true);
        const run = await runFixtureInput(input, await tempDir());
        expect(run.results.length).toBeGreaterThan(0);
        if (!run.ok) expect.fail(run.message);
      }, 180_000);
    }
  }
});
