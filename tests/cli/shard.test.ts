/**
 * --shard K/N: shards are a deterministic partition of the inputs by their path relative to the root
 * given, and the union of N shard runs is the unsharded run, byte for byte (report.json but for its
 * timings), with the same doc-ids and the same failures.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignDocIds, expandInputs } from '../../src/cli/inputs.js';
import { parseShard, shardOf } from '../../src/cli/shard.js';
import { mergeCommand } from '../../src/evaluate/merge-command.js';
import { dumpDatabase } from '../helpers/sqlite.js';
import { bad, cli, entries, tempDir } from '../robust/helpers/cli.js';

/** Every file under `dir`: relative path → contents (report.json without its timings). */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name === 'report.json') out.set(path.relative(dir, p), JSON.stringify({ ...JSON.parse(readFileSync(p, 'utf8')), timings: undefined }));
      else out.set(path.relative(dir, p), readFileSync(p, 'latin1'));
    }
  };
  walk(dir);
  return out;
}

describe('shard keys', () => {
  it('parses K/N and refuses anything else', () => {
    expect(parseShard('2/5')).toEqual({ k: 2, n: 5 });
    for (const bad of ['3/2', '0/2', '1/0', '1', 'a/b', '-1/2', '1/2/3']) expect(() => parseShard(bad), bad).toThrow(/--shard must be K\/N/);
  });

  it('spreads keys over every shard, the same way every time', () => {
    const keys = Array.from({ length: 400 }, (_, i) => `reports/${2000 + (i % 20)}/doc-${i}.pdf`);
    const counts = [0, 0, 0, 0];
    for (const k of keys) counts[shardOf(k, 4) - 1]++;
    for (const c of counts) expect(c).toBeGreaterThan(60); // 100 expected each
    expect(keys.map((k) => shardOf(k, 4))).toEqual(keys.map((k) => shardOf(k, 4)));
    expect(keys.every((k) => shardOf(k, 1) === 1)).toBe(true);
  });

  it('hash the path relative to the folder given, wherever the corpus is mounted', async () => {
    const a = tempDir('rx-shard-a-');
    const b = tempDir('rx-shard-b-');
    for (const root of [a, b]) {
      mkdirSync(path.join(root, 'corpus/2008'), { recursive: true });
      copyFileSync(bad('utf8.txt'), path.join(root, 'corpus/2008/report.txt'));
    }
    const [ia] = await expandInputs([path.join(a, 'corpus')]);
    const [ib] = await expandInputs([path.join(b, 'corpus')]);
    expect(ia.key).toBe('2008/report.txt');
    expect(ib.key).toBe(ia.key);
    const [ig] = await expandInputs([path.join(a, 'corpus/*/*.txt')]);
    expect(ig.key).toBe('2008/report.txt');
  });
});

describe('--shard K/N', () => {
  const root = tempDir('rx-shard-');
  const corpus = path.join(root, 'corpus');
  const N = 3;
  // Small text dumps (fast), two with one name (doc-id clash) and one that fails.
  const files: [string, string][] = [
    ['2007/report.txt', 'utf8.txt'],
    ['2008/report.txt', 'latin1.txt'],
    ['2008/annex.txt', 'windows-1252.txt'],
    ['2009/report.txt', 'utf16le-bom.txt'],
    ['2009/summary.txt', 'utf8-bom.txt'],
    ['2010/report.txt', 'utf16be.txt'],
    ['2010/broken.txt', 'image.txt'],
    ['2011/overview.txt', 'utf16le.txt'],
  ];
  const whole = path.join(root, 'whole');
  const shards = Array.from({ length: N }, (_, i) => path.join(root, `shard-${i + 1}`));
  const results: { code: number | null; stderr: string }[] = [];

  beforeAll(async () => {
    for (const [to, from] of files) {
      mkdirSync(path.dirname(path.join(corpus, to)), { recursive: true });
      copyFileSync(bad(from), path.join(corpus, to));
    }
    const runs = [
      cli(['extract', corpus, '--out', whole, '--jobs', '2', '-q', '--summary', `${whole}.json`, '--format', 'csv,json,sqlite', '--db', `${whole}.sqlite`]),
      ...shards.map((out, i) => cli(['extract', corpus, '--out', out, '--jobs', '2', '--shard', `${i + 1}/${N}`, '--summary', `${out}.json`, '--format', 'csv,json,sqlite', '--db', `${out}.sqlite`])),
    ];
    results.push(...(await Promise.all(runs)));
  }, 240_000);

  it('every input is in exactly one shard, and shards are not all one', async () => {
    const inputs = assignDocIds(await expandInputs([corpus]));
    const owners = inputs.map((i) => shardOf(i.key, N));
    expect(new Set(owners).size).toBeGreaterThan(1);
    for (const [i, out] of shards.entries()) {
      const mine = inputs.filter((_, n) => owners[n] === i + 1);
      const summary = JSON.parse(readFileSync(`${out}.json`, 'utf8')) as { inputs: { file: string }[] };
      expect(summary.inputs.map((e) => e.file)).toEqual(mine.map((m) => m.file));
      expect(results[i + 1].stderr).toContain(`shard ${i + 1}/${N}: ${mine.length} of ${inputs.length} inputs`);
    }
  });

  it('the union of the shard runs is the unsharded run', () => {
    const union = new Map<string, string>();
    for (const out of shards) {
      for (const [file, body] of snapshot(out)) {
        expect(union.has(file), `${file} in two shards`).toBe(false);
        union.set(file, body);
      }
    }
    const one = snapshot(whole);
    expect([...union.keys()].sort()).toEqual([...one.keys()].sort());
    for (const [file, body] of one) expect(union.get(file), file).toBe(body);
    // Same doc-ids as one run: the clashing report.txt files were renamed the same way.
    expect(entries(whole).filter((e) => e.startsWith('report'))).toEqual(['report', 'report-txt', 'report-txt-2', 'report-txt-3']);
  });

  it('the shards\' databases merged are the unsharded run\'s database', async () => {
    const merged = path.join(root, 'merged.sqlite');
    const io = { stdout: () => {}, stderr: () => {} };
    expect(await mergeCommand([...shards.map((s) => `${s}.sqlite`), '--db', merged], io)).toBe(0);
    const one = dumpDatabase(`${whole}.sqlite`);
    expect(one.documents).toHaveLength(files.length - 1);
    expect(dumpDatabase(merged)).toEqual(one);
    // Every box of boxes.csv is a row of the boxes table.
    const csvBoxes = entries(whole)
      .filter((d) => existsSync(path.join(whole, d, 'boxes.csv')))
      .reduce((n, d) => n + readFileSync(path.join(whole, d, 'boxes.csv'), 'utf8').trim().split('\n').length - 1, 0);
    expect(csvBoxes).toBeGreaterThan(0);
    expect(one.boxes).toHaveLength(csvBoxes);
  });

  it('failures and exit codes add up: the failing input fails in its shard only', () => {
    const failing = results.slice(1).filter((r) => r.stderr.includes('broken.txt'));
    expect(failing).toHaveLength(1);
    expect(failing[0].code).toBe(1);
    expect(results[0].code).toBe(1);
    const entriesOf = (f: string) => (JSON.parse(readFileSync(f, 'utf8')).inputs as object[]).map((e) => ({ ...e, seconds: undefined }));
    const union = shards.flatMap((s) => entriesOf(`${s}.json`));
    expect(union.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(entriesOf(`${whole}.json`).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))));
  });

  it('--shard 3/2 is one clear line, exit 2, and writes nothing', async () => {
    const out = path.join(root, 'refused');
    const r = await cli(['extract', corpus, '--out', out, '--shard', '3/2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('report-extract: extract: --shard must be K/N with 1 <= K <= N (shard K of N), not "3/2"\n');
    expect(entries(out)).toEqual([]);
  });
});
