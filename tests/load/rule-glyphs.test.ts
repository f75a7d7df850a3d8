/**
 * Glyphs tesseract reads where a rule or nothing is: a table's vertical rule read as '|' (alone or
 * glued to a figure) or as a bar-shaped letter on it, and slivers of punctuation with no ink of
 * their own. Also thousands groups that tesseract glued, split where the ink shows the space.
 */
import { describe, expect, it } from 'vitest';
import { groupCounts, splitDigitGroups } from '../../src/load/digit-groups.js';
import type { OcrLine, OcrWord } from '../../src/load/hocr.js';
import type { BinaryImage } from '../../src/load/raster.js';
import { dropInklessWords, dropPhantomGlyphs, dropRuleGlyphs, dropSpecks } from '../../src/load/rule-glyphs.js';
import type { PixelRule } from '../../src/load/rules.js';

/** A word of glyphs, each `[text, x0, x1]`, 27 px tall standing on y = 100 (a 40 px em). */
function word(glyphs: [string, number, number][]): OcrWord {
  const symbols = glyphs.map(([text, x0, x1]) => ({ text, bbox: { x0, y0: 73, x1, y1: 100 } }));
  return {
    text: glyphs.map((g) => g[0]).join(''),
    conf: 90,
    bbox: { x0: Math.min(...glyphs.map((g) => g[1])), y0: 73, x1: Math.max(...glyphs.map((g) => g[2])), y1: 100 },
    symbols,
  };
}

function line(words: OcrWord[]): OcrLine {
  const bbox = { x0: words[0].bbox.x0, y0: 73, x1: words[words.length - 1].bbox.x1, y1: 100 };
  return { bbox, baseline: { x0: bbox.x0, y0: 100, x1: bbox.x1, y1: 100 }, rowHeight: 37, words };
}

const vrule = (x: number): PixelRule => ({ kind: 'v', a: { x, y: 0 }, b: { x, y: 200 }, thickness: 3 });
const texts = (ls: OcrLine[]) => ls.flatMap((l) => l.words.map((w) => w.text));

describe('rules read as glyphs', () => {
  it('drops a rule read as "|", alone or glued to a figure, and a bar letter sitting on it', () => {
    const ls = [
      line([
        word([['4', 100, 120], ['7', 122, 142], ['8', 144, 164], ['|', 182, 183]]),
        word([['|', 199, 203]]),
        word([['2', 230, 250], ['2', 252, 272], ['%', 274, 300]]),
        word([['l', 349, 353]]),
        word([['1', 380, 392]]),
      ]),
    ];
    const out = dropRuleGlyphs(ls, [vrule(200), vrule(350)], { x: 0, y: 0 });
    expect(texts(out)).toEqual(['478', '22%', '1']);
    expect(out[0].words[0].bbox.x1).toBe(164);
  });

  it('keeps bars and bar-shaped letters where no rule runs, and a "1" beside a rule', () => {
    const ls = [line([word([['I', 100, 108]]), word([['|', 300, 303]]), word([['1', 380, 392]])])];
    expect(texts(dropRuleGlyphs(ls, [vrule(396)], { x: 0, y: 0 }))).toEqual(['I', '|', '1']);
    // A rule that ends above the line does not reach it.
    const short: PixelRule = { kind: 'v', a: { x: 301, y: 0 }, b: { x: 301, y: 20 }, thickness: 3 };
    expect(texts(dropRuleGlyphs(ls, [short], { x: 0, y: 0 }))).toEqual(['I', '|', '1']);
  });

  it('drops punctuation slivers inside the glyph before (or after) them, not real marks', () => {
    const ls = [
      line([
        word([['6', 100, 120], ['7', 122, 142], ['0', 144, 164], [']', 163, 164]]),
        word([['|', 200, 201], ['(', 200, 207], ['5', 208, 220], [')', 221, 227], ['|', 226, 227]]),
        word([['a', 300, 320], ['x', 322, 342], [')', 340, 350], ['.', 352, 356]]),
      ]),
    ];
    expect(texts(dropPhantomGlyphs(ls))).toEqual(['670', '(5)', 'ax).']);
  });

  it("keeps stops and commas though the box of the glyph before covers them (a label's stop, a sentence's)", () => {
    // "145." with tesseract's box for the 5 running over the stop; "Haiti," likewise.
    const ls = [line([word([['1', 100, 112], ['4', 114, 134], ['5', 136, 160], ['.', 158, 160]]), word([['H', 200, 230], ['i', 232, 240], [',', 238, 240]])])];
    expect(texts(dropPhantomGlyphs(ls))).toEqual(['145.', 'Hi,']);
    // The same boxes with a bracket: a sliver, dropped.
    const br = [line([word([['1', 100, 112], ['4', 114, 134], ['5', 136, 160], [']', 158, 160]])])];
    expect(texts(dropPhantomGlyphs(br))).toEqual(['145']);
  });
});

describe('specks read as glyphs', () => {
  it('drops a letter or digit a few pixels across, keeps real glyphs and small stops', () => {
    const speck = (text: string, x: number): OcrWord => ({ text, conf: 2, bbox: { x0: x, y0: 96, x1: x + 2, y1: 98 }, symbols: [] });
    const ls = [line([word([['N', 100, 125], ['o', 127, 145]]), speck('1', 300), speck('.', 320), word([['7', 400, 420]])])];
    expect(texts(dropSpecks(ls))).toEqual(['No', '.', '7']);
  });

  it('drops a lone dot of low confidence standing clear of both neighbours, keeps a stop on its word', () => {
    const dot = (x: number, conf: number): OcrWord => ({ text: '.', conf, bbox: { x0: x, y0: 94, x1: x + 5, y1: 100 }, symbols: [] });
    const ls = [line([word([['N', 100, 125], ['o', 127, 145]]), dot(147, 40), dot(300, 40), dot(360, 95), word([['7', 420, 440]])])];
    expect(texts(dropSpecks(ls))).toEqual(['No', '.', '.', '7']);
  });
});

describe('thousands groups from the ink', () => {
  it('counts digits per ink segment, by glyphs or by width, and wants whole groups', () => {
    const seg = (x0: number, x1: number, glyphs: number) => ({ x0, x1, glyphs });
    expect(groupCounts([seg(0, 22, 2), seg(32, 66, 3), seg(76, 110, 3)], 8)).toEqual([2, 3, 3]);
    // Touching digits: one ink column for three digits, counted by width.
    expect(groupCounts([seg(0, 22, 1), seg(32, 66, 1), seg(76, 110, 3)], 8)).toEqual([2, 3, 3]);
    // Not thousands groups: two years glued, or a single group.
    expect(groupCounts([seg(0, 44, 4), seg(54, 98, 4)], 8)).toBeNull();
    expect(groupCounts([seg(0, 44, 4)], 4)).toBeNull();
  });

  /** Digits drawn as ink blocks 10 px wide with 2 px between them, `gap` px between groups. */
  function digits(groups: string[], gap: number): { bin: BinaryImage; line: OcrLine } {
    const bin: BinaryImage = { width: 400, height: 160, data: new Uint8Array(400 * 160) };
    const glyphs: [string, number, number][] = [];
    let x = 20;
    for (const g of groups) {
      for (const ch of g) {
        for (let y = 73; y < 100; y++) for (let d = 0; d < 10; d++) bin.data[y * 400 + x + d] = 1;
        glyphs.push([ch, x, x + 10]);
        x += 12;
      }
      x += gap - 2;
    }
    return { bin, line: line([word(glyphs)]) };
  }

  it('splits "93049925" where the ink shows word spaces: "93 049 925"', () => {
    const { bin, line: l } = digits(['93', '049', '925'], 12);
    const out = splitDigitGroups([l], bin, { x: 0, y: 0 });
    expect(texts(out)).toEqual(['93', '049', '925']);
    expect(out[0].words[1].bbox.x0).toBeGreaterThan(out[0].words[0].bbox.x1);
  });

  it('leaves digits set close together whole (a year, a code)', () => {
    const { bin, line: l } = digits(['2008'], 0);
    expect(texts(splitDigitGroups([l], bin, { x: 0, y: 0 }))).toEqual(['2008']);
    const { bin: b2, line: l2 } = digits(['2008', '2009'], 12);
    expect(texts(splitDigitGroups([l2], b2, { x: 0, y: 0 }))).toEqual(['20082009']);
  });
});


describe('words read from blank paper', () => {
  it('drops a word whose box holds no ink (read across a gutter), keeps inked words and stops', () => {
    const bin: BinaryImage = { width: 500, height: 200, data: new Uint8Array(500 * 200) };
    const ink = (x0: number, x1: number, y0 = 73) => {
      for (let y = y0; y < 100; y++) for (let x = x0; x < x1; x++) bin.data[y * 500 + x] = 1;
    };
    ink(100, 145);
    ink(147, 151, 96);
    ink(300, 320);
    const ls = [line([word([['N', 100, 125], ['o', 127, 145]]), word([['.', 147, 151]]), word([['~', 200, 210], ['~', 210, 220]]), word([['7', 300, 320]])])];
    expect(texts(dropInklessWords(ls, bin, { x: 0, y: 0 }))).toEqual(['No', '.', '7']);
    // The crop's offset in the page raster is honoured: shifted 200 px, only the first word has ink under it.
    expect(texts(dropInklessWords(ls, bin, { x: 200, y: 0 }))).toEqual(['No']);
  });
});
