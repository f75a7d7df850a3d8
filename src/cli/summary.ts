/** The batch's closing table on stderr: one row per input, in input order, and a totals line. */

export interface SummaryRow {
  file: string;
  docId?: string;
  pages?: number;
  paragraphs?: number;
  tables?: number;
  failedChecks?: number;
  seconds?: number;
  /** 'ok', 'ok, 2 warnings', 'FAILED (not-pdf)'. */
  status: string;
  ok: boolean;
}

const num = (n: number | undefined): string => (n === undefined ? '-' : String(n));

export function formatSummary(rows: SummaryRow[], wallSeconds: number): string {
  const head = ['file', 'doc-id', 'pages', 'paragraphs', 'tables', 'failed checks', 'seconds', 'status'];
  const right = [false, false, true, true, true, true, true, false];
  const body = rows.map((r) => [r.file, r.docId ?? '-', num(r.pages), num(r.paragraphs), num(r.tables), num(r.failedChecks), r.seconds === undefined ? '-' : r.seconds.toFixed(1), r.status]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (right[i] ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const ok = rows.filter((r) => r.ok).length;
  const pages = rows.reduce((n, r) => n + (r.ok ? (r.pages ?? 0) : 0), 0);
  const out = [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)];
  out.push(
    `${rows.length} input${rows.length === 1 ? '' : 's'}: ${ok} extracted, ${rows.length - ok} failed; ${pages} pages in ${wallSeconds.toFixed(1)} s` +
      (wallSeconds > 0 && pages ? ` (${(pages / wallSeconds).toFixed(1)} pages/s)` : ''),
  );
  return out.join('\n') + '\n';
}
