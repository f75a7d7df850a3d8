/**
 * Test helper: the output a perfect extractor would write for a gold file, following OUTPUT.md.
 * Scoring it must give 1.0 everywhere, which checks that the scorer and the gold agree.
 */
import type { Block, Paragraph } from '../../../src/validate/schemas.js';
import { headingWithLabel, type Gold } from '../../../src/evaluate/gold.js';
import type { OutputRecords } from './write-output.js';

export function perfectOutput(gold: Gold, { withPages = true } = {}): Required<Omit<OutputRecords, 'report'>> {
  const page = (p: number | null | undefined): number | null => (withPages ? (p ?? null) : null);
  const out: Required<Omit<OutputRecords, 'report'>> = { paragraphs: [], headings: [], footnotes: [], blocks: [], tables: [] };
  let section = '';
  let subsection = '';
  let heading = '';
  let lastParagraph: number | null = null;
  const counters = new Map<string, number>();
  const blockId = (kind: string): string => {
    const n = (counters.get(kind) ?? 0) + 1;
    counters.set(kind, n);
    return `${kind}-${n}`;
  };
  const row = (fields: Omit<Block, 'footnotes'> & { footnotes?: number[] }): Block => ({ footnotes: [], ...fields });

  for (const block of gold.blocks) {
    switch (block.kind) {
      case 'heading':
        out.headings.push({ level: block.level, label: block.label ?? '', title: block.text, page: page(block.page), style: block.style ?? '' });
        if (block.level === 1) [section, subsection, heading] = [headingWithLabel(block), '', ''];
        if (block.level === 2) [subsection, heading] = [headingWithLabel(block), ''];
        if (block.level === 3) heading = block.text;
        break;
      case 'paragraph': {
        const p: Paragraph = {
          number: block.number,
          page: page(block.page),
          section,
          subsection,
          heading,
          footnotes: block.footnotes ?? [],
          text: block.text,
          page_last: page(block.page_last),
        };
        out.paragraphs.push(p);
        lastParagraph = block.number;
        break;
      }
      case 'box': {
        const id = blockId('box');
        const base = { kind: 'box' as const, parent_paragraph: block.parent_paragraph ?? null, page: page(block.page), block_id: id };
        out.blocks.push(row({ ...base, item: 0, label: '', text: block.intro ?? '' }));
        block.items.forEach((item, i) => out.blocks.push(row({ ...base, item: i + 1, label: item.label ?? '', text: item.text })));
        break;
      }
      case 'list': {
        const id = blockId('list');
        block.items.forEach((text, i) =>
          out.blocks.push(row({ kind: 'list', parent_paragraph: block.parent_paragraph ?? null, page: page(block.page), item: i + 1, label: '', text, block_id: id })),
        );
        break;
      }
      case 'note':
        out.blocks.push(row({ kind: 'note', parent_paragraph: lastParagraph, page: page(block.page), item: 0, label: '', text: block.text, block_id: blockId('note') }));
        break;
      case 'figure':
        out.blocks.push(row({ kind: 'figure', parent_paragraph: block.after_paragraph ?? null, page: page(block.page), item: 0, label: '', text: block.id, block_id: blockId('figure') }));
        break;
      case 'table':
        break;
    }
  }
  out.footnotes = gold.footnotes.map((f) => ({ number: f.number, paragraph: f.paragraph ?? null, page: page(f.page), text: f.text }));
  out.tables = gold.tables.map((t) => {
    const grid = [...t.header_rows, ...t.rows];
    return {
      record: {
        table_id: t.id,
        title: t.title ?? '',
        page_start: page(t.page),
        page_end: page(t.page_last),
        rows: grid.length,
        cols: Math.max(0, ...grid.map((r) => r.length)),
        header_rows: t.header_rows.length,
      },
      grid,
    };
  });
  return out;
}
