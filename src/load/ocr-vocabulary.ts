/**
 * OCR misreadings mended from the document's own words. tesseract reads one word many ways in
 * one scan ("IOM" as "10M", "[OM", "|OM", "OM"), while most of its readings are right: a token
 * the document hardly uses, which a few edits of glyphs OCR is known to confuse (I l 1 | [ ! J,
 * O 0, rn m, a bare stroke dropped or added) turn into a token the document uses at least
 * `ratio` times as often (and `minCount` times), is read as that token. Nothing else is touched:
 * the confusable glyphs change, the rest of the word stays as read. Only OCR words are mended;
 * every page's words count in the vocabulary.
 */

export const VOCABULARY_SETTINGS = {
  /** The token a reading becomes occurs at least this often in the document... */
  minCount: 3,
  /** ...and this many times as often as the reading itself. */
  ratio: 5,
  /** Most confusions allowed in one token (a substitution or a dropped stroke costs 1, an added one 1.5). */
  maxCost: 2,
  /** Lowercase letters swap (i/l) only in words this long: short ones have real neighbours ("fail", "fall"). */
  minLowerLength: 6,
};
export type VocabularySettings = typeof VOCABULARY_SETTINGS;

/** Glyphs OCR reads a bare stroke as, and the letters and digits such a stroke may stand for. */
const STROKE_SOURCE = new Set(['I', 'l', 'i', '1', '|', '[', ']', '!', 'J', '{', '}']);
const STROKE_TARGET = ['I', 'l', 'i', '1'];
const ROUND_SOURCE = new Set(['O', '0']);
const ROUND_TARGET = ['O', '0'];
const OPEN = /^[(\[{“"‘']+/;
const CLOSE = /[)\]}”"’'.,;:!?]+$/;
const POSSESSIVE = /['’]s$/;
const LETTER = /\p{L}/u;
const LOWER = /^\p{Ll}$/u;
/** What a reading may become: a word of letters (inner apostrophes and stops allowed), no digits or strokes mixed in. */
const WORD = /^\p{L}+(?:['’.]\p{L}+)*$/u;

/** The word a token stands for: without brackets, quotes and stops round it, nor a possessive 's. */
export function core(token: string): string {
  return token.replace(OPEN, '').replace(CLOSE, '').replace(POSSESSIVE, '').replace(CLOSE, '');
}

/** Tokens of a word: its parts between hyphens and slashes, with the separators kept as tokens. */
export function tokens(word: string): string[] {
  return word.split(/([-/–])/).filter((t) => t !== '');
}

interface Variant {
  text: string;
  cost: number;
}

/** Substitutions at position i: its glyph swapped for another it is confused with. */
function swaps(t: string, i: number): string[] {
  const c = t[i];
  const out: string[] = [];
  if (STROKE_SOURCE.has(c)) {
    for (const r of STROKE_TARGET) if (r !== c) out.push(r);
  } else if ((c === '(' || c === '{' || c === '[') && i + 1 < t.length && LETTER.test(t[i + 1])) {
    // An opening bracket right before a letter may be a stroke (the last of the brackets opening a token).
    out.push('I');
  } else if (ROUND_SOURCE.has(c)) for (const r of ROUND_TARGET) if (r !== c) out.push(r);
  return out;
}

/** Stroke glyphs that are no letter: OCR adds them where there is no glyph ("reso!urce", "I1OM"). */
const STRAY = new Set(['1', '|', '[', ']', '!', '{', '}']);

/** Whether OCR may have added the glyph at i: a stroke that is no letter, or an i or l beside an I ("iIOM"). */
function stray(t: string, i: number): boolean {
  if (STRAY.has(t[i])) return true;
  return (t[i] === 'i' || t[i] === 'l') && (t[i - 1] === 'I' || t[i + 1] === 'I');
}

/** Readings of `t` one confusion away. */
function oneEdit(t: string, s: VocabularySettings): Variant[] {
  const out: Variant[] = [];
  for (let i = 0; i < t.length; i++) {
    for (const r of swaps(t, i)) out.push({ text: t.slice(0, i) + r + t.slice(i + 1), cost: 1 });
    if (stray(t, i) && t.length > 2) out.push({ text: t.slice(0, i) + t.slice(i + 1), cost: 1 });
    if (t[i] === 'm') out.push({ text: t.slice(0, i) + 'rn' + t.slice(i + 1), cost: 1 });
    if (t.startsWith('rn', i)) out.push({ text: t.slice(0, i) + 'm' + t.slice(i + 2), cost: 1 });
  }
  // A capital I dropped before a word in capitals ("OM" for "IOM").
  const open = t.length - t.replace(OPEN, '').length;
  if (/^\p{Lu}{2}/u.test(t.slice(open))) out.push({ text: t.slice(0, open) + 'I' + t.slice(open), cost: 1.5 });
  return out;
}

/**
 * Whether a reading is one the counts may decide: it changes no letter's case (they cannot tell
 * "In" from "in"), nor one lowercase letter for another in a short word ("heid", "held"), however
 * the confusions got there.
 */
function decidable(t: string, v: string, s: VocabularySettings): boolean {
  if (t.length !== v.length) return true;
  const short = core(t).length < s.minLowerLength;
  for (let i = 0; i < t.length; i++) {
    if (t[i] === v[i]) continue;
    if (t[i].toLowerCase() === v[i].toLowerCase()) return false;
    if (short && LOWER.test(t[i]) && LOWER.test(v[i])) return false;
  }
  return true;
}

/** Readings within `maxCost`: two substitutions at most, or one dropped or added stroke. */
export function variants(t: string, s: VocabularySettings = VOCABULARY_SETTINGS): Variant[] {
  const first = oneEdit(t, s);
  const out = [...first];
  for (const v of first) {
    if (v.cost !== 1 || v.text.length !== t.length) continue;
    for (const w of oneEdit(v.text, s)) if (v.cost + w.cost <= s.maxCost && w.text.length === t.length) out.push({ text: w.text, cost: v.cost + w.cost });
  }
  return out.filter((v) => decidable(t, v.text, s));
}

/** How often each word (its core) occurs in the document. */
export function countWords(words: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of words) {
    for (const t of tokens(w)) {
      const c = core(t);
      if (c && LETTER.test(c)) counts.set(c, (counts.get(c) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * The token as the document's vocabulary reads it, or null when it stays: the cheapest reading
 * whose word is `ratio` times as frequent as the token's own; of two at that cost, the one
 * `ratio` times as frequent as the other, else none.
 */
export function mendToken(t: string, counts: Map<string, number>, s: VocabularySettings = VOCABULARY_SETTINGS): string | null {
  const own = core(t);
  if (own.length < 2 || !LETTER.test(own)) return null;
  const seen = counts.get(own) ?? 0;
  const found: (Variant & { word: string; n: number })[] = [];
  for (const v of variants(t, s)) {
    const word = core(v.text);
    if (word === own || !WORD.test(word)) continue;
    const n = counts.get(word) ?? 0;
    if (n >= s.minCount && n >= s.ratio * seen) found.push({ ...v, word, n });
  }
  if (!found.length) return null;
  const cheapest = Math.min(...found.map((v) => v.cost));
  const best = found.filter((v) => v.cost === cheapest).sort((a, b) => b.n - a.n);
  const rival = best.find((v) => v.word !== best[0].word);
  return rival && best[0].n < s.ratio * rival.n ? null : best[0].text;
}

/** The word mended token by token, or null when nothing changes. */
export function mendWord(word: string, counts: Map<string, number>, s: VocabularySettings = VOCABULARY_SETTINGS): string | null {
  let changed = false;
  const out = tokens(word).map((t) => {
    const m = mendToken(t, counts, s);
    if (m === null) return t;
    changed = true;
    return m;
  });
  return changed ? out.join('') : null;
}

/** A laid-out line as far as mending goes: its words in order in its text, and marks placed by offset. */
export interface MendableLine {
  words: { text: string }[];
  text: string;
  marks: { at: number }[];
}

/**
 * Mends the words of `lines` in place (see mendWord), keeping each line's text and its marks'
 * offsets in step. Returns how many words changed.
 */
export function mendLines(lines: MendableLine[], counts: Map<string, number>, s: VocabularySettings = VOCABULARY_SETTINGS): number {
  let mended = 0;
  for (const line of lines) {
    let from = 0;
    for (const w of line.words) {
      const at = line.text.indexOf(w.text, from);
      if (at < 0) break; // the text is not the words' (a line of marks only): leave it
      const m = mendWord(w.text, counts, s);
      if (m === null) {
        from = at + w.text.length;
        continue;
      }
      const shift = m.length - w.text.length;
      line.text = line.text.slice(0, at) + m + line.text.slice(at + w.text.length);
      for (const mark of line.marks) if (mark.at > at) mark.at += shift;
      w.text = m;
      from = at + m.length;
      mended++;
    }
  }
  return mended;
}

/**
 * Mends the OCR pages' words against the vocabulary of every page (in place); returns how many
 * words changed. Text-layer pages are counted, never changed.
 */
export function mendOcrPages(pages: { source: string; lines: (MendableLine & { words: { text: string }[] })[] }[], s: VocabularySettings = VOCABULARY_SETTINGS): number {
  if (!pages.some((p) => p.source === 'ocr')) return 0;
  const counts = countWords(pages.flatMap((p) => p.lines.flatMap((l) => l.words.map((w) => w.text))));
  return mendLines(
    pages.filter((p) => p.source === 'ocr').flatMap((p) => p.lines),
    counts,
    s,
  );
}
