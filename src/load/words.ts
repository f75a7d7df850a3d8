/**
 * Split a positioned text run into words. pdf.js gives runs (often a whole justified line);
 * positions inside a run are not known, so they are interpolated by character count, which is
 * per-item work rather than per-glyph work and accurate enough for line and column grouping.
 */
export interface RunPiece {
  text: string;
  /** Offsets in the run's advance direction, in the same unit as `width`. */
  start: number;
  end: number;
}

const SPACE = /\s+/g;

export function splitRun(str: string, width: number): RunPiece[] {
  const n = str.length;
  if (n === 0) return [];
  const per = width / n;
  const out: RunPiece[] = [];
  let pos = 0;
  SPACE.lastIndex = 0;
  for (let m = SPACE.exec(str); ; m = SPACE.exec(str)) {
    const end = m ? m.index : n;
    if (end > pos) out.push({ text: str.slice(pos, end), start: pos * per, end: end * per });
    if (!m) break;
    pos = m.index + m[0].length;
  }
  return out;
}
