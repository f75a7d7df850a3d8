/**
 * Heading scores. The strict match keys on (level, label, title), so a heading found with the
 * right text at the wrong level is both a miss and a false positive; the text-only match shows
 * how much of that is detection and how much is levelling.
 */
import type { Heading } from '../validate/schemas.js';
import { blocksOf, type Gold } from './gold.js';
import { matchByKey, prf, type Prf } from './metrics.js';
import { fold } from './text.js';

export interface HeadingRef {
  level: number;
  label: string;
  title: string;
}

export interface HeadingScore {
  /** Matched on level, label and title. */
  strict: Prf;
  /** Matched on title only. */
  textOnly: Prf;
  /** Gold headings without a strict match; `foundAs` is an output heading with the same title. */
  missed: (HeadingRef & { foundAs: HeadingRef | null })[];
  /** Output headings without a strict match. */
  falsePositives: HeadingRef[];
}

const strictKey = (h: HeadingRef): string => `${h.level}|${fold(h.label)}|${fold(h.title)}`;
const textKey = (h: HeadingRef): string => fold(h.title);

export function scoreHeadings(gold: Gold, output: Heading[]): HeadingScore {
  const expected: HeadingRef[] = blocksOf(gold, 'heading').map((h) => ({ level: h.level, label: h.label ?? '', title: h.text }));
  const found: HeadingRef[] = output.map((h) => ({ level: h.level, label: h.label, title: h.title }));
  const strict = matchByKey(expected, found, strictKey, strictKey);
  const textOnly = matchByKey(expected, found, textKey, textKey);
  // Among the strict leftovers, pair by title to say what each miss was found as.
  const relabelled = matchByKey(strict.missing, strict.extra, textKey, textKey);
  const foundAs = new Map(relabelled.pairs);
  return {
    strict: prf(strict.pairs.length, expected.length, found.length),
    textOnly: prf(textOnly.pairs.length, expected.length, found.length),
    missed: strict.missing.map((h) => ({ ...h, foundAs: foundAs.get(h) ?? null })),
    falsePositives: strict.extra,
  };
}
