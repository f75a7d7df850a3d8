import { describe, expect, it } from 'vitest';
import { layoutPage } from '../../src/layout/layout.js';
import { buildBlocks, measure } from '../../src/structure/blocks.js';
import { lineWords, page } from '../helpers/make.js';

describe('buildBlocks', () => {
  const blocksOf = (words: ReturnType<typeof lineWords>) => {
    const lp = layoutPage(page(words));
    return buildBlocks([lp], measure([lp], lp.bodySize)).map((b) => b.lines.map((l) => l.text).join(' / '));
  };

  it("ends a hanging-indented item at a line back at its label's edge", () => {
    const words = [
      ...lineWords('10. To undertake programmes which facilitate the return of', 71, 100),
      ...lineWords('displaced persons and other individuals.', 92, 114),
      ...lineWords('The principal activities also support these points:', 71, 128),
      ...lineWords('3. To offer expert advice.', 71, 142),
    ];
    expect(blocksOf(words)).toEqual([
      '10. To undertake programmes which facilitate the return of / displaced persons and other individuals.',
      'The principal activities also support these points:',
      '3. To offer expert advice.',
    ]);
  });

  it('keeps a numbered paragraph whose lines run on at the margin in one block', () => {
    const words = [...lineWords('48. In 2008, this new framework created opportunities to', 71, 100), ...lineWords('work with a wide range of vulnerable', 71, 114), ...lineWords('and abused migrants.', 71, 128)];
    expect(blocksOf(words)).toHaveLength(1);
  });
});
