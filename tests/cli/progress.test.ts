/**
 * Progress: one bar per document (pages, then OCR pages with the time left), rendered from fake
 * timings; drawn in place on a terminal, never on a pipe or with --quiet.
 */
import { describe, expect, it } from 'vitest';
import { duration, ocrEta, Progress, renderBar, renderProgress, type DocBar } from '../../src/cli/progress.js';

const doc = (over: Partial<DocBar['progress']>, extra: Partial<DocBar> = {}): DocBar => ({
  file: 'reports/2008/report.pdf',
  started: 0,
  progress: { pages: 80, read: 0, ocr: 0, ocrDone: 0, ...over },
  ...extra,
});

/** A stand-in for stderr. */
function stream(isTTY: boolean) {
  const s = { isTTY, columns: 120, text: '', write: (t: string) => ((s.text += t), true) };
  return s;
}

describe('rendering', () => {
  it('shows pages read as a bar', () => {
    expect(renderBar(doc({ read: 34 }), 1000)).toBe('reports/2008/report.pdf  [#########...........] 34/80 pages');
    expect(renderBar(doc({ pages: 0 }), 0)).toMatch(/^reports\/2008\/report\.pdf +\[\.{20}\] opening$/);
    expect(renderBar(doc({ read: 80 }), 0)).toContain('[####################] 80/80 pages');
  });

  it('then the OCR pages, with the time left once a page is recognised', () => {
    // --ocr always: 20 pages read and sent to OCR, none recognised yet.
    expect(renderBar(doc({ read: 20, ocr: 20 }, { ocrStarted: 0 }), 10_000)).toMatch(/\[\.{20}\] 20\/80 pages, OCR 0\/20$/);
    // 10 recognised in 50 s: 5 s a page; 10 sent and 60 unread to come.
    const d = doc({ read: 20, ocr: 20, ocrDone: 10 }, { ocrStarted: 0 });
    expect(ocrEta(d, 50_000)).toBe(350_000);
    expect(renderBar(d, 50_000)).toMatch(/\[###\.{17}\] 20\/80 pages, OCR 10\/20, ~5m50s left$/);
    // --ocr auto: a quarter of the pages read so far needed OCR, so a quarter of the rest will.
    const auto = doc({ read: 40, ocr: 10, ocrDone: 8 }, { ocrStarted: 2_000 });
    expect(ocrEta(auto, 18_000)).toBe(2_000 * (2 + 40 * 0.25));
    expect(renderBar(auto, 18_000)).toContain('OCR 8/10, ~24s left');
    expect(renderBar(doc({ read: 80, ocr: 80, ocrDone: 80 }, { ocrStarted: 0 }), 9_000)).toMatch(/80\/80 pages, OCR 80\/80$/);
  });

  it('formats durations', () => {
    expect([duration(0), duration(59_400), duration(61_000), duration(3_725_000)]).toEqual(['0s', '59s', '1m01s', '1h02m']);
  });

  it('draws the documents being read and the batch, each line within the terminal', () => {
    const docs = [doc({ read: 80 }, { finished: true }), doc({ read: 10 }, { file: 'b.pdf' }), doc({ pages: 0 }, { file: `${'long-name-'.repeat(5)}.pdf` })];
    const lines = renderProgress(docs, 1, 4, 0, 60);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^b\.pdf +\[#+\.+\] 10\/80 pages$/);
    expect(lines[1]).toMatch(/^…ong-name-long-name-\.pdf \[/);
    expect(lines[2]).toBe('1/4 files, 90 pages');
    expect(renderProgress(docs, 1, 4, 0, 30).every((l) => l.length <= 29)).toBe(true);
  });
});

describe('Progress', () => {
  it('draws on a terminal, in place, and clears before a message', () => {
    const out = stream(true);
    let now = 0;
    const p = new Progress(2, false, out as unknown as NodeJS.WriteStream, () => now);
    p.start(0, 'a.pdf');
    p.start(1, 'b.pdf');
    now = 1000;
    p.update(0, { pages: 10, read: 5, ocr: 0, ocrDone: 0 });
    expect(out.text).toContain('5/10 pages');
    // Three lines on screen (two bars and the batch): back up two lines, erase, print.
    const before = out.text.length;
    p.log('error: b.pdf: empty file (0 bytes)');
    expect(out.text.slice(before)).toMatch(/^\x1b\[2F\x1b\[Jerror: b\.pdf: empty file \(0 bytes\)\n/);
    p.fileDone(0);
    p.clear();
    expect(out.text.endsWith('\x1b[J')).toBe(true);
    expect(out.text).toContain('1/2 files');
  });

  it('draws nothing on a pipe or with --quiet', () => {
    for (const [tty, quiet] of [[false, false], [true, true]]) {
      const out = stream(tty);
      const p = new Progress(1, quiet, out as unknown as NodeJS.WriteStream);
      p.start(0, 'a.pdf');
      p.update(0, { pages: 10, read: 5, ocr: 5, ocrDone: 1 });
      p.fileDone(0);
      p.clear();
      expect(out.text).toBe('');
    }
  });
});
