/**
 * Readable, stable table ids: a slug of the title ("table-1-movements-by-budgetary-region…"), or,
 * for an untitled table, of the paragraph it follows and its header ("p8-2007-operational-…").
 * Ids are unique within a document (a numeric suffix when two would collide).
 */
import { TABLE_SETTINGS, type TableSettings } from './settings.js';

export function slug(text: string, words: number): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .slice(0, words)
    .join('-');
}

export interface IdSource {
  title: string;
  header: string[][];
  afterParagraph: number | null;
  pageStart: number;
}

export function tableIds(tables: IdSource[], s: TableSettings = TABLE_SETTINGS): string[] {
  const used = new Map<string, number>();
  return tables.map((t) => {
    let base = slug(t.title, s.idWords);
    if (!base) {
      const where = t.afterParagraph !== null ? `p${t.afterParagraph}` : `page-${t.pageStart}`;
      const words: string[] = [];
      for (const row of t.header) for (const cell of row) for (const w of slug(cell, 99).split('-')) if (w && !words.includes(w)) words.push(w);
      const head = words.slice(0, Math.max(2, s.idWords - 3)).join('-');
      base = head ? `${where}-${head}` : `${where}-table`;
    }
    if (!/^[a-z0-9]/.test(base)) base = `t-${base}`;
    const n = (used.get(base) ?? 0) + 1;
    used.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  });
}
