/**
 * One pass over a pdf.js operator list: the graphics state (CTM through save/restore, forms and
 * groups) and the text state (text matrix, font, spacing, rise) as pdf.js's own canvas renderer
 * keeps them, producing the page's words, rules and images in viewport coordinates.
 *
 * Words come from the glyphs the operator list already carries, with each glyph's exact position,
 * so pdf.js's separate text-content pass (which parses the content stream a second time and costs
 * more than the operator list itself) is not needed. A word ends at a space glyph, at a gap wider
 * than about a tenth of an em (pdf.js's own threshold for inserting a space), at a step back, and
 * at a change of font, size or baseline (a raised reference mark is its own word).
 */
import type { Rect, Rule, Word } from '../model/page.js';
import { pathRects, toRule } from './pdf-paths.js';
import { OPS, Util } from './pdfjs/index.js';

export type Matrix = [number, number, number, number, number, number];

/** What the text pass needs of a loaded font. */
export interface FontFacts {
  name: string;
  bold: boolean;
  italic: boolean;
  /** Glyph-space to text-space scale (fontMatrix[0]; 0.001 for most fonts). */
  glyphScale: number;
  vertical: boolean;
}

interface GlyphLike {
  unicode?: string;
  width?: number;
  isSpace?: boolean;
}

/** Word-break thresholds in ems of the current font size (pdf.js: TRACKING_SPACE_FACTOR, NEGATIVE_SPACE_FACTOR). */
const SPACE_GAP = 0.102;
const STEP_BACK = -0.2;
/** Baselines closer than this (in ems) are the same line for joining glyphs into a word. */
const SAME_BASELINE = 0.05;

const PAINT_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const FILL_ONLY = new Set<number>([OPS.fill, OPS.eoFill]);
const IMAGE_OPS = new Set<number>([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

const isBlank = (s: string): boolean => s.length === 1 && (s === ' ' || s === '\u00a0' || s === '\t' || s === '\n' || s === '\r' || (s >= '\u2000' && s <= '\u200b') || s === '\u3000');

function bboxOf(m: Matrix, x0: number, y0: number, x1: number, y1: number): Rect {
  const ax = m[0] * x0 + m[2] * y0 + m[4];
  const ay = m[1] * x0 + m[3] * y0 + m[5];
  const bx = m[0] * x1 + m[2] * y0 + m[4];
  const by = m[1] * x1 + m[3] * y0 + m[5];
  const cx = m[0] * x0 + m[2] * y1 + m[4];
  const cy = m[1] * x0 + m[3] * y1 + m[5];
  const dx = m[0] * x1 + m[2] * y1 + m[4];
  const dy = m[1] * x1 + m[3] * y1 + m[5];
  return { x0: Math.min(ax, bx, cx, dx), y0: Math.min(ay, by, cy, dy), x1: Math.max(ax, bx, cx, dx), y1: Math.max(ay, by, cy, dy) };
}

interface State {
  ctm: Matrix;
  textMatrix: Matrix;
  /** Text position inside the text matrix (pdf.js's current.x / current.y) and the line start. */
  x: number;
  y: number;
  lineX: number;
  lineY: number;
  leading: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  rise: number;
  font: string | null;
  fontSize: number;
  /** The fill colour is white (or none): a filled path draws nothing visible on the page. */
  blankFill: boolean;
  /** The fill colour as "#rrggbb"; null for a pattern or shading (no one colour). */
  fill: string | null;
}

const initialState = (): State => ({
  blankFill: false,
  fill: '#000000',
  ctm: IDENTITY,
  textMatrix: IDENTITY,
  x: 0,
  y: 0,
  lineX: 0,
  lineY: 0,
  leading: 0,
  charSpacing: 0,
  wordSpacing: 0,
  hScale: 1,
  rise: 0,
  font: null,
  fontSize: 0,
});

/** Glyphs gathered into words, across show-text operations. */
class WordBuilder {
  readonly words: Word[] = [];
  private text = '';
  private sx = 0;
  private sy = 0;
  private ex = 0;
  private ey = 0;
  private dx = 1;
  private dy = 0;
  private size = 0;
  private font: FontFacts | null = null;
  /** In a turned word, where it ended before a space that may carry on the phrase. */
  private space: { ex: number; ey: number } | null = null;

  glyph(text: string, sx: number, sy: number, ex: number, ey: number, dx: number, dy: number, size: number, font: FontFacts): void {
    if (this.text && (font !== this.font || Math.abs(size - this.size) > size * 0.01 || dx !== this.dx || dy !== this.dy || !this.continues(sx, sy, size))) this.end();
    if (isBlank(text)) {
      // A phrase set turned (a column head printed vertically) stays one word: turned words
      // cannot be read into lines as upright ones are, and a head would fall apart into rows.
      if (this.text && !this.space && Math.abs(this.dy) > Math.abs(this.dx)) {
        this.space = { ex: this.ex, ey: this.ey };
        this.ex = ex;
        this.ey = ey;
        return;
      }
      this.end();
      return;
    }
    if (!this.text) {
      this.sx = sx;
      this.sy = sy;
      this.dx = dx;
      this.dy = dy;
      this.size = size;
      this.font = font;
    }
    if (this.space) {
      this.text += ' ';
      this.space = null;
    }
    this.text += text;
    this.ex = ex;
    this.ey = ey;
  }

  /** Whether a glyph starting at (sx, sy) carries on the word: same baseline, no real gap. */
  private continues(sx: number, sy: number, size: number): boolean {
    const vx = sx - this.ex;
    const vy = sy - this.ey;
    const along = (vx * this.dx + vy * this.dy) / size;
    const across = Math.abs(vy * this.dx - vx * this.dy) / size;
    return across <= SAME_BASELINE && along <= SPACE_GAP && along >= STEP_BACK;
  }

  end(): void {
    if (this.space) {
      ({ ex: this.ex, ey: this.ey } = this.space);
      this.space = null;
    }
    if (!this.text) return;
    const { sx, sy, ex, ey, size, font } = this;
    const horizontal = Math.abs(this.dx) >= Math.abs(this.dy);
    this.words.push({
      text: this.text,
      x0: horizontal ? Math.min(sx, ex) : Math.min(sx, ex) - size * 0.8,
      x1: horizontal ? Math.max(sx, ex) : Math.max(sx, ex) + size * 0.2,
      y0: horizontal ? Math.min(sy, ey) - size * 0.8 : Math.min(sy, ey),
      y1: horizontal ? Math.max(sy, ey) + size * 0.2 : Math.max(sy, ey),
      // A turned word stands on where it starts (heads turned a quarter turn share that edge).
      base: horizontal || !font!.vertical ? sy : Math.min(sy, ey),
      size,
      font: font!.name,
      bold: font!.bold,
      italic: font!.italic,
    });
    this.text = '';
  }
}

export interface PageContent {
  words: Word[];
  rules: Rule[];
  images: Rect[];
}

/**
 * Interpret `fnArray`/`argsArray` (a pdf.js operator list) on a page whose viewport transform is
 * `viewport`. `fontOf` returns the facts of a loaded font by its pdf.js name.
 */
export function readContent(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, viewport: Matrix, fontOf: (name: string) => FontFacts): PageContent {
  const rules: Rule[] = [];
  const images: Rect[] = [];
  const out = new WordBuilder();
  let s = initialState();
  const stack: State[] = [];
  const moveText = (x: number, y: number) => {
    s.x = s.lineX += x;
    s.y = s.lineY += y;
  };
  const setFont = (name: string, size: number) => {
    s.font = name;
    s.fontSize = Math.abs(size);
  };
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    switch (fn) {
      case OPS.save:
        stack.push(s);
        s = { ...s };
        break;
      case OPS.restore:
        s = stack.pop() ?? s;
        break;
      case OPS.transform:
        s.ctm = Util.transform(s.ctm, args as Matrix) as Matrix;
        break;
      case OPS.paintFormXObjectBegin:
      case OPS.beginGroup: {
        stack.push(s);
        s = { ...s };
        const m = fn === OPS.beginGroup ? (args[0] as { matrix?: Matrix }).matrix : (args[0] as Matrix);
        if (Array.isArray(m) && m.length === 6) s.ctm = Util.transform(s.ctm, m) as Matrix;
        break;
      }
      case OPS.paintFormXObjectEnd:
      case OPS.endGroup:
        s = stack.pop() ?? s;
        break;
      case OPS.beginText:
        s.textMatrix = IDENTITY;
        s.x = s.lineX = s.y = s.lineY = 0;
        break;
      case OPS.setTextMatrix:
        // One argument, the matrix (a typed array), unlike `transform`'s six numbers.
        s.textMatrix = Array.from(args[0] as ArrayLike<number>) as Matrix;
        s.x = s.lineX = s.y = s.lineY = 0;
        break;
      case OPS.moveText:
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.setLeadingMoveText:
        s.leading = args[1] as number;
        moveText(args[0] as number, args[1] as number);
        break;
      case OPS.nextLine:
        moveText(0, s.leading);
        break;
      case OPS.setLeading:
        s.leading = -(args[0] as number);
        break;
      case OPS.setCharSpacing:
        s.charSpacing = args[0] as number;
        break;
      case OPS.setWordSpacing:
        s.wordSpacing = args[0] as number;
        break;
      case OPS.setHScale:
        s.hScale = (args[0] as number) / 100;
        break;
      case OPS.setTextRise:
        s.rise = args[0] as number;
        break;
      case OPS.setFont:
        setFont(args[0] as string, args[1] as number);
        break;
      case OPS.setGState:
        for (const [key, value] of args[0] as [string, unknown][]) if (key === 'Font') setFont(...(value as [string, number]));
        break;
      case OPS.showText:
      case OPS.showSpacedText:
        if (s.font && s.fontSize) showText(args[0] as (GlyphLike | number)[], s, fontOf(s.font), viewport, out);
        break;
      case OPS.setFillRGBColor:
        // pdf.js hands every fill colour over as "#rrggbb".
        s.fill = typeof args[0] === 'string' ? (args[0] as string).toLowerCase() : null;
        s.blankFill = s.fill === '#ffffff';
        break;
      case OPS.setFillTransparent:
        s.blankFill = true;
        break;
      case OPS.setFillColorN:
        s.fill = null;
        break;
      case OPS.constructPath: {
        const [paintOp, paths] = args as [number, ArrayLike<number>[] | null];
        if (!PAINT_OPS.has(paintOp) || !paths) break;
        // A white fill (a page or cell background, a mask over something) draws no rule.
        if (s.blankFill && FILL_ONLY.has(paintOp)) break;
        const m = Util.transform(viewport, s.ctm) as Matrix;
        for (const p of paths) {
          if (!p) continue;
          for (const r of pathRects(p)) {
            const rule = toRule(bboxOf(m, r.x0, r.y0, r.x1, r.y1));
            // A rectangle filled without a stroke is shading (a cell background, a tinted band).
            if (rule) rules.push(rule.kind === 'rect' && FILL_ONLY.has(paintOp) ? { ...rule, filled: true, ...(s.fill ? { fill: s.fill } : {}) } : rule);
          }
        }
        break;
      }
      default:
        if (IMAGE_OPS.has(fn)) images.push(bboxOf(Util.transform(viewport, s.ctm) as Matrix, 0, 0, 1, 1));
    }
  }
  out.end();
  return { words: out.words, rules, images };
}

/** Advance through one show-text operation as pdf.js's canvas does, handing each glyph to `out`. */
function showText(glyphs: (GlyphLike | number)[], s: State, font: FontFacts, viewport: Matrix, out: WordBuilder): void {
  const size = s.fontSize;
  const hScale = s.hScale;
  // Text space of this operation → viewport: translate(x, y + rise), then Tm, the CTM, the viewport.
  const tm = s.textMatrix;
  const m = Util.transform(Util.transform(viewport, s.ctm), [tm[0], tm[1], tm[2], tm[3], tm[0] * s.x + tm[2] * (s.y + s.rise) + tm[4], tm[1] * s.x + tm[3] * (s.y + s.rise) + tm[5]]) as Matrix;
  const pageSize = size * Math.hypot(m[2], m[3]);
  const scaleX = Math.hypot(m[0], m[1]);
  let advance = 0;
  if (pageSize <= 0 || scaleX <= 0) {
    // Degenerate matrix: nothing visible, but the position still advances.
    for (const g of glyphs) if (typeof g !== 'number') advance += (g.width ?? 0) * font.glyphScale * size + s.charSpacing + (g.isSpace ? s.wordSpacing : 0);
  } else {
    // Along the baseline (horizontal fonts) or down the text-space y axis (vertical fonts).
    const [ux, uy] = font.vertical ? [-m[2], -m[3]] : [m[0] * hScale, m[1] * hScale];
    const len = Math.hypot(ux, uy);
    const dx = Math.round((ux / len) * 1e6) / 1e6;
    const dy = Math.round((uy / len) * 1e6) / 1e6;
    for (const g of glyphs) {
      if (typeof g === 'number') {
        advance += (font.vertical ? g : -g) * size * 0.001;
        continue;
      }
      const w = (g.width ?? 0) * font.glyphScale * size + s.charSpacing + (g.isSpace ? s.wordSpacing : 0);
      const sx = m[4] + ux * advance;
      const sy = m[5] + uy * advance;
      advance += w;
      if (g.unicode) out.glyph(g.unicode, sx, sy, m[4] + ux * advance, m[5] + uy * advance, dx, dy, pageSize, font);
    }
  }
  if (font.vertical) s.y -= advance;
  else s.x += advance * hScale;
}
