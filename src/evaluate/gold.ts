/**
 * The gold file (fixtures/<doc>/gold.json): hand-checked ground truth that `score` compares an
 * output folder with. Objects are loose so that annotation-only keys (seed_lines, how, checks …)
 * and keys added later do not break loading.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const page = z.number().int().positive().nullable().optional();
const paragraphRef = z.number().int().nonnegative().nullable().optional();
const numbers = z.array(z.number().int().positive());

export const GoldHeadingSchema = z.looseObject({
  kind: z.literal('heading'),
  level: z.number().int().min(1).max(3),
  label: z.string().nullable().optional(),
  text: z.string(),
  style: z.string().nullable().optional(),
  page,
});

export const GoldParagraphSchema = z.looseObject({
  kind: z.literal('paragraph'),
  number: z.number().int().nonnegative(),
  text: z.string(),
  footnotes: numbers.optional(),
  page,
  page_last: page,
});

export const GoldBoxSchema = z.looseObject({
  kind: z.literal('box'),
  parent_paragraph: paragraphRef,
  intro: z.string().nullable().optional(),
  items: z.array(z.looseObject({ label: z.string().nullable().optional(), text: z.string() })),
  continues_previous_box: z.boolean().optional(),
  page,
});

export const GoldListSchema = z.looseObject({
  kind: z.literal('list'),
  parent_paragraph: paragraphRef,
  items: z.array(z.string()),
  footnotes: numbers.optional(),
  page,
});

export const GoldTableBlockSchema = z.looseObject({
  kind: z.literal('table'),
  id: z.string(),
  after_paragraph: paragraphRef,
  /** e.g. 'not_transcribed': the table is printed but the gold has no cells for it. */
  status: z.string().nullable().optional(),
  page,
  page_last: page,
});

export const GoldFigureSchema = z.looseObject({
  kind: z.literal('figure'),
  id: z.string(),
  after_paragraph: paragraphRef,
  page,
});

export const GoldNoteSchema = z.looseObject({
  kind: z.literal('note'),
  text: z.string(),
  page,
});

/** A resolution's preamble: its subject ("The General Assembly,") and its clauses, in order. */
export const GoldPreambleSchema = z.looseObject({
  kind: z.literal('preamble'),
  intro: z.string().nullable().optional(),
  clauses: z.array(z.string()),
  page,
});

export const GoldBlockSchema = z.discriminatedUnion('kind', [
  GoldHeadingSchema,
  GoldParagraphSchema,
  GoldBoxSchema,
  GoldListSchema,
  GoldTableBlockSchema,
  GoldFigureSchema,
  GoldNoteSchema,
  GoldPreambleSchema,
]);

export const GoldFootnoteSchema = z.looseObject({
  number: z.number().int().positive(),
  paragraph: paragraphRef,
  text: z.string(),
  page,
  anchor: z.looseObject({}).optional(),
});

export const GoldSpanSchema = z.looseObject({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowspan: z.number().int().positive(),
  colspan: z.number().int().positive(),
  in: z.enum(['header', 'body']),
});

export const GoldTableSchema = z.looseObject({
  id: z.string(),
  title: z.string().nullable().optional(),
  header_rows: z.array(z.array(z.string())),
  rows: z.array(z.array(z.string())),
  spans: z.array(GoldSpanSchema).optional(),
  notes: z.array(z.string()).optional(),
  continued: z.boolean().optional(),
  certainty: z.string().optional(),
  page,
  page_last: page,
});

export const GoldSchema = z.looseObject({
  report: z.looseObject({
    symbol: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    year: z.number().int().nullable().optional(),
  }),
  blocks: z.array(GoldBlockSchema),
  footnotes: z.array(GoldFootnoteSchema),
  tables: z.array(GoldTableSchema),
});

export type Gold = z.infer<typeof GoldSchema>;
export type GoldBlock = z.infer<typeof GoldBlockSchema>;
export type GoldHeading = z.infer<typeof GoldHeadingSchema>;
export type GoldParagraph = z.infer<typeof GoldParagraphSchema>;
export type GoldBox = z.infer<typeof GoldBoxSchema>;
export type GoldList = z.infer<typeof GoldListSchema>;
export type GoldTableBlock = z.infer<typeof GoldTableBlockSchema>;
export type GoldFootnote = z.infer<typeof GoldFootnoteSchema>;
export type GoldTable = z.infer<typeof GoldTableSchema>;

/** Parses a gold object that is already in memory (tests build small ones). */
export function parseGold(data: unknown, source = 'gold'): Gold {
  const result = GoldSchema.safeParse(data);
  if (!result.success) throw new Error(`${source} does not match the gold schema:\n${z.prettifyError(result.error)}`);
  return result.data;
}

export async function loadGold(path: string): Promise<Gold> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read gold file ${path}: ${(error as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new Error(`gold file ${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseGold(data, `gold file ${path}`);
}

/** Blocks of one kind, typed. */
export function blocksOf<K extends GoldBlock['kind']>(gold: Gold, kind: K): Extract<GoldBlock, { kind: K }>[] {
  return gold.blocks.filter((block): block is Extract<GoldBlock, { kind: K }> => block.kind === kind);
}

/** A heading as the output's section/subsection columns print it: `I. MIGRATION …` or `INTRODUCTION`. */
export function headingWithLabel(heading: Pick<GoldHeading, 'label' | 'text'>): string {
  return heading.label ? `${heading.label}. ${heading.text}` : heading.text;
}
