/**
 * Progress on stderr while documents are extracted: one bar per document being read — its pages,
 * then the pages that go through OCR with an estimate of the time left — and a line for the batch,
 * redrawn in place. Only when stderr is a terminal and not with --quiet. Other messages go through
 * `log`, which clears the bars first so they never mix.
 */
import type { PageProgress } from '../pipeline.js';

/** What the bar of one document shows. */
export interface DocBar {
  file: string;
  /** ms (same clock as `now`) when the document started. */
  started: number;
  progress: PageProgress;
  /** ms when the first page went to OCR. */
  ocrStarted?: number;
  finished?: boolean;
}

const BAR = 20;
const NAME = 24;
/** Documents drawn at most; the rest are counted on the batch line. */
const MAX_BARS = 8;

function bar(frac: number): string {
  const fill = Math.max(0, Math.min(BAR, Math.round(frac * BAR)));
  return `[${'#'.repeat(fill)}${'.'.repeat(BAR - fill)}]`;
}

export function duration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

/**
 * Time left for a document's OCR: the mean time per recognised page so far, times the OCR pages
 * still to come — those sent and not done, plus the unread pages in the share that needed OCR so
 * far. Null until a page has been recognised.
 */
export function ocrEta(d: DocBar, now: number): number | null {
  const p = d.progress;
  if (!p.ocr || !p.ocrDone || d.ocrStarted === undefined) return null;
  const perPage = (now - d.ocrStarted) / p.ocrDone;
  const toCome = p.ocr - p.ocrDone + (p.read ? (p.pages - p.read) * (p.ocr / p.read) : 0);
  return perPage * toCome;
}

/** One document's line. */
export function renderBar(d: DocBar, now: number): string {
  const p = d.progress;
  // The path as given, its end kept when long: two report.pdf in different folders stay apart.
  const label = (d.file.length > NAME ? `…${d.file.slice(-(NAME - 1))}` : d.file).padEnd(NAME);
  if (!p.pages) return `${label} ${bar(0)} opening`;
  // A page is done when laid out: at once, or once recognised.
  const done = p.read - p.ocr + p.ocrDone;
  let line = `${label} ${bar(done / p.pages)} ${String(p.read).padStart(String(p.pages).length)}/${p.pages} pages`;
  if (p.ocr) {
    const eta = ocrEta(d, now);
    // Nothing left to recognise: the document is in its last stages, which the estimate does not cover.
    line += `, OCR ${p.ocrDone}/${p.ocr}${eta === null || eta === 0 ? '' : `, ~${duration(eta)} left`}`;
  }
  return line;
}

/** Every line of the display: the bars of the documents being read, then the batch. */
export function renderProgress(docs: DocBar[], filesDone: number, files: number, now: number, columns = 100): string[] {
  const active = docs.filter((d) => !d.finished);
  const pages = docs.reduce((n, d) => n + (d.finished ? d.progress.pages : d.progress.read - d.progress.ocr + d.progress.ocrDone), 0);
  const lines = active.slice(0, MAX_BARS).map((d) => renderBar(d, now));
  const more = active.length - lines.length;
  lines.push(`${filesDone}/${files} files, ${pages} pages${more > 0 ? ` (${more} more being read)` : ''}`);
  return lines.map((l) => (l.length > columns - 1 ? l.slice(0, columns - 1) : l));
}

export class Progress {
  private readonly enabled: boolean;
  private last = 0;
  /** Lines on screen now. */
  private shown = 0;
  private readonly docs = new Map<number, DocBar>();
  private filesDone = 0;

  constructor(
    private readonly files: number,
    quiet: boolean,
    private readonly out: NodeJS.WriteStream = process.stderr,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.enabled = !quiet && Boolean(out.isTTY);
  }

  /** Whether bars are drawn at all (a terminal, not --quiet): otherwise no progress need be sent. */
  get drawn(): boolean {
    return this.enabled;
  }

  /** Document `index` (the input `file`) started. */
  start(index: number, file: string): void {
    this.docs.set(index, { file, started: this.now(), progress: { pages: 0, read: 0, ocr: 0, ocrDone: 0 } });
    this.draw(true);
  }

  /** Document `index` has come this far. */
  update(index: number, p: PageProgress): void {
    const d = this.docs.get(index);
    if (!d) return;
    if (p.ocr && d.ocrStarted === undefined) d.ocrStarted = this.now();
    d.progress = p;
    this.draw();
  }

  fileDone(index: number): void {
    this.filesDone++;
    const d = this.docs.get(index);
    if (d) d.finished = true;
    this.draw(true);
  }

  /** Print a line of its own (an error, a note) without breaking the bars. */
  log(line: string): void {
    this.clear();
    this.out.write(line + '\n');
    this.draw(true);
  }

  /** Remove the bars from the screen. */
  clear(): void {
    if (this.enabled && this.shown) this.out.write(`${this.home()}\x1b[J`);
    this.shown = 0;
  }

  /** Back to the first column of the first line drawn. */
  private home(): string {
    return this.shown > 1 ? `\x1b[${this.shown - 1}F` : '\r';
  }

  private draw(force = false): void {
    if (!this.enabled) return;
    const now = this.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const lines = renderProgress([...this.docs.values()], this.filesDone, this.files, now, this.out.columns || 100);
    this.out.write(`${this.shown ? this.home() : ''}\x1b[J${lines.join('\n')}`);
    this.shown = lines.length;
  }
}
