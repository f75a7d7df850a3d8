/**
 * Text that a table interrupts runs on after it: a table set at the head of the next column, or
 * inside the paragraph's own column. Notes under a table and text after a finished sentence do not.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { page, word } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const SIZE = 9;
const PITCH = 11;
const LEFT = 60;
const RIGHT = 310;
const WIDTH = 225;

/** A line of prose set from x: justified over the column's width, or left-aligned (a paragraph's last line). */
function prose(text: string, x: number, base: number, justify = true): Word[] {
  const parts = text.split(' ');
  const inked = parts.reduce((n, p) => n + p.length * 0.5 * SIZE, 0);
  const space = justify && parts.length > 1 ? (WIDTH - inked) / (parts.length - 1) : 0.25 * SIZE;
  const out: Word[] = [];
  let cx = x;
  for (const t of parts) {
    const w = word({ text: t, x: cx, base, size: SIZE });
    out.push(w);
    cx = w.x1 + space;
  }
  return out;
}

/** Lines of a paragraph, the last one ragged unless `open` (the paragraph runs on elsewhere). */
function paragraph(lines: string[], x: number, base: number, open = false): Word[] {
  return lines.flatMap((t, i) => prose(t, x, base + i * PITCH, open || i < lines.length - 1));
}

/** A small table: a label and two figures a row. */
function table(x: number, base: number, rows: [string, string, string][]): Word[] {
  return rows.flatMap(([label, a, b], i) => [
    word({ text: label, x, base: base + i * PITCH, size: SIZE }),
    word({ text: a, x: x + WIDTH - 70 - a.length * 0.5 * SIZE, base: base + i * PITCH, size: SIZE }),
    word({ text: b, x: x + WIDTH - b.length * 0.5 * SIZE, base: base + i * PITCH, size: SIZE }),
  ]);
}

const ROWS: [string, string, string][] = [['Africa', '478', '22%'], ['Asia', '426', '20%'], ['Europe', '675', '32%'], ['Oceania', '199', '9%']];
const FILL = [
  'the report reviews the work done over the year by',
  'the offices in the field and at the headquarters of',
  'the organization together with its many partners in',
  'member states and in the other bodies of the system',
];

function run(words: Word[]) {
  const pages = [layoutPage(page(words))];
  layoutDocument(pages, generic);
  return assemble(pages, generic);
}

describe('text interrupted by a table', () => {
  it('runs on from the foot of the left column past a table at the head of the right column', () => {
    const words = [
      ...paragraph(['1. The first paragraph opens the report and it tells', ...FILL], LEFT, 100),
      ...paragraph(['2. The second paragraph starts at the foot of the left', ...FILL.slice(0, 3)], LEFT, 100 + 6 * PITCH, true),
      ...table(RIGHT, 100, ROWS),
      ...paragraph(['and ends at the head of the right column under the', 'table that stands above it.'], RIGHT, 100 + 5 * PITCH),
      ...paragraph(['3. The third paragraph follows and closes the page', 'in a few words.'], RIGHT, 100 + 8 * PITCH),
    ];
    const s = run(words);
    expect(s.paragraphs.map((p) => p.number)).toEqual([1, 2, 3]);
    expect(s.paragraphs[1].text).toMatch(/with its many partners in and ends at the head .* table that stands above it\.$/);
    expect(s.blocks.filter((b) => b.kind === 'note')).toEqual([]);
    expect(s.tabular.flatMap((b) => b.lines.map((l) => l.text))).toContain('Africa 478 22%');
  });

  it('runs on past a table set inside the paragraph\'s own column', () => {
    const words = [
      ...paragraph(['1. The first paragraph opens the report and it tells', ...FILL.slice(0, 2)], LEFT, 100, true),
      ...table(LEFT, 100 + 4 * PITCH, ROWS),
      ...paragraph(['and it ends under the table that stands inside it.'], LEFT, 100 + 9 * PITCH),
      ...paragraph(['2. The second paragraph follows and closes the page', 'in a few words.'], LEFT, 100 + 11 * PITCH),
    ];
    const s = run(words);
    expect(s.paragraphs.map((p) => p.number)).toEqual([1, 2]);
    expect(s.paragraphs[0].text).toMatch(/offices in the field and at the headquarters of and it ends under the table that stands inside it\.$/);
  });

  it('does not run on after an announcing colon, or into a source note under the table', () => {
    const words = [
      ...paragraph(['1. The first paragraph opens the report and it tells', 'the offices in the field and at the headquarters of', 'the breakdown by region of the work shows this here:'], LEFT, 100, true),
      ...table(LEFT, 100 + 4 * PITCH, ROWS),
      ...paragraph(['Regions as the organization defines them this year.'], LEFT, 100 + 9 * PITCH),
      ...paragraph(['2. The second paragraph follows and closes the page', 'in a few words.'], LEFT, 100 + 11 * PITCH),
    ];
    const s = run(words);
    expect(s.paragraphs[0].text).toMatch(/shows this here:$/);
    const openLast = [
      ...paragraph(['1. The first paragraph opens the report and it tells', ...FILL.slice(0, 2)], LEFT, 100, true),
      ...table(LEFT, 100 + 4 * PITCH, ROWS),
      ...paragraph(['Source: the offices of the organization in the field.'], LEFT, 100 + 9 * PITCH),
      ...paragraph(['2. The second paragraph follows and closes the page', 'in a few words.'], LEFT, 100 + 11 * PITCH),
    ];
    const t = run(openLast);
    expect(t.paragraphs[0].text).toMatch(/headquarters of$/);
  });
});
