/**
 * Drift on next year's report: the bundled text dump, edited as a new edition might differ — an
 * annex table's column renamed, a row dropped — must produce exactly the matching findings from
 * the series' expected tables (declared in the IOM profile).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';

let dir = '';
let original = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'report-extract-drift-'));
  original = await readFile('fixtures/mc2278/report.txt', 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function findings(text: string, key: string): Promise<string[]> {
  const file = path.join(dir, `edited-${Math.random().toString(36).slice(2)}.txt`);
  await writeFile(file, text);
  const doc = await extractFile(file, { profile: 'iom-governing-bodies' });
  const c = doc.checks.find((x) => x.name === 'expected-table' && (x.data as { key: string }).key === key)!;
  return (c.data as { findings: string[] }).findings;
}

/** The annex's first table: from its numbered title to its source line. */
function editAnnexTable1(text: string, edit: (block: string) => string): string {
  const start = text.indexOf('1. IOM Total Expenditures 2004-2008');
  const end = text.indexOf('Source: Financial Reports', start);
  expect(start).toBeGreaterThan(0);
  return text.slice(0, start) + edit(text.slice(start, end)) + text.slice(end);
}

describe('drift of the expected annex tables (text dump)', () => {
  it('the unedited dump has no drift in the annex expenditure table', async () => {
    expect(await findings(original, 'annex-total-expenditures')).toEqual([]);
  });

  it('reports a renamed column', async () => {
    const edited = editAnnexTable1(original, (b) => b.replace(' 2004 2005 2006 2007 2008 ', ' 2004 2005 2006 2007 2009 '));
    expect(await findings(edited, 'annex-total-expenditures')).toEqual(['column "2008" renamed to "2009"']);
  });

  it('reports a dropped row, and the total that no longer adds up', async () => {
    const edited = editAnnexTable1(original, (b) => b.replace(/^Operational Programmes 607\.9.*\n/m, ''));
    const f = await findings(edited, 'annex-total-expenditures');
    expect(f[0]).toBe('row "Operational Programmes" missing');
    expect(f.slice(1).every((x) => x.startsWith('total no longer adds up'))).toBe(true);
    expect(f.length).toBeGreaterThan(1);
  });
});
