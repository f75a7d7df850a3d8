/**
 * One cell's fragments → its text. Fragments on one line join with a space in x order; wrapped
 * lines join with a space, except after an attached hyphen or slash ("Guinea-" + "Bissau",
 * "Category/" + "Grade"), inside a figure broken over two lines of a narrow column ("11" + "3"),
 * and where a word too wide for its column was broken by characters ("Tota" + "l").
 */

export interface TextPart {
  text: string;
  x0: number;
  x1: number;
  base: number;
}

const SHORT_WORDS = new Set(['of', 'in', 'to', 'on', 'at', 'by', 'or', 'an', 'as', 'is', 'it', 'be', 'no', 'so', 'up', 'if', 'do', 'we', 'a', 'i']);

/**
 * @param width the column's width: a line that fills it and ends a word the next line finishes
 *   was broken by characters.
 * @param numeric the column holds figures.
 */
export function joinParts(parts: TextPart[], width: number, numeric: boolean, lineTol = 1): string {
  if (!parts.length) return '';
  const sorted = parts.slice().sort((a, b) => a.base - b.base || a.x0 - b.x0);
  const lines: { text: string; x0: number; x1: number }[] = [];
  let lastBase = -Infinity;
  for (const p of sorted) {
    const cur = lines[lines.length - 1];
    if (cur && Math.abs(p.base - lastBase) <= lineTol) {
      cur.text += ' ' + p.text;
      cur.x1 = Math.max(cur.x1, p.x1);
    } else {
      lines.push({ text: p.text, x0: p.x0, x1: p.x1 });
      lastBase = p.base;
    }
  }
  let out = lines[0].text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1];
    const next = lines[i].text;
    out += joinsTight(out, prev, next, width, numeric) ? next : ' ' + next;
  }
  return out.replace(/\s+/g, ' ').trim();
}

function joinsTight(sofar: string, prev: { text: string; x0: number; x1: number }, next: string, width: number, numeric: boolean): boolean {
  if (/[^\s][-/]$/.test(sofar) && !/^[-–]/.test(next)) return true;
  const single = !/\s/.test(prev.text) && !/\s/.test(next);
  if (!single) return false;
  if (numeric && /^\d+$/.test(prev.text) && /^\d+[\d.,]*%?$/.test(next)) return true;
  // A single letter over one or two letters: a narrow header broken by characters ("U" / "G").
  if (/^\p{Lu}$/u.test(prev.text) && /^\p{Lu}{1,2}$/u.test(next)) return true;
  const fills = width > 0 && prev.x1 - prev.x0 >= 0.85 * width;
  if (!fills || !/^\p{L}+$/u.test(prev.text) || !/^\p{L}+$/u.test(next)) return false;
  if (prev.text.length === 1) return true;
  return next.length <= 2 && (next.length === 1 || !SHORT_WORDS.has(next.toLowerCase()));
}

/** Join already-separated line texts of one cell (text dumps: no positions). */
export function joinTexts(texts: string[]): string {
  let out = '';
  for (const t of texts.map((x) => x.trim()).filter(Boolean)) {
    if (!out) out = t;
    else out += /[^\s][-/]$/.test(out) ? t : ' ' + t;
  }
  return out.replace(/\s+/g, ' ').trim();
}
