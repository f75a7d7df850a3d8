/**
 * What stands alone at the foot of a page under the last body line — a job number, a barcode's
 * digits — is no part of the paragraph that runs on overleaf.
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;
const full = 'text of the paragraph that runs to the right margin of the page';

describe('a job number alone at the foot of page 1', () => {
  it('does not join the paragraph that runs on to page 2', () => {
    const p1 = [
      ...lineWords('1. The report opens here with the first paragraph of the', 72, 600, { size: 10 }),
      ...lineWords(full, 72, 612, { size: 10 }),
      ...lineWords(full, 72, 624, { size: 10 }),
      ...lineWords('09-45678 (E) 280809', 72, 790, { size: 8 }),
      ...lineWords('*0945678*', 72, 802, { size: 9 }),
    ];
    const p2 = [...lineWords('and it ends on the second page.', 72, 100, { size: 10 })];
    const pages = [layoutPage(page(p1, [], 1)), layoutPage(page(p2, [], 2))];
    layoutDocument(pages, generic);
    const s = assemble(pages, generic);
    expect(s.paragraphs.map((p) => p.text)).toEqual([`The report opens here with the first paragraph of the ${full} ${full} and it ends on the second page.`]);
  });

  it('leaves a note at the foot alone: a numbered note or a source line is no job number', () => {
    for (const note of ['1 See the report of the Secretary-General.', 'Source: replies of Governments.']) {
      const p1 = [...lineWords('1. The report opens here and ends on this very page.', 72, 600, { size: 10 }), ...lineWords(note, 72, 790, { size: 8 })];
      const pages = [layoutPage(page(p1, [], 1))];
      layoutDocument(pages, generic);
      expect(pages[0].lines.map((l) => l.zone)).toEqual(['body', 'body']);
    }
  });
});
