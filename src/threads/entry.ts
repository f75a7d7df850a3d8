/**
 * Where a worker thread's scripts are, from the sources (run through tsx or vitest) or from the
 * esbuild bundle in dist/ (scripts/build.mjs), which keeps src/'s folders; and which pdf.js parser they load. This module is part of
 * whichever bundle imports it, so the package root is found by looking up for package.json.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BUNDLED = !import.meta.url.endsWith('.ts');

function packageRoot(): URL {
  let dir = new URL('./', import.meta.url);
  for (let i = 0; i < 8 && !existsSync(fileURLToPath(new URL('package.json', dir))); i++) dir = new URL('../', dir);
  return dir;
}

const ROOT = packageRoot();

/** URL of the module for `rel` (a path under src/ without extension, e.g. 'load/page-worker'). */
export function workerEntry(rel: string): URL {
  return new URL(BUNDLED ? `dist/${rel}.js` : `src/${rel}.ts`, ROOT);
}

/**
 * pdf.js's parser module: in the bundle, the copy scripts/build.mjs patched for reading (see
 * scripts/pdfjs-patch.mjs; boot.mjs finds it the same way), else the package's own.
 */
const PATCHED_PARSER = new URL('dist/pdfjs/pdf.worker.mjs', ROOT);
export const PDFJS_PARSER: string = BUNDLED && existsSync(fileURLToPath(PATCHED_PARSER)) ? PATCHED_PARSER.href : 'pdfjs-dist/legacy/build/pdf.worker.mjs';

/** pdf.js's display module: in the bundle, the copy patched to go with that parser, else the package's own. */
const PATCHED_DISPLAY = new URL('dist/pdfjs/pdf.mjs', ROOT);
export const PDFJS_DISPLAY: string = BUNDLED && existsSync(fileURLToPath(PATCHED_DISPLAY)) ? PATCHED_DISPLAY.href : 'pdfjs-dist/legacy/build/pdf.mjs';

/** The plain-JavaScript boot script every worker thread starts with (see boot.mjs). */
export const BOOT_URL = new URL(BUNDLED ? 'dist/threads/boot.mjs' : 'src/threads/boot.mjs', ROOT);
