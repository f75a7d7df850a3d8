import { describe, expect, it } from 'vitest';
import { findBoxes } from '../../src/layout/boxes.js';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { hrule, lineWords, page, vrule } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const WORDS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu'];
const bodyText = (n: number) => `Body text ${WORDS[n % WORDS.length]} goes on here with enough words to be a body line.`;
const body = (n: number, base: number) => lineWords(bodyText(n), 71, base);

describe('running headers and footers', () => {
  it('removes text repeated at the same place on most pages, digits normalised', () => {
    const pages = [1, 2, 3, 4, 5].map((n) =>
      layoutPage(page([...lineWords('DOC/123', 480, 54), ...lineWords(`Page ${n}`, 490, 68), ...body(n, 200), ...lineWords(`- ${n} -`, 290, 800)], [], n)),
    );
    layoutDocument(pages, generic);
    for (const p of pages) {
      expect(p.lines.filter((l) => l.zone === 'body').map((l) => l.text)).toEqual([bodyText(p.number)]);
    }
  });

  it('keeps a heading that happens to sit at the top of a few pages', () => {
    const pages = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) =>
      layoutPage(page([...lineWords('DOC/123', 480, 54), ...(n <= 3 ? lineWords('Statistics', 71, 90) : []), ...body(n, 200)], [], n)),
    );
    layoutDocument(pages, generic);
    expect(pages[0].lines.find((l) => l.text === 'Statistics')?.zone).toBe('body');
    expect(pages[0].lines.find((l) => l.text === 'DOC/123')?.zone).toBe('header');
  });

  it('takes a header of profile parts joined by a spaced slash or bar as furniture, even on two pages', () => {
    const iom = BUILTIN_PROFILES.find((p) => p.spec.name !== 'generic' && p.furniture.length)!;
    const header = (n: number, sep: string) => lineWords(`MC/2278 ${sep} Page ${n}`, 440, 40);
    const pages = [layoutPage(page([...header(2, '/'), ...body(2, 200)], [], 1)), layoutPage(page([...header(18, '|'), ...body(3, 200)], [], 2))];
    layoutDocument(pages, iom);
    for (const p of pages) expect(p.lines[0].zone).toBe('header');
    // A title that merely contains a slash stays in the body.
    const other = layoutPage(page([...lineWords('Income / Expenditure', 71, 40), ...body(4, 200)], [], 3));
    layoutDocument([other], iom);
    expect(other.lines[0].zone).toBe('body');
  });

  it('removes a rarely repeated header line that sits between confirmed header lines', () => {
    const pages = Array.from({ length: 12 }, (_, i) => i + 1).map((n) =>
      layoutPage(
        page([...lineWords('DOC/123', 480, 54), ...(n > 9 ? lineWords('Annex', 480, 61) : []), ...lineWords(`Page ${n}`, 490, 68), ...body(n, 200)], [], n),
      ),
    );
    layoutDocument(pages, generic);
    expect(pages[11].lines.find((l) => l.text === 'Annex')?.zone).toBe('header');
  });

  it("takes an annex's extra header line, on one page only, for header when it sits in the header's tight stack", () => {
    const stack = (n: number, extra: string[]) =>
      ['DOC/123', 'English', ...extra, `Page ${n}`].flatMap((t, k) => lineWords(t, 440, 40 + 14 * k));
    const pages = [1, 2, 3, 4].map((n) => layoutPage(page([...stack(n, n === 4 ? ['Annex'] : []), ...body(n, 200)], [], n)));
    layoutDocument(pages, generic);
    expect(pages[3].lines.filter((l) => l.zone === 'body').map((l) => l.text)).toEqual([bodyText(4)]);
    // Set apart below the header block, a line seen once stays in the body.
    const apart = [1, 2, 3, 4].map((n) =>
      layoutPage(page([...stack(n, []), ...(n === 4 ? lineWords('Annex', 440, 110) : []), ...lineWords('Page', 440, 124), ...body(n, 200)], [], n)),
    );
    layoutDocument(apart, generic);
    expect(apart[3].lines.find((l) => l.text === 'Annex')?.zone).toBe('body');
  });

  it('takes a job number beside the continuation mark at the foot for a footer', () => {
    const p = layoutPage(page([...body(1, 200), ...body(2, 214), ...lineWords('87-10234', 71, 802), ...lineWords('/...', 480, 802)], [], 1));
    layoutDocument([p], generic);
    expect(p.lines.map((l) => l.zone)).toEqual(['body', 'body', 'footer']);
  });

  it('takes a page number and a job number standing apart at the foot for a footer, on a single page', () => {
    const footer = [...lineWords('3', 71, 802, { size: 8 }), ...lineWords('09-45678', 480, 802, { size: 8 })];
    const p = layoutPage(page([...body(1, 200), ...body(2, 214), ...footer], [], 3));
    layoutDocument([p], generic);
    expect(p.lines.map((l) => l.zone)).toEqual(['body', 'body', 'footer']);
    // A last body line that merely ends with a figure, close under the text, stays in the body.
    const q = layoutPage(page([...body(1, 760), ...lineWords('Total', 71, 774), ...lineWords('3', 480, 774)], [], 3));
    layoutDocument([q], generic);
    expect(q.lines.every((l) => l.zone === 'body')).toBe(true);
  });
});

describe('footnote zone', () => {
  it('takes smaller labelled lines under a short rule at the page bottom', () => {
    const p = layoutPage(
      page(
        [...body(1, 200), ...body(1, 214), ...lineWords('1 Excluding the Director General.', 71, 772, { size: 10 }), ...lineWords('more footnote text', 82, 783, { size: 10 })],
        [hrule(71, 184, 759)],
      ),
    );
    expect(p.lines.map((l) => l.zone)).toEqual(['body', 'body', 'footnote', 'footnote']);
  });

  it('opens with a note marked "*" under a short drawn rule, and ends at a wide gap above the footer', () => {
    const p = layoutPage(
      page(
        [
          ...body(1, 200),
          ...lineWords('* A/64/150.', 71, 740, { size: 8 }),
          ...lineWords('1 See the report of the Secretary-General.', 71, 752, { size: 8 }),
          ...lineWords('2', 71, 802, { size: 8 }),
          ...lineWords('09-45678', 480, 802, { size: 8 }),
        ],
        [hrule(71, 150, 730)],
      ),
    );
    expect(p.lines.map((l) => l.zone)).toEqual(['body', 'footnote', 'footnote', 'footer']);
  });

  it('does not take a ruled table at the bottom for footnotes', () => {
    const p = layoutPage(
      page([...body(1, 200), ...body(1, 214), ...lineWords('1 Africa 478', 150, 700, { size: 9 }), ...lineWords('2 Asia 426', 150, 712, { size: 9 })], [hrule(150, 300, 690), hrule(150, 300, 720)]),
    );
    expect(p.lines.every((l) => l.zone === 'body')).toBe(true);
  });

  it("does not take the note under a table set in from the margin for footnotes, even OCR'd", () => {
    const ocr = (ws: ReturnType<typeof lineWords>) => ws.map((w) => ({ ...w, conf: 90 }));
    const words = ocr([...body(1, 200), ...body(1, 214), ...lineWords('Total 2 167', 150, 700, { size: 9 }), ...lineWords('* Source: Appendix 3 of the Financial Report', 71, 730, { size: 8 })]);
    const p = layoutPage({ ...page(words, [hrule(150, 400, 706)]), source: 'ocr' });
    expect(p.lines.every((l) => l.zone === 'body')).toBe(true);
  });
});

describe('boxes', () => {
  it('finds a frame drawn as four rules', () => {
    expect(findBoxes([hrule(76, 519, 183), hrule(76, 519, 310), vrule(76, 183, 311), vrule(518.8, 183, 311)])).toHaveLength(1);
  });
  it('finds a frame drawn as one rectangle', () => {
    expect(findBoxes([{ x0: 70, y0: 100, x1: 500, y1: 200, kind: 'rect' }])).toHaveLength(1);
  });
  it('does not take a ruled grid (a table) for a box', () => {
    const grid = [hrule(76, 519, 100), hrule(76, 519, 150), hrule(76, 519, 200), vrule(76, 100, 200), vrule(300, 100, 200), vrule(519, 100, 200)];
    expect(findBoxes(grid)).toHaveLength(0);
  });
  it('takes a shaded header band for a table\'s rules, not a box; a shaded box of prose stays a box', () => {
    const band = { x0: 100, y0: 104, x1: 380, y1: 124, kind: 'rect' as const, filled: true };
    const header = [...lineWords('Region', 104, 118, { size: 10 }), ...lineWords('2007', 250, 118, { size: 10 }), ...lineWords('2008', 330, 118, { size: 10 })];
    expect(findBoxes([band], undefined, header)).toHaveLength(0);
    // The same band stroked is a frame; without words to go by, a filled rectangle is one too.
    expect(findBoxes([{ ...band, filled: false }], undefined, header)).toHaveLength(1);
    expect(findBoxes([band])).toHaveLength(1);
    const tinted = { x0: 70, y0: 100, x1: 500, y1: 160, kind: 'rect' as const, filled: true };
    const prose = [...lineWords('Strategy point: a tinted box of running text set in the', 80, 120, { size: 10 }), ...lineWords('body size, with ordinary word spaces.', 80, 134, { size: 10 })];
    expect(findBoxes([tinted], undefined, prose)).toHaveLength(1);
  });

  it('marks the lines inside a box', () => {
    const p = layoutPage(page([...body(1, 150), ...lineWords('Boxed strategy point', 90, 240, { size: 10 })], [hrule(76, 519, 183), hrule(76, 519, 310), vrule(76, 183, 311), vrule(518.8, 183, 311)]));
    expect(p.lines.map((l) => l.box)).toEqual([undefined, 0]);
  });
});
