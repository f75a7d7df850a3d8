/**
 * Bordered boxes: a closed frame of rules (one rectangle, or two horizontal and two vertical rules
 * meeting at the corners) with no rules inside it — a frame with inner rules is a ruled table.
 */
import type { Rect, Rule, Word } from '../model/page.js';
import { inside } from './geometry.js';

export const BOX_SETTINGS = {
  /** Corners and edges may miss each other by this many points. */
  tolerance: 3,
  /** Frames smaller than this in either direction are decorations, not boxes. */
  minSize: 12,
  /** A shaded band holding at most this many lines, each set in cells… */
  bandLines: 3,
  /** …that stand this far apart (em, a column gap rather than a word space), is a table's header row. */
  bandGap: 1.5,
};

/**
 * Whether a filled rectangle (shading, no stroke) is a table's shaded header band rather than a
 * tinted box: its text is a line or a few (wrapped header cells) and every line breaks into cells
 * a column gap apart. A shaded box holds running text.
 */
export function isShadedBand(r: Rect, words: Word[], s = BOX_SETTINGS): boolean {
  const inside = words.filter((w) => (w.x0 + w.x1) / 2 > r.x0 && (w.x0 + w.x1) / 2 < r.x1 && w.base - 0.3 * w.size > r.y0 && w.base - 0.3 * w.size < r.y1);
  if (!inside.length) return false;
  const lines: Word[][] = [];
  for (const w of inside.slice().sort((a, b) => a.base - b.base)) {
    const last = lines[lines.length - 1];
    if (last && w.base - last[0].base <= 0.3 * w.size) last.push(w);
    else lines.push([w]);
  }
  if (lines.length > s.bandLines) return false;
  return lines.every((l) => {
    const ws = l.slice().sort((a, b) => a.x0 - b.x0);
    return ws.some((w, i) => i > 0 && w.x0 - ws[i - 1].x1 >= s.bandGap * w.size);
  });
}

/**
 * Boxes framed by `rules`. With the page's `words`, a filled rectangle that is a table's shaded
 * header band (see isShadedBand) frames nothing: its edges are a table's rules.
 */
export function findBoxes(rules: Rule[], s = BOX_SETTINGS, words: Word[] = []): Rect[] {
  const t = s.tolerance;
  const frames: Rect[] = [];
  for (const r of rules) {
    if (r.kind !== 'rect' || r.x1 - r.x0 <= s.minSize || r.y1 - r.y0 <= s.minSize) continue;
    if (r.filled && isShadedBand(r, words, s)) continue;
    frames.push(r);
  }
  const hs = rules.filter((r) => r.kind === 'h');
  const vs = rules.filter((r) => r.kind === 'v');
  const near = (a: number, b: number) => Math.abs(a - b) <= t;
  for (let i = 0; i < hs.length; i++) {
    for (let j = 0; j < hs.length; j++) {
      const top = hs[i];
      const bot = hs[j];
      if (bot.y0 - top.y0 < s.minSize || !near(top.x0, bot.x0) || !near(top.x1, bot.x1)) continue;
      const side = (x: number) => vs.some((v) => near(v.x0, x) && v.y0 <= top.y0 + t && v.y1 >= bot.y1 - t);
      if (side(top.x0) && side(top.x1)) frames.push({ x0: top.x0, y0: top.y0, x1: top.x1, y1: bot.y1 });
    }
  }
  // Keep frames with no rule strictly inside them, and drop duplicates.
  const out: Rect[] = [];
  for (const f of frames) {
    const inner = { x0: f.x0 + t, y0: f.y0 + t, x1: f.x1 - t, y1: f.y1 - t };
    // Any rule reaching into the interior (a row or column rule) makes it a table, not a box.
    const hasInner = rules.some((r) => r.kind !== 'rect' && r.x1 > inner.x0 && r.x0 < inner.x1 && r.y1 > inner.y0 && r.y0 < inner.y1);
    const nested = frames.some((g) => g !== f && inside(g, { x0: f.x0 + t, y0: f.y0 + t, x1: f.x1 - t, y1: f.y1 - t }, 0));
    if (hasInner || nested) continue;
    if (out.some((o) => inside(o, f, t) && inside(f, o, t))) continue;
    out.push(f);
  }
  return out;
}
