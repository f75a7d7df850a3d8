/**
 * tesseract's hOCR (with `hocr_char_boxes`) → lines, words and glyph boxes. hOCR rather than
 * tesseract.js's JSON tree: building that tree (with every glyph's alternatives) cost 7-13 % of
 * the recognition time, and hOCR states each line's baseline as a real slope, not as integer
 * end points.
 */
import type { Segment } from './deskew.js';

export interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface OcrSymbol {
  text: string;
  bbox: OcrBox;
}

export interface OcrWord {
  text: string;
  /** Word confidence 0-100. */
  conf: number;
  bbox: OcrBox;
  symbols: OcrSymbol[];
  /** A raised reference mark split off its word (see splitRaisedMarks): placed by its own box. */
  mark?: boolean;
}

export interface OcrLine {
  bbox: OcrBox;
  /** The baseline across the line's box, in the same pixels. */
  baseline: Segment;
  /** tesseract's row height: ascender top to descender bottom (x_size). */
  rowHeight: number;
  words: OcrWord[];
}

/** The box around some glyphs. */
export function symbolsBox(symbols: OcrSymbol[]): OcrBox {
  return {
    x0: Math.min(...symbols.map((y) => y.bbox.x0)),
    y0: Math.min(...symbols.map((y) => y.bbox.y0)),
    x1: Math.max(...symbols.map((y) => y.bbox.x1)),
    y1: Math.max(...symbols.map((y) => y.bbox.y1)),
  };
}

/** The line's baseline y at x (the baseline is straight, at a slope on a skewed scan). */
export function baselineAt(line: OcrLine): (x: number) => number {
  const b = line.baseline;
  const slope = b.x1 > b.x0 ? (b.y1 - b.y0) / (b.x1 - b.x0) : 0;
  return (x) => b.y0 + (x - b.x0) * slope;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x?[0-9a-f]+|\w+);/gi, (m, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITY[e] ?? m),
  );

const numbers = (title: string, key: string): number[] | null => {
  const m = new RegExp(`(?:^|;)\\s*${key}((?:\\s+-?[\\d.]+)+)`).exec(title);
  return m ? m[1].trim().split(/\s+/).map(Number) : null;
};

const box = (n: number[] | null): OcrBox => (n ? { x0: n[0], y0: n[1], x1: n[2], y1: n[3] } : { x0: 0, y0: 0, x1: 0, y1: 0 });

// Every element that carries a title: lines (of any kind), words and glyphs, with the text up to the next tag.
const ELEMENT = /<span class='(ocr_line|ocr_header|ocr_caption|ocr_textfloat|ocrx_word|ocrx_cinfo)'[^>]*?title=(['"])(.*?)\2[^>]*>([^<]*)/g;

export function parseHocr(hocr: string): OcrLine[] {
  const lines: OcrLine[] = [];
  let line: OcrLine | undefined;
  let word: OcrWord | undefined;
  for (const [, kind, , title, text] of hocr.matchAll(ELEMENT)) {
    const bbox = box(numbers(title, kind === 'ocrx_cinfo' ? 'x_bboxes' : 'bbox'));
    if (kind === 'ocrx_cinfo') {
      if (word) word.symbols.push({ text: decode(text), bbox });
    } else if (kind === 'ocrx_word') {
      word = { text: decode(text.trim()), conf: numbers(title, 'x_wconf')?.[0] ?? 0, bbox, symbols: [] };
      line?.words.push(word);
    } else {
      // baseline: slope and offset from the box's bottom-left corner.
      const [slope, offset] = numbers(title, 'baseline') ?? [0, 0];
      const y = bbox.y1 + offset;
      line = {
        bbox,
        baseline: { x0: bbox.x0, y0: y, x1: bbox.x1, y1: y + slope * (bbox.x1 - bbox.x0) },
        rowHeight: numbers(title, 'x_size')?.[0] ?? bbox.y1 - bbox.y0,
        words: [],
      };
      word = undefined;
      lines.push(line);
    }
  }
  // With glyph boxes on, a word's text is in its glyphs.
  for (const l of lines) for (const w of l.words) if (w.symbols.length) w.text = w.symbols.map((s) => s.text).join('');
  return lines;
}
