/** Expanding the command line's inputs: files, folders (their .pdf and .txt files) and globs. */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface Input {
  file: string;
  /** Set when the input cannot be used at all (missing, a folder without inputs). */
  error?: string;
}

const SUPPORTED = /\.(pdf|txt)$/i;

function globToRegExp(glob: string): RegExp {
  const re = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\/?/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]').replace(/\u0000/g, '(?:.*/)?');
  return new RegExp(`^${re}$`);
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p)));
    else if (SUPPORTED.test(e.name)) out.push(p);
  }
  return out;
}

export async function expandInputs(args: string[]): Promise<Input[]> {
  const out: Input[] = [];
  for (const a of args) {
    if (/[*?]/.test(a)) {
      const base = a.slice(0, a.search(/[*?]/)).replace(/[^/]*$/, '') || '.';
      const re = globToRegExp(path.normalize(a));
      const files = (await walk(base).catch(() => [])).filter((f) => re.test(path.normalize(f)));
      if (!files.length) out.push({ file: a, error: 'no .pdf or .txt file matches this pattern' });
      out.push(...files.map((file) => ({ file })));
      continue;
    }
    const st = await stat(a).catch(() => null);
    if (!st) out.push({ file: a, error: 'no such file or folder' });
    else if (st.isDirectory()) {
      const files = await walk(a);
      if (!files.length) out.push({ file: a, error: 'folder holds no .pdf or .txt file' });
      out.push(...files.map((file) => ({ file })));
    } else out.push({ file: a });
  }
  return out;
}
