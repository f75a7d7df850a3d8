/**
 * Does a continued table's header repeat the first part's? Printed, the repeat is exact; read by
 * OCR it is not ("IOM" as "10M", "P-4 P-3" glued, a wrapped cell split over other rows), so the
 * two headers are compared as bags of words: words that agree up to a few misread characters
 * count, wherever the grid put them.
 */

/** Header words: lower-cased, letters and digits only, in no particular cell. */
export function headerWords(rows: string[][]): string[] {
  return rows
    .flat()
    .flatMap((t) => t.toLowerCase().split(/[\s/]+/))
    .map((w) => w.replace(/[^\p{L}\p{N}]/gu, ''))
    .filter(Boolean);
}

/** Edit distance of two short strings (header words), at most `max + 1`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur.push(Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1)));
    prev = cur;
  }
  return prev[b.length];
}

/** Two words read from the same print: equal, or (four letters and more) a quarter misread. */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const n = Math.max(a.length, b.length);
  return n >= 4 && distance(a, b, Math.floor(n / 4)) <= Math.floor(n / 4);
}

/**
 * Share of the two headers' characters in words they have in common (Dice over words, each word
 * weighted by its length, matched greedily, longest words first).
 */
export function headerSimilarity(a: string[][], b: string[][]): number {
  const wa = headerWords(a).sort((x, y) => y.length - x.length);
  const wb = headerWords(b);
  const total = [...wa, ...wb].reduce((n, w) => n + w.length, 0);
  if (!total) return 0;
  const used = new Array<boolean>(wb.length).fill(false);
  let common = 0;
  for (const w of wa) {
    const j = wb.findIndex((v, k) => !used[k] && sameWord(w, v));
    if (j < 0) continue;
    used[j] = true;
    common += w.length + wb[j].length;
  }
  return common / total;
}
