/**
 * Limits: a page that never ends is stopped by --page-timeout with an error naming the page (not a
 * hang), and a document longer than --max-pages is refused before its pages are read.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bad, cli, entries, errorLines, tempDir } from './helpers/cli.js';
import { simplePdf } from './helpers/pdf.js';

describe.concurrent('limits', () => {
  const root = tempDir('rx-limits-');

  it('stops a pathological page at --page-timeout, names the page, and goes on with the batch', async () => {
    const out = path.join(root, 'bomb');
    const r = await cli(['extract', bad('form-bomb.pdf'), bad('text-ok.pdf'), '--page-timeout', '1.5', '--jobs', '1', '--out', out, '--summary', path.join(root, 'bomb.json')]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr).get(bad('form-bomb.pdf'))).toEqual(['page 1 of 1 took longer than 1.5 s (--page-timeout); gave up']);
    expect(entries(out)).toEqual(['text-ok']);
    const summary = JSON.parse(readFileSync(path.join(root, 'bomb.json'), 'utf8'));
    const bomb = summary.inputs[0];
    expect(bomb.error).toEqual({ code: 'timeout', message: 'page 1 of 1 took longer than 1.5 s (--page-timeout); gave up', page: 1 });
    // Stopped at the limit, not long after it (the worker is terminated, not asked to stop).
    expect(bomb.seconds).toBeGreaterThanOrEqual(1.5);
    expect(bomb.seconds).toBeLessThan(6);
    // The next document ran on a fresh worker.
    expect(summary.inputs[1].ok).toBe(true);
  });

  it('refuses a document with more pages than --max-pages, and 0 means no limit', async () => {
    const file = path.join(root, 'twelve-pages.pdf');
    writeFileSync(file, simplePdf(Array.from({ length: 12 }, (_, i) => ({ text: [`${i + 1}. Paragraph on page ${i + 1}.`] }))));
    const out = path.join(root, 'pages');
    const r = await cli(['extract', file, '--max-pages', '10', '--out', out]);
    expect(r.code).toBe(1);
    expect(errorLines(r.stderr).get(file)).toEqual(['has 12 pages, more than the limit of 10 (raise it with --max-pages)']);
    expect(entries(out)).toEqual([]);
    const r2 = await cli(['extract', file, '--max-pages', '0', '--out', out, '-q']);
    expect(r2.code).toBe(0);
    expect(entries(out)).toEqual(['twelve-pages']);
  });
});
