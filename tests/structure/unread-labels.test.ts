/** Section labels the ink shows but OCR could not read take their value from the label sequence. */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage } from '../../src/layout/layout.js';
import { UNREAD_LABEL } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;

describe('unread section labels', () => {
  it('become the next roman numeral (a title in capitals) or the next letter', () => {
    const rows: [number, string][] = [
      [100, 'I. FIRST SECTION'],
      [130, '1. The first paragraph of the report runs on to the end of this line and'],
      [144, 'stops on the next one.'],
      [174, `${UNREAD_LABEL}. SECOND SECTION`],
      [204, '2. The second paragraph of the report runs on to the end of this line and'],
      [218, 'stops on the next one.'],
      [248, `${UNREAD_LABEL}. A subsection of the second`],
      [278, '3. The third paragraph of the report runs on to the end of this line and'],
      [292, 'stops on the next one.'],
    ];
    const laid = [layoutPage(page(rows.flatMap(([base, text]) => lineWords(text, 72, base))))];
    layoutDocument(laid, generic);
    const s = assemble(laid, generic);
    expect(s.headings.map((h) => [h.level, h.label, h.title])).toEqual([
      [1, 'I', 'FIRST SECTION'],
      [1, 'II', 'SECOND SECTION'],
      [2, 'A', 'A subsection of the second'],
    ]);
    expect(s.paragraphs.map((p) => [p.number, p.section, p.subsection])).toEqual([
      [1, 'I. FIRST SECTION', ''],
      [2, 'II. SECOND SECTION', ''],
      [3, 'II. SECOND SECTION', 'A. A subsection of the second'],
    ]);
  });
});
