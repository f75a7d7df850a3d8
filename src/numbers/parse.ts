/**
 * Printed numbers → values. Handles the ways reports print figures: a space or a comma as the
 * thousands separator ("2 167", "978 194 369", "10,035"), decimals ("1,013.0", "0.5%"), percentages,
 * currencies before or after the figure ("USD 1 000", "1 000 CHF"), negative numbers in parentheses
 * with a separator or decimals ("(1 234)", "(12.5)"), and what is not a quantity: a rank or note
 * marker "(1)", a dash "-" for nil, an empty cell.
 */

export type NumberKind = 'number' | 'percent' | 'rank' | 'dash' | 'empty' | 'text';

export interface ParsedNumber {
  /** The quantity the cell means, or null (rank, dash, empty, text). */
  value: number | null;
  /** '%' or a currency/scale read from the cell itself; '' when the cell names none. */
  unit: string;
  kind: NumberKind;
  /** Digits after the decimal point as printed (0 for integers): the precision of the figure. */
  decimals: number;
}

/**
 * Superscript forms of the characters a raised note mark is made of (digits, lower-case letters but
 * q, signs): a table cell keeps its mark as printed ("12.4ᵃ", "Exports²") without the mark turning
 * into digits of the figure. Unicode compatibility form maps each back to the plain character.
 */
const SUPERSCRIPTS: Record<string, string> = Object.fromEntries(
  [...'0123456789abcdefghijklmnoprstuvwxyz+-()'].map((c, i) => [c, [...'⁰¹²³⁴⁵⁶⁷⁸⁹ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻ⁺⁻⁽⁾'][i]]),
);
/** The mark in superscript characters where each has one (symbols such as * † stay as they are). */
export const superscript = (mark: string): string => [...mark].map((c) => SUPERSCRIPTS[c] ?? c).join('');
/** Trailing superscript characters (a note mark printed raised). */
const SUPERSCRIPT_TAIL = new RegExp(`[${Object.values(SUPERSCRIPTS).join('').replace(/[-\]]/g, '\\$&')}]+$`, 'u');

const CURRENCIES = ['USD', 'CHF', 'EUR', 'GBP', 'JPY', 'CAD', 'AUD', 'US$', '$', '€', '£'];
const CURRENCY_RE = /^(USD|CHF|EUR|GBP|JPY|CAD|AUD|US\$|\$|€|£)/;
const CURRENCY_END_RE = /(USD|CHF|EUR|GBP|JPY|CAD|AUD|US\$|\$|€|£)$/;

/** Dashes and markers that stand for nil or not applicable. */
const NIL = /^(?:[-–—]+|\.{2,3}|n\/?a|n\.a\.|nil)$/i;
/** A rank or note marker: a small integer in parentheses, no separators. */
const RANK = /^\(\d{1,3}\)$/;

/**
 * The digits of one figure: grouped by spaces, commas or thin spaces (every group after the first
 * has three digits), optionally with a decimal part.
 */
const GROUPED_SPACE = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?$/;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PLAIN = /^\d+(?:\.\d+)?$|^\.\d+$/;
/** Decimal comma without thousands ("12,5"): only with one or two decimals, never three. */
const DECIMAL_COMMA = /^\d+,\d{1,2}$/;

/** The value of a bare figure (no sign, unit or parentheses), or null when it is not one. */
export function figureValue(t: string): { value: number; decimals: number } | null {
  let s = t;
  if (GROUPED_SPACE.test(s)) s = s.replace(/[ \u00a0\u202f]/g, '');
  else if (GROUPED_COMMA.test(s)) s = s.replace(/,/g, '');
  else if (DECIMAL_COMMA.test(s)) s = s.replace(',', '.');
  else if (!PLAIN.test(s)) return null;
  const dot = s.indexOf('.');
  return { value: Number(s), decimals: dot < 0 ? 0 : s.length - dot - 1 };
}

export function parseNumber(raw: string): ParsedNumber {
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text) return { value: null, unit: '', kind: 'empty', decimals: 0 };
  if (NIL.test(text)) return { value: null, unit: '', kind: 'dash', decimals: 0 };
  if (RANK.test(text)) return { value: null, unit: '', kind: 'rank', decimals: 0 };
  let s = text;
  let unit = '';
  let negative = false;
  // A trailing note mark ("1 234*", "12.5 a/", a raised "12.5ᵃ") is not part of the figure.
  s = s.replace(SUPERSCRIPT_TAIL, '').replace(/\s*(?:\*+|[a-z]\/)$/, '');
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−–]/.test(s)) {
    negative = !negative;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) s = s.slice(1).trim();
  let percent = false;
  if (/%$/.test(s)) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const pre = CURRENCY_RE.exec(s);
  if (pre) {
    unit = pre[1];
    s = s.slice(pre[1].length).trim();
  } else {
    const post = CURRENCY_END_RE.exec(s);
    if (post && s.length > post[1].length) {
      unit = post[1];
      s = s.slice(0, -post[1].length).trim();
    }
  }
  if (/^[-−–]/.test(s) && !negative) {
    negative = true;
    s = s.slice(1).trim();
  }
  const fig = figureValue(s);
  if (fig) {
    const value = negative ? -fig.value : fig.value;
    return { value: Object.is(value, -0) ? 0 : value, unit: percent ? '%' : unit, kind: percent ? 'percent' : 'number', decimals: fig.decimals };
  }
  // A figure followed by a remark in parentheses ("729 (613 in 2007)"): the cell means the figure.
  const lead = /^(\d[\d ,.]*?)\s+\(.*\)$/.exec(text);
  if (lead) {
    const f = figureValue(lead[1].trim());
    if (f) return { value: f.value, unit: '', kind: 'number', decimals: f.decimals };
  }
  return { value: null, unit: '', kind: 'text', decimals: 0 };
}

/** True when the text is a figure (number, percentage, currency amount), a nil dash or a rank. */
export function isFigure(text: string): boolean {
  const k = parseNumber(text).kind;
  return k === 'number' || k === 'percent' || k === 'dash' || k === 'rank';
}

/**
 * The unit a header, title or cell text names: '%', a currency, or a currency with its scale
 * ("USD million"). Empty when none is named.
 */
const UNIT_RES = CURRENCIES.map((c) => {
  const esc = c.replace(/[$]/g, '\\$');
  return {
    c,
    word: new RegExp(`(?:^|[^A-Za-z])${esc}(?:$|[^A-Za-z])`),
    scale: new RegExp(`${esc}\\s*(thousands?|millions?|billions?|'000|000s)\\b`, 'i'),
  };
});
const PERCENT_WORD = /%|\bper ?cent\b|\bpercentage\b/i;
const unitCache = new Map<string, string>();

export function unitOf(text: string): string {
  const cached = unitCache.get(text);
  if (cached !== undefined) return cached;
  const t = text.replace(/\s+/g, ' ');
  let unit = '';
  if (PERCENT_WORD.test(t)) unit = '%';
  else {
    for (const { c, word, scale } of UNIT_RES) {
      if (!word.test(t)) continue;
      const m = scale.exec(t);
      unit = m ? `${c} ${m[1].toLowerCase().replace(/s$/, '').replace(/^'000|^000$/, 'thousand')}` : c;
      break;
    }
  }
  if (unitCache.size > 10000) unitCache.clear();
  unitCache.set(text, unit);
  return unit;
}
