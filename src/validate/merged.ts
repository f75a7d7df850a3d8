/**
 * Row schemas of `report-extract merge`: the records of several output folders in one long CSV,
 * each row carrying the document it came from. Like schemas.ts, the keys (in order) are the CSV
 * columns; extend at the end, never rename.
 */
import { z } from 'zod';
import { CellSchema, ParagraphSchema } from './schemas.js';

/** Which document a merged row comes from (from the folder's report.json). */
export const MergedDocumentShape = {
  /** The output folder's doc id (report.json `doc_id`, else the folder name). */
  doc_id: z.string().min(1),
  /** Document symbol read from the document (report.json `metadata.symbol`); empty when unknown. */
  symbol: z.string().nullable(),
  /** Report year (report.json `metadata.year`); empty when unknown. */
  year: z.number().int().nullable(),
};

export const MergedCellSchema = z.object({
  ...MergedDocumentShape,
  /**
   * The same table across years: its title lower-cased with years, digits, "(continued)" and
   * punctuation removed, as a slug (`iom-total-expenditures-usd-millions`); `#2`, `#3` … mark
   * further tables of one document with the same key.
   */
  table_key: z.string().regex(/^[a-z0-9][a-z0-9-]*(#\d+)?$/, 'table keys are lower-case slugs, optionally #n'),
  /** The table's title as printed (tables.csv). */
  table_title: z.string(),
  ...CellSchema.shape,
});
export type MergedCell = z.infer<typeof MergedCellSchema>;

export const MergedParagraphSchema = z.object({
  ...MergedDocumentShape,
  ...ParagraphSchema.shape,
});
export type MergedParagraph = z.infer<typeof MergedParagraphSchema>;
