/**
 * The structure stage: laid-out pages → document records (headings, numbered paragraphs, boxes,
 * lists, notes, footnotes). Blocks are classified in document order with the paragraph sequence
 * chosen up front, so a numbered line is a paragraph only when its number continues the report's
 * sequence (classify.ts); records are then built in reading order (records.ts) and footnotes
 * linked to the records that mark them.
 */
import type { LaidOutPage } from '../layout/layout.js';
import type { Line } from '../layout/lines.js';
import type { OutlineRecord, Unclassified } from '../model/document.js';
import type { Rect } from '../model/page.js';
import type { Profile } from '../profiles/profile.js';
import type { Block as BlockRecord, Heading, Paragraph } from '../validate/schemas.js';
import type { Block, TextMetrics } from './blocks.js';
import { classify, STRUCTURE_SETTINGS } from './classify.js';
import { linkFootnotes, linkSymbolMarks, parseFootnotes, parseNoteLines, type RawFootnote } from './footnotes.js';
import { type Holder, RecordBuilder } from './records.js';

export { type HeadingGuess, listInStep, STRUCTURE_SETTINGS } from './classify.js';
export { resolveLabel } from './records.js';

export interface StructureResult {
  paragraphs: Paragraph[];
  headings: Heading[];
  blocks: BlockRecord[];
  footnotes: { number: number; paragraph: number | null; page: number; text: string }[];
  /** Blocks left to the tables stage (rows, column headers, captions, chart labels). */
  tabular: Block[];
  /** Front matter before the first section (title, symbol lines), in reading order. */
  frontMatter: string[];
  unclassified: Unclassified[];
  /** The tables of contents' entries, in order. */
  outline: OutlineRecord[];
  metrics: TextMetrics;
  /** How each block was classified, in reading order (for --debug and tests). */
  trace: { page: number; kind: string; text: string }[];
  /** The lines each paragraph, heading, block and footnote record was made of (for OCR confidence). */
  sources: Map<object, Line[]>;
  /** Where each footnote's reference mark is printed, by footnote number (raised marks only). */
  markBoxes: Map<number, Rect & { page: number }>;
}

type Footnote = StructureResult['footnotes'][number];

/**
 * Footnotes (at page feet and as endnotes), each linked to the record that marks it; where each
 * mark is printed goes to markBoxes. Notes marked with a symbol join `blocks` as labelled notes.
 */
function linkNotes(pages: LaidOutPage[], endnoteLines: Line[], holders: Holder[], sources: Map<object, Line[]>, markBoxes: StructureResult['markBoxes'], blocks: BlockRecord[]): Footnote[] {
  const all: RawFootnote[] = [...parseFootnotes(pages), ...parseNoteLines(endnoteLines)];
  const raw = all.filter((f) => !f.symbol);
  const ocrPages = new Set(pages.filter((p) => p.source === 'ocr').map((p) => p.number));
  const link = linkFootnotes(raw, holders.map((h) => h.holder), markBoxes, ocrPages);
  const symbols = all.filter((f) => f.symbol);
  const carriers = linkSymbolMarks(symbols, holders.map((h) => h.holder));
  for (const h of holders) h.set(h.holder.text, h.holder.footnotes.slice().sort((a, b) => a - b));
  // A note marked with a symbol is a note record labelled with it, after the blocks of its page.
  symbols.forEach((f, k) => {
    const rec: BlockRecord = { kind: 'note', parent_paragraph: carriers[k] < 0 ? null : holders[carriers[k]].paragraph(), page: f.page, item: 0, label: f.symbol!, text: f.text, block_id: `symbol-note-${k + 1}`, footnotes: [] };
    const at = blocks.findIndex((b) => (b.page ?? 0) > f.page);
    blocks.splice(at < 0 ? blocks.length : at, 0, rec);
    if (f.lines) sources.set(rec, f.lines);
  });
  return raw.map((f) => {
    const hi = link.get(f.number);
    const rec = { number: f.number, paragraph: hi === undefined ? null : holders[hi].paragraph(), page: f.page, text: f.text };
    if (f.lines) sources.set(rec, f.lines);
    return rec;
  });
}

export function assemble(pages: LaidOutPage[], profile: Profile, s = STRUCTURE_SETTINGS): StructureResult {
  const c = classify(pages, profile, s);
  const trace = c.blocks.map((b, i) => ({ page: b.page, kind: c.kinds[i], text: b.lines.map((l) => l.text).join(' / ').slice(0, 160) }));
  const r = new RecordBuilder(c).build();
  // Where each note's mark is printed (raised marks only): its own box in boxes.csv.
  const markBoxes: StructureResult['markBoxes'] = new Map();
  const footnotes = linkNotes(pages, r.endnoteLines, r.holders, r.sources, markBoxes, r.blockRecords);
  const paragraphs = r.paragraphs.slice().sort((a, b) => a.number - b.number);
  return {
    paragraphs, headings: r.headings, blocks: r.blockRecords, footnotes, tabular: r.tabular, frontMatter: c.frontMatter,
    unclassified: r.unclassified, outline: c.contents.flatMap((l) => l.entries.map(({ label, title, level, page }) => ({ label, title, level, page }))), metrics: c.m, trace, sources: r.sources, markBoxes,
  };
}
