/**
 * Document checks, reported in report.json: every record against its zod schema, the paragraph
 * sequence, footnote references, the heading hierarchy and what could not be classified.
 * Checks report; they never change a record.
 */
import { z } from 'zod';
import type { Check, ExtractedDocument } from '../model/document.js';
import type { StructureResult } from '../structure/assemble.js';
import { BlockSchema, BoxSchema, FootnoteSchema, HeadingSchema, ParagraphSchema, TableMethodSchema } from './schemas.js';

function schemaCheck(name: string, schema: z.ZodType, records: unknown[]): Check {
  const problems: string[] = [];
  records.forEach((r, i) => {
    const res = schema.safeParse(r);
    if (!res.success) problems.push(`#${i + 1}: ${z.prettifyError(res.error).replace(/\n/g, ' ')}`);
  });
  return {
    name: `schema-${name}`,
    ok: problems.length === 0,
    severity: problems.length ? 'error' : 'info',
    detail: problems.length ? `${problems.length} ${name} record(s) do not match the schema` : `${records.length} ${name} record(s) match the schema`,
    ...(problems.length ? { data: problems.slice(0, 50) } : {}),
  };
}

export function paragraphSequence(numbers: number[]): Check {
  const missing: number[] = [];
  const disorder: number[] = [];
  for (let i = 1; i < numbers.length; i++) {
    if (numbers[i] <= numbers[i - 1]) disorder.push(numbers[i]);
    else for (let n = numbers[i - 1] + 1; n < numbers[i]; n++) missing.push(n);
  }
  if (numbers.length && numbers[0] !== 1) for (let n = 1; n < numbers[0]; n++) missing.unshift(n);
  const ok = !missing.length && !disorder.length;
  return {
    name: 'paragraph-sequence',
    ok,
    severity: ok ? 'info' : 'error',
    detail: ok
      ? `paragraphs 1–${numbers[numbers.length - 1] ?? 0} complete and strictly increasing`
      : `paragraph numbers: ${missing.length} missing, ${disorder.length} out of order`,
    data: { count: numbers.length, missing, out_of_order: disorder },
  };
}

export function footnoteReferences(notes: { number: number; paragraph: number | null }[], refs: number[]): Check {
  const counts = new Map<number, number>();
  for (const r of refs) counts.set(r, (counts.get(r) ?? 0) + 1);
  const unreferenced = notes.filter((f) => !counts.has(f.number)).map((f) => f.number);
  const multiple = [...counts].filter(([, c]) => c > 1).map(([n]) => n);
  const dangling = [...counts.keys()].filter((n) => !notes.some((f) => f.number === n));
  const numbers = notes.map((f) => f.number);
  const gaps = numbers.filter((n, i) => i > 0 && n !== numbers[i - 1] + 1);
  const ok = !unreferenced.length && !multiple.length && !dangling.length && !gaps.length;
  return {
    name: 'footnote-references',
    ok,
    severity: ok ? 'info' : 'warning',
    detail: ok ? `${notes.length} footnotes, each referenced exactly once` : `footnotes: ${unreferenced.length} unreferenced, ${multiple.length} referenced more than once, ${dangling.length} marks without a footnote, ${gaps.length} numbering gaps`,
    data: { unreferenced, multiple, dangling, gaps },
  };
}

export function headingHierarchy(levels: number[]): Check {
  // A level may go deeper by one step at a time; level 3 may directly follow level 1 (sections
  // without lettered subsections).
  const jumps: number[] = [];
  let prev = 0;
  levels.forEach((l, i) => {
    if (prev === 0 && l !== 1) jumps.push(i);
    prev = l;
  });
  const ok = jumps.length === 0;
  return {
    name: 'heading-hierarchy',
    ok,
    severity: ok ? 'info' : 'warning',
    detail: ok ? `${levels.length} headings, hierarchy consistent` : `${jumps.length} heading(s) open below a missing top level`,
    data: { at: jumps },
  };
}

export function validateDocument(doc: ExtractedDocument, s: StructureResult): Check[] {
  const refs = [...doc.paragraphs.flatMap((p) => p.footnotes), ...doc.blocks.flatMap((b) => b.footnotes)];
  const tabularLines = s.tabular.reduce((n, b) => n + b.lines.length, 0);
  return [
    schemaCheck('paragraph', ParagraphSchema, doc.paragraphs),
    schemaCheck('heading', HeadingSchema, doc.headings),
    schemaCheck('footnote', FootnoteSchema, doc.footnotes),
    schemaCheck('block', BlockSchema, doc.blocks),
    schemaCheck('box', BoxSchema, doc.boxes),
    schemaCheck('table-method', TableMethodSchema, doc.tables.flatMap((t) => (t.method ? [t.method] : []))),
    paragraphSequence(doc.paragraphs.map((p) => p.number)),
    footnoteReferences(doc.footnotes, refs),
    headingHierarchy(doc.headings.map((h) => h.level)),
    {
      name: 'unclassified-text',
      ok: doc.unclassified.length === 0,
      severity: doc.unclassified.length ? 'warning' : 'info',
      detail: `${doc.unclassified.length} piece(s) of body text could not be classified; ${tabularLines} line(s) of tabular material went to the tables stage`,
      data: { unclassified: doc.unclassified.length, tabular_lines: tabularLines },
    },
  ];
}
