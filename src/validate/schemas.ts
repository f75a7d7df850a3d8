/**
 * Record schemas: the single source of truth for the shape of every exported record and for the
 * column order of every CSV (the keys of each object schema, in order). OUTPUT.md documents them;
 * extend at the end, never rename.
 */
import { z } from 'zod';

const page = z.number().int().positive().nullable();

export const ParagraphSchema = z.object({
  number: z.number().int().nonnegative(),
  page,
  section: z.string(),
  subsection: z.string(),
  heading: z.string(),
  /** Footnote numbers referenced in the paragraph (CSV: joined with ';'). */
  footnotes: z.array(z.number().int().positive()),
  text: z.string().min(1, 'paragraph text must not be empty'),
  /** Last page the paragraph runs onto. */
  page_last: page,
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const HeadingSchema = z.object({
  level: z.number().int().min(1).max(3),
  label: z.string(),
  title: z.string().min(1),
  page,
  /** 'bullet' when the heading is printed as a bullet point, else empty. */
  style: z.string(),
});
export type Heading = z.infer<typeof HeadingSchema>;

export const FootnoteSchema = z.object({
  number: z.number().int().positive(),
  /** Paragraph whose text (or whose list) carries the reference mark; null when none was found. */
  paragraph: z.number().int().nonnegative().nullable(),
  page,
  text: z.string().min(1),
});
export type Footnote = z.infer<typeof FootnoteSchema>;

export const BlockKind = z.enum(['box', 'list', 'note', 'figure', 'preamble', 'contents']);
export const BlockSchema = z.object({
  kind: BlockKind,
  parent_paragraph: z.number().int().nonnegative().nullable(),
  page,
  /** 0 for a box's introductory text, 1… for items. */
  item: z.number().int().nonnegative(),
  label: z.string(),
  text: z.string(),
  /** Groups the rows of one box or list: kind-N in document order. */
  block_id: z.string(),
  /** Footnote numbers referenced in this item. */
  footnotes: z.array(z.number().int().positive()),
});
export type Block = z.infer<typeof BlockSchema>;

export const TableSchema = z.object({
  table_id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'table ids are lower-case slugs'),
  title: z.string(),
  page_start: page,
  page_end: page,
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  header_rows: z.number().int().nonnegative(),
});
export type TableRecord = z.infer<typeof TableSchema>;

/**
 * How each table's grid was read (report.json `tables`): `lattice` cells from a grid of rules,
 * `stream` from the text's alignment (rules, if any, separate its header from its body),
 * `text-dump` from a plain-text dump's spacing, `image` a table printed as a picture (no cells);
 * `method_reason` says what the page showed.
 */
export const TableMethodSchema = z.object({
  table_id: z.string(),
  method: z.enum(['lattice', 'stream', 'text-dump', 'image']),
  method_reason: z.string(),
});
export type TableMethodRecord = z.infer<typeof TableMethodSchema>;
export type TableMethod = TableMethodRecord['method'];

export const CellSchema = z.object({
  table_id: z.string(),
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  is_header: z.boolean(),
  row_label: z.string(),
  column_label: z.string(),
  text: z.string(),
  value: z.number().nullable(),
  unit: z.string(),
});
export type CellRecord = z.infer<typeof CellSchema>;

/** The kinds of record a box can locate (boxes.csv `record_kind`). */
export const RecordKind = z.enum(['paragraph', 'heading', 'footnote', 'block', 'table', 'cell', 'mark']);
export type RecordKind = z.infer<typeof RecordKind>;

/**
 * Where one piece of a record stands: page and bounding box, in PDF points with the origin at the
 * page's top-left corner (for a text dump: character columns and lines). A record set over two
 * columns or pages has one box per piece, `piece` counting from 0. `record_id` is the record's key
 * in its own file: a paragraph's or footnote's number, a heading's 1-based order, a block's
 * `block_id#item`, a table's id, a cell's `table_id:row:col`.
 */
export const BoxSchema = z
  .object({
    record_kind: RecordKind,
    record_id: z.string().min(1),
    piece: z.number().int().nonnegative(),
    page: z.number().int().positive(),
    x0: z.number(),
    y0: z.number(),
    x1: z.number(),
    y1: z.number(),
  })
  .refine((b) => b.x0 <= b.x1 && b.y0 <= b.y1, 'a box needs x0 <= x1 and y0 <= y1');
export type BoxRecord = z.infer<typeof BoxSchema>;

/** A merged cell of a table's grid (rows counted from the first header row). */
export const SpanSchema = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowspan: z.number().int().positive(),
  colspan: z.number().int().positive(),
});

/** report.json `tables`: each table's merged cells (its CSV keeps their text top-left only). */
export const TableSpansSchema = z.object({
  table_id: z.string(),
  spans: z.array(SpanSchema),
});
export type TableSpans = z.infer<typeof TableSpansSchema>;

/** A validation check of report.json (and a row of the database's `checks` table). */
export const CheckSchema = z.object({
  /** Stable name, e.g. 'paragraph-sequence', 'footnote-references', 'table-total'. */
  name: z.string(),
  ok: z.boolean(),
  severity: z.enum(['error', 'warning', 'info']),
  /** One human-readable sentence. */
  detail: z.string(),
  /** Machine-readable specifics (what was summed, the difference, the records concerned). */
  data: z.unknown().optional(),
});
export type CheckRecord = z.infer<typeof CheckSchema>;

/** One document of the database's `documents` table: what identifies a report and its source. */
export const DocumentRowSchema = z.object({
  doc_id: z.string().min(1),
  symbol: z.string().nullable(),
  title: z.string().nullable(),
  year: z.number().int().nullable(),
  language: z.string().nullable(),
  source_file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  pages: z.number().int().nonnegative(),
  profile: z.string(),
});
export type DocumentRow = z.infer<typeof DocumentRowSchema>;

/** Column names of a record schema, in CSV order. */
export function columnsOf(schema: z.ZodObject): string[] {
  return Object.keys(schema.shape);
}
