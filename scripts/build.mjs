/**
 * Bundle the command-line program into dist/ with esbuild, so a run starts from plain JavaScript
 * instead of compiling ~100 TypeScript files through a loader (about a second of start-up).
 * `bin/report-extract.js` calls this whenever src/ is newer than the last build; `npm run build`
 * does it by hand. Packages stay external: they load from node_modules as usual.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { patchPdfjsDisplay, patchPdfjsWorker } from './pdfjs-patch.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(root, 'dist');
const STAMP = path.join(DIST, '.built');

/** Entry points: the program, the scripts its worker threads start, the library, and the pipeline (bench). */
const ENTRIES = ['src/cli/main.ts', 'src/cli/worker.ts', 'src/load/page-worker.ts', 'src/index.ts', 'src/pipeline.ts'];
/** The library's declarations (tsc), outside dist/ so that the automatic rebuilds keep them. */
export const TYPES = path.join(root, 'types');
/** Files the bundles load at run time by path, copied next to them. */
const ASSETS = ['src/threads/boot.mjs'];

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** Whether dist/ is missing or older than any source file (or package.json). */
export function stale() {
  let built;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return true;
  }
  return Math.max(newest(path.join(root, 'src')), statSync(path.join(root, 'package.json')).mtimeMs) > built;
}

/**
 * pdf.js's parser module with the reading patches (pdfjs-patch.mjs) as DIR/pdfjs/pdf.worker.mjs,
 * and its display module patched to go with it as DIR/pdfjs/pdf.mjs, where src/threads/boot.mjs
 * and src/threads/entry.ts look for them; when a patch no longer applies, that module (and, for the
 * parser, both) is not written and loads as installed.
 */
function writePatchedPdfjs(dir) {
  const require = createRequire(import.meta.url);
  const parser = patchPdfjsWorker(readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.worker.mjs'), 'utf8'));
  if (parser.missing.length) return;
  mkdirSync(path.join(dir, 'pdfjs'), { recursive: true });
  writeFileSync(path.join(dir, 'pdfjs', 'pdf.worker.mjs'), parser.source);
  const display = patchPdfjsDisplay(readFileSync(require.resolve('pdfjs-dist/legacy/build/pdf.mjs'), 'utf8'));
  if (!display.missing.length) writeFileSync(path.join(dir, 'pdfjs', 'pdf.mjs'), display.source);
}

/** Build into a temporary folder and swap it in, so a concurrent run never sees half a build. */
export async function build() {
  const { build: esbuild } = await import('esbuild');
  const tmp = `${DIST}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await esbuild({
    absWorkingDir: root,
    entryPoints: ENTRIES.filter((e) => {
      try {
        return statSync(path.join(root, e)).isFile();
      } catch {
        return false;
      }
    }),
    outbase: 'src',
    outdir: tmp,
    bundle: true,
    // Shared code in chunks, and the commands a run does not use (score, diff, merge) not loaded.
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const a of ASSETS) {
    const to = path.join(tmp, path.relative('src', a));
    mkdirSync(path.dirname(to), { recursive: true });
    cpSync(path.join(root, a), to);
  }
  writePatchedPdfjs(tmp);
  writeFileSync(path.join(tmp, '.built'), new Date().toISOString());
  const old = `${DIST}.${process.pid}.old`;
  try {
    renameSync(DIST, old);
  } catch {
    // no previous build
  }
  try {
    renameSync(tmp, DIST);
  } catch (e) {
    // Another process swapped in its build first: use that one.
    rmSync(tmp, { recursive: true, force: true });
    if (!statSync(DIST, { throwIfNoEntry: false })) throw e;
  }
  rmSync(old, { recursive: true, force: true });
}

/** Whether types/ is missing or older than any source file. */
export function typesStale() {
  const built = statSync(path.join(TYPES, 'index.d.ts'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  return newest(path.join(root, 'src')) > built;
}

/** Emit the library's .d.ts files with tsc (tsconfig.types.json) into types/, swapped in whole. */
export function buildTypes() {
  const tmp = `${TYPES}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.types.json'), '--outDir', tmp], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`tsc could not emit the declarations:\n${r.stdout}${r.stderr}`);
  }
  const old = `${TYPES}.${process.pid}.old`;
  try {
    renameSync(TYPES, old);
  } catch {
    // no previous declarations
  }
  renameSync(tmp, TYPES);
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  await build();
  console.error(`built ${path.relative(process.cwd(), DIST) || DIST}/`);
  if (process.argv.includes('--types')) {
    buildTypes();
    console.error(`built ${path.relative(process.cwd(), TYPES) || TYPES}/`);
  }
}
