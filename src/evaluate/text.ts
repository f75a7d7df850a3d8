/** Text normalisation shared by all metrics: the gold's own convention is "whitespace runs collapsed". */

export function normaliseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Whitespace-normalised and case-folded: for structural labels (headings, sections), not body text. */
export function fold(text: string): string {
  return normaliseSpace(text).toLowerCase();
}

export function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export interface DiffExcerpt {
  /** Offset of the first difference. */
  at: number;
  gold: string;
  output: string;
}

/**
 * The differing middle of two strings with some context either side: enough to see what went
 * wrong in a paragraph without printing all of it.
 */
export function diffExcerpt(gold: string, output: string, context = 25, max = 100): DiffExcerpt {
  const { start, endA: endG, endB: endO } = commonEnds(gold, output);
  const from = Math.max(0, start - context);
  const cut = (text: string, end: number): string => {
    const to = Math.min(text.length, end + context);
    const body = shorten(text.slice(from, to), max);
    return `${from > 0 ? '…' : ''}${body}${to < text.length && body.length === to - from ? '…' : ''}`;
  };
  return { at: start, gold: cut(gold, endG), output: cut(output, endO) };
}

/**
 * Where two sequences (strings or arrays) stop agreeing: the length of their common prefix, and
 * the ends of what remains once the common suffix is taken off.
 */
export function commonEnds<T>(a: ArrayLike<T>, b: ArrayLike<T>): { start: number; endA: number; endB: number } {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return { start, endA, endB };
}
