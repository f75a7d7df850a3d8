/**
 * Typewriter conventions of older UN documents on tiny hand-made pages: a resolution's number and
 * title, its preamble before operative paragraph 1, notes "1/ …" in the body's size under a typed
 * rule of underscores with their marks written "1/" on the line, a "/..." continuation mark at the
 * page's foot, and a two-line running header (symbol, then "Page N").
 */
import { describe, expect, it } from 'vitest';
import { layoutDocument, layoutPage, typedRules } from '../../src/layout/layout.js';
import { buildLines } from '../../src/layout/lines.js';
import type { Word } from '../../src/model/page.js';
import { BUILTIN_PROFILES } from '../../src/profiles/profile.js';
import { assemble } from '../../src/structure/assemble.js';
import { lineWords, page } from '../helpers/make.js';

const generic = BUILTIN_PROFILES.find((p) => p.spec.name === 'generic')!;

/** [x, baseline, text, first word in italics] */
type Typed = [number, number, string, boolean?];
const typed = (rows: Typed[]): Word[] =>
  rows.flatMap(([x, base, text, italic]) => lineWords(text, x, base).map((w, i) => ({ ...w, italic: !!italic && i === 0 })));

const PAGE_1: Typed[] = [
  [72, 70, '49/315. Cooperation among riparian States on shared water'],
  [108, 100, 'The General Assembly,'],
  [108, 128, 'Recalling its resolution 44/172 of 19 December 1989 on', true],
  [72, 142, 'the protection of inland water resources against the risks of'],
  [72, 156, 'pollution and depletion,1/'],
  [108, 184, '1. Decides to keep the question under review at its next'],
  [72, 198, 'session, in the light of the report of the Secretary-General'],
  [72, 212, 'requested above; 2/'],
  [108, 240, '2. Requests the Secretary-General to report on the'],
  [72, 254, 'implementation of the present resolution, in cooperation with'],
  [72, 268, 'the regional commissions and the specialized agencies, on the'],
  [72, 690, '__________'],
  [108, 704, '1/ See document A/49/312 and Corr.1.'],
  [108, 718, '2/ To be issued as A/50/1.'],
  [490, 800, '/...'],
];
const PAGE_2: Typed[] = [
  [72, 60, 'A/RES/49/315'],
  [72, 74, 'Page 2'],
  [72, 110, 'work done by the regional commissions.'],
];

function run() {
  const pages = [page(typed(PAGE_1), [], 1), page(typed(PAGE_2), [], 2)].map(layoutPage);
  layoutDocument(pages, generic);
  return { pages, s: assemble(pages, generic) };
}

describe('typewritten UN conventions', () => {
  const { pages, s } = run();

  it('reads a line of underscores as a rule, not as text', () => {
    const lines = buildLines(page(typed([[72, 100, 'Some text here.'], [72, 120, '__________']])));
    const { lines: kept, rules } = typedRules(lines);
    expect(kept.map((l) => l.text)).toEqual(['Some text here.']);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({ kind: 'h', x0: 72, typed: true });
  });

  it('reads a line of hyphens or equals signs as a rule too (a monospaced table\'s header rule)', () => {
    const lines = buildLines(page(typed([[72, 100, 'Proportion 1.0 1.1'], [72, 112, '------------------'], [72, 124, '=========='], [72, 136, '-- 5']])));
    const { lines: kept, rules } = typedRules(lines);
    expect(kept.map((l) => l.text)).toEqual(['Proportion 1.0 1.1', '-- 5']);
    expect(rules).toHaveLength(2);
  });

  it('takes "1/" notes under a typed rule, in the body size, as footnotes linked to their marks', () => {
    expect(s.footnotes).toEqual([
      { number: 1, paragraph: null, page: 1, text: 'See document A/49/312 and Corr.1.' },
      { number: 2, paragraph: 1, page: 1, text: 'To be issued as A/50/1.' },
    ]);
    const p1 = s.paragraphs.find((p) => p.number === 1)!;
    expect(p1.text).toBe('Decides to keep the question under review at its next session, in the light of the report of the Secretary-General requested above;');
    expect(p1.footnotes).toEqual([2]);
  });

  it('keeps the preamble clauses, in order, as preamble records before operative paragraph 1', () => {
    const pre = s.blocks.filter((b) => b.kind === 'preamble');
    expect(pre.map((b) => [b.item, b.text])).toEqual([
      [0, 'The General Assembly,'],
      [1, 'Recalling its resolution 44/172 of 19 December 1989 on the protection of inland water resources against the risks of pollution and depletion,'],
    ]);
    expect(pre[1].footnotes).toEqual([1]);
    expect(new Set(pre.map((b) => b.block_id)).size).toBe(1);
    expect(s.paragraphs.map((p) => p.number)).toEqual([1, 2]);
  });

  it('takes the resolution number and title as a top-level heading and the document title', () => {
    expect(s.headings).toEqual([{ level: 1, label: '49/315', title: 'Cooperation among riparian States on shared water', page: 1, style: '' }]);
    expect(s.frontMatter).toEqual(['49/315. Cooperation among riparian States on shared water']);
    expect(s.paragraphs[0].section).toBe('49/315. Cooperation among riparian States on shared water');
  });

  it('drops the "/..." mark at the foot and the two-line header, so a paragraph runs on across the page', () => {
    const zone = (n: number, text: string) => pages[n - 1].lines.find((l) => l.text === text)?.zone;
    expect(zone(1, '/...')).toBe('footer');
    expect(zone(2, 'A/RES/49/315')).toBe('header');
    expect(zone(2, 'Page 2')).toBe('header');
    const p2 = s.paragraphs.find((p) => p.number === 2)!;
    expect(p2.text).toBe(
      'Requests the Secretary-General to report on the implementation of the present resolution, in cooperation with the regional commissions and the specialized agencies, on the work done by the regional commissions.',
    );
    expect([p2.page, p2.page_last]).toEqual([1, 2]);
  });

  it('leaves prose before paragraph 1 alone when nothing marks it as clauses', () => {
    const plain: Typed[] = [
      [72, 100, 'This report was prepared at the request of the Council and covers the year,'],
      [72, 114, 'the first of the new plan.'],
      [72, 142, '1. The first paragraph of the report, which runs on to the end of the'],
      [72, 156, 'line and stops here.'],
    ];
    const laid = [layoutPage(page(typed(plain)))];
    layoutDocument(laid, generic);
    const r = assemble(laid, generic);
    expect(r.blocks.filter((b) => b.kind === 'preamble')).toEqual([]);
    expect(r.paragraphs.map((p) => p.number)).toEqual([1]);
  });
});

describe("a resolution's closing lines", () => {
  // The last operative paragraph's last line runs to the margin and ends the sentence.
  const LAST: Typed[] = [
    [72, 100, '1. Decides to keep the question of shared water under review'],
    [72, 114, 'at its next session and to consider it again in the light of'],
    [72, 128, 'the report of the Secretary-General on the whole matter now.'],
  ];
  const closing = (x: (t: string) => number): Typed[] => ['41st meeting', '1 October 2009'].map((t, k) => [x(t), 170 + 14 * k, t]);
  const paragraphs = (rows: Typed[]) => {
    const pages = [layoutPage(page(typed(rows), [], 1))];
    layoutDocument(pages, generic);
    return assemble(pages, generic);
  };

  it('set right or centred, do not run on from the finished paragraph: they are a note', () => {
    const right = (t: string) => 72 + 60 * 6 - t.length * 6;
    const centred = (t: string) => 72 + (60 - t.length) * 3;
    for (const x of [right, centred]) {
      const s = paragraphs([...LAST, ...closing(x)]);
      expect(s.paragraphs.map((p) => p.text)).toEqual([LAST.map((r) => r[2]).join(' ').replace(/^1\. /, '')]);
      expect(s.blocks.filter((b) => b.kind === 'note').map((b) => b.text)).toEqual(['41st meeting 1 October 2009']);
    }
  });

  it('at the margin, a lower-case line after the paragraph still runs on from it', () => {
    const s = paragraphs([...LAST.slice(0, 2), [72, 128, 'the report of the Secretary-General on the whole matter now,'], [72, 156, 'and to report on it.']]);
    expect(s.paragraphs[0].text).toMatch(/matter now, and to report on it\.$/);
  });
});
