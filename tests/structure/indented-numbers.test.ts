/**
 * Paragraph numbers at the paragraphs' first-line indent: a typeset resolution indents every clause
 * and operative paragraph half an inch, the number at that indent (more than three ems of 10 pt
 * type from the margin), the run-on lines back at the margin.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const MARGIN = 72;
const INDENT = 108;
const text = 'and the text runs on at the margin of the page to the right edge here';

/** A block: its first line at `x`, two run-on lines at the margin, 12 pt apart, in 10 pt type. */
const block = (x: number, first: string, base: number): Word[] =>
  [[x, first], [MARGIN, text], [MARGIN, `${text}.`]].flatMap(([bx, t], k) => lineWords(t as string, bx as number, base + 12 * k, { size: 10 }));

/** `clauses` unnumbered blocks indented to INDENT, then operative paragraphs 1–3 numbered at `numberAt`. */
function paragraphs(numberAt: number, clauses = 1) {
  const words = [
    ...Array.from({ length: clauses }, (_, k) => block(INDENT, 'Recalling its resolution 62/156 on the protection of migrants at home,', 100 + 50 * k)).flat(),
    ...['1. Calls upon States to protect the rights of migrant domestic workers', '2. Requests the Secretary-General to report on the implementation', '3. Decides to continue its consideration of the question at its session'].flatMap((t, k) =>
      block(numberAt, t, 100 + 50 * (clauses + k)),
    ),
  ];
  const pages = [layoutPage(page(words, [], 1))];
  layoutDocument(pages, generic);
  return assemble(pages, generic).paragraphs.map((p) => p.number);
}

describe('paragraph numbers at the first-line indent', () => {
  it('are paragraphs when the blocks share that indent, their run-on lines at the margin', () => {
    expect(paragraphs(INDENT)).toEqual([1, 2, 3]);
  });

  it('are not when set further in than most blocks indent their first line', () => {
    expect(paragraphs(INDENT + 60, 1)).toEqual([1, 2, 3]);
    expect(paragraphs(INDENT + 60, 4)).toEqual([]);
  });
});
