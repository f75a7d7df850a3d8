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

  describe('a run-on line opening with a number, under a number hanging in the margin', () => {
    // Full lines run from 102 to 102 + 58 characters × 6; the number hangs at 72.
    const full = 'as part of the programme the first class was held there in';
    it('goes on with the paragraph after a full line that stops mid-sentence', () => {
      const words = [...lineWords('77.', 72, 100), ...lineWords(full, 102, 100), ...lineWords(full, 102, 114), ...lineWords('2008. The office moved its oversight.', 102, 128)];
      expect(blocksOf(words)).toHaveLength(1);
    });
    it('opens an item after a line that ends its sentence', () => {
      const words = [...lineWords('77.', 72, 100), ...lineWords(full, 102, 100), ...lineWords(`${full.slice(0, -3)}it:`, 102, 114), ...lineWords('1. The office moved its oversight.', 102, 128)];
      expect(blocksOf(words)).toHaveLength(2);
    });
  });

  it('keeps a dash opening a line under a full line in its sentence, and takes a dash after a finished line for a list item', () => {
    const full = 'children trafficked from and within a number of countries';
    const words = [
      ...lineWords(`51. A key example of counter-trafficking work was the`, 71, 100),
      ...lineWords(full, 92, 114),
      ...lineWords('– namely Senegal, Mali, Gambia and Guinea-Bissau. The', 92, 128),
      ...lineWords('project assisted many of those children in that year.', 92, 142),
      ...lineWords('– a list item after a finished sentence', 92, 160),
    ];
    const blocks = blocksOf(words);
    expect(blocks[0]).toContain('countries / – namely Senegal');
    expect(blocks[blocks.length - 1]).toBe('– a list item after a finished sentence');
  });
});

