/**
 * The document model: one typed object that the structure stage builds and every exporter reads
 * (CSV, JSON). Records are the zod-inferred types from validate/schemas.ts.
 */
import type { Block, BoxRecord, CellRecord, CheckRecord, Footnote, Heading, Paragraph, TableMethodRecord, TableRecord, TableSpans } from '../validate/schemas.js';
import type { PageSource } from './page.js';
import type { OcrConfidence } from '../structure/confidence.js';

/** A validation check (its shape: CheckSchema). */
export type Check = CheckRecord;

export interface Unclassified {
  page: number | null;
  text: string;
  reason: string;
}

/** One entry of a table of contents: its label, title, level (as headings' levels) and announced page. */
export interface OutlineRecord {
  label: string;
  title: string;
  level: number;
  page: number | null;
}

export interface ExtractedTable {
  record: TableRecord;
  /** The grid as printed: header rows first, then body rows; merged cells keep text top-left. */
  grid: string[][];
  cells: CellRecord[];
  notes: string[];
  checks: Check[];
  /** How the grid was read and why (report.json `tables`). */
  method?: TableMethodRecord;
  /** Mean OCR word confidence of the table's text (OCR pages only). */
  confidence?: number;
  /** Merged cells of `grid`. */
  spans?: TableSpans['spans'];
}

export interface PageInfo {
  page: number;
  source: PageSource;
  /** Page size in PDF points (as displayed: after the page's rotation). */
  width?: number;
  height?: number;
  /** Rotation in degrees the PDF displays the page with, when not 0. */
  rotation?: number;
  /** Mean OCR confidence for OCR pages. */
  confidence?: number;
  /** Why the page was OCR'd (its text layer was missing or unusable, or --ocr always). */
  ocr_reason?: string;
}

export interface DocumentMetadata {
  symbol: string | null;
  title: string | null;
  year: number | null;
  language: string | null;
}

export interface ExtractedDocument {
  docId: string;
  source: {
    file: string;
    sha256: string;
    bytes: number;
    kind: 'pdf' | 'text';
    pages: number;
    pageInfo: PageInfo[];
    /** Text dumps: the encoding the bytes were decoded with, and how it was chosen. */
    encoding?: { name: string; detected: string; assumed: boolean };
    /** PDFs: the file is encrypted (and was opened with the empty or the given password). */
    encrypted?: boolean;
  };
  profile: string;
  metadata: DocumentMetadata;
  paragraphs: Paragraph[];
  headings: Heading[];
  footnotes: Footnote[];
  blocks: Block[];
  tables: ExtractedTable[];
  /** Where each record was printed: page and box, one per piece (boxes.csv). */
  boxes: BoxRecord[];
  unclassified: Unclassified[];
  /** The tables of contents, read as an outline (report.json `contents`). */
  contents?: OutlineRecord[];
  checks: Check[];
  /** OCR confidence per record and the records to review (only when pages were OCR'd). */
  ocr?: OcrConfidence | null;
  /** What was repaired or assumed while reading the input (report.json `warnings`). */
  warnings?: { code: string; message: string; pages?: number[] }[];
  timings: Record<string, number>;
}
