import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOutput } from '../../src/evaluate/read-output.js';
import { useTempDir } from './helpers/temp.js';
import { tinyOutput } from './helpers/tiny.js';
import { writeOutputFolder } from './helpers/write-output.js';

const tempDir = useTempDir('read-output');

describe('readOutput', () => {
  it('reads back what was written, converting numbers, lists and empty cells', async () => {
    const dir = await tempDir();
    const records = tinyOutput();
    await writeOutputFolder(dir, { ...records, report: { source: { kind: 'pdf' } } });
    const output = await readOutput(dir);
    expect(output.paragraphs).toEqual(records.paragraphs);
    expect(output.headings).toEqual(records.headings);
    expect(output.footnotes).toEqual(records.footnotes);
    expect(output.blocks).toEqual(records.blocks);
    expect(output.tables).toEqual(records.tables);
    expect(output.report).toEqual({ source: { kind: 'pdf' } });
  });

  it('gives empty lists for the optional files and names a missing required one', async () => {
    const dir = await tempDir();
    await writeOutputFolder(dir, { ...tinyOutput(), tables: undefined });
    const output = await readOutput(dir);
    expect(output.tables).toEqual([]);
    expect(output.report).toBeNull();
    await rm(join(dir, 'footnotes.csv'));
    await expect(readOutput(dir)).rejects.toThrow(/footnotes\.csv is missing/);
    await expect(readOutput(join(dir, 'nope'))).rejects.toThrow(/does not exist/);
  });

  it('names a table grid that tables.csv lists but that is missing', async () => {
    const dir = await tempDir();
    await writeOutputFolder(dir, tinyOutput());
    await rm(join(dir, 'tables', 'things.csv'));
    await expect(readOutput(dir)).rejects.toThrow(/tables\/things\.csv is missing/);
  });

  it('reads files without the newest columns, and quoted fields with commas and newlines', async () => {
    const dir = await tempDir();
    await writeOutputFolder(dir, tinyOutput());
    await writeFile(join(dir, 'paragraphs.csv'), 'number,page,section,subsection,heading,footnotes,text\n7,3,INTRODUCTION,,,2;3,"He said ""yes"", then\nleft"\n');
    await writeFile(join(dir, 'headings.csv'), '\uFEFFlevel,label,title,page\n1,I,MIGRATION,\n');
    const output = await readOutput(dir);
    expect(output.paragraphs).toEqual([
      { number: 7, page: 3, section: 'INTRODUCTION', subsection: '', heading: '', footnotes: [2, 3], text: 'He said "yes", then\nleft', page_last: null },
    ]);
    expect(output.headings).toEqual([{ level: 1, label: 'I', title: 'MIGRATION', page: null, style: '' }]);
  });

  it('keeps blank grid rows and ragged rows as they are', async () => {
    const dir = await tempDir();
    await writeOutputFolder(dir, tinyOutput());
    await writeFile(join(dir, 'tables', 'things.csv'), 'Region,2007\n,\n\nAfrica,1,extra\n');
    const [table] = (await readOutput(dir)).tables;
    expect(table.grid).toEqual([['Region', '2007'], ['', ''], ['Africa', '1', 'extra']]);
  });

  it('reports a record the schema rejects with its file and line', async () => {
    const dir = await tempDir();
    await writeOutputFolder(dir, tinyOutput());
    await writeFile(join(dir, 'footnotes.csv'), 'number,paragraph,page,text\n1,2,1,Fine.\nx,2,1,Bad number.\n');
    await expect(readOutput(dir)).rejects.toThrow(/footnotes\.csv line 3[\s\S]*number/);
  });
});
