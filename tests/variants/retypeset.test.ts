/**
 * The same report set differently: the bundled PDF's pages are re-laid out in memory — another
 * page size and font size, other margins, the running header moved to the foot, hanging
 * paragraph numbers, other font names — and the layout and structure stages must find the same
 * records. Nothing in them may depend on the fixture's geometry.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadGold, type Gold } from '../../src/evaluate/gold.js';
import { scoreFootnotes } from '../../src/evaluate/score-footnotes.js';
import { scoreHeadings } from '../../src/evaluate/score-headings.js';
import { scoreParagraphs } from '../../src/evaluate/score-paragraphs.js';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import { openPdf } from '../../src/load/pdf.js';
import { readPages } from '../../src/load/pdf-parallel.js';
import type { Page, Rect } from '../../src/model/page.js';
import { detectProfile } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';

let pages: Page[] = [];
let gold: Gold;

beforeAll(async () => {
  gold = await loadGold('fixtures/mc2278/gold.json');
  const data = new Uint8Array(await readFile('fixtures/mc2278/report.pdf'));
  const doc = await openPdf(data.slice());
  for await (const { page } of readPages(doc, data, doc.numPages)) pages.push(page);
  await doc.destroy();
}, 120_000);

const mapRect = <T extends Rect>(r: T, f: (x: number, y: number) => [number, number]): T => {
  const [x0, y0] = f(r.x0, r.y0);
  const [x1, y1] = f(r.x1, r.y1);
  return { ...r, x0: Math.min(x0, x1), y0: Math.min(y0, y1), x1: Math.max(x0, x1), y1: Math.max(y0, y1) };
};

/** Scale everything by k (page size, fonts) and move it by (dx, dy): other paper, margins, fonts. */
function rescale(p: Page, k: number, dx: number, dy: number, font: string): Page {
  const f = (x: number, y: number): [number, number] => [x * k + dx, y * k + dy];
  return {
    ...p,
    width: p.width * k + 2 * dx,
    height: p.height * k + 2 * dy,
    words: p.words.map((w) => ({ ...mapRect(w, f), base: w.base * k + dy, size: w.size * k, font: `${font}${w.bold ? '-Bold' : ''}${w.italic ? '-Italic' : ''}`, text: w.text, bold: w.bold, italic: w.italic })),
    rules: p.rules.map((r) => mapRect(r, f)),
    images: p.images.map((r) => mapRect(r, f)),
  };
}

/** Put the running header at the foot of the page instead. */
function headerToFooter(p: Page): Page {
  const band = 0.1 * p.height;
  const flip = (y: number) => p.height - (band - y) - 10;
  return { ...p, words: p.words.map((w) => (w.y1 < band ? { ...w, y0: flip(w.y1) - (w.y1 - w.y0), y1: flip(w.y1), base: flip(w.y1) - (w.y1 - w.base) } : w)) };
}

/** Paragraph numbers hanging in the left margin, the text indented as a block. */
function hangingNumbers(p: Page): Page {
  return { ...p, words: p.words.map((w) => (/^\d{1,3}\.$/.test(w.text) && w.x0 < 75 && w.size >= 11 ? { ...w, x0: w.x0 - 40, x1: w.x1 - 40 } : w)) };
}

function run(variant: (p: Page) => Page) {
  const laid = pages.map((p) => layoutPage(variant(p)));
  const profile = detectProfile(laid.slice(0, 3).flatMap((p) => p.lines.map((l) => l.text)));
  layoutDocument(laid, profile);
  const s = assemble(laid, profile);
  return {
    paragraphs: scoreParagraphs(gold, s.paragraphs),
    headings: scoreHeadings(gold, s.headings),
    footnotes: scoreFootnotes(gold, s.footnotes.map((f) => ({ ...f, page: f.page }))),
  };
}

const VARIANTS: [string, (p: Page) => Page][] = [
  ['larger paper, larger type, wider margins, another font', (p) => rescale(p, 1.18, 40, 25, 'Garamond')],
  ['smaller type and paper (A5-like), header as a footer', (p) => headerToFooter(rescale(p, 0.72, 10, 10, 'Arial'))],
  ['hanging paragraph numbers', hangingNumbers],
];

describe.each(VARIANTS)('re-typeset: %s', (_name, variant) => {
  it('finds the same paragraphs, headings and footnotes', () => {
    const r = run(variant);
    expect(r.paragraphs.found).toBe(372);
    expect(r.paragraphs.exactRate!).toBeGreaterThanOrEqual(0.99);
    expect(r.paragraphs.sectionRight!).toBeGreaterThanOrEqual(0.99);
    expect(r.headings.strict.f1!).toBeGreaterThanOrEqual(0.98);
    expect(r.footnotes.textRight).toBe(15);
    expect(r.footnotes.paragraphRight).toBe(15);
  });
});
