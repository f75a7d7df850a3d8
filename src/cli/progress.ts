/**
 * One progress line on stderr for the whole batch — pages done of pages known, files done of
 * files — redrawn in place, only when stderr is a terminal and not with --quiet. Other messages go
 * through `log`, which clears the line first so they never mix with the bar.
 */
export class Progress {
  private readonly enabled: boolean;
  private last = 0;
  private shown = false;
  private readonly pages = new Map<number, { done: number; total: number; finished?: boolean }>();
  private filesDone = 0;

  constructor(
    private readonly files: number,
    quiet: boolean,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.enabled = !quiet && Boolean(out.isTTY);
  }

  /** Document `index` has read `done` of its `total` pages. */
  update(index: number, done: number, total: number): void {
    this.pages.set(index, { done, total });
    this.draw();
  }

  fileDone(index: number): void {
    this.filesDone++;
    const p = this.pages.get(index);
    if (p) Object.assign(p, { finished: true, done: p.total });
    else this.pages.set(index, { done: 0, total: 0, finished: true });
    this.draw(true);
  }

  /** Print a line of its own (an error, a note) without breaking the bar. */
  log(line: string): void {
    this.clear();
    this.out.write(line + '\n');
    this.draw(true);
  }

  clear(): void {
    if (this.enabled && this.shown) this.out.write('\r\x1b[2K');
    this.shown = false;
  }

  private draw(force = false): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    let done = 0;
    let total = 0;
    let units = 0;
    for (const p of this.pages.values()) {
      done += p.done;
      total += p.total;
      units += p.finished ? 1 : p.total ? p.done / p.total : 0;
    }
    const width = 30;
    const frac = this.files ? units / this.files : 0;
    const fill = Math.max(0, Math.min(width, Math.round(frac * width)));
    const cols = this.out.columns || 100;
    const text = `[${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} pages, ${this.filesDone}/${this.files} files`;
    this.out.write(`\r\x1b[2K${text.slice(0, cols - 1)}`);
    this.shown = true;
  }
}
