/**
 * `report-extract review <DOC_OUTPUT_DIR> [--source FILE]`: writes DIR/review/index.html and the
 * page images beside it. The folder must be an output folder of `extract` (report.json and
 * boxes.csv); the source report is found by its name from report.json (in the current folder or
 * next to the output folders) or given with --source, and must be the file that was extracted
 * (same sha256). The review folder is written aside and renamed into place, so a failed run leaves
 * nothing.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type CommandIo, exists, parseCommand, processIo, usageError as usageErrorFor } from '../evaluate/command-io.js';
import { readReport } from '../evaluate/read-output.js';
import { reviewData } from './data.js';
import { reviewHtml } from './html.js';
import { IMAGE_SETTINGS, writePageImages } from './images.js';

export const REVIEW_USAGE = `Usage: report-extract review <DOC_OUTPUT_DIR> [--source FILE]

Writes DOC_OUTPUT_DIR/review/index.html (and its page images beside it): every page with the
records drawn over it, a searchable list of the records and the checks that need a human look.
Open it from the file system; it needs no server and no network.

Options:
  --source FILE           the report that was extracted (default: the file named in report.json,
                          looked for in the current folder and next to the output folders)
  -h, --help              show this help

Exit codes: 0 written, 1 the source report cannot be found or read, 2 usage error (not an output
folder).
`;

/** `argv` is what follows the word `review`. */
export async function reviewCommand(argv: string[], io: CommandIo = processIo): Promise<number> {
  const usageError = usageErrorFor(io, 'review', REVIEW_USAGE);
  const parsed = parseCommand(argv, { source: { type: 'string' } }, io, 'review', REVIEW_USAGE);
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) return usageError(`expected one output folder, got ${positionals.length}`);
  const dir = positionals[0];
  const notOutput = await outputFolderProblem(dir);
  if (notOutput) {
    io.stderr(`report-extract review: ${dir} is not an output folder of report-extract extract: ${notOutput}\n`);
    return 2;
  }
  try {
    const report = (await readReport(dir))!;
    const source = await findSource(dir, report, values.source);
    const written = await writeReview(dir, source);
    io.stderr(`review: ${path.join(written, 'index.html')}\n`);
    return 0;
  } catch (error) {
    io.stderr(`report-extract review: ${(error as Error).message}\n`);
    return 1;
  }
}

/** Why `dir` is not an output folder (null when it is one). */
export async function outputFolderProblem(dir: string): Promise<string | null> {
  const info = await stat(dir).catch(() => null);
  if (!info) return 'no such folder';
  if (!info.isDirectory()) return 'it is a file';
  for (const f of ['report.json', 'boxes.csv', 'paragraphs.csv']) if (!(await exists(path.join(dir, f)))) return `it has no ${f}`;
  const report = await readReport(dir).catch(() => null);
  const source = report?.source as { file?: unknown; sha256?: unknown } | undefined;
  if (typeof report?.doc_id !== 'string' || typeof source?.file !== 'string') return 'its report.json does not name a document and its source';
  return null;
}

interface Source {
  file: string;
  data: Uint8Array;
}

async function findSource(dir: string, report: Record<string, unknown>, given: string | undefined): Promise<Source> {
  const { file, sha256 } = report.source as { file: string; sha256?: string };
  const candidates = given ? [given] : [file, path.join(path.dirname(path.resolve(dir)), file), path.join(path.dirname(path.dirname(path.resolve(dir))), file)];
  for (const c of candidates) {
    const data = await readFile(c).catch(() => null);
    if (!data) continue;
    const hash = createHash('sha256').update(data).digest('hex');
    if (sha256 && hash !== sha256) {
      if (given) throw new Error(`${given} is not the file that was extracted (its sha256 differs from report.json's)`);
      continue;
    }
    return { file: c, data: new Uint8Array(data) };
  }
  throw new Error(given ? `cannot read ${given}` : `cannot find the source ${file} (in the current folder or next to the output folders): give it with --source FILE`);
}

/** Write DIR/review atomically; returns its path. */
async function writeReview(dir: string, source: Source): Promise<string> {
  const final = path.join(dir, 'review');
  const tmp = path.join(dir, `.review-tmp-${process.pid}`);
  await rm(tmp, { recursive: true, force: true });
  try {
    await mkdir(tmp);
    const data = await reviewData(dir);
    const pages = await writePageImages(source.file, source.data, tmp);
    const zoom = data.unit === 'grid' ? IMAGE_SETTINGS.dumpColumn : IMAGE_SETTINGS.scale;
    await writeFile(path.join(tmp, 'index.html'), reviewHtml(data, pages, zoom));
    await rm(final, { recursive: true, force: true });
    await rename(tmp, final);
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
  return final;
}
