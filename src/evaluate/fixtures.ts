/**
 * Fixture regression runs: every `fixtures/<doc>/` with a `gold.json` and a `thresholds.json` is a
 * regression test. Each input the thresholds name is extracted in-process, written as an output
 * folder, read back and scored exactly as `report-extract score` does, then checked against the
 * minimums of its input kind.
 */
import { readdir } from 'node:fs/promises';
import { exists } from './command-io.js';
import { join } from 'node:path';
import { writeDocument } from '../export/write.js';
import { extractFile } from '../pipeline.js';
import { loadGold } from './gold.js';
import { readOutput } from './read-output.js';
import { scoreDocument, type ScoreReport } from './score.js';
import { checkFigures, checkTableMinima, formatFigureFailures, INPUT_KINDS, loadThresholds, measureFigures, type FigureName, type FigureResult, type InputKind, type Thresholds } from './thresholds.js';

export const GOLD_FILE = 'gold.json';
export const THRESHOLDS_FILE = 'thresholds.json';

export interface Fixture {
  /** The fixture folder's name, e.g. `mc2278`. */
  name: string;
  dir: string;
  thresholdsPath: string;
  thresholds: Thresholds;
  goldPath: string;
}

export interface FixtureInput {
  fixture: Fixture;
  kind: InputKind;
  /** Absolute or root-relative path of the input file. */
  file: string;
  /** The gold file it is scored against: its own when its thresholds name one, else the fixture's. */
  goldPath: string;
}


/** Sub-folders of `root` that hold a gold file, and whether each also has thresholds. */
export async function listFixtureFolders(root: string): Promise<{ name: string; dir: string; hasGold: boolean; hasThresholds: boolean }[]> {
  const entries = await readdir(root, { withFileTypes: true });
  const folders = entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name).sort();
  return Promise.all(
    folders.map(async (name) => {
      const dir = join(root, name);
      return { name, dir, hasGold: await exists(join(dir, GOLD_FILE)), hasThresholds: await exists(join(dir, THRESHOLDS_FILE)) };
    }),
  );
}

/** Every fixture folder under `root` with both a gold file and a thresholds file, thresholds parsed. */
export async function findFixtures(root: string): Promise<Fixture[]> {
  const folders = (await listFixtureFolders(root)).filter((f) => f.hasGold && f.hasThresholds);
  return Promise.all(
    folders.map(async ({ name, dir }) => {
      const thresholdsPath = join(dir, THRESHOLDS_FILE);
      const thresholds = await loadThresholds(thresholdsPath);
      return { name, dir, thresholdsPath, thresholds, goldPath: join(dir, thresholds.gold) };
    }),
  );
}

/** The inputs a fixture's thresholds name, pdf first. */
export function fixtureInputs(fixture: Fixture): FixtureInput[] {
  return INPUT_KINDS.flatMap((kind) => {
    const input = fixture.thresholds.inputs[kind];
    return input ? [{ fixture, kind, file: join(fixture.dir, input.file), goldPath: input.gold ? join(fixture.dir, input.gold) : fixture.goldPath }] : [];
  });
}

export interface FixtureRun {
  input: FixtureInput;
  /** The output folder written for the run. */
  outputDir: string;
  report: ScoreReport;
  results: FigureResult[];
  /** Every figure, thresholded or not. */
  measured: Record<FigureName, number | null>;
  ok: boolean;
  /** A one-line verdict when ok, else every failed figure with its records. */
  message: string;
}

/**
 * Extracts one fixture input into `outDir/<fixture>-<kind>/<doc-id>/`, scores it against its
 * gold (its own, or the fixture's) and checks it against the thresholds of its kind.
 */
export async function runFixtureInput(input: FixtureInput, outDir: string): Promise<FixtureRun> {
  const { fixture, kind } = input;
  const { min, tables_min: tablesMin = {} } = fixture.thresholds.inputs[kind]!;
  const doc = await extractFile(input.file);
  const outputDir = await writeDocument(join(outDir, `${fixture.name}-${kind}`), doc);
  const [output, gold] = await Promise.all([readOutput(outputDir), loadGold(input.goldPath)]);
  // Every differing paragraph, not just the 10 worst: a failure lists what changed.
  const report = scoreDocument(output, gold, { worst: Number.MAX_SAFE_INTEGER }, input.goldPath);
  const context = { report, output, gold };
  const results = [...checkFigures(context, min), ...checkTableMinima(context, tablesMin)];
  const ok = results.every((r) => r.ok);
  const title = `fixture ${fixture.name}, ${kind} input ${input.file} (thresholds: ${fixture.thresholdsPath})`;
  return { input, outputDir, report, results, measured: measureFigures(context), ok, message: formatFigureFailures(title, results) };
}
