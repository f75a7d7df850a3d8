/**
 * Limits: a page that never ends is stopped by --page-timeout with an error naming the page (not a
 * hang), and a document longer than --max-pages is refused before its pages are read; the rest of
 * the batch is extracted.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bad, cli, entries, errorLines, tempDir, type CliResult } from './helpers/cli.js';
import { simplePdf } from './helpers/pdf.js';

describe('limits', () => {
  const root = tempDir('rx-limits-');
  const twelve = path.join(root, 'twelve-pages.pdf');
  const out = path.join(root, 'out');
  let r: CliResult;
  let summary: { inputs: { file: string; ok: boolean; seconds: number; error: unknown }[] };

  beforeAll(async () => {
    writeFileSync(twelve, simplePdf(Array.from({ length: 12 }, (_, i) => ({ text: [`${i + 1}. Paragraph on page ${i + 1}.`] }))));
    r = await cli(['extract', bad('form-bomb.pdf'), twelve, bad('text-ok.pdf'), '--page-timeout', '1.5', '--max-pages', '10', '--jobs', '2', '--out', out, '--summary', path.join(root, 's.json')]);
    summary = JSON.parse(readFileSync(path.join(root, 's.json'), 'utf8'));
  });

  it('stops a pathological page at --page-timeout and names the page', () => {
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr).get(bad('form-bomb.pdf'))).toEqual(['page 1 of 1 took longer than 1.5 s (--page-timeout); gave up']);
    const bomb = summary.inputs[0];
    expect(bomb.error).toEqual({ code: 'timeout', message: 'page 1 of 1 took longer than 1.5 s (--page-timeout); gave up', page: 1 });
    // Stopped at the limit, not long after it (the worker is terminated, not asked to stop).
    expect(bomb.seconds).toBeGreaterThanOrEqual(1.5);
    expect(bomb.seconds).toBeLessThan(6);
  });

  it('refuses a document with more pages than --max-pages before reading them', () => {
    expect(errorLines(r.stderr).get(twelve)).toEqual(['has 12 pages, more than the limit of 10 (raise it with --max-pages)']);
    expect(summary.inputs[1].error).toMatchObject({ code: 'too-many-pages' });
  });

  it('extracts the rest of the batch and leaves nothing of the failures', () => {
    expect(summary.inputs[2].ok).toBe(true);
    expect(entries(out)).toEqual(['text-ok']);
  });
});
