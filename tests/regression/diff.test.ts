import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffCommand } from '../../src/evaluate/diff-command.js';
import { diffFolders, diffHeadings, lcs, type DiffReport } from '../../src/evaluate/diff.js';
import { writeDocument } from '../../src/export/write.js';
import { extractFile } from '../../src/pipeline.js';
import type { Heading } from '../../src/validate/schemas.js';
import { useTempDir } from '../evaluate/helpers/temp.js';
import { tinyFolder, writeTinyFolder } from './helpers.js';

const tempDir = useTempDir('diff');

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await diffCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Two tiny folders; `edit` changes the second before it is written. */
async function pair(edit: (f: ReturnType<typeof tinyFolder>) => void = () => {}): Promise<[string, string]> {
  const dir = await tempDir();
  const a = await writeTinyFolder(join(dir, 'a'), tinyFolder({ totalMs: 10 }));
  const second = tinyFolder({ totalMs: 99_999 });
  edit(second);
  const b = await writeTinyFolder(join(dir, 'b'), second);
  return [a, b];
}

const summary = (r: DiffReport) => r.changes.map((c) => `${c.change} ${c.kind} ${c.key}${c.fields.length ? `: ${c.fields.map((f) => f.field).join(',')}` : ''}`);

describe('report-extract diff', () => {
  it('finds no difference between identical folders (timings aside) and exits 0', async () => {
    const [a, b] = await pair();
    expect((await diffFolders(a, b)).equal).toBe(true);
    const result = await run([a, b]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('No differences: 3 paragraphs, 4 headings, 2 footnotes, 5 blocks, 1 tables, 9 cells');
    expect(result.stderr).toBe('');
  });

  it('reports exactly the one cell that was edited and exits 1', async () => {
    const [a, b] = await pair((f) => {
      const cell = f.cells.find((c) => c.row === 2 && c.col === 2)!;
      cell.text = '40';
      cell.value = 40;
      f.tables![0].grid[2][2] = '40';
    });
    const report = await diffFolders(a, b);
    expect(summary(report)).toEqual(['changed cell things/2/2: text,value,grid']);
    expect(report.changes[0].fields).toEqual([
      { field: 'text', a: '4', b: '40' },
      { field: 'value', a: 4, b: 40 },
      { field: 'grid', a: '4', b: '40' },
    ]);
    expect(report.counts.cell).toEqual({ a: 9, b: 9, added: 0, removed: 0, changed: 1 });

    const text = await run([a, b]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain('1 change:');
    expect(text.stdout).toContain('cells        1 changed (9 → 9)');
    expect(text.stdout).toContain('~ cell things/2/2: text "4" → "40"; value 4 → 40; grid "4" → "40"');

    const json = await run([a, b, '--json']);
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as DiffReport;
    expect(parsed.equal).toBe(false);
    expect(parsed.changes).toHaveLength(1);
    expect(parsed.changes[0]).toMatchObject({ kind: 'cell', change: 'changed', key: 'things/2/2' });
  });

  it('notices an edit in the grid file alone, and a cell only in the grid', async () => {
    const dir = await tempDir();
    const a = await writeTinyFolder(join(dir, 'a'), tinyFolder());
    const b = await writeTinyFolder(join(dir, 'b'), tinyFolder());
    const gridPath = join(b, 'tables', 'things.csv');
    await writeFile(gridPath, (await readFile(gridPath, 'utf8')).replace('Europe,3,4', 'Europe,3,4,note'));
    const report = await diffFolders(a, b);
    expect(summary(report)).toEqual(['added cell things/2/3']);
  });

  it('compares paragraphs by number, footnotes by number and blocks by block_id and item', async () => {
    const [a, b] = await pair((f) => {
      f.paragraphs[0].text = 'Alpha beta delta.';
      f.paragraphs[1].page = 3;
      f.paragraphs.pop();
      f.paragraphs.push({ ...f.paragraphs[0], number: 5, text: 'New.' });
      f.footnotes[1].text = 'Changed.';
      f.blocks[1].label = '9';
      f.blocks.splice(2, 1);
    });
    const report = await diffFolders(a, b);
    expect(summary(report)).toEqual([
      'changed paragraph 1: text',
      'changed paragraph 2: page',
      'removed paragraph 4',
      'added paragraph 5',
      'changed footnote 2: text',
      'changed block box-1/1: label',
      'removed block list-1/1',
    ]);
    const text = await run([a, b, '--limit', '2']);
    expect(text.stdout).toContain('~ paragraph 1: text "Alpha  beta\ngamma." → "Alpha beta delta."');
    expect(text.stdout).toContain('First 2 changes (--json for all):');
    expect(text.stdout).toContain('… 5 more');
  });

  it('compares tables.csv metadata by table id and report.json leaf by leaf', async () => {
    const [a, b] = await pair((f) => {
      f.tables![0].record.title = 'Table 1: Other things';
      (f.report!.metadata as { year: number }).year = 2009;
      (f.report!.validation as { checks: { ok: boolean }[] }).checks[0].ok = false;
      (f.report!.counts as { paragraphs: number }).paragraphs = 99;
    });
    expect(summary(await diffFolders(a, b))).toEqual([
      'changed table things: title',
      'changed report metadata.year: value',
      'changed report validation.checks[name=paragraph-sequence].ok: value',
    ]);
  });

  it('exits 2 on usage errors and unreadable folders', async () => {
    const [a] = await pair();
    for (const argv of [[], [a], [a, a, a], [a, a, '--bogus'], [a, a, '--limit', 'many']]) {
      const result = await run(argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: report-extract diff');
    }
    const missing = await run([a, join(a, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist');
    await writeFile(join(a, 'paragraphs.csv'), 'number,page,section,subsection,heading,footnotes,text\nx,1,,,,,t\n');
    const broken = await run([a, a]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('paragraphs.csv line 2');
    expect((await run(['--help'])).code).toBe(0);
  });

  it('finds no change between two runs of the extractor on the same input', async () => {
    const dir = await tempDir();
    const first = await writeDocument(join(dir, 'one'), await extractFile('fixtures/mc2278/report.txt'));
    const second = await writeDocument(join(dir, 'two'), await extractFile('fixtures/mc2278/report.txt'));
    const report = await diffFolders(first, second);
    expect(report.changes).toEqual([]);
    expect(report.counts.paragraph.a).toBeGreaterThan(300);
  }, 60_000);
});

describe('diffHeadings', () => {
  const h = (level: number, label: string, title: string, page = 1): Heading => ({ level, label, title, page, style: '' });
  const base = [h(1, '', 'INTRODUCTION'), h(1, 'I', 'FIRST'), h(2, 'A', 'Sub one'), h(3, '', 'Detail'), h(1, 'II', 'SECOND')];

  it('aligns by order and reports a relevelled, a retitled, an inserted and a dropped heading', () => {
    const after = [h(1, '', 'INTRODUCTION'), h(1, 'I', 'FIRST'), h(2, 'A', 'Sub one (renamed)'), h(3, '', 'New'), h(2, '', 'Detail'), h(1, 'II', 'SECOND', 2)];
    const changes = diffHeadings(base, after).map((c) => `${c.change} ${c.key}${c.fields.length ? `: ${c.fields.map((f) => f.field).join(',')}` : ''}`);
    expect(changes).toEqual(['changed 3→3 L2 A. "Sub one": title', 'changed 4→5 L3 "Detail": level', 'added 4 L3 "New"', 'changed 5→6 L1 II. "SECOND": page']);
  });

  it('reports a removed heading once, without disturbing the rest', () => {
    const changes = diffHeadings(base, base.filter((x) => x.title !== 'Sub one'));
    expect(changes.map((c) => `${c.change} ${c.key}`)).toEqual(['removed 3 L2 A. "Sub one"']);
  });
});

describe('lcs', () => {
  it('aligns with the common prefix and suffix taken first', () => {
    expect(lcs(['a', 'b', 'c', 'd', 'e'], ['a', 'x', 'c', 'e'])).toEqual([
      [0, 0],
      [2, 2],
      [4, 3],
    ]);
    expect(lcs([], ['a'])).toEqual([]);
    expect(lcs(['a', 'b'], ['a', 'b'])).toEqual([
      [0, 0],
      [1, 1],
    ]);
  });

  it('stays fast on very long, very different lists', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `h${i}`);
    const b = Array.from({ length: 5000 }, (_, i) => `h${i % 2 === 0 ? i : i + 100_000}`);
    const t0 = performance.now();
    const pairs = lcs(['start', ...a], ['other', ...b]);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(pairs).toHaveLength(2500);
  });
});
