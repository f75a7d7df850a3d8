import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScore } from './helpers/run-score.js';
import { useTempDir } from './helpers/temp.js';
import { tinyGold, tinyOutput } from './helpers/tiny.js';
import { writeOutputFolder } from './helpers/write-output.js';

const tempDir = useTempDir('score-command');

const run = runScore;

async function tinyFolder(): Promise<{ out: string; gold: string }> {
  const dir = await tempDir();
  const gold = join(dir, 'gold.json');
  await writeFile(gold, JSON.stringify(tinyGold()));
  await writeOutputFolder(join(dir, 'out'), tinyOutput());
  return { out: join(dir, 'out'), gold };
}

describe('report-extract score', () => {
  it('prints the text report and exits 0 when no minimum is given', async () => {
    const { out, gold } = await tinyFolder();
    const result = await run([out, '--gold', gold]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Paragraphs   2/3 found');
    expect(result.stderr).toBe('');
  });

  it('exits 1 when a minimum fails, 0 when all are met', async () => {
    const { out, gold } = await tinyFolder();
    const failing = await run([out, '--gold', gold, '--min-exact', '0.9', '--min-tables', '0.5']);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('FAILED: exact');
    expect((await run([out, '--gold', gold, '--min-paragraphs', '0.6', '--min-headings', '0.5', '--min-footnotes', '0.5'])).code).toBe(0);
  });

  it('prints JSON with --json', async () => {
    const { out, gold } = await tinyFolder();
    const result = await run([out, '--gold', gold, '--json', '--min-exact=0.2']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.paragraphs.found).toBe(2);
    expect(report.thresholds[0]).toMatchObject({ name: 'exact', ok: true });
  });

  it('prints the usage with --help', async () => {
    const result = await run(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Usage: report-extract score');
  });

  it('exits 2 with the usage on stderr for usage errors', async () => {
    for (const argv of [[], ['out'], ['a', 'b', '--gold', 'g'], ['out', '--gold', 'g', '--min-exact', 'high'], ['out', '--gold', 'g', '--min-exact', '1.5'], ['out', '--gold', 'g', '--bogus']]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: report-extract score');
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 naming the file when an input cannot be read', async () => {
    const { out, gold } = await tinyFolder();
    const noGold = await run([out, '--gold', join(out, 'missing.json')]);
    expect(noGold.code).toBe(2);
    expect(noGold.stderr).toContain('missing.json');
    const noOutput = await run([join(out, 'nope'), '--gold', gold]);
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toContain('does not exist');
  });
});
