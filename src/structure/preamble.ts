/**
 * A resolution's preamble: the clauses between its title and operative paragraph 1 ("Recalling
 * …,", "Having considered …,", "Bearing in mind …,"). Each clause ends with a comma (or a
 * semicolon) and opens on an indented line or with a word set in italics; the block right before
 * the first numbered paragraph (headings of a part aside) ends one. Found from that shape alone,
 * never from the participles' words.
 */
import type { Line } from '../layout/lines.js';
import { type Block, columnWidth, leftOf, reachesRight, type TextMetrics } from './blocks.js';

export const PREAMBLE_SETTINGS = {
  /** A clause's first line is indented by at least this many ems … */
  indent: 1,
  /** … or opens in italics; at least this share of the clauses must show one of the two. */
  cuedShare: 0.5,
  /** A one-line first clause shorter than this share of the column is the subject ("The General Assembly,"). */
  subjectWidth: 0.5,
};

/** A typewriter footnote mark ("1/") still at the end of a line. */
const TRAILING_MARK = /\s?\d{1,3}\/$/;

/** The line closes a clause: a comma, semicolon or colon last (a typed note mark aside). */
export const endsClause = (l: Line): boolean => /[,;:]$/.test(l.text.replace(TRAILING_MARK, '').trim());

/** The line opens a clause by its look: indented from the column's edge, or a first word in italics. */
export function cuedOpening(l: Line, m: TextMetrics, s = PREAMBLE_SETTINGS): boolean {
  return l.x0 >= leftOf(m, l.col) + s.indent * l.size || !!l.words[0]?.italic;
}

/**
 * Indices of the blocks that form the preamble before the first numbered paragraph, or none.
 * `kinds` are the first pass's kinds; only unclassified prose ('note') can be a preamble.
 */
export function findPreamble(blocks: Block[], kinds: readonly string[], m: TextMetrics, positional: (b: Block) => boolean, s = PREAMBLE_SETTINGS): number[] {
  const first = kinds.indexOf('paragraph');
  if (first < 0) return [];
  let j = first - 1;
  while (j >= 0 && kinds[j] === 'heading') j--;
  const run: number[] = [];
  for (; j >= 0 && kinds[j] === 'note' && !blocks[j].front; j--) {
    const last = blocks[j].lines[blocks[j].lines.length - 1];
    const next = run.length ? blocks[run[0]] : null;
    const continued = next !== null && (/^[a-z]/.test(next.lines[0].text) || reachesRight(last, m, positional(blocks[j])));
    if (!endsClause(last) && !continued) break;
    run.unshift(j);
  }
  if (!run.length) return [];
  const openings = clauseOpenings(run.flatMap((i) => blocks[i].lines), new Set(run.map((i) => blocks[i].lines[0])), m);
  const cued = openings.filter((l) => cuedOpening(l, m, s)).length;
  return cued >= s.cuedShare * openings.length ? run : [];
}

/**
 * The lines that open a clause: the first, and any after a line closing a clause that starts a
 * block (space above it) or is cued (indented, italic). Pass the blocks' first lines as `starts`.
 */
export function clauseOpenings(lines: Line[], starts: Set<Line>, m?: TextMetrics): Line[] {
  return lines.filter((l, i) => i === 0 || (endsClause(lines[i - 1]) && (starts.has(l) || (m !== undefined && cuedOpening(l, m)))));
}

/** A one-line opening clause much narrower than the column: the resolution's subject. */
export function isSubject(clause: Line[], m: TextMetrics, s = PREAMBLE_SETTINGS): boolean {
  return clause.length === 1 && clause[0].x1 - clause[0].x0 < s.subjectWidth * columnWidth(m, clause[0].col);
}
