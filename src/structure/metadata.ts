/** Document metadata read from the document itself: symbol, title, year, language. */
import type { LaidOutPage } from '../layout/layout.js';
import type { DocumentMetadata } from '../model/document.js';
import type { Profile } from '../profiles/profile.js';

const GENERIC_SYMBOL = /^[A-Z]{1,10}(\/[A-Z0-9.]+){1,5}$/;

export function readMetadata(pages: LaidOutPage[], frontMatter: string[], profile: Profile): DocumentMetadata {
  const first = pages[0]?.lines ?? [];
  const edge = first.filter((l) => l.zone === 'header' || l.zone === 'footer').map((l) => l.text.trim());
  const all = first.map((l) => l.text.trim());
  const symbol = [...edge, ...all].find((t) => (profile.symbol ? profile.symbol.test(t) : GENERIC_SYMBOL.test(t))) ?? null;
  const title = frontMatter.length ? frontMatter.join(' ').replace(/\s+/g, ' ') : null;
  const yearMatch = (title ?? '').match(/\b(19|20)\d\d\b/g);
  const lang = all.map((t) => /^original:\s*(\w+)/i.exec(t)).find(Boolean);
  return { symbol, title, year: yearMatch ? Number(yearMatch[yearMatch.length - 1]) : null, language: lang ? lang[1] : null };
}
