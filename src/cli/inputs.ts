/**
 * Expanding the command line's inputs: files, folders (their .pdf and .txt files, recursively) and
 * globs; each input once; each with its own doc-id (the output folder name), unique in the batch.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { precheckFile } from '../load/input.js';
import { fsProblem, toFailure, type Failure } from './errors.js';
import { shardOf, type Shard } from './shard.js';

export interface Input {
  /** The path as given or as found in a folder. */
  file: string;
  /** Set when the input cannot be used at all (missing, a folder without inputs, …). */
  error?: Failure;
  /** The output folder name; set by assignDocIds. */
  docId?: string;
  /** Why docId differs from the file name (another input already has that id). */
  renamed?: string;
  /**
   * The path relative to the root it was found under (the folder or the glob's base given on the
   * command line; a file given by name: its path as given), '/'-separated: the key --shard hashes.
   */
  key: string;
}

const SUPPORTED = /\.(pdf|txt)$/i;

/** A path as a shard key: '/'-separated, without './'. */
const keyOf = (p: string): string => path.normalize(p).split(path.sep).join('/');

function unreadable(message: string): Failure {
  return { code: 'unreadable', message };
}

function globToRegExp(glob: string): RegExp {
  const re = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*\*\/?/g, '\u0000')
    .replace(/\*/g, '[^/]*')
    .replace(/\?/g, '[^/]')
    .replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${re}$`);
}

/**
 * Supported files under `dir`, sorted by name at each level, at most `depth` folders down; hidden
 * files and folders are skipped; unreadable sub-folders are reported.
 */
async function walk(dir: string, out: Input[], depth = Infinity, root = dir): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    out.push({ file: dir, key: keyOf(path.relative(root, dir) || dir), error: unreadable(`cannot list this folder: ${fsProblem(e) ?? String(e)}`) });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.')) continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth > 0) await walk(p, out, depth - 1, root);
    } else if (SUPPORTED.test(e.name)) out.push({ file: p, key: keyOf(path.relative(root, p)) });
  }
}

export async function expandInputs(args: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const a of args) {
    if (/[*?]/.test(a)) {
      const base = a.slice(0, a.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const re = globToRegExp(path.normalize(a));
      const found: Input[] = [];
      // Without **, a pattern cannot match deeper than its own number of folders.
      const rest = path.normalize(a).slice(path.normalize(base).length);
      await walk(base, found, a.includes('**') ? Infinity : rest.split('/').filter(Boolean).length - 1);
      const files = found.filter((f) => !f.error && re.test(path.normalize(f.file)));
      if (!files.length) out.push({ file: a, key: a, error: unreadable('no .pdf or .txt file matches this pattern') });
      out.push(...files);
      continue;
    }
    let st;
    try {
      st = await stat(a);
    } catch (e) {
      out.push({ file: a, key: keyOf(a), error: unreadable(fsProblem(e) === 'no such file or folder' ? 'no such file or folder' : `cannot read it: ${fsProblem(e) ?? String(e)}`) });
      continue;
    }
    if (st.isDirectory()) {
      const found: Input[] = [];
      await walk(a, found);
      if (!found.some((f) => !f.error)) out.push({ file: a, key: keyOf(a), error: unreadable('is a folder with no .pdf or .txt file in it') });
      out.push(...found);
    } else if (!st.isFile()) {
      out.push({ file: a, key: keyOf(a), error: unreadable('not a regular file (a device, pipe or socket)') });
    } else out.push({ file: a, key: keyOf(a) });
  }
  return dedupe(out);
}

/** The same file named twice (a folder and a glob, a symlink) is extracted once. */
async function dedupe(inputs: Input[]): Promise<Input[]> {
  const seen = new Set<string>();
  const out: Input[] = [];
  for (const i of inputs) {
    if (i.error) {
      out.push(i);
      continue;
    }
    const key = await realpath(i.file).catch(() => path.resolve(i.file));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

/** A doc-id that is one safe path segment: never empty, '.', '..' or containing a separator. */
export function baseDocId(file: string): string {
  const base = path
    .basename(file)
    .replace(/\.[^.]*$/, '')
    .replace(/[/\\\u0000]/g, '_');
  return !base || /^\.+$/.test(base) ? 'document' : base;
}

/**
 * Give every input a doc-id unique in the batch (case-insensitively, for case-insensitive file
 * systems), in input order so the result does not depend on which document finishes first. A
 * clash gets the extension appended (report.txt after report.pdf → report-txt), then a number.
 */
export function assignDocIds(inputs: Input[], taken = new Map<string, string>()): Input[] {
  for (const i of inputs) {
    if (i.error) continue;
    const base = baseDocId(i.file);
    let id = base;
    if (taken.has(id.toLowerCase())) {
      const ext = path.extname(i.file).slice(1).toLowerCase();
      const stem = ext ? `${base}-${ext}` : base;
      id = ext ? stem : `${stem}-2`;
      for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${stem}-${n}`;
      i.renamed = `doc-id "${base}" is already used by ${taken.get(base.toLowerCase())}, so this one is "${id}"`;
    }
    taken.set(id.toLowerCase(), i.file);
    i.docId = id;
  }
  return inputs;
}

/**
 * The inputs of a run: expanded, given doc-ids over all of them (so a shard's are those of a whole
 * run), cut to the shard's share, and those whose first bytes already say they cannot be read
 * marked failed (no worker needed). `total`: inputs before sharding.
 */
export async function prepareInputs(args: string[], shard?: Shard): Promise<{ inputs: Input[]; total: number }> {
  const all = assignDocIds(await expandInputs(args));
  const inputs = shard ? all.filter((i) => shardOf(i.key, shard.n) === shard.k) : all;
  for (const i of inputs) {
    if (i.error) continue;
    const refused = await precheckFile(i.file).catch((e: unknown) => e);
    if (refused) i.error = toFailure(refused);
  }
  return { inputs, total: all.length };
}
