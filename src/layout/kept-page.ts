/**
 * What the pipeline keeps of a laid-out page until the cross-page stages run. A 1,000-page
 * document keeps about half a million words. As plain objects each costs some 200 bytes of V8 heap
 * (its six coordinates are boxed numbers of their own), and V8 lets the heap grow to a multiple of
 * what it holds before it collects: the kept words were most of a long run's peak memory. A kept
 * word holds its numbers in its page's one Float64Array (unboxed, outside the heap), its text and
 * font shared with the document's other words (a document repeats its words), at a quarter of the
 * heap; it reads as a plain word does. Copy one with copyWord, not by spreading it: its fields are
 * accessors, which a spread drops.
 */
import type { Word } from '../model/page.js';
import type { LaidOutPage } from './layout.js';

/** A word's numbers, at these offsets in its slot of its page's array; a missing conf is NaN. */
const NUMBERS = { x0: 0, y0: 1, x1: 2, y1: 3, base: 4, size: 5, conf: 6 } as const;
const SLOT = 7;
const NUMBER_FIELDS = Object.entries(NUMBERS) as [keyof typeof NUMBERS, number][];

/** A font as words use it: one object for all the words of a document set in it. */
interface Style {
  font: string;
  bold: boolean;
  italic: boolean;
}

/** What a document's kept words share: one string per distinct text, one style per font. */
export class WordStore {
  private readonly texts = new Map<string, string>();
  /** By font name: its styles, at 2 × bold + italic. */
  private readonly styles = new Map<string, Style[]>();

  text(s: string): string {
    const had = this.texts.get(s);
    if (had !== undefined) return had;
    this.texts.set(s, s);
    return s;
  }

  style(w: Word): Style {
    let of = this.styles.get(w.font);
    if (!of) this.styles.set(w.font, (of = []));
    const at = 2 * Number(w.bold) + Number(w.italic);
    return (of[at] ??= { font: w.font, bold: w.bold, italic: w.italic });
  }
}

/**
 * A word kept between pages. Its coordinates and text can be set; its font and confidence are
 * read-only. The accessors of its numbers are defined below, one pair per field of NUMBERS.
 */
export class KeptWord implements Word {
  declare x0: number;
  declare y0: number;
  declare x1: number;
  declare y1: number;
  declare base: number;
  declare size: number;
  text: string;
  private readonly style: Style;

  constructor(
    private readonly g: Float64Array,
    private readonly at: number,
    w: Word,
    store: WordStore,
  ) {
    for (const [k, i] of NUMBER_FIELDS) g[at + i] = w[k] ?? NaN;
    this.text = store.text(w.text);
    this.style = store.style(w);
  }

  get conf(): number | undefined {
    const c = this.g[this.at + NUMBERS.conf];
    return Number.isNaN(c) ? undefined : c;
  }
  get font(): string {
    return this.style.font;
  }
  get bold(): boolean {
    return this.style.bold;
  }
  get italic(): boolean {
    return this.style.italic;
  }
}

type Slots = { g: Float64Array; at: number };
for (const [k, i] of NUMBER_FIELDS) {
  if (k === 'conf') continue;
  Object.defineProperty(KeptWord.prototype, k, {
    get(this: Slots) {
      return this.g[this.at + i];
    },
    set(this: Slots, v: number) {
      this.g[this.at + i] = v;
    },
  });
}

/** The page with its lines' words made kept words (in place: the page is the caller's own). */
export function keepPage(page: LaidOutPage, store: WordStore): LaidOutPage {
  const count = page.lines.reduce((n, l) => n + l.words.length, 0);
  const g = new Float64Array(count * SLOT);
  let at = 0;
  for (const l of page.lines) {
    l.words = l.words.map((w) => {
      const k = new KeptWord(g, at, w, store);
      at += SLOT;
      return k;
    });
  }
  return page;
}
