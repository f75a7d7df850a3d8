/**
 * Drafts that are no table though their words stand apart like cells: a masthead's fields on one
 * line at the top of page 1 ("United Nations" … its symbol; a body's name … "14 August 2009"), a
 * title set apart. A table has rows to compare: one line alone in the front matter is no table
 * (on a later page, a lone row may be a table's last row carried over, joined before this). Its
 * text goes back to the report as notes (tables/index.ts), so nothing is lost.
 */
import type { Draft } from './model.js';

/** A draft of one row on page 1, before the first numbered paragraph. */
export function notATable(d: Draft): boolean {
  return !d.image && d.pageStart === 1 && d.pageEnd === 1 && d.afterParagraph === null && d.header.length + d.body.length <= 1;
}
