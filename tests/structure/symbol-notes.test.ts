/**
 * Notes marked with a symbol ("*", "**", "†") rather than a number, as UN documents mark a note on
 * their title or a first paragraph: the note zone is found although it opens with one, the note is
 * kept as a note record labelled with its symbol, and the numbered notes after it stay footnotes.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import type { Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { hrule, lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;

type Typed = [number, number, string];
const typed = (rows: Typed[]): Word[] => rows.flatMap(([x, base, text]) => lineWords(text, x, base));

const PAGE: Typed[] = [
  [72, 70, 'REPORT OF THE COMMITTEE'],
  [108, 100, '1. The Committee held its session at Geneva and the'],
  [72, 114, 'Secretariat reported on the work of the year;* it'],
  [72, 128, 'considered the points of its agenda in turn. 1/'],
  [108, 156, '2. The Committee adopted its report without a vote.'],
  [72, 690, '__________'],
  [108, 704, '* Reissued for technical reasons.'],
  [108, 718, '1/ See document A/49/312 and Corr.1.'],
];

function run() {
  const pages = [layoutPage(page(typed(PAGE), [], 1))];
  layoutDocument(pages, generic);
  return assemble(pages, generic);
}

describe('a note marked with a symbol', () => {
  const s = run();

  it('does not hide the notes zone: the numbered note under it stays a footnote, linked', () => {
    expect(s.footnotes).toEqual([{ number: 1, paragraph: 1, page: 1, text: 'See document A/49/312 and Corr.1.' }]);
  });

  it('is a note record labelled with its symbol, under the paragraph that carries the mark, which leaves the text', () => {
    const notes = s.blocks.filter((b) => b.label === '*');
    expect(notes).toMatchObject([{ kind: 'note', label: '*', text: 'Reissued for technical reasons.', parent_paragraph: 1, page: 1 }]);
    expect(s.paragraphs[0].text).toBe('The Committee held its session at Geneva and the Secretariat reported on the work of the year; it considered the points of its agenda in turn.');
    expect(s.paragraphs.map((p) => p.text).join(' ')).not.toMatch(/Reissued/);
  });
});

describe('a table note opening with a symbol', () => {
  it('under a drawn rule is not taken for a note zone', () => {
    // Set smaller than the body, as notes are: only the kind of rule tells it from a note zone.
    const source = lineWords('* Source: the offices of the organization.', 72, 704, { size: 9 });
    const pages = [layoutPage(page([...typed(PAGE.slice(0, 5)), ...source], [hrule(72, 200, 690)], 1))];
    layoutDocument(pages, generic);
    expect(pages[0].lines.filter((l) => l.zone === 'footnote')).toEqual([]);
    expect(assemble(pages, generic).blocks.filter((b) => b.label === '*')).toEqual([]);
  });
});

describe('a heading carrying a typed symbol mark', () => {
  it('keeps the mark out of its title; the note under the rule stays a labelled note', () => {
    const rows: Typed[] = [
      [250, 70, 'ANNEX*'],
      [72, 100, '1. The replies received from Governments are summarized by subject'],
      [72, 114, 'below, as reported, without adjustment by the Secretariat.'],
      [72, 690, '__________'],
      [108, 704, '* Reproduced as received.'],
    ];
    const pages = [layoutPage(page(typed(rows), [], 1))];
    layoutDocument(pages, generic);
    const s = assemble(pages, generic);
    expect(s.headings.map((h) => [h.level, h.title])).toEqual([[1, 'ANNEX']]);
    expect(s.paragraphs[0].section).toBe('ANNEX');
    expect(s.blocks.filter((b) => b.label === '*').map((b) => b.text)).toEqual(['Reproduced as received.']);
  });
});
