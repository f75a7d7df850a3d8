/**
 * Edit distance and character similarity. Extractor errors are usually local (a dropped word, a
 * split hyphen), so the common prefix and suffix are stripped first and the quadratic part runs
 * only on the differing middle; a `max` bound restricts it further to a diagonal band.
 */

/**
 * Levenshtein distance (insert, delete, substitute; cost 1) over UTF-16 code units. With `max`,
 * returns `max + 1` as soon as the distance is known to exceed it.
 */
export function levenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  let start = 0;
  let endA = a.length;
  let endB = b.length;
  while (start < endA && start < endB && a.charCodeAt(start) === b.charCodeAt(start)) start++;
  while (endA > start && endB > start && a.charCodeAt(endA - 1) === b.charCodeAt(endB - 1)) {
    endA--;
    endB--;
  }
  // Columns run over the shorter middle part, rows over the longer one.
  let short = a.slice(start, endA);
  let long = b.slice(start, endB);
  if (short.length > long.length) [short, long] = [long, short];
  const n = short.length;
  const m = long.length;
  const band = Math.min(max, m); // the distance never exceeds m
  const over = band + 1;
  if (m - n > band) return over; // only reachable when band = max < m
  if (n === 0) return m;

  let prev = new Int32Array(n + 1);
  let cur = new Int32Array(n + 1);
  for (let i = 0; i <= n; i++) prev[i] = i <= band ? i : over;
  for (let j = 1; j <= m; j++) {
    const lo = Math.max(1, j - band);
    const hi = Math.min(n, j + band);
    const code = long.charCodeAt(j - 1);
    cur[lo - 1] = lo === 1 ? j : over;
    let rowMin = cur[lo - 1];
    for (let i = lo; i <= hi; i++) {
      let v = prev[i - 1] + (short.charCodeAt(i - 1) === code ? 0 : 1);
      const del = prev[i] + 1;
      const ins = cur[i - 1] + 1;
      if (del < v) v = del;
      if (ins < v) v = ins;
      cur[i] = v;
      if (v < rowMin) rowMin = v;
    }
    // The next row reads one cell past this band: mark it out of reach.
    if (hi < n) cur[hi + 1] = over;
    if (rowMin > band) return over; // only reachable when band = max
    [prev, cur] = [cur, prev];
  }
  const distance = prev[n];
  return distance > max ? over : distance;
}

/** 1 − distance / longer length; 1 for two empty strings. */
export function similarity(a: string, b: string): number {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return 1;
  return 1 - levenshtein(a, b) / longest;
}

/** Whether similarity(a, b) ≥ threshold, computed with a band so that it stays cheap. */
export function similarAtLeast(a: string, b: string, threshold: number): boolean {
  const longest = Math.max(a.length, b.length);
  if (longest === 0) return true;
  // The epsilon keeps e.g. (1 − 0.98) × 100 from flooring to 1.
  const allowed = Math.floor((1 - threshold) * longest + 1e-9);
  if (allowed < 0) return false;
  return levenshtein(a, b, allowed) <= allowed;
}
