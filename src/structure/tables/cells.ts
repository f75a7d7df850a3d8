/**
 * A finished grid → cells.csv records: one per non-empty cell, with the row's labels (group labels
 * filled down) and the column's header path, the value the cell means and its unit (from the
 * cell, else from its column's headers, else from the table title).
 */
import { parseNumber, unitOf } from '../../numbers/parse.js';
import type { CellRecord } from '../../validate/schemas.js';
import type { Span } from './model.js';

export interface CellSource {
  id: string;
  title: string;
  header: string[][];
  body: string[][];
  spans: Span[];
  labelColumns: number;
}

/** Header text covering each column, per header row (spanning cells fill their columns). */
export function headerPaths(header: string[][], spans: Span[], cols: number): string[] {
  const filled = header.map((row) => row.slice());
  for (const sp of spans) {
    if (sp.in !== 'header') continue;
    const text = header[sp.row]?.[sp.col] ?? '';
    if (!text) continue;
    for (let r = sp.row; r < sp.row + sp.rowspan && r < filled.length; r++) {
      for (let c = sp.col; c < sp.col + sp.colspan && c < cols; c++) if (!filled[r][c]) filled[r][c] = text;
    }
  }
  const out: string[] = [];
  for (let c = 0; c < cols; c++) {
    const parts: string[] = [];
    for (const row of filled) {
      const t = (row[c] ?? '').trim();
      if (t && parts[parts.length - 1] !== t) parts.push(t);
    }
    out.push(parts.join(' / '));
  }
  return out;
}

/** Row labels of each body row, group labels filled down over the rows they head. */
export function rowLabels(body: string[][], labelColumns: number): string[] {
  const carry: string[] = new Array(labelColumns).fill('');
  return body.map((row) => {
    const parts: string[] = [];
    for (let c = 0; c < labelColumns; c++) {
      const t = (row[c] ?? '').trim();
      const group = c < labelColumns - 1;
      if (t) carry[c] = t;
      // A group label heads the rows whose inner label is filled; a row with only this column
      // filled (a subtotal) ends the group.
      const inner = row.slice(c + 1, labelColumns).some((x) => x.trim());
      if (t) parts.push(t);
      else if (group && inner && carry[c]) parts.push(carry[c]);
      if (t && group && !inner) carry[c] = '';
    }
    return parts.join(' / ');
  });
}

export function buildCells(t: CellSource): CellRecord[] {
  const cols = Math.max(0, ...[...t.header, ...t.body].map((r) => r.length));
  const paths = headerPaths(t.header, t.spans, cols);
  const labels = rowLabels(t.body, t.labelColumns);
  const titleUnit = unitOf(t.title);
  const out: CellRecord[] = [];
  t.header.forEach((row, r) => {
    row.forEach((text, c) => {
      if (!text.trim()) return;
      out.push({ table_id: t.id, row: r, col: c, is_header: true, row_label: '', column_label: paths[c], text, value: null, unit: '' });
    });
  });
  t.body.forEach((row, i) => {
    row.forEach((text, c) => {
      if (!text.trim()) return;
      const isLabel = c < t.labelColumns;
      const p = isLabel ? null : parseNumber(text);
      const value = p && (p.kind === 'number' || p.kind === 'percent') ? p.value : null;
      const unit = value === null ? '' : p!.unit || unitOf(paths[c]) || titleUnit;
      out.push({ table_id: t.id, row: t.header.length + i, col: c, is_header: false, row_label: labels[i], column_label: paths[c], text, value, unit });
    });
  });
  return out;
}
