/**
 * Whether a page's own text layer can be trusted or the page must be OCR'd. Checks, cheapest
 * first: no text at all; almost no text on a page covered by an image (a scan, maybe with a
 * stamp or page number as text); impossible geometry; replacement/control/private-use characters
 * (fonts without a usable ToUnicode map); symbol soup; and too few word-like alphabetic tokens
 * (wrong encodings, or an invisible text layer left by a poor earlier OCR over a scan).
 */
import type { Word } from '../model/page.js';
import { OCR_SETTINGS } from './ocr-settings.js';

export interface TextLayerVerdict {
  usable: boolean;
  reason: string;
}

// U+FFFD, C0/C1 controls (tab, CR, LF are whitespace), private use area.
const BAD_CHAR = /[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uE000-\uF8FF]/gu;
const LATIN = /^\p{Script=Latin}+$/u;
const VOWEL = /[aeiouyàáâãäåæèéêëìíîïòóôõöøœùúûüýÿ]/i;
// Five consonants in a row is rare in Latin-script languages (English "strengths" has four).
const CONSONANT_RUN = /[b-df-hj-np-tv-xz]{5}/i;
const REPEAT = /(.)\1\1/i;
// lower, Capitalised or UPPER; "iPhone"-like mixes are rare in reports and common in mis-mapped glyphs.
const CASE_SHAPE = /^(\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+)$/u;

const ACRONYM = /^\p{Lu}{2,5}$/u;
const SPACES = /\s+/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const MAX_TOKENS = 250;

/** A Latin-script token that looks like it could be a word; other scripts and acronyms pass. */
export function wordLike(token: string): boolean {
  if (!LATIN.test(token) || ACRONYM.test(token)) return true;
  return VOWEL.test(token) && !CONSONANT_RUN.test(token) && !REPEAT.test(token) && CASE_SHAPE.test(token);
}

const ratio = (n: number, d: number) => (d ? n / d : 0);

export function textLayerUsable(
  words: Word[],
  page: { width: number; height: number },
  imagesArea: number,
  s = OCR_SETTINGS.textLayer,
): TextLayerVerdict {
  const coveredByImage = imagesArea >= s.imageCoverage * page.width * page.height;
  const text = words.map((w) => w.text).join(' ');
  // Counted by native regex passes, not per character in JavaScript (this runs on every page).
  const chars = text.replace(SPACES, '').length;
  const alnum = text.replace(NOT_ALNUM, '').length;
  if (!words.length || !chars) return { usable: false, reason: 'no text layer' };
  if (alnum < s.minChars && coveredByImage) {
    return { usable: false, reason: `only ${alnum} letters/digits on a page covered by an image` };
  }

  const outside = (w: Word) =>
    !(w.x1 > w.x0 && w.y1 > w.y0) || w.size < 1 || w.x1 < 0 || w.y1 < 0 || w.x0 > page.width || w.y0 > page.height;
  const badGeometry = ratio(words.filter(outside).length, words.length);
  if (badGeometry > s.maxBadGeometryRatio) {
    return { usable: false, reason: `${pct(badGeometry)} of words off the page or without size` };
  }
  const bad = ratio(text.match(BAD_CHAR)?.length ?? 0, chars);
  if (bad > s.maxBadCharRatio) return { usable: false, reason: `${pct(bad)} replacement, control or private-use characters` };
  const alnumShare = ratio(alnum, chars);
  if (alnumShare < s.minAlnumRatio) return { usable: false, reason: `only ${pct(alnumShare)} letters and digits` };

  // Single letters ("s" of "IOM's", list labels) say nothing either way.
  // A sample of tokens is enough for a share (a dense page has thousands).
  const tokens = text.split(/[^\p{L}]+/u, MAX_TOKENS).filter((t) => t.length > 1);
  if (tokens.length >= s.minTokens) {
    const like = ratio(tokens.filter(wordLike).length, tokens.length);
    const min = coveredByImage ? s.minWordLikeRatioOverImage : s.minWordLikeRatio;
    if (like < min) {
      const where = coveredByImage ? ' over an image (previous OCR?)' : '';
      return { usable: false, reason: `only ${pct(like)} of alphabetic tokens look like words${where}` };
    }
  }
  if (alnum < s.minChars) return { usable: true, reason: 'little text and no covering image: nothing to OCR' };
  return { usable: true, reason: 'text layer looks sound' };
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
