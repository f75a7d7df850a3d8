/**
 * Braces OCR read for parentheses. In a thin sans-serif a "(" or ")" at 200 dpi is often read as
 * "{" or "}"; reports set braces almost never, and never to close a parenthesis: on a line, a "}"
 * closing an open "(" (no "{" open) is ")", and a "{" that a ")" closes (no "}" after it) is "(".
 */
import type { OcrLine, OcrWord } from './hocr.js';

/** Each brace of the line's text that pairs with a parenthesis, with the parenthesis it stands for. */
export function misreadBraces(text: string): Map<number, string> {
  const out = new Map<number, string>();
  const open: { at: number; ch: string }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '{') open.push({ at: i, ch });
    else if (ch === ')' || ch === '}') {
      const o = open.pop();
      if (!o) continue;
      if (ch === '}' && o.ch === '(') out.set(i, ')');
      else if (ch === ')' && o.ch === '{') out.set(o.at, '(');
    }
  }
  return out;
}

export function repairBraces(lines: OcrLine[]): OcrLine[] {
  return lines.map((line) => {
    const text = line.words.map((w) => w.text).join(' ');
    if (!/[{}]/.test(text)) return line;
    const fix = misreadBraces(text);
    if (!fix.size) return line;
    let at = 0;
    const words = line.words.map((w): OcrWord => {
      const start = at;
      at += w.text.length + 1;
      const chars = [...w.text].map((ch, k) => fix.get(start + k) ?? ch);
      const fixed = chars.join('');
      if (fixed === w.text) return w;
      // Symbols follow the word's characters one for one when tesseract gave them so.
      const symbols = w.symbols.map((y) => y.text).join('') === w.text ? w.symbols.map((y, k) => ({ ...y, text: chars[k] })) : w.symbols;
      return { ...w, text: fixed, symbols };
    });
    return { ...line, words };
  });
}
