/** A one-line progress bar on stderr when it is a terminal; silent on a pipe or with --quiet. */
export class Progress {
  private readonly enabled: boolean;
  private last = 0;

  constructor(
    private readonly label: string,
    quiet: boolean,
  ) {
    this.enabled = !quiet && Boolean(process.stderr.isTTY);
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && done < total) return;
    this.last = now;
    const width = 30;
    const fill = total ? Math.round((done / total) * width) : 0;
    process.stderr.write(`\r${this.label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${done}/${total} pages`);
  }

  done(): void {
    if (this.enabled && this.last) process.stderr.write('\r\x1b[2K');
  }
}
