/**
 * ICDAR 2013 scoring of one document, from an extraction in memory or from its output folder
 * (tables.csv, tables/*.csv, boxes.csv for where the tables lie, report.json for their merged
 * cells and the page sizes).
 * The region measures need the PDF's words: `--pdf`, else the PDF beside the gold file
 * (`NAME-reg.xml` or `NAME-str.xml` → `NAME.pdf`, the competition's layout).
 */
import { dirname, join, basename } from 'node:path';
import type { ExtractedDocument } from '../model/document.js';
import { BoxSchema, TableSpansSchema, type BoxRecord, type TableSpans } from '../validate/schemas.js';
import { exists } from './command-io.js';
import { loadIcdar, type PageSize } from './icdar.js';
import type { Box } from './icdar-regions.js';
import { readOutput, readRecords, type OutputFolder } from './read-output.js';
import { readPdfWords } from './pdf-words.js';
import { scoreIcdar, type IcdarOutput, type IcdarScore } from './score-icdar.js';

/** Each table's boxes (one per page piece) by table id. */
function tableBoxes(boxes: BoxRecord[]): Map<string, Box[]> {
  const out = new Map<string, Box[]>();
  for (const b of boxes) {
    if (b.record_kind !== 'table') continue;
    out.set(b.record_id, [...(out.get(b.record_id) ?? []), { page: b.page, x0: b.x0, y0: b.y0, x1: b.x1, y1: b.y1 }]);
  }
  return out;
}

export function icdarOutputOfDocument(doc: ExtractedDocument): IcdarOutput {
  const pageSizes = new Map<number, PageSize>();
  for (const p of doc.source.pageInfo) if (p.width !== undefined && p.height !== undefined) pageSizes.set(p.page, { width: p.width, height: p.height, rotation: p.rotation ?? 0 });
  const boxes = tableBoxes(doc.boxes);
  return {
    tables: doc.tables.map((t) => ({
      id: t.record.table_id,
      grid: t.grid,
      spans: t.spans ?? [],
      boxes: boxes.get(t.record.table_id) ?? [],
      pageStart: t.record.page_start,
      pageEnd: t.record.page_end,
    })),
    pageSizes,
  };
}

/** report.json's `tables` entries: merged cells by table id (absent or malformed entries skipped). */
function spansOf(report: Record<string, unknown> | null): Map<string, TableSpans['spans']> {
  const out = new Map<string, TableSpans['spans']>();
  const list = report?.tables;
  if (!Array.isArray(list)) return out;
  for (const entry of list) {
    const parsed = TableSpansSchema.safeParse(entry);
    if (parsed.success) out.set(parsed.data.table_id, parsed.data.spans);
  }
  return out;
}

function reportPageSizes(report: Record<string, unknown> | null): Map<number, PageSize> {
  const out = new Map<number, PageSize>();
  const source = report?.source as { page_sources?: unknown } | undefined;
  if (!Array.isArray(source?.page_sources)) return out;
  for (const p of source.page_sources as { page?: unknown; width?: unknown; height?: unknown; rotation?: unknown }[]) {
    if (typeof p?.page !== 'number' || typeof p.width !== 'number' || typeof p.height !== 'number') continue;
    out.set(p.page, { width: p.width, height: p.height, rotation: typeof p.rotation === 'number' ? p.rotation : 0 });
  }
  return out;
}

/** An output folder's tables; boxes.csv is optional (without it, tables match by text alone). */
export async function icdarOutputOfFolder(folder: OutputFolder): Promise<IcdarOutput> {
  const spans = spansOf(folder.report);
  const boxes = tableBoxes(await readRecords(folder.dir, 'boxes.csv', BoxSchema, false));
  return {
    tables: folder.tables.map((t) => {
      const id = t.record.table_id;
      return { id, grid: t.grid, spans: spans.get(id) ?? [], boxes: boxes.get(id) ?? [], pageStart: t.record.page_start, pageEnd: t.record.page_end };
    }),
    pageSizes: reportPageSizes(folder.report),
  };
}

/** The PDF whose words the region measures count: the one given, else the gold's sibling. */
export async function pdfBesideGold(goldPaths: string[]): Promise<string | null> {
  for (const gold of goldPaths) {
    const candidate = join(dirname(gold), `${basename(gold).replace(/-(?:str|reg)\.xml$/i, '')}.pdf`);
    if (candidate.endsWith('.pdf') && candidate !== gold && (await exists(candidate))) return candidate;
  }
  return null;
}

export interface IcdarReport extends IcdarScore {
  format: 'icdar2013';
  outputDir: string;
  goldPath: string;
  regionsPath: string | null;
  pdfPath: string | null;
}

export interface IcdarFiles {
  goldPath: string;
  regionsPath?: string;
  pdfPath?: string;
}

/** Scores an output (folder or in-memory) against the structure file (and region file). */
export async function scoreIcdarFiles(output: IcdarOutput, outputDir: string, files: IcdarFiles): Promise<IcdarReport> {
  const gold = await loadIcdar(files.goldPath);
  if (gold.kind !== 'structure') throw new Error(`${files.goldPath} holds no cells: give the structure file (*-str.xml) as --gold`);
  let regionsPath: string | null = null;
  let pdfPath: string | null = null;
  let score: IcdarScore;
  if (files.regionsPath) {
    regionsPath = files.regionsPath;
    const regions = await loadIcdar(regionsPath);
    pdfPath = files.pdfPath ?? (await pdfBesideGold([regionsPath, files.goldPath]));
    if (!pdfPath) throw new Error(`the region measures count the PDF's characters: give the PDF with --pdf (none found beside ${regionsPath})`);
    const pdf = await readPdfWords(pdfPath);
    // The PDF's own page sizes turn the gold's boxes round, also for an output without them.
    const pageSizes = new Map([...output.pageSizes, ...pdf.pageSizes]);
    score = scoreIcdar(gold, { ...output, pageSizes }, { regions, words: pdf.words });
  } else score = scoreIcdar(gold, output);
  return { format: 'icdar2013', outputDir, goldPath: files.goldPath, regionsPath, pdfPath, ...score };
}

export async function scoreIcdarFolder(outputDir: string, files: IcdarFiles): Promise<IcdarReport> {
  return scoreIcdarFiles(await icdarOutputOfFolder(await readOutput(outputDir)), outputDir, files);
}
