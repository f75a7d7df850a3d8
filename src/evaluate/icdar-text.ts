/**
 * How cell texts are compared in the ICDAR 2013 measure: the annotators' content strings and a
 * tool's cells differ in spacing, typographic quotes and dashes, ligatures and letter case without
 * differing in what they say. So: Unicode compatibility form (ligatures, full-width forms, no-break
 * spaces), every quote and apostrophe as a plain one, every dash and minus as a hyphen, all
 * whitespace dropped, lower case.
 */

const SINGLE_QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u0060\u00b4]/g;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d]/g;

export function icdarText(text: string): string {
  return text.normalize('NFKC').replace(SINGLE_QUOTES, "'").replace(DOUBLE_QUOTES, '"').replace(DASHES, '-').replace(/\s+/gu, '').toLowerCase();
}

/** Characters that count in the region measures: everything but whitespace. */
export function charCount(text: string): number {
  return text.replace(/\s+/gu, '').length;
}
